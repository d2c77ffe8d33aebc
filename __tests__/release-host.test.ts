import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { getOctokit } from '@actions/github'
import { createReleaseHost } from '../src/hosts/release/index.js'
import type { BuildRecord, SiteChanges, SiteFile } from '../src/ota/types.js'
import { startGitHub } from './support/github-server.js'
import type { GitHubStandIn, StartOptions } from './support/github-server.js'
import { runInChild } from './support/s3-server.js'
import { ReleasesFake } from './support/github-releases.js'

const TOKEN = 'ghs_releasetesttoken0123456789'
const OWNER = 'octo'
const REPO = 'app'
const SERVER = 'https://github.example.test'
const SHA = 'a'.repeat(40)

let scratch: string
let gh: GitHubStandIn
let fake: ReleasesFake
/** The waits the host asked for between upload attempts (none really happen). */
let sleeps: number[]

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'release-host-'))
})
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})
async function start(fault?: StartOptions['fault']) {
  gh = await startGitHub({ token: TOKEN, fault })
  fake = new ReleasesFake(gh, OWNER, REPO)
  sleeps = []
}
afterEach(async () => {
  expect(gh.violations).toEqual([])
  await gh.close()
})

function host(tagTemplate = 'ota-{channel}', extra: { fetch?: typeof fetch } = {}) {
  return createReleaseHost({
    // Real Octokit without the throttling plugin, whose one-write-per-second pacing would make these
    // tests slow; the child process below uses createOctokit as the action does.
    octokit: getOctokit(TOKEN, { baseUrl: gh.url }),
    owner: OWNER,
    repo: REPO,
    serverUrl: SERVER,
    tagTemplate,
    path: 'ota',
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0.5,
    ...extra
  })
}

function record(channel: string, buildId: string): BuildRecord {
  const url = (name: string) =>
    `${SERVER}/${OWNER}/${REPO}/releases/download/ota-${channel}/${buildId}-${name}`
  return {
    schema: 1,
    channel,
    buildId,
    createdAt: '2024-05-01T10:00:00.000Z',
    app: { bundleId: 'com.example.app', version: '1.0', build: '1', name: 'App', ipaSize: 9 },
    source: { serverUrl: SERVER, sha: SHA },
    urls: {
      page: url('index.html'),
      manifest: url('manifest.plist'),
      ipa: url('app.ipa'),
      qr: url('qr.png'),
      qrSvg: url('qr.svg'),
      buildJson: url('build.json'),
      install: 'itms-services://?action=download-manifest&url=x'
    },
    size: 100
  }
}

function bytes(path: string, text: string, contentType: string, immutable = true): SiteFile {
  const content = Buffer.from(text)
  return { path, content, size: content.length, contentType, immutable }
}

async function buildFiles(channel: string, buildId: string): Promise<SiteFile[]> {
  const dir = `ota/${channel}/${buildId}`
  const ipa = join(scratch, `${channel}-${buildId}.ipa`)
  await writeFile(ipa, `ipa ${buildId}`)
  return [
    {
      path: `${dir}/app.ipa`,
      content: { file: ipa },
      size: 4 + buildId.length,
      contentType: 'application/octet-stream',
      immutable: true
    },
    bytes(`${dir}/manifest.plist`, '<plist/>', 'application/xml'),
    bytes(`${dir}/qr.png`, 'png', 'image/png'),
    bytes(`${dir}/index.html`, '<html/>', 'text/html; charset=utf-8'),
    bytes(`${dir}/build.json`, JSON.stringify(record(channel, buildId)), 'application/json'),
    bytes(`ota/${channel}/index.html`, '<html/>', 'text/html; charset=utf-8', false),
    bytes('ota/index.html', '<html/>', 'text/html; charset=utf-8', false)
  ]
}

const publish =
  (files: SiteFile[], removeDirs: string[] = []) =>
  (): SiteChanges => ({ write: files, removeDirs })

/** The assets buildFiles makes, after the build id. */
const BUILD_ASSETS = ['app.ipa', 'build.json', 'manifest.plist', 'qr.png']

function assetNames(tag: string): string[] {
  return (fake.byTag(tag)?.assets ?? []).map((a) => a.name).sort()
}

