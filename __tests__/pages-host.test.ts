import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserError } from '../src/errors.js'
import { createOctokit } from '../src/github.js'
import { basicAuthorization } from '../src/hosts/pages/git.js'
import { createPagesHost } from '../src/hosts/pages/index.js'
import type { PagesHostOptions } from '../src/hosts/pages/index.js'
import { likelyPagesUrl } from '../src/hosts/pages/site.js'
import type { BuildRecord, SiteChanges, SiteFile } from '../src/ota/types.js'
import { startGitServer } from './support/git-server.js'
import type { GitServer } from './support/git-server.js'
import { startGitHub } from './support/github-server.js'
import type { GitHubStandIn, Reply } from './support/github-server.js'
import { captureStdout } from './support/files.js'

const TOKEN = 'ghs_hostToken0123456789abcdefABCDEFGH'
const MINUTE = 60_000

let git: GitServer
let github: GitHubStandIn
let site: Awaited<ReturnType<typeof startSiteServer>>
let scratch: string
let repoCount = 0
let repo: string
/** The branch and folder the stand-in's Pages settings name; the site server serves them. */
let pagesSource = { branch: 'gh-pages', path: '/' }
let clock = 0

beforeAll(async () => {
  git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
  scratch = await mkdtemp(join(tmpdir(), 'pages-host-'))
  site = await startSiteServer()
})
afterAll(async () => {
  await git?.close()
  await new Promise((resolve) => site?.server.close(resolve))
  await rm(scratch, { recursive: true, force: true })
})
beforeEach(async () => {
  repoCount++
  repo = `owner/app-${repoCount}`
  await git.createRepo(repo)
  github = await startGitHub({ token: TOKEN })
  pagesSource = { branch: 'gh-pages', path: '/' }
  clock = 0
})
afterEach(async () => {
  expect(github.violations).toEqual([])
  await github.close()
  vi.restoreAllMocks()
})

/**
 * GitHub Pages in miniature: serves what the source branch of the current repository holds under
 * the source folder, once `live()` (the stand-in's latest Pages build says built); redirects on demand.
 */
async function startSiteServer() {
  const redirects = new Map<string, string>()
  let live = false
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname).slice(1)
    const redirect = redirects.get(path)
    if (redirect) {
      res.writeHead(301, { Location: redirect }).end()
      return
    }
    const dir = pagesSource.path.replace(/^\/+/, '')
    const spec = `${pagesSource.branch}:${dir ? `${dir}/` : ''}${path}`
    git
      .git(repo)
      .run(['cat-file', '-e', spec])
      .then(
        () => res.writeHead(live ? 200 : 404).end(),
        () => res.writeHead(404).end()
      )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  return {
    url,
    server,
    redirects,
    setLive: (value: boolean) => (live = value)
  }
}

/** Pages settings as GitHub returns them for a site deployed from a branch. */
function pagesSettings(overrides: Record<string, unknown> = {}) {
  return {
    url: `${github.url}/repos/${repo}/pages`,
    status: 'built',
    cname: null,
    custom_404: false,
    html_url: 'https://owner.github.io/app/',
    build_type: 'legacy',
    source: pagesSource,
    public: true,
    https_enforced: true,
    ...overrides
  }
}

/** The Pages host of the test repository; in `verify` tests base-url points at the local http site. */
function host(overrides: Partial<PagesHostOptions> = {}) {
  const [owner = '', name = ''] = repo.split('/')
  return createPagesHost({
    octokit: createOctokit(TOKEN, github.url, 0),
    owner,
    repo: name,
    serverUrl: git.url,
    token: TOKEN,
    branch: 'gh-pages',
    history: 'keep',
    wait: true,
    waitTimeoutMs: 10 * MINUTE,
    tempDir: scratch,
    sleep: async (ms) => {
      clock += ms
    },
    random: () => 0.5,
    now: () => clock,
    ...overrides
  })
}

const file = (path: string, text: string): SiteFile => ({
  path,
  content: Buffer.from(text),
  size: Buffer.byteLength(text),
  contentType: 'text/plain',
  immutable: true
})

/** Publishes one build through the host as the action does: locate, then update with a plan. */
async function publish(pagesHost: ReturnType<typeof host>, buildId = '7-1') {
  const urlFor = await pagesHost.locate()
  const dir = `ota/pr-1/${buildId}`
  const record = {
    schema: 1,
    channel: 'pr-1',
    buildId,
    urls: { manifest: urlFor(`${dir}/manifest.plist`) }
  } as BuildRecord
  const plan = (): SiteChanges => ({
    write: [
      file(`${dir}/build.json`, JSON.stringify(record)),
      file(`${dir}/manifest.plist`, '<plist/>')
    ],
    removeDirs: []
  })
  await pagesHost.store.update('ota', plan, `Publish ${buildId}`)
  return record
}

