import { createReadStream } from 'node:fs'
import { posix } from 'node:path'
import * as core from '@actions/core'
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ObjectCannedACL,
  S3Client,
  paginateListObjectsV2
} from '@aws-sdk/client-s3'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { UserError } from '../../errors.js'
import { formatMiB } from '../../format.js'
import { parseBuildRecord } from '../../ota/record.js'
import type { BuildRecord, SiteFile } from '../../ota/types.js'
import { convergentStore } from '../converge.js'
import { s3UserError } from './errors.js'
import type { S3Target } from './errors.js'
import { verifyPublicUrls } from './verify.js'
import type { Fetch } from '../probe.js'
import type { Host } from '../types.js'
import { siteUrl } from '../url.js'

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
}

/**
 * Upload buffers queueSize parts (plus the one being cut from the stream) in memory, and garbage
 * from the file stream adds up to ~64 MB before V8 collects it: on top of the ~75 MB the SDK
 * itself takes, two parts of S3's minimum 5 MiB keep the whole process near 130 MB for any IPA
 * size. The part size grows only past 10,000 parts (S3's limit), i.e. beyond 48 GiB.
 */
const PART_SIZE = 5 * 1024 * 1024
const QUEUE_SIZE = 2
const MAX_PARTS = 10_000
const DELETE_BATCH = 1000

const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable'
const MUTABLE_CACHE = 'no-cache'

/** host: s3 publishes the site into any S3-compatible bucket, credentials from the SDK's chain. */
export function createS3Host(options: S3HostOptions): Host {
  const target: S3Target = {
    bucket: options.bucket,
    region: options.region,
    endpoint: options.endpoint
  }
  const endpoint = options.endpoint === undefined ? undefined : parseEndpoint(options.endpoint)
  const publicBaseUrl = options.publicBaseUrl ?? defaultPublicBaseUrl({ ...options, endpoint })
  requireHttps(publicBaseUrl)
  const acl = options.acl === undefined ? undefined : cannedAcl(options.acl)
  const keyFor = keyMapper(options.path, options.prefix ?? options.path)
  const client =
    options.client ??
    new S3Client({
      region: options.region,
      endpoint: endpoint?.href,
      forcePathStyle: options.forcePathStyle ?? false,
      // Several S3-compatible services reject the SDK's newer default checksums on every request;
      // send them only where S3 itself requires them.
      ...(endpoint && {
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED'
      }),
      ...options.clientConfig
    })
  const Bucket = options.bucket

  async function call<T>(doing: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action()
    } catch (error) {
      throw s3UserError(error, target, doing)
    }
  }

  async function listKeys(folderKey: string, doing: string): Promise<string[]> {
    const keys: string[] = []
    await call(doing, async () => {
      const pages = paginateListObjectsV2(
        { client },
        { Bucket, Prefix: folderKey === '' ? '' : `${folderKey}/` }
      )
      for await (const page of pages) {
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key)
      }
    })
    return keys
  }

  async function readRecords(
    rootKey: string,
    warn: (message: string) => void
  ): Promise<BuildRecord[]> {
    const keys = (await listKeys(rootKey, 'listing the published builds')).filter(
      (key) => posix.basename(key) === 'build.json'
    )
    const records = await Promise.all(
      keys.map(async (Key) => {
        const text = await call(`reading ${Key}`, async () => {
          try {
            const object = await client.send(new GetObjectCommand({ Bucket, Key }))
            return (await object.Body?.transformToString('utf8')) ?? ''
          } catch (error) {
            // Another run removed the build between the listing and this read.
            if ((error as { name?: string }).name === 'NoSuchKey') return undefined
            throw error
          }
        })
        return text === undefined
          ? undefined
          : parseBuildRecord(text, `s3://${Bucket}/${Key}`, warn)
      })
    )
    return records.filter((record) => record !== undefined)
  }

  async function upload(file: SiteFile): Promise<void> {
    const Key = keyFor(file.path)
    const upload = new Upload({
      client,
      params: {
        Bucket,
        Key,
        Body: Buffer.isBuffer(file.content) ? file.content : createReadStream(file.content.file),
        ContentType: file.contentType,
        CacheControl: file.immutable ? IMMUTABLE_CACHE : MUTABLE_CACHE,
        ACL: acl
      },
      queueSize: QUEUE_SIZE,
      partSize: Math.max(PART_SIZE, Math.ceil(file.size / MAX_PARTS)),
      leavePartsOnError: false
    })
    if (file.size > PART_SIZE) logProgress(upload, Key, file.size)
    await call(`uploading ${Key}`, () => upload.done())
  }

  async function removeFolder(folderKey: string): Promise<void> {
    if (folderKey === '') throw new Error('Refusing to delete every object of the bucket')
    const doing = `deleting ${folderKey}/`
    const keys = await listKeys(folderKey, doing)
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH)
      await call(doing, async () => {
        try {
          const result = await client.send(
            new DeleteObjectsCommand({
              Bucket,
              Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true }
            })
          )
          const failed = result.Errors?.[0]
          if (failed) {
            throw Object.assign(new Error(`${failed.Key}: ${failed.Code} ${failed.Message}`), {
              name: failed.Code ?? 'DeleteError'
            })
          }
        } catch (error) {
          if ((error as { name?: string }).name !== 'NotImplemented') throw error
          // Google Cloud Storage's XML API has no multi-object delete.
          for (const Key of batch) await client.send(new DeleteObjectCommand({ Bucket, Key }))
        }
      })
    }
    core.info(`Deleted ${keys.length} objects under s3://${Bucket}/${folderKey}/`)
  }

  async function removeFile(path: string): Promise<void> {
    const Key = keyFor(path)
    await call(`deleting ${Key}`, () => client.send(new DeleteObjectCommand({ Bucket, Key })))
  }

  return {
    name: 's3',
    locate: async () => (sitePath) => siteUrl(publicBaseUrl, keyFor(sitePath)),
    store: convergentStore(
      {
        readRecords: (root, warn) => readRecords(keyFor(root), warn),
        write: async (files) => {
          await Promise.all(files.map(upload))
        },
        removeDir: (dir) => removeFolder(keyFor(dir)),
        removeFile
      },
      core.warning
    ),
    async verify(record) {
      await verifyPublicUrls([record.urls.manifest, record.urls.ipa], options.fetch)
      return []
    }
  }
}

