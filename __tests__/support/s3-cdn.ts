/**
 * A CDN in front of a bucket on the loopback S3 server: it answers GET and HEAD of /<key> with
 * the object (200, its bytes and content type) or 404, as CloudFront reading the bucket would.
 * The action's process reaches it through support/fetch-route.mjs, which sends the public base
 * URL's requests here: that host has no DNS in tests, and the action refuses a loopback or http
 * base URL by design.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { GetObjectCommand } from '@aws-sdk/client-s3'
import type { S3Server } from './s3-server.js'

const PRELOAD = join(import.meta.dirname, 'fetch-route.mjs')

export interface Cdn {
  /** http://127.0.0.1:<port>, serving the bucket root. */
  url: string
  /** Every request, as "METHOD /path STATUS", in order. */
  served: string[]
  /** The action's environment that sends requests under `publicBaseUrl` (the bucket root) here. */
  env(publicBaseUrl: string): Record<string, string>
  close(): Promise<void>
}

export async function startCdn(s3: S3Server, bucket: string): Promise<Cdn> {
  const served: string[] = []
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://cdn').pathname
    const answer = async (): Promise<number> => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return 405
      const Key = decodeURIComponent(path.slice(1))
      const object = await s3.client
        .send(new GetObjectCommand({ Bucket: bucket, Key }))
        .catch((error: unknown) => {
          if ((error as Error).name === 'NoSuchKey') return undefined
          throw error
        })
      if (object?.Body === undefined) return 404
      const bytes = await object.Body.transformToByteArray()
      response.writeHead(200, {
        'content-type': object.ContentType ?? 'application/octet-stream',
        'content-length': bytes.length
      })
      response.end(request.method === 'HEAD' ? undefined : bytes)
      return 200
    }
    void answer()
      .catch(() => 502)
      .then((status) => {
        served.push(`${request.method} ${path} ${status}`)
        if (status !== 200) response.writeHead(status).end()
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    served,
    env: (publicBaseUrl) => ({
      NODE_OPTIONS: `--import=${PRELOAD}`,
      FETCH_ROUTE: `${publicBaseUrl}=${url}`
    }),
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