describe('release host: publishing', () => {
  it('creates one prerelease per channel with flat, build-prefixed assets and no HTML', async () => {
    await start()
    const releaseHost = host()
    const urlFor = await releaseHost.locate()
    await releaseHost.store.update('ota', publish(await buildFiles('pr-1', '7-1')), 'publish')

    expect(fake.releases).toHaveLength(1)
    const release = fake.byTag('ota-pr-1')!
    expect(release).toMatchObject({ prerelease: true, draft: false, target_commitish: SHA })
    expect(release.body).toMatch(/does not follow/)
    expect(assetNames('ota-pr-1')).toEqual([
      '7-1-app.ipa',
      '7-1-build.json',
      '7-1-manifest.plist',
      '7-1-qr.png'
    ])
    const ipa = release.assets.find((a) => a.name === '7-1-app.ipa')!
    expect(ipa.content?.toString()).toBe('ipa 7-1')
    expect(ipa.content_type).toBe('application/octet-stream')
    expect(release.assets.find((a) => a.name === '7-1-manifest.plist')?.content_type).toBe(
      'application/xml'
    )
    // build.json goes last: a build is listed only once all its files are in.
    expect(release.assets.at(-1)?.name).toBe('7-1-build.json')

    expect(urlFor('ota/pr-1/7-1/manifest.plist')).toBe(
      `${SERVER}/${OWNER}/${REPO}/releases/download/ota-pr-1/7-1-manifest.plist`
    )
    expect(urlFor('ota/pr-1/7-1/index.html')).toBe(
      `${SERVER}/${OWNER}/${REPO}/releases/tag/ota-pr-1`
    )
  })

  it('adds later builds to the same release and passes the earlier ones to plan', async () => {
    await start()
    const store = host().store
    await store.update('ota', publish(await buildFiles('main', '1-1')), 'publish')
    let seen: BuildRecord[] = []
    const files = await buildFiles('main', '2-1')
    await store.update(
      'ota',
      (current) => {
        seen = current
        return { write: files, removeDirs: [] }
      },
      'publish'
    )
    expect(seen.map((r) => r.buildId)).toEqual(['1-1'])
    expect(fake.releases).toHaveLength(1)
    expect(assetNames('ota-main')).toHaveLength(8)
  })

  it('replaces same-named assets on a re-run, a half-uploaded one included, without a 422', async () => {
    await start()
    const store = host().store
    await store.update('ota', publish(await buildFiles('main', '3-1')), 'publish')
    const release = fake.byTag('ota-main')!
    // A failed run left the IPA half-uploaded.
    release.assets = release.assets.filter((a) => a.name !== '3-1-app.ipa')
    release.assets.push({
      id: 999,
      name: '3-1-app.ipa',
      state: 'starter',
      content_type: 'application/octet-stream',
      size: 0
    })

    const files = await buildFiles('main', '3-1')
    await writeFile((files[0]!.content as { file: string }).file, 'ipa 3-1')
    await store.update('ota', publish(files), 'publish again')

    expect(fake.refusals).toEqual([])
    expect(assetNames('ota-main')).toEqual([
      '3-1-app.ipa',
      '3-1-build.json',
      '3-1-manifest.plist',
      '3-1-qr.png'
    ])
    expect(release.assets.find((a) => a.name === '3-1-app.ipa')).toMatchObject({
      state: 'uploaded'
    })
    expect(fake.releases).toHaveLength(1)
  })

  it('retries an upload that failed with a server error, with a fresh stream', async () => {
    let failed = false
    await start((req) => {
      if (req.operationId !== 'repos/upload-release-asset' || failed) return undefined
      if (req.query.get('name') !== '4-1-app.ipa') return undefined
      failed = true
      return { status: 502, body: { message: 'Server Error' } }
    })
    await host().store.update('ota', publish(await buildFiles('main', '4-1')), 'publish')
    const ipa = fake.byTag('ota-main')?.assets.filter((a) => a.name === '4-1-app.ipa')
    expect(failed).toBe(true)
    expect(ipa?.map((a) => a.content?.toString())).toEqual(['ipa 4-1'])
    // Full-jitter backoff before the second attempt: 0.5 × 1000 ms.
    expect(sleeps).toEqual([500])
  })

  it('joins the release another run created at the same moment instead of failing on 422', async () => {
    let raced = false
    await start((req) => {
      if (req.operationId !== 'repos/create-release' || raced) return undefined
      // The other run's create lands first: its draft holds the tag when ours arrives.
      raced = true
      const other = fake.addRelease('ota-main', [])
      other.draft = true
      fake.tags.delete('ota-main')
      return undefined
    })
    await host().store.update('ota', publish(await buildFiles('main', '8-1')), 'publish')

    expect(raced).toBe(true)
    expect(fake.refusals).toEqual([
      expect.objectContaining({
        status: 422,
        body: expect.objectContaining({
          errors: [expect.objectContaining({ code: 'already_exists' })]
        }) as unknown
      })
    ])
    expect(fake.releases).toHaveLength(1)
    expect(fake.byTag('ota-main')?.draft).toBe(false)
    expect(assetNames('ota-main')).toEqual([
      '8-1-app.ipa',
      '8-1-build.json',
      '8-1-manifest.plist',
      '8-1-qr.png'
    ])
  })

  it('creates the release again when another run deletes it while this one uploads', async () => {
    let deleted = false
    await start((req) => {
      if (req.operationId !== 'repos/upload-release-asset' || deleted) return undefined
      // The other run pruned the release's last build and, seeing it empty, deleted it.
      deleted = true
      fake.releases = []
      return undefined
    })
    fake.addRelease('ota-main', [])
    await host().store.update('ota', publish(await buildFiles('main', '8-1')), 'publish')

    expect(deleted).toBe(true)
    expect(fake.releases).toHaveLength(1)
    expect(fake.byTag('ota-main')?.draft).toBe(false)
    expect(assetNames('ota-main')).toEqual(BUILD_ASSETS.map((name) => `8-1-${name}`))
  })

  it('keeps a release while another run is still uploading a build into it', async () => {
    await start()
    const store = host().store
    await store.update('ota', publish(await buildFiles('main', '1-1')), 'publish')
    // Another run has uploaded the IPA of 2-1, not yet its build.json.
    const [ipa] = await buildFiles('main', '2-1')
    await store.update('ota', publish([ipa!]), 'half a build')

    await store.update('ota', publish([], ['ota/main/1-1']), 'prune')

    expect(fake.byTag('ota-main')).toBeDefined()
    expect(assetNames('ota-main')).toEqual(['2-1-app.ipa'])
    expect(fake.deletedRefs).toEqual([])
  })

  it('does not read releases the tag template cannot have made', async () => {
    await start()
    fake.addRelease('v1.0.0', [
      {
        name: '1-1-build.json',
        state: 'uploaded',
        content_type: 'application/json',
        size: 2,
        content: Buffer.from(JSON.stringify(record('main', '1-1')))
      }
    ])
    let seen: BuildRecord[] | undefined
    await host().store.update(
      'ota',
      (current) => {
        seen = current
        return { write: [], removeDirs: [] }
      },
      'read'
    )
    expect(seen).toEqual([])
    expect(gh.requests.filter((r) => r.operationId === 'repos/get-release-asset')).toEqual([])
  })
})