/** The bucket's own https address: virtual-hosted, or path-style where the name or options need it. */
export function defaultPublicBaseUrl(options: {
  bucket: string
  region: string
  endpoint?: URL
  forcePathStyle?: boolean
}): string {
  const { bucket, region, endpoint } = options
  if (endpoint) {
    return options.forcePathStyle
      ? `${endpoint.origin}${endpoint.pathname.replace(/\/$/, '')}/${bucket}`
      : `${endpoint.protocol}//${bucket}.${endpoint.host}`
  }
  // A dotted bucket name does not match the *.s3 wildcard certificate: iOS would refuse it.
  return options.forcePathStyle || bucket.includes('.')
    ? `https://s3.${region}.amazonaws.com/${bucket}`
    : `https://${bucket}.s3.${region}.amazonaws.com`
}

/**
 * Maps a site path ("ota/pr-1/7-1/manifest.plist") to its object key: the site folder `path` is
 * stored at `prefix` in the bucket.
 */
export function keyMapper(path: string, prefix: string): (sitePath: string) => string {
  const root = segments(path)
  const prefixSegments = segments(prefix)
  if (prefixSegments.includes('..')) {
    throw new UserError(
      `Input s3-prefix "${prefix}" contains "..": give a folder inside the bucket, such as ota or builds/ios.`
    )
  }
  return (sitePath) => {
    const parts = segments(sitePath)
    if (parts.includes('..') || root.some((segment, index) => parts[index] !== segment)) {
      throw new Error(`Site path "${sitePath}" is outside the site folder "${path}"`)
    }
    return [...prefixSegments, ...parts.slice(root.length)].join('/')
  }
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '' && segment !== '.')
}

function parseEndpoint(endpoint: string): URL {
  try {
    return new URL(endpoint)
  } catch {
    throw new UserError(
      `Input s3-endpoint "${endpoint}" is not a URL: give the service's address, e.g. https://<account-id>.r2.cloudflarestorage.com.`
    )
  }
}

function requireHttps(publicBaseUrl: string): void {
  let protocol: string
  try {
    protocol = new URL(publicBaseUrl).protocol
  } catch {
    protocol = ''
  }
  if (protocol !== 'https:') {
    throw new UserError(
      `The builds would be served from ${publicBaseUrl}, which is not an https URL: iOS installs only over https, so set public-base-url to the https address (a CDN or custom domain) that serves the bucket.`
    )
  }
}

function cannedAcl(acl: string): ObjectCannedACL {
  const allowed: string[] = Object.values(ObjectCannedACL)
  if (!allowed.includes(acl)) {
    throw new UserError(
      `Input s3-acl "${acl}" is not a canned ACL: use one of ${allowed.join(', ')}, or leave it empty for buckets that forbid ACLs.`
    )
  }
  return acl as ObjectCannedACL
}

function logProgress(upload: Upload, key: string, size: number): void {
  if (size === 0) return
  let nextPercent = 10
  upload.on('httpUploadProgress', ({ loaded = 0 }) => {
    const percent = Math.floor((loaded * 100) / size)
    if (percent < nextPercent) return
    core.info(`Uploaded ${percent}% of ${key} (${formatMiB(loaded)} of ${formatMiB(size)})`)
    nextPercent = Math.floor(percent / 10) * 10 + 10
  })
}
