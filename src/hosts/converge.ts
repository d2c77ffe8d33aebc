import { posix } from 'node:path'
import { renderIndexes } from '../ota/indexes.js'
import type { BuildRecord, SiteChanges, SiteFile } from '../ota/types.js'
import type { SiteStore } from './types.js'

/**
 * A site of separate files with no transaction across them (a folder, a bucket): each write and
 * delete stands alone, and another run may write between any two of them.
 */
export interface FileSite {
  /**
   * Every complete build under `root` (one whose build.json is in place); a build.json that is not
   * a valid record is skipped and reported to `warn`.
   */
  readRecords(root: string, warn: (message: string) => void): Promise<BuildRecord[]>
  /** Writes the files, each whole or not at all; the order within one call does not matter. */
  write(files: SiteFile[]): Promise<void>
  /** Deletes a build folder and everything under it. */
  removeDir(dir: string): Promise<void>
  /** Deletes one file; a missing file is not an error. */
  removeFile(path: string): Promise<void>
}

/** Rewrites of the indexes before giving up; each one means another run changed the site. */
const MAX_ROUNDS = 20

/**
 * A SiteStore on a FileSite whose indexes converge when runs race. Every change to the set of
 * builds (a build.json written, a build folder deleted) comes before the same run's index writes;
 * afterwards the run re-reads the builds and rewrites the indexes until what it read is what it
 * last wrote. So the last index write of all is followed by a read that saw every change before
 * it: the indexes end up listing exactly the builds on the site. Problems go to `warn` (the
 * action: core.warning; the CLI: stderr).
 */
export function convergentStore(site: FileSite, warn: (message: string) => void): SiteStore {
  return {
    // The files skipped here were reported by update's first read.
    read: (root) => site.readRecords(root, () => {}),
    async update(root, plan) {
      const changes = plan(await site.readRecords(root, warn))
      await applyInOrder(site, changes)
      let written = changes.write.filter((file) => !file.immutable)
      // A plan that writes no index page (a test, a partial upload) leaves the indexes alone.
      if (written.length === 0) return
      for (let round = 1; ; round++) {
        // The files skipped here were reported by the first read.
        const fresh = renderIndexes(root, await site.readRecords(root, () => {}))
        if (sameFiles(fresh, written)) return
        if (round > MAX_ROUNDS) {
          warn(
            `Other runs kept changing the site under ${root || 'the root'}; the index pages may miss a build until the next publish.`
          )
          return
        }
        const stale = written.filter((file) => !fresh.some((each) => each.path === file.path))
        await site.write(fresh)
        for (const file of stale) await site.removeFile(file.path)
        written = fresh
      }
    }
  }
}

/**
 * The build's files, then its build.json (a listed build is complete), then the removals, then
 * the index pages (no index links to a half-uploaded build, and none is written before a change
 * to the builds it lists).
 */
async function applyInOrder(site: FileSite, changes: SiteChanges): Promise<void> {
  const isRecord = (file: SiteFile) => posix.basename(file.path) === 'build.json'
  await site.write(changes.write.filter((file) => file.immutable && !isRecord(file)))
  await site.write(changes.write.filter((file) => file.immutable && isRecord(file)))
  for (const dir of changes.removeDirs) await site.removeDir(dir)
  await site.write(changes.write.filter((file) => !file.immutable))
  for (const path of changes.removeFiles ?? []) await site.removeFile(path)
}

function sameFiles(a: SiteFile[], b: SiteFile[]): boolean {
  const bytes = (files: SiteFile[]) =>
    new Map(files.map((file) => [file.path, Buffer.isBuffer(file.content) ? file.content : null]))
  const [left, right] = [bytes(a), bytes(b)]
  if (left.size !== right.size) return false
  for (const [path, content] of left) {
    const other = right.get(path)
    if (content === null || other === null || other === undefined || !content.equals(other)) {
      return false
    }
  }
  return true
}
