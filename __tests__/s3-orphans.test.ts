/**
 * No storage left behind on S3 (issue 18): a cancelled multipart upload is aborted, and a build
 * folder abandoned without its build.json is swept once it is over a day old.
 */
import { execFile } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ListMultipartUploadsCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { S3HostOptions } from '../src/hosts/s3/index.js'
import { record } from './support/ota-fixtures.js'
import { startS3Bucket, type S3Bucket } from './support/s3-bucket.js'

const BUCKET = 'orphans'
const MiB = 1024 * 1024
const DAY = 24 * 60 * 60 * 1000

let bucket: S3Bucket

beforeAll(async () => {
  bucket = await startS3Bucket(BUCKET)
})
afterAll(async () => {
  await bucket?.close()
})

const host = (overrides: Partial<S3HostOptions>) => bucket.host(overrides)

async function pendingUploads(prefix: string): Promise<string[]> {
  const listed = await bucket.s3.client.send(
    new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix })
  )
  return (listed.Uploads ?? []).map((upload) => upload.Key ?? '')
}

describe('s3 host: no orphaned storage', () => {
  it('aborts the multipart upload of a cancelled run', async () => {
    // The IPA is a named pipe: the upload reads its first part, sends it, and waits for more.
    const fifo = join(bucket.scratch, 'App.ipa')
    await promisify(execFile)('mkfifo', [fifo])
    const writer = createWriteStream(fifo)
    writer.write(Buffer.alloc(5 * MiB + 1))
    const cleanups: Array<() => Promise<void>> = []
    const upload = host({
      path: 'cancel',
      onCancel: (cleanup) => {
        cleanups.push(cleanup)
        return () => cleanups.splice(cleanups.indexOf(cleanup), 1)
      }
    }).store.update(
      'cancel',
      () => ({
        write: [
          {
            path: 'cancel/main/1-1/App.ipa',
            content: { file: fifo },
            size: 12 * MiB,
            contentType: 'application/octet-stream',
            immutable: true
          }
        ],
        removeDirs: []
      }),
      'publish'
    )
    const failed = upload.then(
      () => undefined,
      (error: unknown) => error
    )
    // Waits until the upload is pending on the server (it has read its first part).
    while ((await pendingUploads('cancel/')).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(await pendingUploads('cancel/')).toEqual(['cancel/main/1-1/App.ipa'])
    expect(cleanups).toHaveLength(1)

    // What src/cancel.ts does on SIGINT or SIGTERM.
    await Promise.allSettled(cleanups.map((cleanup) => cleanup()))
    writer.destroy()

    expect(await failed).toMatchObject({ name: 'AbortError' })
    expect(await pendingUploads('cancel/')).toEqual([])
    expect(await bucket.keysUnder('cancel/')).toEqual([])
    expect(cleanups).toEqual([])
  })

  it('sweeps a build folder left without build.json for over a day, and nothing else', async () => {
    const complete = record('main', '1-1', '2025-05-01T00:00:00.000Z')
    const objects = {
      'sweep/main/1-1/build.json': JSON.stringify(complete),
      'sweep/main/1-1/App.ipa': 'ipa',
      'sweep/main/2-1/App.ipa': 'half an upload',
      'sweep/main/2-1/manifest.plist': '<plist/>',
      'sweep/main/index.html': '<html/>',
      // Not a build's files: never swept.
      'sweep/docs/guide/notes.md': 'notes'
    }
    for (const [Key, Body] of Object.entries(objects)) {
      await bucket.s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }))
    }
    const nothing = () => ({ write: [], removeDirs: [] })

    // Within a day the upload may still be running in another job.
    const soon = host({ path: 'sweep', now: () => new Date(Date.now() + DAY - 60_000) })
    await soon.store.update('sweep', nothing, 'x')
    expect(await bucket.keysUnder('sweep/')).toEqual(Object.keys(objects).sort())

    const later = host({ path: 'sweep', now: () => new Date(Date.now() + DAY + 60_000) })
    await later.store.update('sweep', nothing, 'x')
    expect(await bucket.keysUnder('sweep/')).toEqual([
      'sweep/docs/guide/notes.md',
      'sweep/main/1-1/App.ipa',
      'sweep/main/1-1/build.json',
      'sweep/main/index.html'
    ])
  })
})
