import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, open, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserError } from '../src/errors.js'
import { basicAuthorization } from '../src/hosts/pages/git.js'
import { createPagesStore } from '../src/hosts/pages/store.js'
import type { PagesStoreOptions } from '../src/hosts/pages/store.js'
import type { BuildRecord, SiteChanges, SiteFile } from '../src/ota/types.js'
import { startGitServer } from './support/git-server.js'
import type { GitServer } from './support/git-server.js'

const TOKEN = 'ghs_writeToken0123456789abcdefABCDEF'
const READ_TOKEN = 'ghs_readOnlyToken0123456789abcdefAB'
const MiB = 1024 * 1024

let server: GitServer
let scratch: string
let repoCount = 0
let repo: string

beforeAll(async () => {
  server = await startGitServer({ tokens: { [TOKEN]: 'write', [READ_TOKEN]: 'read' } })
  scratch = await mkdtemp(join(tmpdir(), 'pages-store-'))
})
afterAll(async () => {
  await server?.close()
  await rm(scratch, { recursive: true, force: true })
})
beforeEach(async () => {
  repo = `owner/site-${++repoCount}`
  await server.createRepo(repo)
})
afterEach(() => {
  vi.restoreAllMocks()
})

/** A store on the test repository; short real sleeps keep the jitter meaningful. */
function store(overrides: Partial<PagesStoreOptions> = {}) {
  return createPagesStore({
    remoteUrl: server.remote(repo),
    token: TOKEN,
    target: async () => ({ branch: 'gh-pages', dir: '' }),
    history: 'keep',
    tempDir: scratch,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / 20)),
    ...overrides
  })
}

function record(channel: string, buildId: string): BuildRecord {
  const dir = `ota/${channel}/${buildId}`
  const url = (name: string) => `https://owner.github.io/site/${dir}/${name}`
  return {
    schema: 1,
    channel,
    buildId,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, Number(buildId.split('-')[0]))).toISOString(),
    app: { bundleId: 'com.example.app', version: '1.0', build: buildId, name: 'App', ipaSize: 4 },
    source: { serverUrl: 'https://github.com' },
    urls: {
      page: url('index.html'),
      manifest: url('manifest.plist'),
      ipa: url('app.ipa'),
      qr: url('qr.png'),
      qrSvg: url('qr.svg'),
      buildJson: url('build.json'),
      install: `itms-services://?action=download-manifest&url=${encodeURIComponent(url('manifest.plist'))}`
    },
    size: 0
  }
}

const bytes = (path: string, text: string, immutable = true): SiteFile => ({
  path,
  content: Buffer.from(text),
  size: Buffer.byteLength(text),
  contentType: 'text/plain',
  immutable
})

/** The files of one build: build.json, a manifest and an IPA streamed from disk. */
async function buildFiles(channel: string, buildId: string, ipa?: string): Promise<SiteFile[]> {
  const dir = `ota/${channel}/${buildId}`
  const ipaPath = ipa ?? join(scratch, `${channel}-${buildId}.ipa`)
  if (!ipa) await writeFile(ipaPath, `ipa ${channel} ${buildId}`)
  return [
    bytes(`${dir}/build.json`, JSON.stringify(record(channel, buildId))),
    bytes(`${dir}/manifest.plist`, `<plist>${buildId}</plist>`),
    {
      path: `${dir}/app.ipa`,
      content: { file: ipaPath },
      size: 0,
      contentType: 'application/octet-stream',
      immutable: true
    }
  ]
}

/**
 * A plan in the spirit of the real one: add the build, keep the newest `keep` of its channel,
 * and rewrite the channel's index listing what remains. Records every `current` it was given.
 */
