/**
 * A comparison in words (comparison.ts computes it): the same plain-text lines for the comment, the
 * job summary, the install page and `ipa-ota diff`, each of which escapes them for where they go.
 */
import { formatBytes } from '../format.js'
import type { BuildChanges } from './compare.js'
import type { ComponentChange, Comparison, ListChange, SizeChange } from './comparison.js'

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

/** The one sentence shown when there is nothing to compare with. */
export function noBaseText(changes: BuildChanges): string {
  return changes.channel === changes.ownChannel
    ? 'first build of this channel'
    : `no build of ${changes.channel} to compare with`
}
