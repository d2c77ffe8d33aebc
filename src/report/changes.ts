/**
 * The "Changes since …" and "Who can install" parts of the comment and the job summary. The words
 * come from describeChanges, shared with the install page and `ipa-ota diff`; here they are only
 * escaped and bounded (a build that adds hundreds of permissions must not overflow the comment).
 */
import { describeChanges, MAX_MOVERS, noBaseText, type BuildChanges } from '../ota/compare.js'
import type { DeviceCheck, ListedDevice } from '../ota/devices.js'
import { escapeText, truncate } from './markdown.js'

const MAX_LINES = 40
const MAX_LINE = 300
const MAX_DEVICES = 50

/** The changes since the base build, or one line when there is none; '' when not compared. */
export function changesMarkdown(changes: BuildChanges | undefined): string {
  if (changes === undefined) return ''
  if (changes.base === undefined) return `**Changes:** ${escapeText(noBaseText(changes))}.`
  const { title, lines, movers } = describeChanges(changes.base.comparison)
  const shown = lines
    .slice(0, MAX_LINES)
    .map((line) => `- **${escapeText(line.label)}:** ${escapeText(truncate(line.text, MAX_LINE))}`)
  if (lines.length > MAX_LINES) shown.push(`- …and ${lines.length - MAX_LINES} more changes`)
  const parts = [`#### ${escapeText(title)}`, shown.join('\n')]
  if (movers.length > 0) {
    const items = movers
      .slice(0, MAX_MOVERS)
      .map((mover) => `- ${escapeText(truncate(mover, MAX_LINE))}`)
    if (movers.length > MAX_MOVERS) items.push(`- …and ${movers.length - MAX_MOVERS} more`)
    parts.push(
      `<details><summary>${escapeText(`Largest size changes by component (${movers.length})`)}</summary>\n\n${items.join('\n')}\n\n</details>`
    )
  }
  return parts.join('\n\n')
}

/** Which devices of the devices-file list can install the build; '' without the input. */
export function devicesMarkdown(check: DeviceCheck | undefined): string {
  if (check === undefined) return ''
  if (check.anyDevice) return '**Installs on:** any device (the profile provisions all devices).'
  const rows: string[] = []
  if (check.included.length > 0) rows.push(`- **Installs on:** ${names(check.included)}`)
  if (check.missing.length > 0) {
    rows.push(
      `- **Not in this profile:** ${names(check.missing)}: ${escapeText('add them in the developer portal (Certificates, Identifiers & Profiles › Devices), regenerate the profile and rebuild.')}`
    )
  }
  if (rows.length === 0) rows.push('- **Installs on:** none of the listed devices')
  return rows.join('\n')
}

function names(devices: readonly ListedDevice[]): string {
  const shown = devices.slice(0, MAX_DEVICES).map((device) => escapeText(truncate(device.name, 60)))
  if (devices.length > MAX_DEVICES) shown.push(`and ${devices.length - MAX_DEVICES} more`)
  return shown.join(', ')
}