describe('release host: retention and removal', () => {
  it('deletes the asset group of a pruned build and keeps the others', async () => {
    await start()
    const store = host().store
    for (const id of ['1-1', '11-1']) {
      await store.update('ota', publish(await buildFiles('main', id)), 'publish')
    }
    await store.update('ota', publish([], ['ota/main/1-1']), 'prune')
    expect(assetNames('ota-main')).toEqual([
      '11-1-app.ipa',
      '11-1-build.json',
      '11-1-manifest.plist',
      '11-1-qr.png'
    ])
  })

  it('removes the channel release and its tag once its last build is removed', async () => {
    await start()
    const store = host().store
    await store.update('ota', publish(await buildFiles('pr-2', '5-1')), 'publish')
    await store.update('ota', publish(await buildFiles('pr-3', '6-1')), 'publish')
    await store.update('ota', publish([], ['ota/pr-2/5-1']), 'remove')
    expect(fake.byTag('ota-pr-2')).toBeUndefined()
    expect(fake.deletedRefs).toEqual(['ota-pr-2'])
    expect(fake.byTag('ota-pr-3')).toBeDefined()
  })

  it('with one release per build, removing a channel deletes each of its releases', async () => {
    await start()
    const store = host('ota-{build-id}').store
    await store.update('ota', publish(await buildFiles('pr-4', '1-1')), 'publish')
    await store.update('ota', publish(await buildFiles('pr-4', '2-1')), 'publish')
    await store.update('ota', publish(await buildFiles('main', '3-1')), 'publish')
    expect(fake.releases.map((r) => r.tag_name).sort()).toEqual(['ota-1-1', 'ota-2-1', 'ota-3-1'])
    await store.update('ota', publish([], ['ota/pr-4/1-1', 'ota/pr-4/2-1']), 'remove')
    expect(fake.releases.map((r) => r.tag_name)).toEqual(['ota-3-1'])
    expect(fake.deletedRefs.sort()).toEqual(['ota-1-1', 'ota-2-1'])
  })
})

