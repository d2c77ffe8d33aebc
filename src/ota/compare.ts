/**
 * What a build changes against its base, from the two build records alone (never an earlier IPA).
 * Pure: the comment, the job summary, the install page and `ipa-ota diff` all render this one
 * result through `describeChanges`, so they cannot disagree. A fact that either record lacks (a
 * record written before the fact was recorded) is not compared, and only what changed is listed.
 */
import { formatBytes, formatDate } from '../format.js'
import { DEVICE_FAMILIES } from '../ipa/inspect.js'
import { hasSafePath } from './indexes.js'
import { newestFirst } from './order.js'
import { channelSlug } from './layout.js'
import { deviceKey, type ListedDevice } from './devices.js'
import type { BuildRecord } from './types.js'

/** The facts of a build the comparison reads: a build.json, or the same made from an IPA. */
export type BuildFacts = Pick<BuildRecord, 'app' | 'profile'>

export interface SizeChange {
  before: number
  after: number
  /** after − before, in bytes. */
  delta: number
  /** delta as a percentage of before; absent when before is 0. */
  percent?: number
}

export interface ListChange {
  added: string[]
  removed: string[]
}

export interface ComponentChange {
  kind: string
  name: string
  /** Installed bytes before and after (0 when the component is new or gone). */
  installed: SizeChange
  /** Bytes in the IPA, the download cost. */
  compressed: SizeChange
}

export interface Comparison {
  /** What the build is compared with, e.g. channel "main" (or a file name for `ipa-ota diff`). */
  base: { name: string; version: string; build: string }
  ipaSize: SizeChange
  installedSize?: SizeChange
  /** Components whose size changed, the largest installed change first. */
  components?: ComponentChange[]
  version?: { before: string; after: string }
  minimumOs?: { before: string; after: string }
  deviceFamilies?: ListChange
  permissions?: {
    added: Array<{ key: string; text: string }>
    removed: Array<{ key: string; text: string }>
    reworded: Array<{ key: string; before: string; after: string }>
  }
  entitlements?: ListChange
  urlSchemes?: ListChange
  frameworks?: ListChange
  extensions?: ListChange
  profile?: {
    type?: { before: string; after: string }
    expires?: { before: string; after: string }
    devices?: { before: number; after: number }
  }
  /**
   * Device keys (deviceKey) the build's profile holds and the base's did not, to mark those
   * devices by name; absent when either record lacks the list or none is new. Never rendered.
   */
  newDevices?: string[]
}

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

export function compareBuilds(baseName: string, base: BuildFacts, head: BuildFacts): Comparison {
  const comparison: Comparison = {
    base: { name: baseName, version: base.app.version, build: base.app.build },
    ipaSize: sizeChange(base.app.ipaSize, head.app.ipaSize)
  }
  const [a, b] = [base.app, head.app]
  if (a.installedSize !== undefined && b.installedSize !== undefined) {
    comparison.installedSize = sizeChange(a.installedSize, b.installedSize)
  }
  if (a.version !== b.version || a.build !== b.build) {
    comparison.version = { before: `${a.version} (${a.build})`, after: `${b.version} (${b.build})` }
  }
  if (
    a.minimumOsVersion !== undefined &&
    b.minimumOsVersion !== undefined &&
    a.minimumOsVersion !== b.minimumOsVersion
  ) {
    comparison.minimumOs = { before: a.minimumOsVersion, after: b.minimumOsVersion }
  }
  const familyNames = (families: number[]) => families.map(familyName)
  setList(comparison, 'deviceFamilies', a.deviceFamilies, b.deviceFamilies, familyNames)
  if (a.usageDescriptions !== undefined && b.usageDescriptions !== undefined) {
    const permissions = permissionChanges(a.usageDescriptions, b.usageDescriptions)
    if (permissions) comparison.permissions = permissions
  }
  setList(comparison, 'urlSchemes', a.urlSchemes, b.urlSchemes)
  if (a.components !== undefined && b.components !== undefined) {
    const changed = componentChanges(a.components, b.components)
    if (changed.length > 0) comparison.components = changed
    const named = (kinds: string[]) => (components: NonNullable<typeof a.components>) =>
      components.filter((c) => kinds.includes(c.kind)).map((c) => c.name)
    setList(comparison, 'frameworks', a.components, b.components, named(['framework']))
    setList(comparison, 'extensions', a.components, b.components, named(['extension', 'watch']))
  }
  setList(comparison, 'entitlements', base.profile?.entitlements, head.profile?.entitlements)
  const profile = profileChanges(base.profile, head.profile)
  if (profile) comparison.profile = profile
  const [before, after] = [base.profile?.deviceIds, head.profile?.deviceIds]
  if (before !== undefined && after !== undefined) {
    const old = new Set(before)
    const added = after.filter((key) => !old.has(key))
    if (added.length > 0) comparison.newDevices = added
  }
  return comparison
}

