import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { basicAuthorization, createGit, gitAuthEnv, GitError } from '../src/hosts/pages/git.js'
import {
  assertSitePath,
  buildRecordEntries,
  checkFileSizes,
  classifyGitFailure,
  parseLsTree,
  pathsUnder,
  remoteReasons,
  sourceDir
} from '../src/hosts/pages/tree.js'

const MiB = 1024 * 1024

describe('classifyGitFailure', () => {
  // Messages as git 2.39 and GitHub print them.
  it.each([
    ["fatal: couldn't find remote ref refs/heads/gh-pages", 'missing-branch'],
    [
      "remote: Permission to o/r.git denied to github-actions[bot].\nfatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 403",
      'permission'
    ],
    [
      "remote: Write access to repository not granted.\nfatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 403",
      'permission'
    ],
    ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'auth'],
    [
      "remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/o/r.git/'",
      'auth'
    ],
    [
      "remote: Repository not found.\nfatal: repository 'https://github.com/o/r.git/' not found",
      'not-found'
    ],
    [' ! [rejected]        abc -> gh-pages (fetch first)\nerror: failed to push some refs', 'race'],
    ['!\tabc:refs/heads/gh-pages\t[rejected] (non-fast-forward)', 'race'],
    ['!\tabc:refs/heads/gh-pages\t[rejected] (stale info)', 'race'],
    [
      " ! [remote rejected] abc -> gh-pages (cannot lock ref 'refs/heads/gh-pages': is at 1 but expected 2)",
      'race'
    ],
    [
      'error: RPC failed; curl 52 Empty reply from server\nsend-pack: unexpected disconnect while reading sideband packet',
      'transient'
    ],
    ['fatal: the remote end hung up unexpectedly', 'transient'],
    [
      "fatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 502",
      'transient'
    ],
    [
      "fatal: unable to access 'https://github.com/o/r.git/': Could not resolve host: github.com",
      'transient'
    ],
    [
      'remote: error: GH006: Protected branch update failed for refs/heads/gh-pages.\nremote: error: Changes must be made through a pull request.\n ! [remote rejected] abc -> gh-pages (protected branch hook declined)',
      'protected'
    ],
    [
      'remote: error: GH013: Repository rule violations found for refs/heads/gh-pages.\nremote: - Changes must be made through a pull request.\n ! [remote rejected] abc -> gh-pages (push declined due to repository rule violations)',
      'ruleset'
    ],
    [
      'remote: error: GH013: Repository rule violations found for refs/heads/gh-pages.\nremote: - Commits must have verified signatures.\n ! [remote rejected] abc -> gh-pages (push declined due to repository rule violations)',
      'unsigned'
    ],
    [
      'remote: error: GH006: Protected branch update failed for refs/heads/gh-pages.\nremote: error: Commits must have verified signatures.',
      'unsigned'
    ],
    ['fatal: something else entirely', 'other']
  ])('%s → %s', (output, expected) => {
    expect(classifyGitFailure(output)).toBe(expected)
  })
})

describe('checkFileSizes', () => {
  it('refuses 100 MiB and more, naming the file, its size and host: s3', () => {
    expect(() => checkFileSizes([{ path: 'ota/a/1-1/app.ipa', size: 100 * MiB }])).toThrow(
      new UserError(
        'ota/a/1-1/app.ipa is 100 MiB, but GitHub refuses files of 100 MiB or more in a push: make the build smaller or publish with `host: s3`, which takes any size.'
      )
    )
  })

  it('warns from 50 MiB and passes smaller files silently', () => {
    expect(
      checkFileSizes([
        { path: 'small', size: 50 * MiB - 1 },
        { path: 'big', size: 50 * MiB },
        { path: 'bigger', size: 100 * MiB - 1 }
      ])
    ).toEqual([
      'big is 50 MiB; GitHub warns about files over 50 MiB and refuses them from 100 MiB (`host: s3` takes any size).',
      'bigger is 99.9 MiB; GitHub warns about files over 50 MiB and refuses them from 100 MiB (`host: s3` takes any size).'
    ])
  })
})

