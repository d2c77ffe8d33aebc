/**
 * Which build a published build is compared with (the newest other build of the app in a channel)
 * and the result; comparison.ts compares the two records, changes-text.ts puts it in words.
 */
import { hasSafePath } from './indexes.js'
import { newestFirst } from './order.js'
import { channelSlug } from './layout.js'
import { deviceKey, type ListedDevice } from './devices.js'
import { compareBuilds, type Comparison } from './comparison.js'
import type { BuildRecord } from './types.js'

/**
 * The build to compare with: the newest build of the same app in `channel` other than the build
 * itself, or undefined (the first build of that channel). Records with unsafe paths are ignored.
 */
function findBase(
  current: readonly BuildRecord[],
  head: Pick<BuildRecord, 'channel' | 'buildId' | 'app'>,
  channel: string
): BuildRecord | undefined {
  return current
    .filter(
      (record) =>
        hasSafePath(record) &&
        record.channel === channel &&
        record.app.bundleId === head.app.bundleId &&
        !(record.channel === head.channel && record.buildId === head.buildId)
    )
    .sort(newestFirst)[0]
}

/** The comparison of a published build: the channel compared with, and its base if it has one. */
export interface BuildChanges {
  /** The channel compared with: the base branch's, the build's own, or the compare-to input. */
  channel: string
  /** The build's own channel: with no base, this is the channel's first build. */
  ownChannel: string
  /** The base build and what changed since; absent when the channel holds no build of the app. */
  base?: { record: BuildRecord; comparison: Comparison }
}

/** The changes of `head` against the newest other build of the app in `channel`. */
export function changesSince(
  current: readonly BuildRecord[],
  head: BuildRecord | Omit<BuildRecord, 'size'>,
  channel: string
): BuildChanges {
  const record = findBase(current, head, channel)
  return {
    channel,
    ownChannel: head.channel,
    ...(record === undefined
      ? {}
      : { base: { record, comparison: compareBuilds(record.channel, record, head) } })
  }
}

/**
 * The channel a build is compared with: the compare-to input ('none': no comparison), else on a
 * pull request the channel of its base branch, else the build's own channel (its previous build).
 */
export function comparisonChannel(options: {
  compareTo?: string
  pullRequest: boolean
  baseRef?: string
  ownChannel: string
}): string | undefined {
  if (options.compareTo === 'none') return undefined
  if (options.compareTo !== undefined) return options.compareTo
  if (options.pullRequest && options.baseRef) return channelSlug(options.baseRef)
  return options.ownChannel
}

/** Which of `devices` the base build's profile lacked: none when it was not compared. */
export function newSinceBase(
  changes: BuildChanges | undefined,
  devices: readonly ListedDevice[]
): ListedDevice[] {
  const added = new Set(changes?.base?.comparison.newDevices)
  return devices.filter((device) => added.has(deviceKey(device.id)))
}
