/**
 * One bucket on the loopback S3 server, a scratch folder, and the S3 host over that bucket: the
 * setup the S3 host's tests share.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { paginateListObjectsV2 } from '@aws-sdk/client-s3'
import { createS3Host, type S3HostOptions } from '../../src/hosts/s3/index.js'
import type { Host } from '../../src/hosts/types.js'
import { S3_CREDENTIALS, startS3, type S3Server } from './s3-server.js'

/** The public base URL host() serves from unless told otherwise. */
export const CDN = 'https://cdn.example.test'

export interface S3Bucket {
  name: string
  s3: S3Server
  /** A fresh temp folder for the test's files; close() removes it. */
  scratch: string
  /** The S3 host on this bucket at the loopback endpoint: site folder ota, public base URL CDN. */
  host(overrides?: Partial<S3HostOptions>): Host
  /** Every key under `prefix`, sorted, however many pages the listing takes. */
  keysUnder(prefix: string): Promise<string[]>
  close(): Promise<void>
}

export async function startS3Bucket(name: string): Promise<S3Bucket> {
  const s3 = await startS3([name])
  const scratch = await mkdtemp(join(tmpdir(), `s3-${name}-`))
  return {
    name,
    s3,
    scratch,
    host: (overrides = {}) =>
      createS3Host({
        bucket: name,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        path: 'ota',
        publicBaseUrl: CDN,
        clientConfig: { credentials: S3_CREDENTIALS },
        ...overrides
      }),
    async keysUnder(prefix) {
      const keys: string[] = []
      const pages = paginateListObjectsV2({ client: s3.client }, { Bucket: name, Prefix: prefix })
      for await (const page of pages) {
        for (const object of page.Contents ?? []) keys.push(object.Key ?? '')
      }
      return keys.sort()
    },
    async close() {
      await s3.close()
      await rm(scratch, { recursive: true, force: true })
    }
  }
}