function addBuildPlan(files: SiteFile[], channel: string, keep = Infinity) {
  const seen: BuildRecord[][] = []
  const plan = (current: BuildRecord[]): SiteChanges => {
    seen.push(current)
    const buildId = files[0]!.path.split('/')[2]!
    const sameChannel = current
      .filter((build) => build.channel === channel && build.buildId !== buildId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    const pruned = sameChannel.slice(Math.max(0, keep - 1))
    const listed = [buildId, ...sameChannel.slice(0, keep - 1).map((build) => build.buildId)]
    return {
      write: [...files, bytes(`ota/${channel}/index.html`, listed.sort().join('\n'), false)],
      removeDirs: pruned.map((build) => `ota/${channel}/${build.buildId}`)
    }
  }
  return { plan, seen }
}

async function publish(
  channel: string,
  buildId: string,
  options: Partial<PagesStoreOptions> = {},
  keep = Infinity
) {
  const { plan, seen } = addBuildPlan(await buildFiles(channel, buildId), channel, keep)
  const pages = store(options)
  await pages.update('ota', plan, `Publish ${channel} ${buildId}`)
  return { pages, seen }
}

const branchFiles = async (branch = 'gh-pages') =>
  (await server.git(repo).text(['ls-tree', '-r', '--name-only', branch])).split('\n').sort()
const parentsOf = async (rev: string) =>
  (await server.git(repo).text(['rev-list', '--parents', '-n', '1', rev])).split(' ').slice(1)
const show = (spec: string) => server.git(repo).text(['show', spec])
/** A project's branch (default: main, made the default branch): a README and its docs site. */
async function seedProject(branch = 'main'): Promise<string> {
  const git = server.git(repo)
  const blob = (text: string) => git.text(['hash-object', '-w', '--stdin'], { input: text })
  const docs = await git.text(['mktree'], {
    input: `100644 blob ${await blob('<h1>docs</h1>')}\tindex.html\n`
  })
  const tree = await git.text(['mktree'], {
    input: `100644 blob ${await blob('# project')}\tREADME.md\n040000 tree ${docs}\tdocs\n`
  })
  const commit = await git.text(['commit-tree', tree, '-m', 'project'])
  await git.run(['update-ref', `refs/heads/${branch}`, commit])
  await git.run(['symbolic-ref', 'HEAD', 'refs/heads/main'])
  return commit
}
const buildDirs = (files: string[]) =>
  [
    ...new Set(
      files.filter((file) => file.endsWith('/build.json')).map((file) => file.slice(0, -11))
    )
  ].sort()

describe('createPagesStore', () => {
  it('creates the branch with an orphan commit by github-actions[bot] holding the build and .nojekyll', async () => {
    const { pages, seen } = await publish('main', '1-1')

    expect(seen).toEqual([[]])
    expect(await branchFiles()).toEqual([
      '.nojekyll',
      'ota/main/1-1/app.ipa',
      'ota/main/1-1/build.json',
      'ota/main/1-1/manifest.plist',
      'ota/main/index.html'
    ])
    expect(await parentsOf('gh-pages')).toEqual([])
    expect(pages.commit).toBe(await server.git(repo).text(['rev-parse', 'gh-pages']))
    expect(await show('gh-pages:ota/main/1-1/app.ipa')).toBe('ipa main 1-1')
    expect(
      await server.git(repo).text(['log', '-1', '--format=%an <%ae>|%cn <%ce>|%s', 'gh-pages'])
    ).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|' +
        'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|Publish main 1-1'
    )
  })

  it('adds a second build of the same channel and one of another channel beside the first, passing earlier records to the plan', async () => {
    await publish('main', '1-1')
    const first = await server.git(repo).text(['rev-parse', 'gh-pages'])
    const second = await publish('main', '2-1')
    const third = await publish('pr-7', '3-1')

    expect(second.seen[0]!.map((build) => build.buildId)).toEqual(['1-1'])
    expect(third.seen[0]!.map((build) => `${build.channel}/${build.buildId}`).sort()).toEqual([
      'main/1-1',
      'main/2-1'
    ])
    expect(buildDirs(await branchFiles())).toEqual(['ota/main/1-1', 'ota/main/2-1', 'ota/pr-7/3-1'])
    expect(await show('gh-pages:ota/main/index.html')).toBe('1-1\n2-1')
    // History is kept: each publish is a child of the previous one.
    expect(await server.git(repo).text(['rev-list', '--count', 'gh-pages'])).toBe('3')
    expect(await server.git(repo).text(['rev-list', '--max-parents=0', 'gh-pages'])).toBe(first)
  })

  it('removes the builds a plan prunes, with everything under them', async () => {
    await publish('main', '1-1')
    await publish('main', '2-1')
    await publish('pr-7', '3-1')
    await publish('main', '4-1', {}, 2)

    expect(buildDirs(await branchFiles())).toEqual(['ota/main/2-1', 'ota/main/4-1', 'ota/pr-7/3-1'])
    expect((await branchFiles()).filter((file) => file.startsWith('ota/main/1-1'))).toEqual([])
    expect(await show('gh-pages:ota/main/index.html')).toBe('2-1\n4-1')
  })

  it('squash replaces history by one parentless commit that keeps every file not pruned', async () => {
    await publish('main', '1-1')
    await publish('pr-7', '2-1')
    const before = await branchFiles()
    const oldTip = await server.git(repo).text(['rev-parse', 'gh-pages'])

    const { pages } = await publish('main', '3-1', { history: 'squash' })

    expect(await parentsOf('gh-pages')).toEqual([])
    expect(await server.git(repo).text(['rev-list', '--count', 'gh-pages'])).toBe('1')
    expect(pages.commit).toBe(await server.git(repo).text(['rev-parse', 'gh-pages']))
    const after = await branchFiles()
    expect(after).toEqual(
      [
        ...before,
        'ota/main/3-1/app.ipa',
        'ota/main/3-1/build.json',
        'ota/main/3-1/manifest.plist'
      ].sort()
    )
    // Unchanged files are the very same blobs.
    const blob = (rev: string) =>
      server.git(repo).text(['rev-parse', `${rev}:ota/pr-7/2-1/app.ipa`])
    expect(await blob('gh-pages')).toBe(await blob(oldTip))
  })

  it('a removal plan deletes exactly the channel folder', async () => {
    await publish('main', '1-1')
    await publish('pr-7', '2-1')
    await publish('pr-7', '3-1')
    await publish('pr-70', '4-1')
    const before = await branchFiles()

    const seen: BuildRecord[][] = []
    await store().update(
      'ota',
      (current) => {
        seen.push(current)
        return { write: [], removeDirs: ['ota/pr-7'] }
      },
      'Remove pr-7'
    )

    expect(seen[0]!.map((build) => build.buildId).sort()).toEqual(['1-1', '2-1', '3-1', '4-1'])
    expect(await branchFiles()).toEqual(before.filter((file) => !file.startsWith('ota/pr-7/')))
    expect(await branchFiles()).toContain('ota/pr-70/4-1/app.ipa')
  })

  it('pushes nothing when the plan changes nothing', async () => {
    await publish('main', '1-1')
    const tip = await server.git(repo).text(['rev-parse', 'gh-pages'])
    const pushesBefore = server.requests.filter((r) => r.service === 'git-receive-pack').length

    const pages = store()
    await pages.update('ota', () => ({ write: [], removeDirs: ['ota/gone'] }), 'Remove gone')

    expect(await server.git(repo).text(['rev-parse', 'gh-pages'])).toBe(tip)
    expect(pages.commit).toBe(tip)
    expect(server.requests.filter((r) => r.service === 'git-receive-pack').length).toBe(
      pushesBefore
    )
  })

  it('publishes under the Pages source folder (/docs) of a branch of its own, .nojekyll in that folder', async () => {
    const target = async () => ({ branch: 'pages', dir: 'docs' })
    await publish('main', '1-1', { target })
    const second = await publish('main', '2-1', { target })

    expect(second.seen[0]!.map((build) => build.buildId)).toEqual(['1-1'])
    expect(await branchFiles('pages')).toEqual([
      'docs/.nojekyll',
      'docs/ota/main/1-1/app.ipa',
      'docs/ota/main/1-1/build.json',
      'docs/ota/main/1-1/manifest.plist',
      'docs/ota/main/2-1/app.ipa',
      'docs/ota/main/2-1/build.json',
      'docs/ota/main/2-1/manifest.plist',
      'docs/ota/main/index.html'
    ])
  })

  describe('a branch that holds more than the site', () => {
    const docs = async () => ({ branch: 'main', dir: 'docs' })

    it.each(['keep', 'squash'] as const)(
      'is left unchanged (history: %s) by a refusal that names the Pages setting',
      async (history) => {
        const tip = await seedProject()
        const failure = publish('main', '1-1', { target: docs, history })
        await expect(failure).rejects.toThrow(UserError)
        await expect(failure).rejects.toThrow(
          `GitHub Pages serves this site from branch main, folder /docs, which holds more than the site (it is the repository's default branch)`
        )
        await expect(failure).rejects.toThrow(
          `the Pages setting at ${server.remote(repo).replace(/\.git$/, '')}/settings/pages (Settings → Pages → Build and deployment): serve the site from branch gh-pages`
        )
        await expect(failure).rejects.toThrow(
          /set Source to "GitHub Actions", which this action then deploys from pages-branch/
        )
        expect(await server.git(repo).text(['rev-parse', 'main'])).toBe(tip)
      }
    )

    it('is refused when it is not the default branch but has files outside the served folder', async () => {
      const tip = await seedProject('site')
      await expect(
        publish('main', '1-1', { target: async () => ({ branch: 'site', dir: 'docs' }) })
      ).rejects.toThrow(
        /branch site, folder \/docs, which holds more than the site \(it holds README\.md, outside \/docs\)/
      )
      expect(await server.git(repo).text(['rev-parse', 'site'])).toBe(tip)
    })

    it('is refused when the default branch is served from its root', async () => {
      const tip = await seedProject()
      await expect(
        publish('main', '1-1', { target: async () => ({ branch: 'main', dir: '' }) })
      ).rejects.toThrow(
        /from branch main, which holds more than the site \(it is the repository's default branch\)/
      )
      expect(await server.git(repo).text(['rev-parse', 'main'])).toBe(tip)
    })

    it('with pages-shared-branch, gets the builds under /docs on top of its history, but is never squashed', async () => {
      const tip = await seedProject()
      await publish('main', '1-1', { target: docs, allowSharedBranch: true })

      expect(await parentsOf('main')).toEqual([tip])
      expect(await branchFiles('main')).toEqual([
        'README.md',
        'docs/.nojekyll',
        'docs/index.html',
        'docs/ota/main/1-1/app.ipa',
        'docs/ota/main/1-1/build.json',
        'docs/ota/main/1-1/manifest.plist',
        'docs/ota/main/index.html'
      ])
      const published = await server.git(repo).text(['rev-parse', 'main'])
      const squash = publish('main', '2-1', {
        target: docs,
        allowSharedBranch: true,
        history: 'squash'
      })
      await expect(squash).rejects.toThrow(
        /history: squash would replace that branch's whole history: nothing was written/
      )
      expect(await server.git(repo).text(['rev-parse', 'main'])).toBe(published)
    })
  })

  it('keeps files of others on the branch and does not add .nojekyll twice', async () => {
    await publish('main', '1-1')
    // Someone else's page and a stray file that only looks like a build.json.
    const seed = store()
    await seed.update(
      'ota',
      () => ({
        write: [bytes('index.html', 'home'), bytes('ota/main/x/build.json', 'not json')],
        removeDirs: []
      }),
      'Other content'
    )
    const second = await publish('main', '2-1')

    expect(second.seen[0]!.map((build) => build.buildId)).toEqual(['1-1'])
    const files = await branchFiles()
    expect(files).toContain('index.html')
    expect(files.filter((file) => file === '.nojekyll')).toHaveLength(1)
  })

  it('refuses a plan path that leaves the site folder before touching the branch', async () => {
    await publish('main', '1-1')
    const tip = await server.git(repo).text(['rev-parse', 'gh-pages'])
    for (const bad of ['', 'ota/../..', '/etc', 'ota//main']) {
      await expect(
        store().update('ota', () => ({ write: [], removeDirs: [bad] }), 'Bad')
      ).rejects.toThrow(/Invalid site path/)
    }
    expect(await server.git(repo).text(['rev-parse', 'gh-pages'])).toBe(tip)
  })

  it.each(['keep', 'squash'] as const)(
    'history %s: when another run pushes between fetch and push, plans again on its tip and loses nothing',
    async (history) => {
      await publish('main', '1-1')
      // The other run's commit, ready to land on the branch while our update is planning.
      const git = server.git(repo)
      const index = { GIT_INDEX_FILE: join(scratch, `race-${repoCount}.index`) }
      await git.run(['read-tree', 'gh-pages'], { env: index })
      const json = await git.text(['hash-object', '-w', '--stdin'], {
        input: JSON.stringify(record('pr-9', '9-1'))
      })
      await git.run(
        ['update-index', '--add', '--cacheinfo', `100644,${json},ota/pr-9/9-1/build.json`],
        {
          env: index
        }
      )
      const tree = await git.text(['write-tree'], { env: index })
      const theirs = await git.text(['commit-tree', tree, '-p', 'gh-pages', '-m', 'other run'])

      const { plan, seen } = addBuildPlan(await buildFiles('main', '2-1'), 'main')
      const racingPlan = (current: BuildRecord[]) => {
        if (seen.length === 0) {
          execFileSync('git', ['update-ref', 'refs/heads/gh-pages', theirs], {
            env: { ...process.env, GIT_DIR: server.path(repo) }
          })
        }
        return plan(current)
      }
      await store({ history }).update('ota', racingPlan, 'Publish main 2-1')

      expect(seen.map((current) => current.map((build) => build.buildId).sort())).toEqual([
        ['1-1'],
        ['1-1', '9-1']
      ])
      expect(buildDirs(await branchFiles())).toEqual([
        'ota/main/1-1',
        'ota/main/2-1',
        'ota/pr-9/9-1'
      ])
      expect(await parentsOf('gh-pages')).toEqual(history === 'keep' ? [theirs] : [])
    }
  )

  it('six publishers started at once all end up on the branch', async () => {
    await publish('main', '0-1')
    await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        publish(index % 2 ? 'main' : `pr-${index}`, `${index + 1}-1`)
      )
    )

    expect(buildDirs(await branchFiles())).toEqual([
      'ota/main/0-1',
      'ota/main/2-1',
      'ota/main/4-1',
      'ota/main/6-1',
      'ota/pr-0/1-1',
      'ota/pr-2/3-1',
      'ota/pr-4/5-1'
    ])
    // Each channel index was re-planned on the fresh state, so it lists every build of its channel.
    expect(await show('gh-pages:ota/main/index.html')).toBe('0-1\n2-1\n4-1\n6-1')
    expect(await server.git(repo).text(['rev-list', '--count', 'gh-pages'])).toBe('7')
  })

  it('retries a push whose connection dropped', async () => {
    let dropped = 0
    const flaky = await startGitServer({
      tokens: { [TOKEN]: 'write' },
      fault: (request) => {
        if (request.method === 'POST' && request.service === 'git-receive-pack' && dropped === 0) {
          dropped++
          return 'drop'
        }
        return undefined
      }
    })
    try {
      await flaky.createRepo(repo)
      const { plan } = addBuildPlan(await buildFiles('main', '1-1'), 'main')
      await store({ remoteUrl: flaky.remote(repo) }).update('ota', plan, 'Publish')

      expect(dropped).toBe(1)
      expect(flaky.requests.some((request) => request.dropped)).toBe(true)
      const files = await flaky.git(repo).text(['ls-tree', '-r', '--name-only', 'gh-pages'])
      expect(files).toContain('ota/main/1-1/app.ipa')
    } finally {
      await flaky.close()
    }
  })

  it('fetches neither history nor earlier IPAs: publishing over 200 MB of builds transfers a few KB', async () => {
    // Setup straight into the served repository: ten 20 MB IPAs of random bytes, one commit each.
    const git = server.git(repo)
    const noCompression = ['-c', 'core.looseCompression=0']
    const index = { GIT_INDEX_FILE: join(scratch, `${repoCount}.index`) }
    await git.run(['read-tree', '--empty'], { env: index })
    let parent: string | undefined
    for (let build = 1; build <= 10; build++) {
      const dir = `ota/main/${build}-1`
      const ipa = await git.text([...noCompression, 'hash-object', '-w', '--stdin'], {
        input: randomBytes(20 * MiB)
      })
      const json = await git.text(['hash-object', '-w', '--stdin'], {
        input: JSON.stringify(record('main', `${build}-1`))
      })
      await git.run(['update-index', '--add', '--cacheinfo', `100644,${ipa},${dir}/app.ipa`], {
        env: index
      })
      await git.run(['update-index', '--add', '--cacheinfo', `100644,${json},${dir}/build.json`], {
        env: index
      })
      const tree = await git.text(['write-tree'], { env: index })
      parent = await git.text([
        'commit-tree',
        tree,
        ...(parent ? ['-p', parent] : []),
        '-m',
        `build ${build}`
      ])
    }
    await git.run(['update-ref', 'refs/heads/gh-pages', parent!])
    const sizes = await git.text(['ls-tree', '-r', '-l', 'gh-pages'])
    const stored = sizes.split('\n').reduce((sum, line) => sum + Number(line.split(/\s+/)[3]), 0)
    expect(stored).toBeGreaterThanOrEqual(200 * MiB)
    const first = server.requests.length

    const { seen } = await publish('main', '11-1')

    const traffic = server.requests.slice(first)
    const fetched = traffic
      .filter((r) => r.service === 'git-upload-pack')
      .reduce((sum, r) => sum + r.bytesOut, 0)
    const sent = traffic
      .filter((r) => r.service === 'git-receive-pack')
      .reduce((sum, r) => sum + r.bytesIn, 0)
    expect(seen[0]).toHaveLength(10)
    expect(fetched).toBeGreaterThan(0)
    expect(fetched).toBeLessThan(16 * 1024)
    expect(sent).toBeLessThan(16 * 1024)
    expect(buildDirs(await branchFiles())).toHaveLength(11)

    // Squash rewrites the branch as one commit over the same blobs: still nothing large moves.
    const beforeSquash = server.requests.length
    await publish('main', '12-1', { history: 'squash' })
    const squashTraffic = server.requests
      .slice(beforeSquash)
      .reduce((sum, r) => sum + r.bytesIn + r.bytesOut, 0)
    expect(squashTraffic).toBeLessThan(32 * 1024)
    expect(await parentsOf('gh-pages')).toEqual([])
    expect(buildDirs(await branchFiles())).toHaveLength(12)
  })

  it('refuses a file of 100 MiB or more before any push, and warns from 50 MiB', async () => {
    const warnings = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const big = join(scratch, 'big.ipa')
    const handle = await open(big, 'w')
    await handle.truncate(101 * MiB) // sparse: no 101 MiB written to disk
    await handle.close()
    const first = server.requests.length

    const { plan } = addBuildPlan(await buildFiles('main', '1-1', big), 'main')
    const failure = store().update('ota', plan, 'Publish')
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      'ota/main/1-1/app.ipa is 101 MiB, but GitHub refuses files of 100 MiB or more in a push: make the build smaller or publish with `host: s3`, which takes any size.'
    )
    expect(server.requests.slice(first).filter((r) => r.service === 'git-receive-pack')).toEqual([])

    const medium = join(scratch, 'medium.ipa')
    const mediumHandle = await open(medium, 'w')
    await mediumHandle.truncate(60 * MiB)
    await mediumHandle.close()
    const { plan: mediumPlan } = addBuildPlan(await buildFiles('main', '2-1', medium), 'main')
    await store().update('ota', mediumPlan, 'Publish')
    const output = warnings.mock.calls.map(([chunk]) => String(chunk)).join('')
    expect(output).toContain(
      '::warning::ota/main/2-1/app.ipa is 60 MiB; GitHub warns about files over 50 MiB'
    )
    expect(await branchFiles()).toContain('ota/main/2-1/app.ipa')
  })

  it("ignores the runner's git configuration: an insteadOf to a dead host and failing hooks", async () => {
    // What a runner's ~/.gitconfig may hold: every request to the server rewritten to a port
    // nobody listens on, and hooks that fail every push and every ref update.
    const home = await mkdtemp(join(scratch, 'home-'))
    const hooks = join(home, 'hooks')
    await mkdir(hooks)
    for (const hook of ['pre-push', 'reference-transaction', 'post-checkout']) {
      await writeFile(join(hooks, hook), '#!/bin/sh\necho "hostile hook ran" >&2\nexit 1\n', {
        mode: 0o755
      })
    }
    await writeFile(
      join(home, '.gitconfig'),
      [
        '[url "http://127.0.0.1:9/"]',
        `\tinsteadOf = ${server.url}/`,
        '[core]',
        `\thooksPath = ${hooks}`,
        '[commit]',
        '\tgpgSign = true',
        '[http]',
        '\textraheader = X-Hostile: 1'
      ].join('\n')
    )
    vi.stubEnv('HOME', home)
    vi.stubEnv('XDG_CONFIG_HOME', home)
    try {
      await publish('main', '1-1')
    } finally {
      vi.unstubAllEnvs()
    }
    expect(buildDirs(await branchFiles())).toEqual(['ota/main/1-1'])
  })

  it.each([
    [
      'a protected branch (GH006)',
      [
        'error: GH006: Protected branch update failed for refs/heads/gh-pages.',
        'error: Changes must be made through a pull request.'
      ],
      /^Branch gh-pages is protected and its protection refused the push \(GitHub: GH006: Protected branch update failed for refs\/heads\/gh-pages\. Changes must be made through a pull request\.\): remove the protection rule that matches gh-pages at http:\/\/127\.0\.0\.1:\d+\/owner\/site-\d+\/settings\/branches \(the branch holds only published builds\), or publish with host: s3\.$/
    ],
    [
      'a ruleset (GH013)',
      [
        'error: GH013: Repository rule violations found for refs/heads/gh-pages.',
        'Review all repository rules at https://github.com/owner/site/rules?ref=refs%2Fheads%2Fgh-pages',
        '',
        '- Cannot update this protected ref.',
        ''
      ],
      /^A repository ruleset refused the push to branch gh-pages \(GitHub: GH013: Repository rule violations found for refs\/heads\/gh-pages\. Cannot update this protected ref\.\): exclude gh-pages from the ruleset's target branches at http:\/\/127\.0\.0\.1:\d+\/owner\/site-\d+\/settings\/rules, or publish with host: s3\.$/
    ],
    [
      'a ruleset requiring signed commits (GH013)',
      [
        'error: GH013: Repository rule violations found for refs/heads/gh-pages.',
        '',
        '- Commits must have verified signatures.',
        ''
      ],
      /^A rule requires signed commits on branch gh-pages \(GitHub: .*Commits must have verified signatures\.\), and the action's commits are unsigned: exclude gh-pages from "Require signed commits" .*settings\/rules.*settings\/branches\), or publish with host: s3\.$/
    ]
  ])(
    'turns a push refused by %s into what to change, without retrying',
    async (_, lines, message) => {
      // GitHub answers from a pre-receive hook of its own; the real one prints the same lines.
      const hook = join(server.path(repo), 'hooks', 'pre-receive')
      await writeFile(
        hook,
        `#!/bin/sh\ncat >/dev/null\n${lines.map((line) => `echo '${line}' >&2`).join('\n')}\nexit 1\n`,
        { mode: 0o755 }
      )
      const pushes = () =>
        server.requests.filter((r) => r.method === 'POST' && r.service === 'git-receive-pack')
          .length
      const before = pushes()

      const error = await publish('main', '1-1').catch((caught: unknown) => caught)

      expect(error).toBeInstanceOf(UserError)
      expect((error as Error).message).toMatch(message)
      expect(pushes() - before).toBe(1)
    }
  )

  it('a read-only token fails with the permission to grant', async () => {
    await publish('main', '1-1')
    const { plan } = addBuildPlan(await buildFiles('main', '2-1'), 'main')

    const failure = store({ token: READ_TOKEN }).update('ota', plan, 'Publish')

    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      /`permissions: contents: write`.*fork.*from a workflow_run workflow/
    )
  })

  it('an unknown token fails with a clear message', async () => {
    const { plan } = addBuildPlan(await buildFiles('main', '1-1'), 'main')
    const failure = store({ token: 'ghs_unknown' }).update('ota', plan, 'Publish')
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(/did not accept the token/)
  })

  it('read names the branch when the network fails, and a refused token as update does', async () => {
    const flaky = await startGitServer({
      tokens: { [TOKEN]: 'write' },
      fault: (request) =>
        request.method === 'POST' && request.service === 'git-upload-pack' ? 'drop' : undefined
    })
    try {
      await flaky.createRepo(repo)
      const failure = store({ remoteUrl: flaky.remote(repo) }).read('ota')
      await expect(failure).rejects.toThrow(UserError)
      await expect(failure).rejects.toThrow(
        /^Could not read branch gh-pages of \S+ \(the network failed\)/
      )
    } finally {
      await flaky.close()
    }
    await expect(store({ token: 'ghs_unknown' }).read('ota')).rejects.toThrow(
      /did not accept the token/
    )
  })

  it('never writes the token to output, the temporary repository or errors, and removes its temporary repository', async () => {
    const base64 = basicAuthorization(TOKEN).slice('basic '.length)
    const secretRe = new RegExp(`${TOKEN}|${base64}`)
    const output: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk))
      return true
    })
    // The plan runs inside the update, while the temporary repository exists.
    const configs: string[] = []
    const { plan } = addBuildPlan(await buildFiles('main', '1-1'), 'main')
    const inspectingPlan = (current: BuildRecord[]) => {
      for (const entry of readdirSync(scratch).filter((name) =>
        name.startsWith('ipa-ota-pages-')
      )) {
        configs.push(readFileSync(join(scratch, entry, 'config'), 'utf8'))
      }
      return plan(current)
    }
    await store().update('ota', inspectingPlan, 'Publish')
    expect(configs.join('')).toContain(server.remote(repo))

    // A failing fetch, whose git output would carry the header were it not scrubbed.
    const failing = store({ remoteUrl: `${server.url}/owner/missing-${repoCount}.git` })
    const error = await failing
      .update('ota', inspectingPlan, 'Publish')
      .catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(Error)
    expect(String((error as Error).message)).not.toMatch(secretRe)
    expect(String((error as Error).stack)).not.toMatch(secretRe)
    expect(output.join('')).not.toMatch(secretRe)
    expect(configs.join('')).not.toMatch(secretRe)
    // Every request authenticated with the header, never with the token in the URL.
    expect(server.requests.every((r) => !r.path.includes(TOKEN))).toBe(true)
    expect(server.requests.some((r) => r.authorization === basicAuthorization(TOKEN))).toBe(true)
    expect((await readdir(scratch)).filter((entry) => entry.startsWith('ipa-ota-pages-'))).toEqual(
      []
    )
  })
})
