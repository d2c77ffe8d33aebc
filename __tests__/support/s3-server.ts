import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { S3Client } from '@aws-sdk/client-s3'
import { build } from 'esbuild'

/** s3rver accepts requests signed with these. */
export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

export interface S3Log {
  /** Keys whose upload completed (PUT or multipart completion), in that order. */
  written: string[]
  /** Every request as "METHOD /bucket/key?query STATUS". */
  requests: string[]
}

export interface S3Server {
  /** http://127.0.0.1:<port> */
  endpoint: string
  /** A client for the test's own checks, path-style on the loopback endpoint. */
  client: S3Client
  /** What the server saw so far, in order. */
  log(): Promise<S3Log>
  close(): Promise<void>
}

/**
 * Runs s3rver in its own Node process. s3rver 3.7 encrypts ListObjectsV2 continuation tokens with
 * DES, which Node 24's OpenSSL 3 offers only with the legacy provider: without it every listing
 * past 1,000 keys fails with a 500. The flag stays confined to that child.
 */
const SERVER_SCRIPT = `
const { modulePath, ...options } = JSON.parse(process.env.S3RVER_OPTIONS)
const S3rver = require(modulePath)
const server = new S3rver(options)
const written = []
const requests = []
// Koa composes its middleware when the server starts: this one runs first and logs every request.
server.middleware.unshift(async (ctx, next) => {
  try {
    await next()
    requests.push(ctx.method + ' ' + ctx.url + ' ' + ctx.status)
  } catch (error) {
    requests.push(ctx.method + ' ' + ctx.url + ' ' + (error.statusCode || 500))
    throw error
  }
})
// s3rver keeps a multipart upload's parts under <bucket>/._S3rver_uploads/<id>/ but answers
// ListMultipartUploads and AbortMultipartUpload with NotImplemented: these two are added here.
const fs = require('node:fs/promises')
const path = require('node:path')
server.middleware.splice(1, 0, async (ctx, next) => {
  const [, bucket, ...rest] = ctx.path.split('/')
  const key = rest.join('/')
  const uploads = bucket && ctx.store.getResourcePath(bucket, undefined, 'uploads')
  if (ctx.method === 'GET' && !key && 'uploads' in ctx.query) {
    const ids = await fs.readdir(uploads).catch(() => [])
    const entries = []
    for (const id of ids) {
      const name = await fs.readFile(path.join(uploads, id, 'key'), 'utf8').catch(() => undefined)
      if (name !== undefined && name.startsWith(ctx.query.prefix || '')) entries.push([name, id])
    }
    ctx.type = 'application/xml'
    ctx.body = '<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult><Bucket>' + bucket +
      '</Bucket><IsTruncated>false</IsTruncated>' +
      entries.map(([name, id]) => '<Upload><Key>' + name + '</Key><UploadId>' + id + '</UploadId></Upload>').join('') +
      '</ListMultipartUploadsResult>'
    return
  }
  if (ctx.method === 'DELETE' && key && ctx.query.uploadId) {
    await fs.rm(path.join(uploads, path.basename(ctx.query.uploadId)), { recursive: true, force: true })
    ctx.status = 204
    return
  }
  await next()
})
server.on('event', (event) => {
  for (const record of event.Records)
    if (record.eventName.startsWith('ObjectCreated:')) written.push(record.s3.object.key)
})
process.on('message', (message) => {
  if (message === 'log') process.send({ written, requests })
})
process.on('disconnect', () => server.close().then(() => process.exit(0)))
server.run().then(({ port }) => process.send({ port }))
`

/** Starts s3rver on loopback with `buckets` created, storing its objects in a fresh temp folder. */
export async function startS3(buckets: string[]): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'))
  const options = {
    modulePath: createRequire(import.meta.url).resolve('s3rver'),
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name }))
  }
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', SERVER_SCRIPT], {
    env: { ...process.env, S3RVER_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const { port } = await nextMessage<{ port: number }>(child)
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: S3_CREDENTIALS
  })
  return {
    endpoint,
    client,
    async log() {
      const reply = nextMessage<S3Log>(child)
      child.send('log')
      return await reply
    },
    async close() {
      client.destroy()
      const exited = once(child, 'exit')
      child.disconnect()
      await exited
      await rm(directory, { recursive: true, force: true })
    }
  }
}

async function nextMessage<T>(child: ChildProcess): Promise<T> {
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`s3rver exited with code ${String(code)}`)
    })
  ])) as [T]
  return message
}

export interface ChildRun {
  stdout: string
  /** Peak resident memory of the child, from process.resourceUsage(). */
  maxRssBytes: number
}

/**
 * Runs a TypeScript snippet (imports relative to the project root) in a fresh Node process, bundled
 * with esbuild the way dist/ is, so a test can measure the memory of that process alone.
 */
export async function runInChild(
  source: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<ChildRun> {
  const dir = await mkdtemp(join(tmpdir(), 'child-'))
  try {
    const outfile = join(dir, 'child.mjs')
    await build({
      stdin: {
        contents: `${source}\nprocess.stdout.write('\\nmaxRSS=' + process.resourceUsage().maxRSS)\n`,
        resolveDir: process.cwd(),
        sourcefile: 'child.ts',
        loader: 'ts'
      },
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'esm',
      outfile,
      logLevel: 'warning',
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
      }
    })
    const { stdout } = await promisify(execFile)(process.execPath, [outfile, ...args], {
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, ...env }
    })
    const match = /\nmaxRSS=(\d+)$/.exec(stdout)
    if (!match?.[1]) throw new Error(`The child printed no maxRSS:\n${stdout}`)
    // resourceUsage() reports kilobytes.
    return { stdout, maxRssBytes: Number(match[1]) * 1024 }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
