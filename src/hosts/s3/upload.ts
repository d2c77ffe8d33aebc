import { createReadStream } from 'node:fs'
import * as core from '@actions/core'
import { AbortMultipartUploadCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { formatMiB } from '../../format.js'
import type { SiteFile } from '../../ota/types.js'
import type { Bucket } from './bucket.js'
import { s3Call } from './errors.js'

/** Registers work to run when the job is cancelled (src/cancel.ts); returns its removal. */
export type CancelHook = (cleanup: () => Promise<void>) => () => void

/**
 * Upload buffers queueSize parts (plus the one being cut from the stream) in memory, and garbage
 * from the file stream adds up to ~64 MB before V8 collects it: on top of the ~75 MB the SDK
 * itself takes, two parts of S3's minimum 5 MiB keep the whole process near 130 MB for any IPA
 * size. The part size grows only past 10,000 parts (S3's limit), i.e. beyond 48 GiB.
 */
export const PART_SIZE = 5 * 1024 * 1024
const QUEUE_SIZE = 2
const MAX_PARTS = 10_000

const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable'
const MUTABLE_CACHE = 'no-cache'

/**
 * Uploads one file, in parts when it is large. A cancelled job aborts a multipart upload: its
 * parts would otherwise be stored, and billed, until a lifecycle rule removes them.
 */
export async function uploadFile(bucket: Bucket, file: SiteFile): Promise<void> {
  const Key = bucket.keyFor(file.path)
  const upload = new Upload({
    client: bucket.client,
    params: {
      Bucket: bucket.target.bucket,
      Key,
      Body: Buffer.isBuffer(file.content) ? file.content : createReadStream(file.content.file),
      ContentType: file.contentType,
      CacheControl: file.immutable ? IMMUTABLE_CACHE : MUTABLE_CACHE,
      ACL: bucket.acl
    },
    queueSize: QUEUE_SIZE,
    partSize: Math.max(PART_SIZE, Math.ceil(file.size / MAX_PARTS)),
    leavePartsOnError: false
  })
  if (file.size <= PART_SIZE) {
    await s3Call(bucket.target, `uploading ${Key}`, () => upload.done())
    return
  }
  logProgress(upload, Key, file.size)
  const forget = bucket.onCancel(async () => {
    await upload.abort()
    await abortMultipartUploads(bucket, Key)
  })
  try {
    await s3Call(bucket.target, `uploading ${Key}`, () => upload.done())
  } finally {
    forget()
  }
}

/**
 * Aborts the unfinished multipart uploads of `key`. Upload.abort() only stops the SDK's loop: it
 * aborts the upload on S3 once its part requests settle, which an exiting process does not wait
 * for, and not at all when the upload was being created. A build folder is written once, so
 * every upload of this key is this run's.
 */
async function abortMultipartUploads(bucket: Bucket, key: string): Promise<void> {
  const Bucket = bucket.target.bucket
  const listed = await bucket.client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: key }))
  for (const { Key, UploadId } of listed.Uploads ?? []) {
    if (Key !== key) continue
    await bucket.client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }))
    core.info(`Aborted the unfinished upload of ${key}`)
  }
}

function logProgress(upload: Upload, key: string, size: number): void {
  let nextPercent = 10
  upload.on('httpUploadProgress', ({ loaded = 0 }) => {
    const percent = Math.floor((loaded * 100) / size)
    if (percent < nextPercent) return
    core.info(`Uploaded ${percent}% of ${key} (${formatMiB(loaded)} of ${formatMiB(size)})`)
    nextPercent = Math.floor(percent / 10) * 10 + 10
  })
}
