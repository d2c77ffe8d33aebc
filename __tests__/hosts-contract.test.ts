/**
 * The contract of every host (src/hosts/types.ts), proven by one suite run against each host on a
 * real backend: a folder, a git http-backend with a stand-in GitHub (Pages), the same with the
 * stand-in Actions services and Pages deployments (Pages deployed by GitHub Actions, where what
 * the site serves is the last deployed artifact), s3rver (S3) and the stand-in GitHub's releases
 * (checked against the OpenAPI description).
 */
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import { getOctokit } from '@actions/github'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createOctokit } from '../src/github.js'
import { createHost } from '../src/hosts/index.js'
import type { HostOptions } from '../src/hosts/index.js'
import { releasePlace } from '../src/hosts/release/layout.js'
import { keyMapper } from '../src/hosts/s3/index.js'
import type { Host } from '../src/hosts/types.js'
import { buildSite } from '../src/ota/site.js'
import type { BuildSite } from '../src/ota/types.js'
import { publishBuild, removeChannel } from '../src/publish.js'
import { startActionsServices } from './support/actions-services.js'
import { startGitServer } from './support/git-server.js'
import type { GitServer } from './support/git-server.js'
import { servePagesSettings } from './support/github-pages.js'
import { ReleasesFake } from './support/github-releases.js'
import { startGitHub } from './support/github-server.js'
import type { GitHubStandIn } from './support/github-server.js'
import { ipaInfo } from './support/ota-fixtures.js'
import { serveActionsPagesSite } from './support/pages-actions.js'
import { S3_CREDENTIALS, startS3 } from './support/s3-server.js'
import type { S3Server } from './support/s3-server.js'

const TOKEN = 'ghs_contractToken0123456789abcdefABCD'
const ROOT = 'ota'
const PUBLISHERS = 6

/** One host on its backend, with the checks the suite makes on what the backend holds. */
interface Subject {
  /** A host as one run makes it: each publisher gets its own. */
  host(): Promise<Host>
  /** Whether each site path (e.g. "ota/main/1-1/build.json") is on the backend. */
  has(sitePaths: string[]): Promise<boolean[]>
  /** An index page's HTML; undefined for a host without index pages (release). */
  page(sitePath: string): Promise<string | undefined>
  close(): Promise<void>
}

let scratch: string
let ipaPath: string
let git: GitServer
let s3: S3Server
let count = 0

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'hosts-contract-'))
  ipaPath = join(scratch, 'Demo.ipa')
  await writeFile(ipaPath, 'ipa bytes')
  git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
  s3 = await startS3(['contract'])
})
afterAll(async () => {
  await git?.close()
  await s3?.close()
  await rm(scratch, { recursive: true, force: true })
})

const exists = (promise: Promise<unknown>) =>
  promise.then(
    () => true,
    () => false
  )

async function directory(): Promise<Subject> {
  const dir = await mkdtemp(join(scratch, 'site-'))
  return {
    host: () =>
      createHost({
        host: 'directory',
        dir,
        baseUrl: 'https://builds.example.test/',
        warn: () => {}
      }),
    has: (paths) => Promise.all(paths.map((path) => exists(access(join(dir, path))))),
    page: (path) => readFile(join(dir, path), 'utf8'),
    close: async () => {}
  }
}

async function s3Bucket(): Promise<Subject> {
  const prefix = `site-${++count}/ota`
  const keyOf = keyMapper(ROOT, prefix)
  const object = { Bucket: 'contract' }
  return {
    host: () =>
      createHost({
        host: 's3',
        bucket: 'contract',
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        path: ROOT,
        prefix,
        publicBaseUrl: 'https://cdn.example.test',
        clientConfig: { credentials: S3_CREDENTIALS }
      }),
    has: (paths) =>
      Promise.all(
        paths.map((path) =>
          exists(s3.client.send(new HeadObjectCommand({ ...object, Key: keyOf(path) })))
        )
      ),
    page: async (path) => {
      const answer = await s3.client.send(new GetObjectCommand({ ...object, Key: keyOf(path) }))
      return (await answer.Body?.transformToString('utf8')) ?? ''
    },
    close: async () => {}
  }
}

/** A new repository on the git server, and a stand-in GitHub for its Pages settings. */
async function pagesRepo() {
  const repo = `owner/app-${++count}`
  await git.createRepo(repo)
  const github = await startGitHub({ token: TOKEN })
  const [owner = '', name = ''] = repo.split('/')
  const options = {
    host: 'pages' as const,
    owner,
    repo: name,
    token: TOKEN,
    branch: 'gh-pages',
    history: 'keep' as const,
    wait: false,
    tempDir: scratch
  }
  const closeGitHub = async () => {
    expect(github.violations).toEqual([])
    await github.close()
  }
  return { repo, github, options, closeGitHub }
}