/** Which of `devices` the base build's profile lacked: none when it was not compared. */
export function newSinceBase(
  changes: BuildChanges | undefined,
  devices: readonly ListedDevice[]
): ListedDevice[] {
  const added = new Set(changes?.base?.comparison.newDevices)
  return devices.filter((device) => added.has(deviceKey(device.id)))
}

function sizeChange(before: number, after: number): SizeChange {
  const delta = after - before
  return before > 0
    ? { before, after, delta, percent: (delta / before) * 100 }
    : { before, after, delta }
}

function familyName(family: number): string {
  return DEVICE_FAMILIES[family] ?? `family ${family}`
}

type ListKey = 'deviceFamilies' | 'urlSchemes' | 'frameworks' | 'extensions' | 'entitlements'

/** Sets `key` when both sides hold the list and something was added or removed. */
function setList<T>(
  comparison: Comparison,
  key: ListKey,
  before: T | undefined,
  after: T | undefined,
  names: (value: T) => string[] = (value) => value as string[]
): void {
  if (before === undefined || after === undefined) return
  const [old, now] = [new Set(names(before)), new Set(names(after))]
  const added = [...now].filter((name) => !old.has(name)).sort()
  const removed = [...old].filter((name) => !now.has(name)).sort()
  if (added.length > 0 || removed.length > 0) comparison[key] = { added, removed }
}

function permissionChanges(
  before: Record<string, string>,
  after: Record<string, string>
): Comparison['permissions'] {
  const keys = (record: Record<string, string>) => Object.keys(record).sort()
  const added = keys(after)
    .filter((key) => !Object.hasOwn(before, key))
    .map((key) => ({ key, text: after[key]! }))
  const removed = keys(before)
    .filter((key) => !Object.hasOwn(after, key))
    .map((key) => ({ key, text: before[key]! }))
  const reworded = keys(after)
    .filter((key) => Object.hasOwn(before, key) && before[key] !== after[key])
    .map((key) => ({ key, before: before[key]!, after: after[key]! }))
  return added.length + removed.length + reworded.length > 0
    ? { added, removed, reworded }
    : undefined
}

type Components = NonNullable<BuildRecord['app']['components']>

function componentChanges(before: Components, after: Components): ComponentChange[] {
  const key = (c: Components[number]) => `${c.kind}/${c.name}`
  const old = new Map(before.map((c) => [key(c), c]))
  const now = new Map(after.map((c) => [key(c), c]))
  const changes: ComponentChange[] = []
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const [a, b] = [old.get(id), now.get(id)]
    const { kind, name } = (b ?? a)!
    const installed = sizeChange(a?.installed ?? 0, b?.installed ?? 0)
    const compressed = sizeChange(a?.compressed ?? 0, b?.compressed ?? 0)
    if (installed.delta !== 0 || compressed.delta !== 0) {
      changes.push({ kind, name, installed, compressed })
    }
  }
  return changes.sort(
    (x, y) =>
      Math.abs(y.installed.delta) - Math.abs(x.installed.delta) || x.name.localeCompare(y.name)
  )
}

function profileChanges(
  before: BuildFacts['profile'],
  after: BuildFacts['profile']
): Comparison['profile'] {
  if (before === undefined || after === undefined) return undefined
  const changes: NonNullable<Comparison['profile']> = {}
  if (before.type !== after.type) changes.type = { before: before.type, after: after.type }
  if (formatDate(before.expires) !== formatDate(after.expires)) {
    changes.expires = { before: formatDate(before.expires), after: formatDate(after.expires) }
  }
  const count = (p: NonNullable<BuildFacts['profile']>) => (p.provisionsAllDevices ? -1 : p.devices)
  if (
    count(before) !== count(after) &&
    !after.provisionsAllDevices &&
    !before.provisionsAllDevices
  ) {
    changes.devices = { before: before.devices, after: after.devices }
  }
  return Object.keys(changes).length > 0 ? changes : undefined
}

