/**
 * Bad inputs through the bundled action: each is refused with one clear error before any work —
 * no request to GitHub or git, nothing written to the workspace or RUNNER_TEMP.
 */
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from './support/git-server.js'
import { startGitHub, type GitHubStandIn } from './support/github-server.js'
import { runAction } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'
import { listFiles } from './support/files.js'
import { withLoadedFiles } from './support/loaded-files.js'

const TOKEN = 'ghs_hardeningInputs0123456789abcdefgh'

let work: string
let sampleIpa: string
let github: GitHubStandIn
let git: GitServer

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hardening-inputs-'))
  sampleIpa = join(work, 'Sample.ipa')
  await writeSampleIpa(sampleIpa)
  github = await startGitHub({ token: TOKEN })
  git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
  await git.createRepo('octo/app')
})

afterAll(async () => {
  await github?.close()
  await git?.close()
  await rm(work, { recursive: true, force: true })
})

interface Case {
  name: string
  inputs: Record<string, string>
  /** IPAs placed in the workspace before the run. */
  ipas?: string[]
  /** Makes other files in the workspace before the run. */
  prepare?: (workspace: string) => Promise<void>
  error: RegExp
}

const CASES: Case[] = [
  {
    name: 'an http base-url',
    inputs: { 'base-url': 'http://builds.example.com/' },
    error: /Input base-url is "http:\/\/builds\.example\.com\/": iOS installs only over https/
  },
  {
    name: 'a base-url that is not a URL',
    inputs: { 'base-url': 'builds.example.com' },
    error:
      /Input base-url is "builds\.example\.com", which is not a URL: give an https:\/\/ address\./
  },
  {
    name: 'an unknown host',
    inputs: { host: 'ftp' },
    error:
      /Input host is "ftp", which is not one of pages, directory, s3, release: use one of those\./
  },
  {
    name: 'a negative keep',
    inputs: { keep: '-3' },
    error: /Input keep is "-3": it must be a whole number of at least 1\./
  },
  {
    name: 'a keep that is not a number',
    inputs: { keep: '10; rm -rf /' },
    error: /Input keep is "10; rm -rf \/": it must be a whole number/
  },
  {
    name: 'a glob matching nothing',
    inputs: { ipa: 'build/*.ipa' },
    error: /Input ipa "build\/\*\.ipa" matches no file: check the path of the exported \.ipa/
  },
  {
    name: 'a glob matching two files',
    inputs: { ipa: 'build/*.ipa' },
    ipas: ['build/App.ipa', 'build/App-copy.ipa'],
    error:
      /Input ipa "build\/\*\.ipa" matches 2 files \(.*App.*\.ipa, .*App.*\.ipa\): narrow it to exactly one \.ipa\./
  },
  {
    name: 'a notes-file linking to the environment (the token)',
    inputs: { 'notes-file': 'notes.txt' },
    prepare: (workspace) => symlink('/proc/self/environ', join(workspace, 'notes.txt')),
    error:
      /Input notes-file "notes\.txt" resolves to \/proc\/\d+\/environ, outside the workspace and RUNNER_TEMP \(.+\): give a file inside them/
  },
  {
    name: 'a notes-file over the size limit',
    inputs: { 'notes-file': 'notes.md' },
    prepare: (workspace) => writeFile(join(workspace, 'notes.md'), 'x'.repeat(256 * 1024 + 1)),
    error: /Input notes-file "notes\.md" is larger than 256 KiB, the limit for it: give the path/
  },
  {
    name: 'an ipa linking out of the workspace',
    inputs: { ipa: 'App.ipa' },
    prepare: async (workspace) => {
      await writeSampleIpa(join(workspace, '..', 'Outside.ipa'))
      await symlink(join(workspace, '..', 'Outside.ipa'), join(workspace, 'App.ipa'))
    },
    error:
      /Input ipa ".*App\.ipa" resolves to .*Outside\.ipa, outside the workspace and RUNNER_TEMP/
  },
  {
    name: 'a channel that would escape its folder',
    inputs: { channel: '../x' },
    error: /The channel "\.\.\/x" would point outside its folder; use a plain name/
  },
  {
    name: 'a Windows-style escaping channel',
    inputs: { channel: 'a\\..\\..\\x' },
    error: /The channel "a\\\.\.\\\.\.\\x" would point outside its folder/
  },
  {
    name: 'a path that would escape the site',
    inputs: { path: '../../etc' },
    error:
      /The site path "\.\.\/\.\.\/etc" would point outside the site; use a folder such as "ota"\./
  }
]

describe('bad inputs are refused before any work', () => {
  it.each(CASES)('$name', async (testCase) => {
    const workspace = await mkdtemp(join(work, 'workspace-'))
    const temp = await mkdtemp(join(work, 'temp-'))
    for (const ipa of testCase.ipas ?? []) {
      await mkdir(join(workspace, ipa, '..'), { recursive: true })
      await copyFile(sampleIpa, join(workspace, ipa))
    }
    // The IPA must be in the workspace (or RUNNER_TEMP): a path out of them is refused.
    await copyFile(sampleIpa, join(workspace, 'Sample.ipa'))
    await testCase.prepare?.(workspace)
    const before = await listFiles(workspace)
    const requestsBefore = { github: github.requests.length, git: git.requests.length }

    const run = await runAction({
      inputs: {
        ipa: join(workspace, 'Sample.ipa'),
        'base-url': 'https://octo.github.io/app/',
        ...testCase.inputs
      },
      token: TOKEN,
      cwd: workspace,
      env: { GITHUB_API_URL: github.url, GITHUB_SERVER_URL: git.url, RUNNER_TEMP: temp }
    })

    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(testCase.error)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    // Before any work: the IPA was not even opened, nothing was asked or written.
    expect(run.stdout).not.toContain('::group::Read the IPA')
    expect(github.requests.slice(requestsBefore.github)).toEqual([])
    expect(git.requests.slice(requestsBefore.git)).toEqual([])
    expect(await listFiles(workspace)).toEqual(before)
    expect(await listFiles(temp)).toEqual([])
  })
})

describe('start-up', () => {
  const PUBLISHING = ['asn1js', '@xmldom/xmldom', 'qrcode', '@octokit/core']

  /** The packages of PUBLISHING whose code the run loaded. */
  async function publishingLoaded(inputs: Record<string, string>) {
    const temp = await mkdtemp(join(work, 'temp-'))
    const { result: run, files } = await withLoadedFiles((probe) =>
      runAction({
        inputs: { ipa: sampleIpa, ...inputs },
        token: TOKEN,
        cwd: temp,
        env: { RUNNER_TEMP: temp, GITHUB_WORKSPACE: work, ...probe }
      })
    )
    const packages = PUBLISHING.filter((name) =>
      files.some((file) => file.startsWith(`node_modules/${name}/`))
    )
    return { run, packages }
  }

  it('a refused input loads none of the IPA reader, the site or Octokit', async () => {
    const refused = await publishingLoaded({ host: 'ftp' })
    expect(refused.run.errors).toHaveLength(1)
    expect(refused.packages).toEqual([])
    // The same action publishing to a folder loads them all, so the list above can tell.
    const published = await publishingLoaded({
      host: 'directory',
      'base-url': 'https://builds.example.com/',
      comment: 'never'
    })
    expect(published.run.errors).toEqual([])
    expect(published.packages).toEqual(PUBLISHING)
  })
})
