import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { UserError } from '../src/errors.js'
import { defaultPublicBaseUrl, keyMapper } from '../src/hosts/s3/index.js'
import type { S3HostOptions } from '../src/hosts/s3/index.js'
import type { BuildRecord, SiteChanges, SiteFile } from '../src/ota/types.js'
import { CDN, startS3Bucket, type S3Bucket } from './support/s3-bucket.js'
import { S3_CREDENTIALS, type S3Server } from './support/s3-server.js'
import { captureStdout } from './support/files.js'

const BUCKET = 'ios-builds'

let bucket: S3Bucket
let s3: S3Server
let scratch: string

beforeAll(async () => {
  bucket = await startS3Bucket(BUCKET)
  s3 = bucket.s3
  scratch = bucket.scratch
})
afterEach(() => {
  vi.restoreAllMocks()
})
afterAll(async () => {
  await bucket?.close()
})

const host = (overrides: Partial<S3HostOptions> = {}) => bucket.host(overrides)
const keysUnder = (prefix: string) => bucket.keysUnder(prefix)

function record(channel: string, buildId: string, createdAt: string): BuildRecord {
  const dir = `${CDN}/ota/${channel}/${buildId}`
  return {
    schema: 1,
    channel,
    buildId,
    createdAt,
    app: { bundleId: 'com.example.app', version: '1.0', build: '1', name: 'App', ipaSize: 3 },
    source: { serverUrl: 'https://github.com' },
    urls: {
      page: `${dir}/`,
      manifest: `${dir}/manifest.plist`,
      ipa: `${dir}/App.ipa`,
      qr: `${dir}/qr.png`,
      qrSvg: `${dir}/qr.svg`,
      buildJson: `${dir}/build.json`,
      install: `itms-services://?action=download-manifest&url=${encodeURIComponent(`${dir}/manifest.plist`)}`
    },
    size: 100
  }
}

function bytes(path: string, text: string, contentType: string, immutable = true): SiteFile {
  const content = Buffer.from(text)
  return { path, content, size: content.length, contentType, immutable }
}

/** The files of one build plus the channel index page, the IPA streamed from disk. */
async function buildFiles(root: string, channel: string, buildId: string): Promise<SiteFile[]> {
  const dir = `${root}/${channel}/${buildId}`
  const ipa = join(scratch, `${channel}-${buildId}.ipa`)
  await writeFile(ipa, `ipa of ${buildId}`)
  const json = JSON.stringify(record(channel, buildId, new Date().toISOString()))
  return [
    bytes(`${dir}/manifest.plist`, '<plist/>', 'application/xml'),
    {
      path: `${dir}/App.ipa`,
      content: { file: ipa },
      size: 7 + buildId.length,
      contentType: 'application/octet-stream',
      immutable: true
    },
    bytes(`${dir}/index.html`, '<html>build</html>', 'text/html; charset=utf-8'),
    bytes(`${dir}/qr.png`, '\x89PNG', 'image/png'),
    bytes(`${dir}/qr.svg`, '<svg/>', 'image/svg+xml'),
    bytes(`${dir}/build.json`, json, 'application/json'),
    bytes(
      `${root}/${channel}/index.html`,
      `<html>${channel}</html>`,
      'text/html; charset=utf-8',
      false
    ),
    bytes(`${root}/index.html`, '<html>all</html>', 'text/html; charset=utf-8', false)
  ]
}

async function text(Key: string): Promise<string> {
  const object = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key }))
  return (await object.Body?.transformToString()) ?? ''
}

/** Puts a tiny object at each key, 50 at a time (s3rver fails under a thousand parallel writes). */
async function putMany(keys: string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += 50) {
    await Promise.all(
      keys
        .slice(start, start + 50)
        .map((Key) => s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: 'x' })))
    )
  }
}

const publish =
  (files: SiteFile[], removeDirs: string[] = []) =>
  (): SiteChanges => ({ write: files, removeDirs })

