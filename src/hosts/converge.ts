import * as core from '@actions/core'
import { isBuildRecordPath, isSlug } from '../ota/layout.js'
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
  /**
   * The build folders under `root` (`<root>/<channel>/<build>`) that hold files but no build.json,
   * each with the time its newest file was written.
   */
  incompleteBuilds(root: string): Promise<IncompleteBuild[]>
  /** Writes the files, each whole or not at all; the order within one call does not matter. */
  write(files: SiteFile[]): Promise<void>
  /** Deletes a build folder and everything under it. */
  removeDir(dir: string): Promise<void>
  /** Deletes one file; a missing file is not an error. */
  removeFile(path: string): Promise<void>
}

export interface IncompleteBuild {
  /** The site path of the build folder, e.g. "ota/main/7-1". */
  dir: string
  /** The paths under the folder, relative to it. */
  files: string[]
  /** When its newest file was written. */
  modified: Date
}

export interface ConvergentStoreOptions {
  /** Where problems go (the action: core.warning; the CLI: stderr). */
  warn: (message: string) => void
  /** The clock that dates abandoned uploads; default the system's. */
  now?: () => Date
}

/**
 * An upload this old without its build.json was abandoned (a cancelled or failed run): no job
 * runs that long on GitHub's runners (6 hours), and its folder is listed nowhere.
 */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000

/**
 * The files ota/site.ts writes into a build folder (and the directory host's half-written
 * `<name>.<uuid>.partial`). A folder holding anything else is not an upload of ours: never swept.
 */
const BUILD_FILE =
  /^(index\.html|manifest\.(plist|xml)|qr\.(png|svg)|icon(-57|-512)?\.png|[^/]+\.ipa)(\.[0-9a-f-]{36}\.partial)?$/

/** Plans applied after the first before giving up; each one means another run changed the site. */
const MAX_ROUNDS = 20

/**
 * A SiteStore on a FileSite whose indexes converge when runs race. Every change to the set of
 * builds (a build.json written, a build folder deleted) comes before the same run's index writes;
 * afterwards the run re-reads the builds and plans again on them (`plan(fresh, applied)`), until
 * the plan writes what it last wrote. So the last index write of all is followed by a read that
 * saw every change before it: the indexes end up listing exactly the builds on the site. Each
 * update also sweeps the build folders abandoned without a build.json.
 */
export function convergentStore(site: FileSite, options: ConvergentStoreOptions): SiteStore {
  const { warn } = options
  return {
    // The files skipped here were reported by update's first read.
    read: (root) => site.readRecords(root, () => {}),
    async update(root, plan) {
      await sweepAbandoned(site, root, (options.now ?? (() => new Date()))())
      const first = plan(await site.readRecords(root, warn))
      await applyInOrder(site, first)
      let applied = first
      // A plan that writes no index page (a test, a partial upload) leaves the indexes alone.
      if (indexPages(first).length === 0) return first
      for (let round = 1; ; round++) {
        // The files skipped here were reported by the first read.
        const next = plan(await site.readRecords(root, () => {}), applied)
        if (sameFiles(indexPages(next), indexPages(applied))) return next
        if (round > MAX_ROUNDS) {
          warn(
            `Other runs kept changing the site under ${root || 'the root'}; the index pages may miss a build until the next publish.`
          )
          return applied
        }
        // A later plan changes only the index pages: the first wrote the build folders and
        // removed what it pruned (see Planner).
        await site.write(indexPages(next))
        for (const path of next.removeFiles ?? []) await site.removeFile(path)
        applied = next
      }
    }
  }
}

/**
 * Removes the build folders whose upload stopped more than a day before `now`: slug-named folders
 * at build depth that hold nothing but build files, and no build.json.
 */
async function sweepAbandoned(site: FileSite, root: string, now: Date): Promise<void> {
  for (const build of await site.incompleteBuilds(root)) {
    if (now.getTime() - build.modified.getTime() <= ABANDONED_AFTER_MS) continue
    const [channel = '', buildId = ''] = build.dir.split('/').slice(-2)
    const ours = isSlug(channel) && isSlug(buildId) && build.files.every((f) => BUILD_FILE.test(f))
    if (!ours) continue
    await site.removeDir(build.dir)
    core.info(
      `Removed ${build.dir}/, an upload abandoned without its build.json since ${build.modified.toISOString()}.`
    )
  }
}

/** The files of a plan that change as builds come and go: the index pages and latest.json. */
function indexPages(changes: SiteChanges): SiteFile[] {
  return changes.write.filter((file) => !file.immutable)
}

/**
 * The build's files, then its build.json (a listed build is complete), then the removals, then
 * the index pages (no index links to a half-uploaded build, and none is written before a change
 * to the builds it lists).
 */
async function applyInOrder(site: FileSite, changes: SiteChanges): Promise<void> {
  const record = (file: SiteFile) => isBuildRecordPath(file.path)
  await site.write(changes.write.filter((file) => file.immutable && !record(file)))
  await site.write(changes.write.filter((file) => file.immutable && record(file)))
  for (const dir of changes.removeDirs) await site.removeDir(dir)
  await site.write(indexPages(changes))
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