const branchFiles = async (branch: string) =>
  (await git.git(repo).text(['ls-tree', '-r', '--name-only', branch])).split('\n').sort()

/** The project's default branch main: a README only. */
async function seedMain(): Promise<string> {
  const server = git.git(repo)
  const readme = await server.text(['hash-object', '-w', '--stdin'], { input: '# app' })
  const tree = await server.text(['mktree'], { input: `100644 blob ${readme}\tREADME.md\n` })
  const commit = await server.text(['commit-tree', tree, '-m', 'project'])
  await server.run(['update-ref', 'refs/heads/main', commit])
  await server.run(['symbolic-ref', 'HEAD', 'refs/heads/main'])
  return commit
}

function answerPages(reply: Reply) {
  github.handle('repos/get-pages', () => reply)
}

describe('createPagesHost locate', () => {
  it('uses the address Pages reports, adding the final slash and percent-encoding each segment', async () => {
    answerPages({ status: 200, body: pagesSettings({ html_url: 'https://apps.example.com' }) })

    const urlFor = await host().locate()

    expect(urlFor('ota/pr-1/7-1/My App#1.plist')).toBe(
      'https://apps.example.com/ota/pr-1/7-1/My%20App%231.plist'
    )
    expect(github.requests.map((r) => r.operationId)).toEqual(['repos/get-pages'])
  })

  it('asks for https when Pages reports http (custom domain without Enforce HTTPS)', async () => {
    const output = captureStdout()
    answerPages({
      status: 200,
      body: pagesSettings({ html_url: 'http://apps.example.com/', https_enforced: false })
    })

    const urlFor = await host().locate()

    expect(urlFor('ota/a')).toBe('https://apps.example.com/ota/a')
    expect(output()).toContain('::warning::GitHub Pages reports http://apps.example.com/ over http')
  })

  it.each(['keep', 'squash'] as const)(
    "leaves main unchanged when Pages serves main's /docs (history: %s), naming the setting to change",
    async (history) => {
      pagesSource = { branch: 'main', path: '/docs' }
      answerPages({ status: 200, body: pagesSettings() })
      const main = await seedMain()

      const failure = publish(host({ history }))

      await expect(failure).rejects.toThrow(UserError)
      await expect(failure).rejects.toThrow(
        `at ${git.url}/${repo}/settings/pages (Settings → Pages → Build and deployment)`
      )
      expect(await git.git(repo).text(['rev-parse', 'main'])).toBe(main)
    }
  )

  it("with pages-shared-branch, publishes into main's /docs, .nojekyll in /docs, URLs relative to the site", async () => {
    pagesSource = { branch: 'main', path: '/docs' }
    answerPages({ status: 200, body: pagesSettings({ html_url: 'https://owner.github.io/app' }) })
    const main = await seedMain()

    const record = await publish(host({ allowSharedBranch: true }))

    expect(record.urls.manifest).toBe('https://owner.github.io/app/ota/pr-1/7-1/manifest.plist')
    expect(await git.git(repo).text(['rev-parse', 'main^'])).toBe(main)
    expect(await branchFiles('main')).toEqual([
      'README.md',
      'docs/.nojekyll',
      'docs/ota/pr-1/7-1/build.json',
      'docs/ota/pr-1/7-1/manifest.plist'
    ])
  })

  it('base-url replaces only the address: branch and folder still come from the Pages settings', async () => {
    pagesSource = { branch: 'site', path: '/docs' }
    answerPages({ status: 200, body: pagesSettings({ html_url: 'https://owner.github.io/app/' }) })

    const pagesHost = host({ baseUrl: 'https://apps.example.com/ios' })
    const record = await publish(pagesHost)

    expect(record.urls.manifest).toBe('https://apps.example.com/ios/ota/pr-1/7-1/manifest.plist')
    expect(await branchFiles('site')).toContain('docs/ota/pr-1/7-1/manifest.plist')
  })

  it('without Pages and without base-url, pushes the build to the branch at the likely address, then names the one step left', async () => {
    answerPages({ status: 404, body: { message: 'Not Found' } })
    const pagesHost = host()

    const record = await publish(pagesHost)

    const [owner, name] = repo.split('/')
    const port = new URL(git.url).host
    expect(record.urls.manifest).toBe(
      `https://${port}/pages/${owner}/${name}/ota/pr-1/7-1/manifest.plist`
    )
    expect(await branchFiles('gh-pages')).toContain('ota/pr-1/7-1/manifest.plist')
    const failure = pagesHost.verify!(record)
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      `One step left: enable Pages from branch gh-pages at ${git.url}/${repo}/settings/pages (Source "Deploy from a branch"), then re-run this workflow.`
    )
  })

  it('guesses the github.com Pages address of a project site and of a user site', () => {
    const github = { serverUrl: 'https://github.com', owner: 'Octo' }
    expect(likelyPagesUrl({ ...github, repo: 'App' })).toBe('https://octo.github.io/App/')
    expect(likelyPagesUrl({ ...github, repo: 'octo.github.io' })).toBe('https://octo.github.io/')
    expect(
      likelyPagesUrl({ serverUrl: 'https://ghe.example.com/', owner: 'team', repo: 'app' })
    ).toBe('https://pages.ghe.example.com/team/app/')
    expect(likelyPagesUrl({ serverUrl: 'https://10.0.0.5', owner: 'team', repo: 'app' })).toBe(
      'https://10.0.0.5/pages/team/app/'
    )
  })

  it('without Pages but with base-url, creates the fallback branch and warns that it is not served yet', async () => {
    const output = captureStdout()
    answerPages({ status: 404, body: { message: 'Not Found' } })

    const record = await publish(host({ baseUrl: 'https://apps.example.com', branch: 'ota-site' }))

    expect(record.urls.manifest).toBe('https://apps.example.com/ota/pr-1/7-1/manifest.plist')
    expect(await branchFiles('ota-site')).toContain('ota/pr-1/7-1/manifest.plist')
    expect(output()).toContain(
      `::warning::GitHub Pages is not enabled for ${repo}: the build is pushed to branch ota-site`
    )
  })

  it('refuses a private site: the installer cannot sign in', async () => {
    answerPages({ status: 200, body: pagesSettings({ public: false }) })
    const failure = host().locate()
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      `The GitHub Pages site of ${repo} is private, but an iPhone's installer cannot sign in to download the build: make it public at ${git.url}/${repo}/settings/pages, or use \`host: s3\`.`
    )
  })

  it('a 403 names the permissions and the request id, and nothing is pushed', async () => {
    github.handle('repos/get-pages', () => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      headers: { 'x-github-request-id': 'ABCD:1234' }
    }))
    const pushesBefore = git.requests.length

    const failure = publish(host())

    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      `GitHub refused to publish to GitHub Pages: 403 Resource not accessible by integration (GET /repos/${repo}/pages) (GitHub request id ABCD:1234); give the workflow job "permissions: pages: read" and "contents: write"`
    )
    expect(git.requests.length).toBe(pushesBefore)
  })

  it('a rate-limit 403 says the rate limit is used up, not that a permission is missing', async () => {
    github.handle('repos/get-pages', () => ({
      status: 403,
      body: { message: 'API rate limit exceeded for installation ID 1.' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1767225600' }
    }))

    const failure = host().locate()

    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      "the token's API rate limit is used up (it resets at 2026-01-01T00:00:00.000Z): re-run the job later."
    )
    await expect(failure).rejects.not.toThrow(/pages: read/)
  })

  it('asks the API once, and again after a failed lookup', async () => {
    let calls = 0
    github.handle('repos/get-pages', () =>
      ++calls === 1
        ? { status: 403, body: { message: 'Resource not accessible by integration' } }
        : { status: 200, body: pagesSettings() }
    )
    const pagesHost = host()
    await expect(pagesHost.locate()).rejects.toThrow(UserError)
    await pagesHost.locate()
    await publish(pagesHost)
    expect(calls).toBe(2)
  })
})