describe('s3 host: publishing', () => {
  it('uploads every file with its content type and cache policy, under the prefix', async () => {
    const files = await buildFiles('ota', 'pr-1', '7-1')
    await host({ prefix: 'apps/demo' }).store.update('ota', publish(files), 'publish')

    const expected: Record<string, [string, string]> = {
      'apps/demo/pr-1/7-1/manifest.plist': [
        'application/xml',
        'public, max-age=31536000, immutable'
      ],
      'apps/demo/pr-1/7-1/App.ipa': [
        'application/octet-stream',
        'public, max-age=31536000, immutable'
      ],
      'apps/demo/pr-1/7-1/index.html': [
        'text/html; charset=utf-8',
        'public, max-age=31536000, immutable'
      ],
      'apps/demo/pr-1/7-1/qr.png': ['image/png', 'public, max-age=31536000, immutable'],
      'apps/demo/pr-1/7-1/qr.svg': ['image/svg+xml', 'public, max-age=31536000, immutable'],
      'apps/demo/pr-1/7-1/build.json': ['application/json', 'public, max-age=31536000, immutable'],
      'apps/demo/pr-1/index.html': ['text/html; charset=utf-8', 'no-cache'],
      'apps/demo/index.html': ['text/html; charset=utf-8', 'no-cache']
    }
    expect(await keysUnder('apps/demo/')).toEqual(Object.keys(expected).sort())
    for (const [Key, [contentType, cacheControl]] of Object.entries(expected)) {
      const head = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key }))
      expect({ Key, type: head.ContentType, cache: head.CacheControl }).toEqual({
        Key,
        type: contentType,
        cache: cacheControl
      })
    }
    expect(await text('apps/demo/pr-1/7-1/App.ipa')).toBe('ipa of 7-1')
    expect(await text('apps/demo/pr-1/7-1/manifest.plist')).toBe('<plist/>')
  })

  it('uploads build files first, build.json after them and index pages last', async () => {
    const before = (await s3.log()).written.length
    const files = await buildFiles('ota', 'order', '1-1')
    await host().store.update('ota', publish([...files].reverse()), 'publish')

    const written = (await s3.log()).written.slice(before)
    const position = (key: string) => written.indexOf(key)
    const buildJson = position('ota/order/1-1/build.json')
    for (const name of ['manifest.plist', 'App.ipa', 'index.html', 'qr.png', 'qr.svg']) {
      expect(position(`ota/order/1-1/${name}`)).toBeGreaterThanOrEqual(0)
      expect(position(`ota/order/1-1/${name}`)).toBeLessThan(buildJson)
    }
    expect(position('ota/order/index.html')).toBeGreaterThan(buildJson)
    expect(position('ota/index.html')).toBeGreaterThan(buildJson)
  })

  it('maps site paths to public URLs on the public base URL, percent-encoded', async () => {
    const urlFor = await host({ prefix: 'apps/demo' }).locate()
    expect(urlFor('ota/pr-1/7-1/My App.ipa')).toBe(`${CDN}/apps/demo/pr-1/7-1/My%20App.ipa`)
    const atRoot = await host({ prefix: '', publicBaseUrl: `${CDN}/builds/` }).locate()
    expect(atRoot('ota/main/3-1/manifest.plist')).toBe(`${CDN}/builds/main/3-1/manifest.plist`)
  })
})