async function pagesBranch(): Promise<Subject> {
  const { repo, github, options, closeGitHub } = await pagesRepo()
  servePagesSettings(github, { url: `${github.url}/repos/${repo}/pages` })
  return {
    host: () =>
      createHost({
        ...options,
        octokit: createOctokit(TOKEN, github.url, 0),
        serverUrl: git.url,
        waitTimeoutMs: 0,
        sleep: async () => {}
      }),
    // One listing of the branch for all the paths, rather than a git process per path.
    has: async (paths) => {
      const listing = await git
        .git(repo)
        .text(['ls-tree', '-r', '--name-only', '-z', 'gh-pages'])
        .catch(() => '')
      const files = new Set(listing.split('\0'))
      return paths.map((path) => files.has(path))
    },
    page: (path) => git.git(repo).text(['show', `gh-pages:${path}`]),
    close: closeGitHub
  }
}

/**
 * Pages deployed by GitHub Actions: the files are kept on gh-pages and every update deploys it.
 * The checks read the artifact of the last successful deployment, i.e. what the site serves. The
 * stand-in's deployments end within milliseconds, so runs here seldom wait for one another;
 * pages-deploy.test.ts proves the order of overlapping deployments.
 */
async function pagesActions(): Promise<Subject> {
  const { repo, github, options, closeGitHub } = await pagesRepo()
  const services = await startActionsServices()
  const site = serveActionsPagesSite(github, git, repo, services)
  for (const [variable, value] of Object.entries(site.env)) vi.stubEnv(variable, value)
  return {
    host: () =>
      createHost({
        ...options,
        // Each run is a process of its own: no write throttle shared by all of them.
        octokit: getOctokit(TOKEN, { baseUrl: github.url }),
        serverUrl: site.serverUrl,
        waitTimeoutMs: 10 * 60_000,
        pollIntervalMs: 5,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)))
      }),
    has: async (paths) => {
      const live = new Set((await site.liveEntries()).map((entry) => entry.path))
      return paths.map((path) => live.has(path))
    },
    page: async (path) => (await site.liveFile(path)).toString('utf8'),
    close: async () => {
      vi.unstubAllEnvs()
      await services.close()
      await closeGitHub()
    }
  }
}

async function releases(): Promise<Subject> {
  const github: GitHubStandIn = await startGitHub({ token: TOKEN })
  const fake = new ReleasesFake(github, 'octo', 'app')
  const options: HostOptions = {
    host: 'release',
    // Without the throttling plugin, whose pacing of writes would only slow the test down.
    octokit: getOctokit(TOKEN, { baseUrl: github.url }),
    owner: 'octo',
    repo: 'app',
    serverUrl: 'https://github.example.test',
    tagTemplate: 'ota-{channel}',
    path: ROOT,
    sleep: async () => {}
  }
  return {
    host: () => createHost(options),
    has: async (paths) =>
      paths.map((path) => {
        const place = releasePlace(options, path)
        if (place.kind !== 'asset') throw new Error(`${path} is not a release asset`)
        const assets = fake.byTag(place.tag)?.assets ?? []
        return assets.some((asset) => asset.name === place.asset && asset.state === 'uploaded')
      }),
    page: async () => undefined,
    close: async () => {
      expect(github.violations).toEqual([])
      await github.close()
    }
  }
}

const HOSTS: Array<[string, () => Promise<Subject>]> = [
  ['directory', directory],
  ['pages', pagesBranch],
  ['pages deployed by GitHub Actions', pagesActions],
  ['s3', s3Bucket],
  ['release', releases]
]

/** The files of a build the suite looks for (a release does not keep HTML). */
function probeFiles(site: BuildSite): string[] {
  return site.files.map((file) => file.path).filter((path) => !path.endsWith('.html'))
}

const createdAt = (n: number) => new Date(Date.UTC(2025, 5, 1, 12, 0, n))

function options(channel: string, n: number, keep: number) {
  const buildId = `${9000 + n}-1`
  return {
    root: ROOT,
    channel,
    buildId,
    source: { serverUrl: 'https://github.com', runId: String(9000 + n), runAttempt: 1 },
    qr: 'page' as const,
    now: createdAt(n),
    retention: { keep }
  }
}

async function publish(subject: Subject, channel: string, n: number, keep = 10) {
  const info = ipaInfo({ file: { path: ipaPath, size: 9 } })
  return publishBuild(info, await subject.host(), options(channel, n, keep))
}

/** Which of the builds are complete on the backend; fails on a build that is there in part. */
async function completeBuilds(subject: Subject, sites: BuildSite[]): Promise<string[]> {
  const complete: string[] = []
  for (const site of sites) {
    const present = await subject.has(probeFiles(site))
    expect(new Set(present).size, `${site.dir} is there only in part`).toBe(1)
    if (present[0]) complete.push(site.record.buildId)
  }
  return complete.sort()
}

/** The builds the store reads back, as the next run would see them. */
async function readBack(subject: Subject): Promise<string[]> {
  const records = await (await subject.host()).store.read(ROOT)
  return records.map((record) => record.buildId).sort()
}

