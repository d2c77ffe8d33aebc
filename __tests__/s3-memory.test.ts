import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runInChild, startS3 } from './support/s3-server.js'
import type { S3Server } from './support/s3-server.js'

const BUCKET = 'big-builds'
const SIZE = 200 * 1024 * 1024
/**
 * Memory above the same upload of a 1 MiB file, measured in the same test, so neither the SDK's
 * own footprint nor a busy machine (garbage collected later) moves the bound; holding the IPA
 * would add 200 MB.
 */
const EXTRA_MEMORY_LIMIT = 100 * 1024 * 1024

let s3: S3Server
let scratch: string

beforeAll(async () => {
  s3 = await startS3([BUCKET])
  scratch = await mkdtemp(join(tmpdir(), 's3-memory-'))
})
afterAll(async () => {
  await s3?.close()
  await rm(scratch, { recursive: true, force: true })
})

async function sha256(stream: Readable): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(stream, hash)
  return hash.digest('hex')
}

/** Publishes one streamed IPA with the real host, in its own process. */
const UPLOAD = `
import { createS3Host } from './src/hosts/s3/index.js'
const [endpoint, bucket, file, size] = process.argv.slice(2) as [string, string, string, string]
const host = createS3Host({
  bucket,
  region: 'us-east-1',
  endpoint,
  forcePathStyle: true,
  path: 'ota',
  publicBaseUrl: 'https://cdn.example.test',
  clientConfig: { credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
})
await host.store.update(
  'ota',
  () => ({
    write: [{ path: 'ota/main/1-1/App.ipa', content: { file }, size: Number(size), contentType: 'application/octet-stream', immutable: true }],
    removeDirs: []
  }),
  'publish'
)
`

it('uploads a 200 MB IPA in parts from disk, logging progress, in under 100 MB more memory than 1 MiB takes', async () => {
  const ipa = join(scratch, 'big.ipa')
  // Distinct bytes in every mebibyte, so a lost, repeated or misplaced part changes the digest.
  const handle = await open(ipa, 'w')
  for (let offset = 0; offset < SIZE; offset += 1024 * 1024) {
    await handle.write(Buffer.alloc(16, `${offset}`), 0, 16, offset)
  }
  await handle.truncate(SIZE)
  await handle.close()
  const small = join(scratch, 'small.ipa')
  await writeFile(small, Buffer.alloc(1024 * 1024, 1))
  const baseline = await runInChild(UPLOAD, [s3.endpoint, BUCKET, small, String(1024 * 1024)])
  const before = (await s3.log()).requests.length

  const run = await runInChild(UPLOAD, [s3.endpoint, BUCKET, ipa, String(SIZE)])

  const head = await s3.client.send(
    new HeadObjectCommand({ Bucket: BUCKET, Key: 'ota/main/1-1/App.ipa' })
  )
  expect(head.ContentLength).toBe(SIZE)
  expect(head.ContentType).toBe('application/octet-stream')
  expect(head.CacheControl).toBe('public, max-age=31536000, immutable')
  const object = await s3.client.send(
    new GetObjectCommand({ Bucket: BUCKET, Key: 'ota/main/1-1/App.ipa' })
  )
  expect(await sha256(object.Body as Readable)).toBe(await sha256(createReadStream(ipa)))
  const requests = (await s3.log()).requests.slice(before)
  const parts = requests.filter((r) =>
    /^PUT \/big-builds\/ota\/main\/1-1\/App\.ipa\?partNumber=/.test(r)
  )
  expect(parts.length).toBeGreaterThan(1)
  expect(requests.some((r) => r.startsWith('POST /big-builds/ota/main/1-1/App.ipa?uploads'))).toBe(
    true
  )
  const progress = run.stdout.match(/Uploaded \d+% of ota\/main\/1-1\/App\.ipa/g) ?? []
  expect(progress.length).toBeGreaterThanOrEqual(9)
  expect(progress.length).toBeLessThanOrEqual(11)
  expect(progress.at(-1)).toBe('Uploaded 100% of ota/main/1-1/App.ipa')
  expect(run.maxRssBytes - baseline.maxRssBytes).toBeLessThan(EXTRA_MEMORY_LIMIT)
  // Two uploads, 200 MB through the in-process S3 server: minutes on a busy two-core machine.
}, 300_000)
