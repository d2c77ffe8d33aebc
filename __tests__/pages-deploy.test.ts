/**
 * host: pages on a site whose source is "GitHub Actions": the files are kept on pages-branch (the
 * real git http-backend), and each update is deployed from it with the real @actions/artifact
 * client against stand-ins of the artifact service, the blob store, the OIDC endpoint and the
 * Pages deployment API (checked against GitHub's OpenAPI description).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getOctokit } from '@actions/github'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserError } from '../src/errors.js'
import { createOctokit } from '../src/github.js'
import { createPagesHost } from '../src/hosts/pages/index.js'
import { isGhes } from '../src/hosts/pages/deploy-errors.js'
import { artifactSizeWarning } from '../src/hosts/pages/deploy.js'
import { formatBytes } from '../src/format.js'
import type { PagesHostOptions } from '../src/hosts/pages/index.js'
import type { BuildRecord, SiteChanges, SiteFile } from '../src/ota/types.js'
import { startActionsServices, type ActionsServices } from './support/actions-services.js'
import { captureStdout } from './support/files.js'
import { startGitServer, type GitServer } from './support/git-server.js'
import type { PagesDeploymentsFake } from './support/github-pages.js'
import { startGitHub, type GitHubStandIn } from './support/github-server.js'
import { serveActionsPagesSite, type ActionsPagesSite } from './support/pages-actions.js'

const TOKEN = 'ghs_deployToken0123456789abcdefABCDEF'
const MINUTE = 60_000

let git: GitServer
let services: ActionsServices
let github: GitHubStandIn
let site: ActionsPagesSite
let deployments: PagesDeploymentsFake
let scratch: string
let repoCount = 0
let repo: string
/** What @actions/core printed in the current test. */
let output: () => string

