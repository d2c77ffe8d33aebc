import { UserError } from '../errors.js'
import { groupByChannel, hasSafePath, isListed, renderIndexes } from './indexes.js'
import { buildDir, channelDir, channelSlug, sitePath } from './layout.js'
import { newestFirst } from './order.js'
import type { BuildRecord, BuildSite, SiteChanges } from './types.js'

export interface Retention {
  /** Builds kept per channel, the new one included. */
  keep: number
  /** Bytes all build folders together may take; older builds are removed to stay under it. */
  maxSiteSize?: number
  /**
   * The channel of the repository's default branch (a slug, e.g. "main"): under maxSiteSize its
   * newest build is the last of the channels' newest builds to go.
   */
  defaultChannel?: string
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

/** The files renderIndexes writes into a channel folder, deleted with the channel's last build. */
function channelPages(root: string, channel: string): string[] {
  return ['index.html', 'latest.json'].map((name) => sitePath(channelDir(root, channel), name))
}

/**
 * What removing `removed` deletes: only their build folders, never a whole channel folder, where
 * another run may be uploading a build that has no build.json yet. A channel left without builds
 * loses its index page and latest.json, and so does one left with unlisted builds only.
 */
function removalOf(
  root: string,
  removed: readonly BuildRecord[],
  kept: readonly BuildRecord[]
): Pick<SiteChanges, 'removeDirs' | 'removeFiles'> {
  const liveChannels = new Set(kept.filter(isListed).map((record) => record.channel))
  const emptied = new Set(
    [...removed, ...kept].map((record) => record.channel).filter((c) => !liveChannels.has(c))
  )
  return {
    removeDirs: removed.map((record) => buildDir(root, record.channel, record.buildId)),
    removeFiles: [...emptied].flatMap((channel) => channelPages(root, channel))
  }
}

/**
 * Whether `occupant`, the build already in the folder, is `published` itself: a retry of the same
 * run and attempt (or, outside a workflow, the same IPA from the same commit).
 */
function isRetry(occupant: BuildRecord, published: BuildRecord): boolean {
  const [was, is] = [occupant.source, published.source]
  if (was.runId !== undefined || is.runId !== undefined) {
    return was.runId === is.runId && (was.runAttempt ?? 1) === (is.runAttempt ?? 1)
  }
  return (
    occupant.app.sha256 !== undefined &&
    occupant.app.sha256 === published.app.sha256 &&
    was.sha === is.sha
  )
}

function describeRun(record: BuildRecord): string {
  const { runId, runAttempt, workflow } = record.source
  if (runId === undefined) return `published ${record.createdAt}`
  return `from run ${runId} attempt ${runAttempt ?? 1}${workflow ? ` of ${workflow}` : ''}`
}

/**
 * Refuses a build of another app than the channel holds: mixed, the "newer build available"
 * notice would link across apps, and keep would count both apps' builds together.
 */
function checkOneApp(site: BuildSite, current: readonly BuildRecord[]): void {
  const { channel, app } = site.record
  const other = current.find(
    (record) =>
      hasSafePath(record) && record.channel === channel && record.app.bundleId !== app.bundleId
  )
  if (other === undefined) return
  throw new UserError(
    `Channel ${channel} (${site.dir.slice(0, site.dir.lastIndexOf('/'))}) holds builds of ${other.app.bundleId}, and this build is of ${app.bundleId}: a channel holds one app. Give each app its own path (e.g. path: ota-widgets; --path with the CLI) or its own channel.`
  )
}

/** Refuses to write into a folder that holds a build, unless it is a retry of the same build. */
function checkWriteOnce(site: BuildSite, occupant: BuildRecord | undefined): void {
  if (occupant === undefined || isRetry(occupant, site.record)) return
  throw new UserError(
    `${site.dir} already holds build ${occupant.buildId} (${occupant.app.version} (${occupant.app.build}), ${describeRun(occupant)}), and a build folder is written once: leave build-id empty (the default, <run id>-<attempt>, is unique to each run and re-run) or give this build an id of its own.`
  )
}

/**
 * The order builds go in to fit maxSiteSize: older builds of every channel first, oldest first;
 * then the newest build of each channel, oldest first, the default branch's last. The new build is
 * never a candidate.
 */
function squeezeOrder(
  kept: readonly BuildRecord[],
  published: BuildRecord,
  defaultChannel: string | undefined
): BuildRecord[] {
  const oldestFirst = (a: BuildRecord, b: BuildRecord) => newestFirst(b, a)
  const newest = new Set(
    [...groupByChannel(kept).values()].map((builds) =>
      builds.includes(published) ? published : builds[0]
    )
  )
  const others = kept.filter((record) => record !== published)
  const isDefault = (record: BuildRecord) => record.channel === defaultChannel
  return [
    ...others.filter((record) => !newest.has(record)).sort(oldestFirst),
    ...others.filter((record) => newest.has(record) && !isDefault(record)).sort(oldestFirst),
    ...others.filter((record) => newest.has(record) && isDefault(record))
  ]
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
  checkOneApp(site, current)
  checkWriteOnce(
    site,
    current.find((record) => sameBuild(record, published))
  )
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
    for (const candidate of squeezeOrder(kept, published, retention.defaultChannel)) {
      if (siteSize <= max) break
      kept.splice(kept.indexOf(candidate), 1)
      removed.push(candidate)
      siteSize -= candidate.size
    }
  }

  kept.sort(newestFirst)
  return {
    write: [...site.files, ...renderIndexes(root, kept)],
    ...removalOf(root, removed, kept),
    removed,
    kept,
    siteSize,
    overBudget: max !== undefined && siteSize > max
  }
}

/**
 * Removes the builds of a channel (e.g. when its pull request closes) and regenerates the index
 * pages. Only the builds read here go: one another run is still uploading survives and comes back
 * in the indexes when it is complete.
 */
export function planRemove(
  root: string,
  channel: string,
  current: readonly BuildRecord[]
): RemovePlan {
  const slug = channelSlug(channel)
  const safe = current.filter(hasSafePath)
  const kept = safe.filter((record) => record.channel !== slug)
  const removed = safe.filter((record) => record.channel === slug)
  return {
    write: renderIndexes(root, kept),
    removeDirs: removed.map((record) => buildDir(root, record.channel, record.buildId)),
    removeFiles: channelPages(root, slug),
    removed
  }
}