describe('createPagesHost verify', () => {
  beforeEach(() => {
    answerPages({ status: 200, body: pagesSettings() })
    site.setLive(false)
  })

  /** Latest Pages build: `building` for our commit on the first `buildingPolls` polls, then `status`. */
  function pagesBuilds(status: 'built' | 'errored', buildingPolls = 2, commit?: () => string) {
    let polls = 0
    github.handle('repos/get-latest-pages-build', async () => {
      polls++
      const sha = commit?.() ?? (await git.git(repo).text(['rev-parse', pagesSource.branch]))
      const done = polls > buildingPolls
      if (done && status === 'built') site.setLive(true)
      return {
        status: 200,
        body: {
          url: `${github.url}/repos/${repo}/pages/builds/1`,
          status: done ? status : 'building',
          error: {
            message: done && status === 'errored' ? 'Page build failed: a file is too large.' : null
          },
          pusher: null,
          commit: sha,
          duration: 1000,
          created_at: '2025-01-01T00:00:00Z',
          updated_at: '2025-01-01T00:00:00Z'
        }
      }
    })
    return () => polls
  }

  it('waits for the Pages build of the pushed commit, then finds the manifest served with 200', async () => {
    const polls = pagesBuilds('built', 3)
    const pagesHost = host({ baseUrl: site.url, pollIntervalMs: 5000 })
    const record = await publish(pagesHost)

    expect(await pagesHost.verify!(record)).toEqual([])
    expect(polls()).toBe(4)
    expect(clock).toBe(15_000)
  })

  it('reports a failed Pages build with its reason', async () => {
    pagesBuilds('errored', 1)
    const pagesHost = host({ baseUrl: site.url })
    const record = await publish(pagesHost)
    const commit = await git.git(repo).text(['rev-parse', 'gh-pages'])

    expect(await pagesHost.verify!(record)).toEqual([
      `GitHub Pages failed to build commit ${commit.slice(0, 12)}: Page build failed: a file is too large.; see ${git.url}/${repo}/settings/pages.`
    ])
  })

  it('warns, without failing, when the site is not served before the timeout', async () => {
    const polls = pagesBuilds('built', Infinity)
    const pagesHost = host({ baseUrl: site.url, waitTimeoutMs: 2 * MINUTE, pollIntervalMs: 10_000 })
    const record = await publish(pagesHost)

    const warnings = await pagesHost.verify!(record)

    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^GitHub Pages did not serve .*manifest\.plist within 120 s/)
    expect(clock).toBe(2 * MINUTE)
    expect(polls()).toBe(13)
  })

  it('accepts a later build that contains ours (another run pushed on top)', async () => {
    pagesBuilds('built', 0, () => 'f'.repeat(40))
    const pagesHost = host({ baseUrl: site.url })
    const record = await publish(pagesHost)
    expect(await pagesHost.verify!(record)).toEqual([])
  })

  it('warns when the manifest is redirected: iOS does not follow redirects', async () => {
    pagesBuilds('built', 0)
    const pagesHost = host({ baseUrl: site.url })
    const record = await publish(pagesHost)
    site.redirects.set(
      'ota/pr-1/7-1/manifest.plist',
      'https://elsewhere.example.com/manifest.plist'
    )

    const warnings = await pagesHost.verify!(record)

    site.redirects.clear()
    expect(warnings).toEqual([
      `${record.urls.manifest} answers 301 redirecting to https://elsewhere.example.com/manifest.plist, but iOS does not follow redirects for the manifest: set base-url to the address the site is finally served from.`
    ])
  })

  it('does nothing without wait', async () => {
    const pagesHost = host({ wait: false })
    const record = await publish(pagesHost)
    expect(await pagesHost.verify!(record)).toEqual([])
    expect(github.requests.filter((r) => r.operationId === 'repos/get-latest-pages-build')).toEqual(
      []
    )
  })
})

