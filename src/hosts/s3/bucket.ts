import { posix } from 'node:path'
import * as core from '@actions/core'
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  paginateListObjectsV2
} from '@aws-sdk/client-s3'
import type { ObjectCannedACL, S3Client } from '@aws-sdk/client-s3'
import { isBuildRecordPath } from '../../ota/layout.js'
import { parseBuildRecord } from '../../ota/record.js'
import type { BuildRecord } from '../../ota/types.js'
import type { FileSite, IncompleteBuild } from '../converge.js'
import { s3Call } from './errors.js'
import type { S3Target } from './errors.js'
import { uploadFile } from './upload.js'
import type { CancelHook } from './upload.js'

/** One bucket as the host uses it. */
export interface Bucket {
  client: S3Client
  target: S3Target
  /** The object key of a site path. */
  keyFor: (sitePath: string) => string
  acl?: ObjectCannedACL
  onCancel: CancelHook
}

const DELETE_BATCH = 1000

/** The site as objects of a bucket: each write and delete stands alone (hosts/converge.ts). */
export function bucketSite(bucket: Bucket): FileSite {
  return {
    readRecords: (root, warn) => readRecords(bucket, root, warn),
    incompleteBuilds: (root) => incompleteBuilds(bucket, root),
    write: async (files) => {
      await Promise.all(files.map((file) => uploadFile(bucket, file)))
    },
    removeDir: (dir) => removeFolder(bucket, bucket.keyFor(dir)),
    removeFile: async (path) => {
      const Key = bucket.keyFor(path)
      const command = new DeleteObjectCommand({ Bucket: bucket.target.bucket, Key })
      await s3Call(bucket.target, `deleting ${Key}`, () => bucket.client.send(command))
    }
  }
}

interface ListedObject {
  key: string
  modified?: Date
}

async function listObjects(bucket: Bucket, folderKey: string, doing: string) {
  const objects: ListedObject[] = []
  await s3Call(bucket.target, doing, async () => {
    const pages = paginateListObjectsV2(
      { client: bucket.client },
      { Bucket: bucket.target.bucket, Prefix: folderKey === '' ? '' : `${folderKey}/` }
    )
    for await (const page of pages) {
      for (const object of page.Contents ?? []) {
        if (object.Key) objects.push({ key: object.Key, modified: object.LastModified })
      }
    }
  })
  return objects
}

async function readRecords(
  bucket: Bucket,
  root: string,
  warn: (message: string) => void
): Promise<BuildRecord[]> {
  const Bucket = bucket.target.bucket
  const objects = await listObjects(bucket, bucket.keyFor(root), 'listing the published builds')
  const keys = objects.map((object) => object.key).filter(isBuildRecordPath)
  const records = await Promise.all(
    keys.map(async (Key) => {
      const text = await s3Call(bucket.target, `reading ${Key}`, async () => {
        try {
          const object = await bucket.client.send(new GetObjectCommand({ Bucket, Key }))
          return (await object.Body?.transformToString('utf8')) ?? ''
        } catch (error) {
          // Another run removed the build between the listing and this read.
          if ((error as { name?: string }).name === 'NoSuchKey') return undefined
          throw error
        }
      })
      return text === undefined ? undefined : parseBuildRecord(text, `s3://${Bucket}/${Key}`, warn)
    })
  )
  return records.filter((record) => record !== undefined)
}

/** The build folders (`<root>/<channel>/<build>/`) without a build.json, by their newest object. */
async function incompleteBuilds(bucket: Bucket, root: string): Promise<IncompleteBuild[]> {
  const rootKey = bucket.keyFor(root)
  const objects = await listObjects(bucket, rootKey, 'listing the published builds')
  const folders = new Map<string, IncompleteBuild & { complete: boolean }>()
  for (const object of objects) {
    const parts = object.key.slice(rootKey === '' ? 0 : rootKey.length + 1).split('/')
    // An object in a build folder or below it; index pages sit higher up.
    if (parts.length < 3) continue
    const dir = posix.join(root, parts[0] ?? '', parts[1] ?? '')
    const folder = folders.get(dir) ?? { dir, files: [], complete: false, modified: new Date(0) }
    const file = parts.slice(2).join('/')
    folder.files.push(file)
    folder.complete ||= file === 'build.json'
    if (object.modified && object.modified > folder.modified) folder.modified = object.modified
    folders.set(dir, folder)
  }
  return [...folders.values()]
    .filter((folder) => !folder.complete)
    .map(({ dir, files, modified }) => ({ dir, files, modified }))
}

async function removeFolder(bucket: Bucket, folderKey: string): Promise<void> {
  if (folderKey === '') throw new Error('Refusing to delete every object of the bucket')
  const doing = `deleting ${folderKey}/`
  const keys = (await listObjects(bucket, folderKey, doing)).map((object) => object.key)
  for (let start = 0; start < keys.length; start += DELETE_BATCH) {
    await s3Call(bucket.target, doing, () =>
      deleteBatch(bucket, keys.slice(start, start + DELETE_BATCH))
    )
  }
  core.info(`Deleted ${keys.length} objects under s3://${bucket.target.bucket}/${folderKey}/`)
}

async function deleteBatch(bucket: Bucket, keys: string[]): Promise<void> {
  const Bucket = bucket.target.bucket
  try {
    const result = await bucket.client.send(
      new DeleteObjectsCommand({
        Bucket,
        Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true }
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
    for (const Key of keys) await bucket.client.send(new DeleteObjectCommand({ Bucket, Key }))
  }
}