describe('s3 host: existing builds, retention and removal', () => {
  it('passes the build.json of every published build to plan, reading past 1000 keys', async () => {
    const root = 'many'
    // 1,100 unrelated objects make the listing span two pages.
    await putMany(Array.from({ length: 1100 }, (_, index) => `${root}/main/0-0/asset-${index}`))
    const store = host({ path: root }).store
    for (const build of ['1-1', '2-1']) {
      await store.update(root, publish(await buildFiles(root, 'main', build)), 'publish')
    }
    await store.update(root, publish(await buildFiles(root, 'pr-9', '5-1')), 'publish')

    let seen: BuildRecord[] = []
    await store.update(
      root,
      (current) => {
        seen = current
        return { write: [], removeDirs: [] }
      },
      'read'
    )
    expect(seen.map((r) => `${r.channel}/${r.buildId}`).sort()).toEqual([
      'main/1-1',
      'main/2-1',
      'pr-9/5-1'
    ])
  })

  it('deletes pruned builds and a removed channel, everything under them, in batches past 1000', async () => {
    const root = 'prune'
    const store = host({ path: root }).store
    for (const build of ['1-1', '2-1', '3-1']) {
      await store.update(root, publish(await buildFiles(root, 'main', build)), 'publish')
    }
    await store.update(root, publish(await buildFiles(root, 'pr-4', '8-1')), 'publish')
    await putMany(Array.from({ length: 1005 }, (_, index) => `${root}/pr-4/8-1/extra/${index}`))

    // Keep the newest two builds of main: 1-1 goes, in the same update as the new build.
    await store.update(
      root,
      (current) => {
        expect(current).toHaveLength(4)
        return { write: [], removeDirs: [`${root}/main/1-1`] }
      },
      'prune'
    )
    const main = await keysUnder(`${root}/main/`)
    expect(main.filter((key) => key.startsWith(`${root}/main/1-1/`))).toEqual([])
    expect(main).toContain(`${root}/main/2-1/App.ipa`)
    expect(main).toContain(`${root}/main/3-1/build.json`)
    expect(main).toContain(`${root}/main/index.html`)

    const before = (await s3.log()).requests.length
    await store.update(root, publish([], [`${root}/pr-4`]), 'remove')
    expect(await keysUnder(`${root}/pr-4/`)).toEqual([])
    // 1,012 objects: S3 deletes at most 1,000 per request. (s3rver sometimes answers 500 to a
    // batch, which the SDK retries.)
    const deletes = (await s3.log()).requests
      .slice(before)
      .filter((r) => r.startsWith('POST ') && r.endsWith(' 200'))
    expect(deletes).toEqual([`POST /${BUCKET}/?delete= 200`, `POST /${BUCKET}/?delete= 200`])
    expect(await keysUnder(`${root}/main/`)).toEqual(main)
  })

  it('ignores objects named build.json that are not complete build records, with a warning', async () => {
    const root = 'junk'
    const withoutUrls: Partial<BuildRecord> = record('x', 'z', '2025-01-01T00:00:00Z')
    delete withoutUrls.urls
    const planted = {
      [`${root}/x/y/build.json`]: 'not json',
      [`${root}/x/z/build.json`]: JSON.stringify(withoutUrls)
    }
    for (const [Key, Body] of Object.entries(planted)) {
      await s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }))
    }
    const output = captureStdout()
    let seen: BuildRecord[] | undefined
    await host({ path: root }).store.update(
      root,
      (current) => {
        seen = current
        return { write: [], removeDirs: [] }
      },
      'read'
    )
    expect(seen).toEqual([])
    expect(output()).toContain(
      `::warning::Ignoring s3://${BUCKET}/${root}/x/y/build.json: it is not JSON`
    )
    expect(output()).toContain(
      `::warning::Ignoring s3://${BUCKET}/${root}/x/z/build.json: urls is missing`
    )
    expect(await keysUnder(`${root}/`)).toEqual(Object.keys(planted).sort())
  })
})