/** "+1.2 MB, +10.5%", "−300 kB, −2.0%", "no change": signed, with a real minus sign. */
function formatDelta(change: SizeChange): string {
  if (change.delta === 0) return 'no change'
  const percent = formatPercent(change)
  return `${signedBytes(change)}${percent === '' ? '' : `, ${percent}`}`
}

function signedBytes(change: SizeChange): string {
  return `${change.delta < 0 ? '−' : '+'}${formatBytes(Math.abs(change.delta))}`
}

function formatPercent(change: SizeChange): string {
  if (change.percent === undefined || change.delta === 0) return ''
  return `${change.delta < 0 ? '−' : '+'}${Math.abs(change.percent).toFixed(1)}%`
}

function moverText(change: ComponentChange): string {
  const { installed, compressed } = change
  const what = installed.before === 0 ? 'added, ' : installed.after === 0 ? 'removed, ' : ''
  const percent = what === '' ? formatPercent(installed) : ''
  return `${change.name} (${change.kind}): ${what}installed ${signedBytes(installed)}${percent === '' ? '' : ` (${percent})`}, download ${signedBytes(compressed)}`
}

/** One line of the changes, as plain text: every renderer escapes it for where it goes. */
export interface ChangeLine {
  label: string
  text: string
}

export interface ChangesText {
  /** "Changes since main 1.3 (41)". */
  title: string
  lines: ChangeLine[]
  /** The largest movers by component, for a collapsed list. */
  movers: string[]
}

/** Movers listed at most; the rest are counted. */
export const MAX_MOVERS = 10

/** The comparison in words: the same lines for the comment, the summary, the page and the CLI. */
export function describeChanges(comparison: Comparison): ChangesText {
  const { base } = comparison
  const lines: ChangeLine[] = []
  const add = (label: string, text: string) => lines.push({ label, text })
  const size = `${formatBytes(comparison.ipaSize.after)} (${formatDelta(comparison.ipaSize)})`
  const installed = comparison.installedSize
    ? ` · installed ${formatBytes(comparison.installedSize.after)} (${formatDelta(comparison.installedSize)})`
    : ''
  add('Size', `${size}${installed}`)
  if (comparison.version)
    add('Version', `${comparison.version.before} → ${comparison.version.after}`)
  if (comparison.minimumOs) {
    add('Minimum iOS', `${comparison.minimumOs.before} → ${comparison.minimumOs.after}`)
  }
  listLines(add, 'Devices', comparison.deviceFamilies)
  const permissions = comparison.permissions
  for (const { key, text } of permissions?.added ?? []) add('Permission added', `${key}: “${text}”`)
  for (const { key, before, after } of permissions?.reworded ?? []) {
    add('Permission reworded', `${key}: “${before}” → “${after}”`)
  }
  for (const { key, text } of permissions?.removed ?? []) {
    add('Permission removed', `${key}: “${text}”`)
  }
  listLines(add, 'Entitlements', comparison.entitlements)
  listLines(add, 'URL schemes', comparison.urlSchemes)
  listLines(add, 'Frameworks', comparison.frameworks)
  listLines(add, 'Extensions', comparison.extensions)
  const profile = comparison.profile
  if (profile) {
    const parts = [
      profile.type && `${profile.type.before} → ${profile.type.after}`,
      profile.expires && `expires ${profile.expires.before} → ${profile.expires.after}`,
      profile.devices && `${profile.devices.before} → ${profile.devices.after} devices`
    ].filter((part): part is string => typeof part === 'string')
    add('Profile', parts.join('; '))
  }
  const movers = (comparison.components ?? []).map(moverText)
  return {
    title: `Changes since ${base.name} ${base.version} (${base.build})`,
    lines,
    movers
  }
}

function listLines(
  add: (label: string, text: string) => void,
  label: string,
  change: ListChange | undefined
): void {
  if (change === undefined) return
  if (change.added.length > 0) add(`${label} added`, change.added.join(', '))
  if (change.removed.length > 0) add(`${label} removed`, change.removed.join(', '))
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

/** The one sentence shown when there is nothing to compare with. */
export function noBaseText(changes: BuildChanges): string {
  return changes.channel === changes.ownChannel
    ? 'first build of this channel'
    : `no build of ${changes.channel} to compare with`
}
