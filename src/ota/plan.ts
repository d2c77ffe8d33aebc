import { UserError } from '../errors.js'
import { groupByChannel, hasSafePath, newestFirst, renderIndexes } from './indexes.js'
import { buildDir, channelDir, channelSlug } from './layout.js'
import type { BuildRecord, BuildSite, SiteChanges } from './types.js'

export interface Retention {
  /** Builds kept per channel, the new one included. */
  keep: number
  /** Bytes all build folders together may take; older builds are removed to stay under it. */
  maxSiteSize?: number
}

export interface PublishPlan extends SiteChanges {
  /** Builds removed by the retention rules, for the log. */
  removed: BuildRecord[]
  /** Builds on the site afterwards, newest first. */
  kept: BuildRecord[]
  /** Bytes of the kept build folders. */
  siteSize: number
  /** The site is still over maxSiteSize: only the new build is left, and it is never removed. */
  overBudget: boolean
}

export interface RemovePlan extends SiteChanges {
  removed: BuildRecord[]
}

function sameBuild(a: BuildRecord, b: BuildRecord): boolean {
  return a.channel === b.channel && a.buildId === b.buildId
}

function totalSize(records: readonly BuildRecord[]): number {
  return records.reduce((sum, record) => sum + record.size, 0)
}

function checkRetention(retention: Retention): void {
  if (!Number.isInteger(retention.keep) || retention.keep < 1) {
    throw new UserError(
      `The number of builds to keep per channel is ${retention.keep}; set it to a whole number of at least 1.`
    )
  }
  const max = retention.maxSiteSize
  if (max !== undefined && (!Number.isFinite(max) || max <= 0)) {
    throw new UserError(
      `The maximum site size is ${max}; set it to a positive number of bytes, or leave it empty for no limit.`
    )
  }
}

/**
 * The folders to delete for the removed builds: a channel left without builds goes as a whole, so
 * its index page goes with it.
 */
function foldersOf(root: string, removed: readonly BuildRecord[], kept: readonly BuildRecord[]) {
  const liveChannels = new Set(kept.map((record) => record.channel))
  const dirs = removed.map((record) =>
    liveChannels.has(record.channel)
      ? buildDir(root, record.channel, record.buildId)
      : channelDir(root, record.channel)
  )
  return [...new Set(dirs)]
}

/**
 * What publishing `site` changes on a site currently holding `current`: the new build's files, the
 * builds the retention rules remove, and the regenerated index pages. Pure, so a host that loses a
 * race can plan again on the fresh state. Records with unsafe paths are ignored, never deleted.
 */
export function planPublish(
  site: BuildSite,
  current: readonly BuildRecord[],
  retention: Retention,
  root: string
): PublishPlan {
  checkRetention(retention)
  const published = site.record
  const occupant = current.find((record) => sameBuild(record, published))
  if (occupant !== undefined && occupant.app.bundleId !== published.app.bundleId) {
    throw new UserError(
      `${site.dir} already holds a build of ${occupant.app.bundleId}, another app: give each app of the repository its own path input (e.g. path: ota-widgets) so their builds do not overwrite each other.`
    )
  }
  const previous = current.filter((record) => hasSafePath(record) && !sameBuild(record, published))

  const kept: BuildRecord[] = [published]
  const removed: BuildRecord[] = []
  for (const [channel, builds] of groupByChannel(previous)) {
    const room = channel === published.channel ? retention.keep - 1 : retention.keep
    kept.push(...builds.slice(0, room))
    removed.push(...builds.slice(room))
  }

  let siteSize = totalSize(kept)
  const max = retention.maxSiteSize
  if (max !== undefined && siteSize > max) {
    const oldestFirst = (a: BuildRecord, b: BuildRecord) => newestFirst(b, a)
    const candidates = [
      ...kept.filter((record) => record.channel !== published.channel).sort(oldestFirst),
      ...kept
        .filter((record) => record.channel === published.channel && record !== published)
        .sort(oldestFirst)
    ]
    for (const candidate of candidates) {
      if (siteSize <= max) break
      kept.splice(kept.indexOf(candidate), 1)
      removed.push(candidate)
      siteSize -= candidate.size
    }
  }

  kept.sort(newestFirst)
  return {
    write: [...site.files, ...renderIndexes(root, kept)],
    removeDirs: foldersOf(root, removed, kept),
    removed,
    kept,
    siteSize,
    overBudget: max !== undefined && siteSize > max
  }
}

/** Removes a whole channel (e.g. when its pull request closes) and regenerates the index pages. */
export function planRemove(
  root: string,
  channel: string,
  current: readonly BuildRecord[]
): RemovePlan {
  const slug = channelSlug(channel)
  const safe = current.filter(hasSafePath)
  return {
    write: renderIndexes(
      root,
      safe.filter((record) => record.channel !== slug)
    ),
    removeDirs: [channelDir(root, slug)],
    removed: safe.filter((record) => record.channel === slug)
  }
}