/** The build ids a channel page lists, and the channels the root page lists. */
async function indexed(subject: Subject, channel: string) {
  const channelPage = await subject.page(`${ROOT}/${channel}/index.html`)
  const rootPage = await subject.page(`${ROOT}/index.html`)
  if (channelPage === undefined || rootPage === undefined) return undefined
  return {
    builds: [...channelPage.matchAll(/href="([^"/]+)\/index\.html">Details/g)]
      .map((match) => match[1] ?? '')
      .sort(),
    channels: [...rootPage.matchAll(/href="([^"/]+)\/index\.html"/g)].map((match) => match[1])
  }
}

describe.each(HOSTS)('host contract: %s', (_name, start) => {
  // keep: 10 keeps every build; keep: 2 makes each run prune what the others published.
  it.each([10, 2])(
    `${PUBLISHERS} runs publishing on one channel at once with keep: %i leave whole builds, all in the store and the indexes`,
    async (keep) => {
      const subject = await start()
      try {
        const published = await Promise.all(
          Array.from({ length: PUBLISHERS }, (_, n) => publish(subject, 'main', n, keep))
        )
        const sites = published.map(({ site }) => site)

        const left = await completeBuilds(subject, sites)
        // Exactly the builds no run's plan removed are left: nothing else is lost, and every
        // planned removal happened. The newest build is never pruned (each run keeps it as the
        // newest of the others).
        const removed = new Set(
          published.flatMap(({ plan }) => plan.removed.map((record) => record.buildId))
        )
        const all = sites.map((site) => site.record.buildId)
        expect(left).toEqual(all.filter((id) => !removed.has(id)))
        if (keep >= PUBLISHERS) expect(left).toEqual(all)
        else expect(left).toContain(`${9000 + PUBLISHERS - 1}-1`)
        expect(await readBack(subject)).toEqual(left)
        const pages = await indexed(subject, 'main')
        if (pages) expect(pages).toEqual({ builds: left, channels: ['main'] })
        if (keep < PUBLISHERS) {
          // Racing runs may all plan before any other build is complete (only Pages makes a
          // loser plan again), so retention is sure to catch up only with the next run.
          await publish(subject, 'main', PUBLISHERS, keep)
          const newest = Array.from({ length: keep }, (_, i) => `${9000 + PUBLISHERS - i}-1`)
          expect(await readBack(subject)).toEqual(newest.sort())
        }
      } finally {
        await subject.close()
      }
    },
    120_000
  )

  it('never removes a build another run is still uploading, and removes only what it planned', async () => {
    const subject = await start()
    try {
      const first = await publish(subject, 'pr-9', 1)
      // Another run has uploaded its IPA and manifest, not yet its build.json.
      const host = await subject.host()
      const half = await buildSite(ipaInfo({ file: { path: ipaPath, size: 9 } }), {
        ...options('pr-9', 2, 1),
        urlFor: await host.locate()
      })
      const uploaded = half.files.filter(
        (file) => !file.path.endsWith('build.json') && !file.path.endsWith('.html')
      )
      await host.store.update(ROOT, () => ({ write: uploaded, removeDirs: [] }), 'half a build')

      // keep: 1 prunes the first build; the half build is no build yet, so it stays.
      const third = await publish(subject, 'pr-9', 3, 1)
      expect(third.plan.removed.map((record) => record.buildId)).toEqual(['9001-1'])
      expect(await completeBuilds(subject, [first.site, third.site])).toEqual(['9003-1'])
      expect(await subject.has(uploaded.map((file) => file.path))).toEqual(uploaded.map(() => true))

      const removal = await removeChannel(await subject.host(), ROOT, 'pr-9')
      expect(removal.removed.map((record) => record.buildId)).toEqual(['9003-1'])
      expect(await completeBuilds(subject, [third.site])).toEqual([])
      expect(await subject.has(uploaded.map((file) => file.path))).toEqual(uploaded.map(() => true))
      expect(await readBack(subject)).toEqual([])
    } finally {
      await subject.close()
    }
  }, 120_000)

  it('read returns the complete builds of every channel, as the next update plans with', async () => {
    const subject = await start()
    try {
      expect(await (await subject.host()).store.read(ROOT)).toEqual([])
      const published = [await publish(subject, 'main', 1), await publish(subject, 'pr-4', 2)]
      // A build whose build.json is not in yet is not read.
      const host = await subject.host()
      const half = await buildSite(ipaInfo({ file: { path: ipaPath, size: 9 } }), {
        ...options('main', 3, 10),
        urlFor: await host.locate()
      })
      const partial = half.files.filter((file) => !file.path.endsWith('build.json'))
      await host.store.update(ROOT, () => ({ write: partial, removeDirs: [] }), 'half a build')

      const read = await (await subject.host()).store.read(ROOT)
      const byId = (a: { buildId: string }, b: { buildId: string }) =>
        a.buildId.localeCompare(b.buildId)
      expect(read.sort(byId)).toEqual(published.map(({ site }) => site.record).sort(byId))
      expect(read.map((record) => record.buildId)).toEqual(await readBack(subject))
    } finally {
      await subject.close()
    }
  }, 120_000)
})