describe('release host: refusals explained', () => {
  it('refuses a private or internal repository: its assets need a login', async () => {
    await start()
    for (const visibility of ['private', 'internal'] as const) {
      fake.visibility = visibility
      const error = await host()
        .locate()
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UserError)
      expect((error as Error).message).toBe(
        `The repository ${OWNER}/${REPO} is ${visibility}, so its release assets can only be downloaded with a GitHub login, which an iPhone's installer does not have: publish with host: s3 (or Pages on a public site) instead.`
      )
    }
    const update = await host()
      .store.update('ota', publish([]), 'x')
      .catch((e: unknown) => e)
    expect(update).toBeInstanceOf(UserError)
    expect(fake.releases).toEqual([])
  })

  it('explains immutable releases and how to publish with them', async () => {
    await start()
    const store = host().store
    fake.immutable = true
    // A new release is a draft until its assets are in, so the first build goes through.
    await store.update('ota', publish(await buildFiles('main', '1-1')), 'publish')
    expect(assetNames('ota-main')).toHaveLength(4)

    const error = await store
      .update('ota', publish(await buildFiles('main', '2-1')), 'publish')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(
      /^The release ota-main is immutable .* set release-tag: ota-\{build-id\} so every build gets a release of its own, or turn off immutable releases/
    )
  })

  it('names the permission when the token may not create releases', async () => {
    await start()
    gh.handle('repos/create-release', () => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    }))
    const error = await host()
      .store.update('ota', publish(await buildFiles('main', '1-1')), 'publish')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(
      /Resource not accessible by integration.*contents: write/
    )
    expect((error as Error).message).not.toContain(TOKEN)
  })
})

describe('release host: verify', () => {
  it('warns plainly when GitHub redirects the IPA download, and passes a direct 200', async () => {
    await start()
    let status = 302
    const server = createServer((request, response) => {
      expect(request.method).toBe('HEAD')
      expect(request.headers.authorization).toBeUndefined()
      response.writeHead(
        status,
        status === 302 ? { location: 'https://objects.example/x?sig=1' } : {}
      )
      response.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const toLocal: typeof fetch = (input, init) =>
      fetch((input instanceof Request ? input.url : String(input)).replace(SERVER, local), init)
    try {
      const releaseHost = host('ota-{channel}', { fetch: toLocal })
      const [warning, ...rest] = await releaseHost.verify!(record('main', '1-1'))
      expect(rest).toEqual([])
      expect(warning).toMatch(
        /^The itms-services link may not install from a GitHub release: .* redirect \(302\).* does not follow redirects; .*host: pages or host: s3/
      )
      status = 200
      expect(await releaseHost.verify!(record('main', '1-1'))).toEqual([])
    } finally {
      server.close()
    }
  })
})

describe('release host: large uploads', () => {
  it('streams a 1 GB IPA to the upload URL with bounded memory', async () => {
    await start()
    const size = 1024 * 1024 * 1024
    const ipa = join(scratch, 'huge.ipa')
    const handle = await open(ipa, 'w')
    await handle.write('start of the archive', 0)
    await handle.write('end of the archive', size - 18)
    await handle.close()
    const expected = createHash('sha256')
    await pipeline(createReadStream(ipa), expected)

    const run = await runInChild(CHILD, [gh.url, ipa, String(size)], { TEST_TOKEN: TOKEN })

    const asset = fake.byTag('ota-main')?.assets.find((a) => a.name === '9-1-app.ipa')
    expect(asset).toMatchObject({ size, sha256: expected.digest('hex'), state: 'uploaded' })
    expect(run.stdout).toMatch(/Uploaded 100% of 9-1-app\.ipa/)
    expect(run.stdout).not.toContain(TOKEN)
    // Node's fetch would hold the whole body (1.2 GB measured); streamed, the process stays near
    // 70 MB of code plus the garbage V8 lets pile up before collecting it, which grows when the
    // machine is busy: the bound sits between the two, far from both.
    expect(run.maxRssBytes).toBeLessThan(512 * 1024 * 1024)
  }, 180_000)
})

/** Publishes one streamed IPA with the real host and Octokit, in its own process. */
const CHILD = `
import { createOctokit } from './src/github.js'
import { createReleaseHost } from './src/hosts/release/index.js'
const [url, file, size] = process.argv.slice(2) as [string, string, string]
const host = createReleaseHost({
  octokit: createOctokit(process.env.TEST_TOKEN ?? '', url),
  owner: '${OWNER}',
  repo: '${REPO}',
  serverUrl: 'https://github.example.test',
  tagTemplate: 'ota-{channel}',
  path: 'ota'
})
await host.locate()
await host.store.update(
  'ota',
  () => ({
    write: [{ path: 'ota/main/9-1/app.ipa', content: { file }, size: Number(size), contentType: 'application/octet-stream', immutable: true }],
    removeDirs: []
  }),
  'publish'
)
`
