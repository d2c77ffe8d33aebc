import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3'
import * as core from '@actions/core'
import { onCancel as onProcessCancel } from '../../cancel.js'
import { convergentStore } from '../converge.js'
import type { Fetch } from '../probe.js'
import type { Host } from '../types.js'
import { siteUrl } from '../url.js'
import { bucketSite } from './bucket.js'
import type { Bucket } from './bucket.js'
import {
  cannedAcl,
  createClient,
  defaultPublicBaseUrl,
  keyMapper,
  parseEndpoint,
  requireHttps
} from './config.js'
import type { CancelHook } from './upload.js'
import { verifyPublicUrls } from './verify.js'

export { defaultPublicBaseUrl, keyMapper } from './config.js'

export interface S3HostOptions {
  bucket: string
  region: string
  /** Endpoint of a non-AWS service (R2, MinIO, B2, GCS interop). */
  endpoint?: string
  forcePathStyle?: boolean
  /** The `path` input: the site folder that holds the builds, e.g. "ota". */
  path: string
  /** Key prefix of that folder in the bucket ("" = the bucket root); default `path`. */
  prefix?: string
  /** https URL the bucket root is served from; default the bucket's own https URL. */
  publicBaseUrl?: string
  /** Canned ACL for every uploaded object, e.g. public-read. */
  acl?: string
  /** A ready client (tests, custom agents); default one built from the options. */
  client?: S3Client
  /** Merged over the default client configuration, e.g. explicit credentials. */
  clientConfig?: S3ClientConfig
  /** What verify() fetches with; tests route it to a loopback server. */
  fetch?: Fetch
  /** Where a multipart upload registers its abort for a cancelled job; default src/cancel.ts. */
  onCancel?: CancelHook
  /** The clock that dates abandoned uploads (tests move it); default the system's. */
  now?: () => Date
}

/** host: s3 publishes the site into any S3-compatible bucket, credentials from the SDK's chain. */
export function createS3Host(options: S3HostOptions): Host {
  const endpoint = options.endpoint === undefined ? undefined : parseEndpoint(options.endpoint)
  const publicBaseUrl = options.publicBaseUrl ?? defaultPublicBaseUrl({ ...options, endpoint })
  requireHttps(publicBaseUrl)
  const keyFor = keyMapper(options.path, options.prefix ?? options.path)
  const bucket: Bucket = {
    client: options.client ?? createClient({ ...options, endpoint }),
    target: { bucket: options.bucket, region: options.region, endpoint: options.endpoint },
    keyFor,
    acl: options.acl === undefined ? undefined : cannedAcl(options.acl),
    onCancel: options.onCancel ?? onProcessCancel
  }
  return {
    name: 's3',
    locate: async () => (sitePath) => siteUrl(publicBaseUrl, keyFor(sitePath)),
    store: convergentStore(bucketSite(bucket), { warn: core.warning, now: options.now }),
    async verify(record) {
      await verifyPublicUrls([record.urls.manifest, record.urls.ipa], options.fetch)
      return []
    }
  }
}