describe('tree helpers', () => {
  const listing = parseLsTree(
    Buffer.from(
      [
        '100644 blob aaaa\t.nojekyll',
        '100644 blob bbbb\tdocs/ota/main/1-1/build.json',
        '100644 blob cccc\tdocs/ota/main/1-1/app ipa.ipa',
        '100644 blob dddd\tdocs/ota/main/build.json',
        '100644 blob eeee\tdocs/ota/main/1-1/deep/build.json',
        '100644 blob ffff\tdocs/other/main/2-1/build.json',
        '100644 blob 1111\tdocs/ota/main2/3-1/build.json'
      ].join('\0') + '\0'
    )
  )

  it('parses ls-tree -z output, paths with spaces included', () => {
    expect(listing[2]).toEqual({
      mode: '100644',
      type: 'blob',
      oid: 'cccc',
      path: 'docs/ota/main/1-1/app ipa.ipa'
    })
  })

  it('finds exactly <dir>/<root>/<channel>/<build>/build.json', () => {
    expect(buildRecordEntries(listing, 'docs', 'ota').map((entry) => entry.path)).toEqual([
      'docs/ota/main/1-1/build.json',
      'docs/ota/main2/3-1/build.json'
    ])
    expect(buildRecordEntries(listing, '', 'docs/other').map((entry) => entry.oid)).toEqual([
      'ffff'
    ])
  })

  it('lists what is under a folder, not under a sibling sharing its prefix', () => {
    expect(pathsUnder(listing, ['docs/ota/main'])).toEqual([
      'docs/ota/main/1-1/build.json',
      'docs/ota/main/1-1/app ipa.ipa',
      'docs/ota/main/build.json',
      'docs/ota/main/1-1/deep/build.json'
    ])
  })

  it('maps the Pages source path to a branch folder', () => {
    expect(sourceDir('/')).toBe('')
    expect(sourceDir(undefined)).toBe('')
    expect(sourceDir('/docs')).toBe('docs')
  })

  it('rejects plan paths that could escape or wipe the site', () => {
    for (const bad of ['', '/ota', 'ota/', 'ota/../x', './ota', 'ota\\x', 'a//b']) {
      expect(() => assertSitePath(bad)).toThrow(`Invalid site path "${bad}"`)
    }
    expect(() => assertSitePath('ota/pr-1/7-1/app.ipa')).not.toThrow()
  })
})

describe('git adapter', () => {
  it('authenticates through per-process config that is never written, and scrubs secrets from errors', async () => {
    const token = 'ghs_adapterToken0123456789'
    const header = basicAuthorization(token)
    const dir = await mkdtemp(join(tmpdir(), 'pages-git-'))
    try {
      const git = createGit({
        gitDir: dir,
        env: gitAuthEnv(token, 'https://github.example.com:8443/o/r.git'),
        secrets: [token, header.slice(6)]
      })
      await git.run(['init', '--bare', '--quiet'])

      // git's own URL matching: the header goes to the remote's origin and nowhere else.
      const headerFor = (url: string) =>
        git.text(['config', '--get-urlmatch', 'http.extraheader', url]).catch(() => undefined)
      expect(await headerFor('https://github.example.com:8443/o/r.git/info/refs')).toBe(
        `AUTHORIZATION: ${header}`
      )
      expect(await headerFor('https://github.example.com/o/r.git')).toBeUndefined()
      expect(await headerFor('https://elsewhere.example.com:8443/o/r.git')).toBeUndefined()
      expect(await headerFor('http://github.example.com:8443/o/r.git')).toBeUndefined()
      expect(await readFile(join(dir, 'config'), 'utf8')).not.toContain(header.slice(6))

      // git echoes a bad object name: the token must not come back out.
      const error = await git.run(['cat-file', '-t', token]).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(GitError)
      expect((error as GitError).message).toContain('***')
      expect((error as GitError).message).not.toContain(token)
      expect((error as GitError).stderr).not.toContain(token)
      expect(git.scrub(`x ${header} y`)).toBe('x basic *** y')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('remoteReasons', () => {
  it("keeps GitHub's words on one line, without prefixes, blank lines or the rules link", () => {
    expect(
      remoteReasons(
        [
          'remote: error: GH013: Repository rule violations found for refs/heads/gh-pages.        ',
          'remote: Review all repository rules at https://github.com/o/r/rules?ref=refs%2Fheads%2Fgh-pages',
          'remote: ',
          'remote: - Changes must be made through a pull request.        ',
          'To https://github.com/o/r.git',
          ' ! [remote rejected] abc -> gh-pages (push declined due to repository rule violations)'
        ].join('\n')
      )
    ).toBe(
      'GH013: Repository rule violations found for refs/heads/gh-pages. Changes must be made through a pull request.'
    )
  })
})