describe('s3 host: configuration and access errors', () => {
  it('refuses a public base URL that is not https, naming public-base-url', () => {
    expect(() => host({ publicBaseUrl: 'http://cdn.example.test' })).toThrow(UserError)
    expect(() => host({ publicBaseUrl: undefined })).toThrow(/public-base-url/)
  })

  it('derives the bucket https URL when no public base URL is given', () => {
    const base = (options: Parameters<typeof defaultPublicBaseUrl>[0]) =>
      defaultPublicBaseUrl(options)
    expect(base({ bucket: 'b', region: 'eu-west-1' })).toBe('https://b.s3.eu-west-1.amazonaws.com')
    expect(base({ bucket: 'a.b', region: 'eu-west-1' })).toBe(
      'https://s3.eu-west-1.amazonaws.com/a.b'
    )
    const minio = new URL('https://minio.example.com:9000')
    expect(base({ bucket: 'b', region: 'x', endpoint: minio, forcePathStyle: true })).toBe(
      'https://minio.example.com:9000/b'
    )
    expect(base({ bucket: 'b', region: 'x', endpoint: minio })).toBe(
      'https://b.minio.example.com:9000'
    )
  })

  it('refuses an unknown canned ACL and a prefix that climbs out of the bucket', () => {
    expect(() => host({ acl: 'everyone' })).toThrow(/s3-acl "everyone" is not a canned ACL/)
    expect(() => keyMapper('ota', '../x')).toThrow(UserError)
  })

  it('reports a bucket that does not exist', async () => {
    const error = await host({ bucket: 'no-such-bucket' })
      .store.update('ota', publish([]), 'x')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(
      /bucket "no-such-bucket" does not exist at http:\/\/127\.0\.0\.1:\d+: check the s3-bucket/
    )
  })

  it('reports an access key the service does not know, without echoing the secret', async () => {
    const secretAccessKey = 'very-secret-value'
    const wrongKey = host({
      clientConfig: { credentials: { accessKeyId: 'NOBODY', secretAccessKey } }
    })
    const error = await wrongKey.store.update('ota', publish([]), 'x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(/access key id is not known/)
    expect((error as Error).message).not.toContain(secretAccessKey)
  })

  it('reports an endpoint nothing answers on', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const endpoint = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`
    await new Promise((resolve) => closed.close(resolve))
    const error = await host({
      endpoint,
      clientConfig: { credentials: S3_CREDENTIALS, maxAttempts: 1 }
    })
      .store.update('ota', publish([]), 'x')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toContain(`Could not reach the S3 service at ${endpoint}`)
  })

  it('reports missing credentials from the SDK chain with the way to provide them', async () => {
    const empty = join(scratch, 'no-aws-config')
    for (const name of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'AWS_ROLE_ARN',
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI'
    ]) {
      vi.stubEnv(name, undefined)
    }
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', empty)
    vi.stubEnv('AWS_CONFIG_FILE', empty)
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true')
    try {
      const error = await host({ clientConfig: {} })
        .store.update('ota', publish([]), 'x')
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UserError)
      expect((error as Error).message).toMatch(
        /No AWS credentials.*aws-actions\/configure-aws-credentials/
      )
    } finally {
      vi.unstubAllEnvs()
    }
  })
})

describe('s3 host: verify', () => {
  it('accepts 200 and explains iOS’s rule for a redirect or a 403', async () => {
    const server = createServer((request, response) => {
      expect(request.method).toBe('HEAD')
      if (request.url?.startsWith('/ok/')) response.writeHead(200)
      else if (request.url?.startsWith('/moved/'))
        response.writeHead(302, { location: 'https://elsewhere.example/x' })
      else response.writeHead(403)
      response.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    // The host insists on https; the probe is routed to the loopback server by the injected fetch.
    const toLocal: typeof fetch = (input, init) =>
      fetch((input instanceof Request ? input.url : String(input)).replace(CDN, local), init)
    const verify = async (folder: string) => {
      const s3Host = host({ fetch: toLocal })
      const base = record('pr-1', '1-1', '2024-01-01T00:00:00Z')
      base.urls.manifest = `${CDN}/${folder}/manifest.plist`
      base.urls.ipa = `${CDN}/${folder}/App.ipa`
      return s3Host.verify!(base).catch((e: unknown) => e)
    }
    try {
      expect(await verify('ok')).toEqual([])

      const moved = await verify('moved')
      expect(moved).toBeInstanceOf(UserError)
      expect((moved as Error).message).toContain(
        `${CDN}/moved/App.ipa answered 302 redirecting to https://elsewhere.example/x`
      )
      expect((moved as Error).message).toMatch(/does not follow redirects.*answer 200 over https/)

      const denied = await verify('private')
      expect((denied as Error).message).toContain(`${CDN}/private/manifest.plist answered 403`)
      expect((denied as Error).message).toMatch(/publicly readable/)
    } finally {
      server.close()
    }
  })
})

describe('s3 host: object listing under the prefix only', () => {
  it('does not read the builds of a sibling folder that shares the name as a prefix', async () => {
    await s3.client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'site-widgets/main/1-1/build.json',
        Body: JSON.stringify(record('main', '1-1', '2024-01-01T00:00:00Z'))
      })
    )
    const store = host({ path: 'site' }).store
    await store.update('site', publish(await buildFiles('site', 'main', '2-1')), 'publish')
    let seen: BuildRecord[] | undefined
    await store.update(
      'site',
      (current) => {
        seen = current
        return { write: [], removeDirs: [] }
      },
      'read'
    )
    expect(seen?.map((r) => r.buildId)).toEqual(['2-1'])
  })
})