describe('createPagesHost secrets', () => {
  it('masks the token and its base64 form, and shows them nowhere else', async () => {
    const output = captureStdout()
    answerPages({ status: 200, body: pagesSettings() })
    const base64 = basicAuthorization(TOKEN).slice('basic '.length)

    const pagesHost = host({ wait: false })
    await publish(pagesHost)
    // A repository the git server does not have: git fails, and its error must carry no secret.
    const failure = await createPagesHost({
      octokit: createOctokit(TOKEN, github.url, 0),
      owner: 'owner',
      repo: 'absent',
      serverUrl: git.url,
      token: TOKEN,
      branch: 'gh-pages',
      history: 'keep',
      wait: false,
      waitTimeoutMs: 0,
      tempDir: scratch
    })
      .store.update('ota', () => ({ write: [], removeDirs: [] }), 'x')
      .catch((error: unknown) => error as Error)

    const lines = output().split('\n')
    expect(lines).toContain(`::add-mask::${TOKEN}`)
    expect(lines).toContain(`::add-mask::${base64}`)
    const leaks = lines.filter(
      (line) => (line.includes(TOKEN) || line.includes(base64)) && !line.startsWith('::add-mask::')
    )
    expect(leaks).toEqual([])
    expect(failure).toBeInstanceOf(UserError)
    const shown = `${(failure as Error).message}\n${(failure as Error).stack}`
    expect(shown).toContain(`${git.url}/owner/absent.git was not found`)
    expect(shown).not.toContain(TOKEN)
    expect(shown).not.toContain(base64)
  })
})
