/**
 * What a build changes against its base, from the two build records alone (never an earlier IPA).
 * Pure: the comment, the job summary, the install page and `ipa-ota diff` all render this one
 * result through `describeChanges`, so they cannot disagree. A fact that either record lacks (a
 * record written before the fact was recorded) is not compared, and only what changed is listed.
 */
import { formatDate } from '../format.js'
import { DEVICE_FAMILIES } from '../ipa/inspect.js'
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