beforeAll(async () => {
  git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
  services = await startActionsServices()
  scratch = await mkdtemp(join(tmpdir(), 'pages-deploy-'))
})
afterAll(async () => {
  await git?.close()
  await services?.close()
  await rm(scratch, { recursive: true, force: true })
})
beforeEach(async () => {
  repo = `octo/app-${++repoCount}`
  await git.createRepo(repo)
  github = await startGitHub({ token: TOKEN })
  site = serveActionsPagesSite(github, git, repo, services)
  deployments = site.deployments
  services.quotaExceeded = false
  services.beforeFinalize = undefined
  output = captureStdout()
  for (const [name, value] of Object.entries(site.env)) vi.stubEnv(name, value)
})
afterEach(async () => {
  expect(github.violations).toEqual([])
  await github.close()
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

function host(overrides: Partial<PagesHostOptions> = {}) {
  const [owner = '', name = ''] = repo.split('/')
  return createPagesHost({
    octokit: createOctokit(TOKEN, github.url, 0),
    owner,
    repo: name,
    serverUrl: site.serverUrl,
    token: TOKEN,
    branch: 'gh-pages',
    history: 'keep',
    wait: false,
    waitTimeoutMs: 10 * MINUTE,
    tempDir: scratch,
    runId: '9001',
    runAttempt: 2,
    pollIntervalMs: 5,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
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

/** Publishes one build as the action does: it adds to what the branch holds. */
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
      file(`${dir}/manifest.plist`, `<plist>${buildId}</plist>`)
    ],
    removeDirs: []
  })
  await pagesHost.store.update('ota', plan, `Publish ${buildId}`)
  return record
}

const branchTip = () => git.git(repo).text(['rev-parse', 'refs/heads/gh-pages'])
/** The parent of `commit` and whether both have the same files. */
async function parentOf(commit: string) {
  const server = git.git(repo)
  const parent = await server.text(['rev-parse', `${commit}^`])
  const tree = (rev: string) => server.text(['rev-parse', `${rev}^{tree}`])
  return { parent, sameFiles: (await tree(commit)) === (await tree(parent)) }
}
const branchFiles = async () =>
  (await git.git(repo).text(['ls-tree', '-r', '--name-only', 'gh-pages'])).split('\n').sort()

/** The files (not folders) of the artifact the site's latest successful deployment served. */
async function liveFiles(): Promise<string[]> {
  return (await site.liveEntries())
    .filter((entry) => !entry.mode.startsWith('d'))
    .map((entry) => entry.path)
    .sort()
}

/** Another run's build (its build.json) committed on top of the branch; returns the commit. */
async function pushOtherRunsBuild(): Promise<string> {
  const server = git.git(repo)
  const env = { GIT_INDEX_FILE: join(scratch, `index-${repoCount}`) }
  const blob = await server.text(['hash-object', '-w', '--stdin'], { input: 'other' })
  await server.run(['read-tree', 'gh-pages'], { env })
  await server.run(
    ['update-index', '--add', '--cacheinfo', `100644,${blob},ota/pr-2/1-1/build.json`],
    { env }
  )
  const tree = await server.text(['write-tree'], { env })
  const commit = await server.text(['commit-tree', tree, '-p', 'gh-pages', '-m', 'other run'])
  await server.run(['update-ref', 'refs/heads/gh-pages', commit])
  return commit
}

/** The site once our build 7-1 and that other run's build are both deployed. */
const withOtherRunsBuild = [
  '.nojekyll',
  'ota/pr-1/7-1/build.json',
  'ota/pr-1/7-1/manifest.plist',
  'ota/pr-2/1-1/build.json'
]

/** Builds 7-1 and 8-1 are served, by the last deployment made, of the branch tip. */
async function expectBothBuildsLive() {
  expect(await liveFiles()).toEqual([
    '.nojekyll',
    'ota/pr-1/7-1/build.json',
    'ota/pr-1/7-1/manifest.plist',
    'ota/pr-1/8-1/build.json',
    'ota/pr-1/8-1/manifest.plist'
  ])
  const last = deployments.deployments.at(-1)!
  expect(deployments.live.at(-1)).toBe(last.artifactId)
  const versions = deployments.deployments.map((deployment) => deployment.buildVersion)
  expect(new Set(versions).size).toBe(versions.length)
}

/** A deployment of another run, in progress until the test sets its status. */
function otherRunsDeployment() {
  const other = {
    id: 1,
    artifactId: 1,
    buildVersion: 'f'.repeat(40),
    pending: [],
    status: 'deployment_in_progress',
    cancelled: false
  }
  deployments.deployments.push(other)
  return other
}

describe('host: pages on a "GitHub Actions" site', () => {
  it('keeps the files on pages-branch and deploys exactly its tree, as artifact.tar, by its commit', async () => {
    // Content a team keeps on the branch beside the builds is deployed too.
    const seed = git.git(repo)
    const blob = await seed.text(['hash-object', '-w', '--stdin'], { input: '<h1>docs</h1>' })
    const tool = await seed.text(['hash-object', '-w', '--stdin'], { input: '#!/bin/sh\n' })
    const link = await seed.text(['hash-object', '-w', '--stdin'], { input: 'index.html' })
    // A symlink would fail the deployment (deployment_content_failed): it is left out.
    const tree = await seed.text(['mktree'], {
      input: `100644 blob ${blob}\tindex.html\n120000 blob ${link}\tlatest.html\n100755 blob ${tool}\ttool.sh\n`
    })
    const first = await seed.text(['commit-tree', tree, '-m', 'docs'])
    await seed.run(['update-ref', 'refs/heads/gh-pages', first])
    const before = Date.now()

    await publish(host())

    const tip = await branchTip()
    expect(await branchFiles()).toEqual([
      '.nojekyll',
      'index.html',
      'latest.html',
      'ota/pr-1/7-1/build.json',
      'ota/pr-1/7-1/manifest.plist',
      'tool.sh'
    ])
    const [artifact, ...others] = [...services.artifacts.values()]
    expect(others).toEqual([])
    expect(artifact).toMatchObject({ finalized: true })
    expect(artifact!.name).toMatch(
      new RegExp(`^ipa-ota-pages-9001-2-${tip.slice(0, 12)}-[0-9a-f]{6}$`)
    )
    const expires = Date.parse(artifact!.expiresAt!)
    expect(expires - before).toBeGreaterThan(0.9 * 24 * 60 * MINUTE)
    expect(expires - before).toBeLessThan(1.1 * 24 * 60 * MINUTE)
    expect((await services.unzip(artifact!.id)).map((entry) => entry.name)).toEqual([
      'artifact.tar'
    ])
    expect(await services.tarEntries(artifact!.id)).toEqual([
      { mode: '-rw-r--r--', path: '.nojekyll' },
      { mode: '-rw-r--r--', path: 'index.html' },
      { mode: 'drwxr-xr-x', path: 'ota/' },
      { mode: 'drwxr-xr-x', path: 'ota/pr-1/' },
      { mode: 'drwxr-xr-x', path: 'ota/pr-1/7-1/' },
      { mode: '-rw-r--r--', path: 'ota/pr-1/7-1/build.json' },
      { mode: '-rw-r--r--', path: 'ota/pr-1/7-1/manifest.plist' },
      { mode: '-rwxr-xr-x', path: 'tool.sh' }
    ])
    expect((await services.tarFile(artifact!.id, 'index.html')).toString()).toBe('<h1>docs</h1>')
    expect(output()).toContain(
      '::warning::latest.html on branch gh-pages is a symlink, which a Pages deployment cannot hold: it is left out of the site.'
    )

    expect(deployments.deployments).toEqual([
      expect.objectContaining({ artifactId: artifact!.id, buildVersion: tip, status: 'succeed' })
    ])
    const polled = github.requests.filter((r) => r.operationId === 'repos/get-pages-deployment')
    expect(polled).toHaveLength(3)
    expect(services.calls).toEqual(['oidc', 'CreateArtifact', 'FinalizeArtifact', 'oidc'])
  })

  it('warns, and still deploys, when artifact.tar is larger than the size limit', async () => {
    // The limit is a seam: this test cannot write the 1 GB of the default (tested below).
    await publish(host({ deploy: { sizeLimitBytes: 1000 } }))

    const [artifact] = [...services.artifacts.values()]
    const [tar] = await services.unzip(artifact!.id)
    expect(output()).toContain(
      `::warning::The Pages artifact of branch gh-pages is ${formatBytes(tar!.content.length)}, over the 1000 bytes GitHub Pages supports, so the deployment may be slow or fail: lower keep or max-site-size, or publish large builds with host: s3.`
    )
    expect(deployments.deployments).toEqual([expect.objectContaining({ status: 'succeed' })])
  })

  it('by default, warns above 1 GB as deploy-pages does (1024³ bytes), not at it', () => {
    expect(artifactSizeWarning(1024 ** 3, 'gh-pages')).toBeUndefined()
    expect(artifactSizeWarning(1024 ** 3 + 1, 'gh-pages')).toMatch(
      /^The Pages artifact of branch gh-pages is 1\.1 GB, over the 1 GB GitHub Pages supports/
    )
    expect(artifactSizeWarning(10_000, 'gh-pages', 9_999)).toMatch(/over the 9999 bytes/)
  })

  it('waits out another deployment in progress (GitHub answers 400), then deploys', async () => {
    const other = otherRunsDeployment()
    let waits = 0
    const pagesHost = host({
      sleep: async () => {
        // The other deployment finishes after our third request.
        if (++waits === 3) other.status = 'succeed'
      }
    })

    await publish(pagesHost)

    const creates = github.requests.filter((r) => r.operationId === 'repos/create-pages-deployment')
    expect(creates).toHaveLength(4)
    expect(deployments.deployments.at(-1)).toMatchObject({
      buildVersion: await branchTip(),
      status: 'succeed'
    })
    expect(output()).toContain('Another Pages deployment is in progress; asking again')
  })

  it('deploys the newer branch tip when another run pushed while it waited', async () => {
    const other = otherRunsDeployment()
    let newer = ''
    const pagesHost = host({
      sleep: async () => {
        if (newer) return
        // Another run pushes its build on top of ours, and the running deployment ends.
        newer = await pushOtherRunsBuild()
        other.status = 'succeed'
      }
    })

    await publish(pagesHost)

    // One deployment of ours, of the newer tip's files: the site never went back to the older
    // state. Its version is the commit this run pushed, which GitHub never deployed (a deployment
    // of the other run's commit could be a repeat, which GitHub ignores); no commit was added.
    expect(await branchTip()).toBe(newer)
    const { parent: ours } = await parentOf(newer)
    expect(deployments.deployments.slice(1)).toEqual([
      expect.objectContaining({ buildVersion: ours, status: 'succeed' })
    ])
    expect(await liveFiles()).toEqual(withOtherRunsBuild)
  })

  it('deploys the newer branch tip too when another run pushed while its deployment ran', async () => {
    let newer = ''
    const pagesHost = host({
      sleep: async () => {
        // Between the status polls of our deployment, another run pushes its build on top.
        if (!newer) newer = await pushOtherRunsBuild()
      }
    })

    await publish(pagesHost)

    // Ours could be deployed after that run's: deploying the newer tip as well is what keeps
    // its build on the site whichever of the two finishes last.
    const [ours, then] = deployments.deployments
    expect(ours).toMatchObject({ status: 'succeed' })
    expect(ours!.buildVersion).not.toBe(newer)
    const tip = await branchTip()
    expect(then).toMatchObject({ buildVersion: tip, status: 'succeed' })
    expect(await parentOf(tip)).toEqual({ parent: newer, sameFiles: true })
    expect(deployments.deployments).toHaveLength(2)
    expect(await liveFiles()).toEqual(withOtherRunsBuild)
  })

  it("re-targets after a slow upload: another run's build, pushed and deployed meanwhile, stays live", async () => {
    let other: Promise<unknown> | undefined
    // Run 100's first upload is slow: run 200 publishes and deploys its build meanwhile.
    services.beforeFinalize = async (artifact) => {
      if (other || !artifact.name.startsWith('ipa-ota-pages-100-')) return
      other = publish(host({ runId: '200' }), '8-1')
      await other
    }

    await publish(host({ runId: '100' }), '7-1')

    expect(other).toBeDefined()
    await expectBothBuildsLive()
  })

  it('an older deployment that went live after a newer one is followed by the newer files, as a commit GitHub never deployed', async () => {
    // Run 100 reads the tip, then waits for its OIDC token while run 200 publishes and deploys
    // its build: 100's older commit then goes live over 200's.
    let calls = 0
    const slowToken = async () => {
      if (++calls === 2) await publish(host({ runId: '200' }), '8-1')
      return services.oidcToken
    }

    await publish(host({ runId: '100', deploy: { idToken: slowToken } }), '7-1')

    // Deploying 200's commit again would change nothing (deploy-pages#383): 100 deployed the same
    // files as a new commit on top of it.
    expect(deployments.deployments).toHaveLength(3)
    const tip = await branchTip()
    expect(deployments.deployments.at(-1)!.buildVersion).toBe(tip)
    expect(await parentOf(tip)).toMatchObject({ sameFiles: true })
    await expectBothBuildsLive()
  })

  it('gives up with the reason when another deployment runs for the whole wait-timeout', async () => {
    otherRunsDeployment()
    let clock = 0
    const pagesHost = host({
      waitTimeoutMs: MINUTE,
      pollIntervalMs: 5000,
      random: () => 0.5,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms
      }
    })
    await expect(publish(pagesHost)).rejects.toThrow(
      /Another GitHub Pages deployment kept running for the whole wait-timeout \(60 s\), so [0-9a-f]{12} of branch gh-pages was not deployed: raise wait-timeout, or re-run the job\./
    )
    expect(deployments.deployments).toHaveLength(1)
  })

  it('reports a failed deployment by its status', async () => {
    deployments.statuses = ['deployment_in_progress', 'deployment_content_failed']
    await expect(publish(host())).rejects.toThrow(
      /The GitHub Pages deployment of [0-9a-f]{12} ended with deployment_content_failed: GitHub refused the files/
    )
  })

  it('cancels the deployment when wait-timeout passes', async () => {
    deployments.statuses = ['deployment_in_progress']
    let clock = 0
    const pagesHost = host({
      waitTimeoutMs: MINUTE,
      pollIntervalMs: 5000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms
      }
    })
    await expect(publish(pagesHost)).rejects.toThrow(
      /GitHub Pages did not finish deploying [0-9a-f]{12} within wait-timeout \(60 s\); the deployment was cancelled/
    )
    expect(deployments.deployments[0]).toMatchObject({ cancelled: true })
  })

  it('cancels a deployment whose creation was in flight when the run was cancelled', async () => {
    deployments.statuses = ['deployment_in_progress']
    let inFlight: Promise<void> | undefined
    let existingAtRegistration: number | undefined
    const pagesHost = host({
      deploy: {
        // The first cleanup registered guards the create request: run it at once, as a SIGTERM
        // arriving before GitHub has answered would.
        onCancel: (cleanup) => {
          existingAtRegistration ??= deployments.deployments.length
          inFlight ??= cleanup()
          return () => {}
        }
      },
      waitTimeoutMs: 2 * MINUTE
    })
    const published = publish(pagesHost).catch((error: unknown) => error)
    await vi.waitFor(() => expect(inFlight).toBeDefined(), { timeout: 60_000, interval: 50 })
    await inFlight
    // Guarded before GitHub had the deployment, not only once its id was known.
    expect(existingAtRegistration).toBe(0)
    expect(deployments.deployments[0]).toMatchObject({
      cancelled: true,
      status: 'deployment_cancelled'
    })
    expect(String(await published)).toMatch(/deployment_cancelled/)
  })

  it('cancels the pending deployment when the run is cancelled', async () => {
    deployments.statuses = ['deployment_in_progress']
    let cancelRun: (() => Promise<void>) | undefined
    const cancelled = new Promise<void>((resolve) => {
      const pagesHost = host({
        deploy: {
          onCancel: (cleanup) => {
            cancelRun = cleanup
            // The deployment exists once GitHub has answered: this is the poll's cleanup.
            if (deployments.deployments.length > 0) resolve()
            return () => (cancelRun = undefined)
          }
        },
        waitTimeoutMs: 2 * MINUTE
      })
      // The publish never ends by itself; the cleanup is what a SIGTERM runs.
      publish(pagesHost).catch(() => undefined)
    })
    await cancelled
    await cancelRun!()
    expect(deployments.deployments[0]).toMatchObject({
      cancelled: true,
      status: 'deployment_cancelled'
    })
    // The poll then sees the cancelled status: nothing more is deployed.
    await vi.waitFor(() => expect(cancelRun).toBeUndefined())
  })

  it('with wait, checks after the deployment that the manifest is served, without Pages builds', async () => {
    const asked: string[] = []
    const site = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname).slice(1)
      asked.push(`${req.method} ${path}`)
      liveFiles().then(
        (files) => res.writeHead(files.includes(path) ? 200 : 404).end(),
        () => res.writeHead(500).end()
      )
    })
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
    try {
      const baseUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`
      const pagesHost = host({ wait: true, baseUrl })
      const record = await publish(pagesHost)
      expect(await pagesHost.verify!(record)).toEqual([])
      expect(asked).toEqual(['HEAD ota/pr-1/7-1/manifest.plist'])
      const builds = github.requests.filter((r) => r.operationId === 'repos/get-latest-pages-build')
      expect(builds).toEqual([])
    } finally {
      await new Promise((resolve) => site.close(resolve))
    }
  })

  it("a second run's deployment still holds the first run's build", async () => {
    await publish(host(), '7-1')
    await publish(host(), '8-1')
    expect(deployments.deployments).toHaveLength(2)
    expect(await liveFiles()).toEqual([
      '.nojekyll',
      'ota/pr-1/7-1/build.json',
      'ota/pr-1/7-1/manifest.plist',
      'ota/pr-1/8-1/build.json',
      'ota/pr-1/8-1/manifest.plist'
    ])
  })

  it('mode: remove deploys the branch without the removed builds', async () => {
    await publish(host(), '7-1')
    await publish(host(), '8-1')
    await host().store.update(
      'ota',
      () => ({ write: [], removeDirs: ['ota/pr-1/7-1'] }),
      'Remove 7-1'
    )
    expect(deployments.deployments).toHaveLength(3)
    expect(await liveFiles()).toEqual([
      '.nojekyll',
      'ota/pr-1/8-1/build.json',
      'ota/pr-1/8-1/manifest.plist'
    ])
  })

  it('eight runs publishing at once leave all eight builds in the final deployed site', async () => {
    const ids = Array.from({ length: 8 }, (_, n) => `${n + 1}-1`)
    // On GitHub a deployment takes tens of seconds, longer than the runs take to push: the first
    // one here runs until every run has pushed, the others wait for it, then all race to deploy.
    const usual = deployments.statuses
    deployments.statuses = ['deployment_in_progress']
    const allPushed = vi
      .waitFor(
        async () => {
          const builds = (await branchFiles()).filter((path) => path.endsWith('build.json'))
          expect(builds).toHaveLength(ids.length)
        },
        { timeout: 170_000, interval: 200 }
      )
      .then(() => {
        deployments.statuses = usual
        for (const running of deployments.deployments) running.pending = ['succeed']
      })
    // Runs are processes of their own: createOctokit's write throttle, shared by a process, would
    // space their deployment requests one second apart.
    const run = () =>
      host({
        random: Math.random,
        octokit: getOctokit(TOKEN, { baseUrl: github.url }),
        pollIntervalMs: 500,
        // Real timers at a tenth of each delay: the runs still interleave and back off as they
        // would on GitHub, without idling through capped half-second waits.
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / 10))
      })
    await Promise.all([allPushed, ...ids.map((id) => publish(run(), id))])

    expect(await liveFiles()).toEqual([
      '.nojekyll',
      ...ids.flatMap((id) => [`ota/pr-1/${id}/build.json`, `ota/pr-1/${id}/manifest.plist`])
    ])
    // The last deployment is what the site serves: none was of a commit deployed before.
    expect(deployments.deployments.at(-1)).toMatchObject({ status: 'succeed' })
    expect(deployments.live.at(-1)).toBe(deployments.deployments.at(-1)!.artifactId)
    const versions = deployments.deployments.map((deployment) => deployment.buildVersion)
    expect(new Set(versions).size).toBe(versions.length)
    const names = [...services.artifacts.values()].map((artifact) => artifact.name)
    expect(new Set(names).size).toBe(names.length)
  }, 180_000)
})

describe('host: pages on a "GitHub Actions" site, errors that name the fix', () => {
  it('tells GitHub Enterprise Server from github.com, GHE.com and *.localhost as @actions/artifact does', () => {
    expect(
      ['https://github.com', 'https://octo.ghe.com', 'http://github.localhost:8080'].map(isGhes)
    ).toEqual([false, false, false])
    expect(isGhes('https://github.example.com')).toBe(true)
  })

  it('without id-token: write, says so before pushing anything', async () => {
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', '')
    const failure = publish(host())
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      /no OIDC token.*add `id-token: write` \(with `pages: write`\) to the job's `permissions:`\. Pull requests from forks never get one/
    )
    await expect(
      git.git(repo).run(['rev-parse', '--verify', 'refs/heads/gh-pages'])
    ).rejects.toThrow()
  })

  it('on GitHub Enterprise Server, says the artifact service is missing and what to use instead', async () => {
    const failure = host({ serverUrl: 'https://ghe.example.com' }).locate()
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      /GitHub Enterprise Server does not offer that service.*`host: directory`.*actions\/upload-pages-artifact and actions\/deploy-pages/
    )
  })

  it('a 403 names pages: write', async () => {
    deployments.refuse = {
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      headers: { 'x-github-request-id': 'AB:CD' }
    }
    await expect(publish(host())).rejects.toThrow(
      /GitHub refused to deploy GitHub Pages: 403 Resource not accessible by integration .*give the workflow job "permissions: pages: write" and "id-token: write"/
    )
  })

  it('"Missing environment" asks for environment: github-pages on the job', async () => {
    deployments.refuse = {
      status: 400,
      body: {
        message:
          "Missing environment. Ensure your workflow's deployment job has an environment. Example:\njobs:\n  deploy:\n    environment:\n      name: github-pages"
      }
    }
    await expect(publish(host())).rejects.toThrow(
      /the job has no environment .*Add `environment: github-pages` to the job/
    )
  })

  it("the environment's branch rule says where to allow the branch", async () => {
    deployments.refuse = {
      status: 400,
      body: {
        message:
          'Invalid deployment branch and no branch protection rules set in the environment. Deployments are only allowed from main'
      }
    }
    await expect(publish(host())).rejects.toThrow(
      `allow this run's branch at ${site.serverUrl}/${repo}/settings/environments › github-pages › Deployment branches`
    )
  })

  it('a used-up artifact storage quota says so', async () => {
    services.quotaExceeded = true
    await expect(publish(host())).rejects.toThrow(
      /artifact storage quota is used up\. Delete old artifacts/
    )
  })
})
