/**
 * The "Changes since …" and "Who can install" parts of the comment and the job summary. The words
 * come from describeChanges, shared with the install page and `ipa-ota diff`; here they are only
 * escaped and bounded: escaping can make text six times longer, so each part has a budget of
 * characters, and a build that adds hundreds of permissions cannot overflow the comment.
 */
import { describeChanges, MAX_MOVERS, noBaseText } from '../ota/changes-text.js'
import { newSinceBase, type BuildChanges } from '../ota/compare.js'
import type { DeviceCheck, ListedDevice } from '../ota/devices.js'
import { escapeText, truncate } from './markdown.js'

/** Characters of escaped Markdown the changes list, the movers and each device list may take. */
export const CHANGES_BUDGET = 8_000
const MOVERS_BUDGET = 3_000
const DEVICES_BUDGET = 3_000
const MAX_LINE = 200
const MAX_NAME = 60
const NEW_MARK = '(🆕 new since the base build)'

/** The changes since the base build, or one line when there is none; '' when not compared. */
export function changesMarkdown(changes: BuildChanges | undefined): string {
  if (changes === undefined) return ''
  if (changes.base === undefined) return `**Changes:** ${escapeText(noBaseText(changes))}.`
  const { title, lines, movers } = describeChanges(changes.base.comparison)
  const items = lines.map(
    (line) => `- **${escapeText(line.label)}:** ${escapeText(truncate(line.text, MAX_LINE))}`
  )
  const parts = [`#### ${escapeText(title)}`, within(items, CHANGES_BUDGET, 'changes').join('\n')]
  if (movers.length > 0) {
    const shown = movers
      .slice(0, MAX_MOVERS)
      .map((mover) => `- ${escapeText(truncate(mover, MAX_LINE))}`)
    const list = within(shown, MOVERS_BUDGET, 'more')
    if (movers.length > MAX_MOVERS) list.push(`- …and ${movers.length - MAX_MOVERS} more`)
    parts.push(
      `<details><summary>${escapeText(`Largest size changes by component (${movers.length})`)}</summary>\n\n${list.join('\n')}\n\n</details>`
    )
  }
  return parts.join('\n\n')
}

/**
 * Which listed devices can install the build, those the base build's profile lacked marked as
 * new; '' without a device list.
 */
export function devicesMarkdown(check: DeviceCheck | undefined, changes?: BuildChanges): string {
  if (check === undefined) return ''
  if (check.anyDevice) return '**Installs on:** any device (the profile provisions all devices).'
  const rows: string[] = []
  if (check.included.length > 0) {
    const added = new Set(newSinceBase(changes, check.included))
    rows.push(`- **Installs on:** ${names(check.included, added)}`)
  }
  if (check.missing.length > 0) {
    rows.push(
      `- **Not in this profile:** ${names(check.missing)}: ${escapeText('add them in the developer portal (Certificates, Identifiers & Profiles › Devices), regenerate the profile and rebuild.')}`
    )
  }
  if (rows.length === 0) rows.push('- **Installs on:** none of the listed devices')
  return rows.join('\n')
}

function names(devices: readonly ListedDevice[], added = new Set<ListedDevice>()): string {
  const escaped = devices.map(
    (device) =>
      escapeText(truncate(device.name, MAX_NAME)) +
      (added.has(device) ? ` ${escapeText(NEW_MARK)}` : '')
  )
  const shown: string[] = []
  let length = 0
  for (const name of escaped) {
    if (length + name.length > DEVICES_BUDGET) break
    shown.push(name)
    length += name.length + 2
  }
  if (shown.length < escaped.length) shown.push(`and ${escaped.length - shown.length} more`)
  return shown.join(', ')
}

/** The first items that fit in `budget` characters, then a line counting the rest. */
function within(items: readonly string[], budget: number, noun: string): string[] {
  const shown: string[] = []
  let length = 0
  for (const item of items) {
    if (length + item.length + 1 > budget) break
    shown.push(item)
    length += item.length + 1
  }
  const hidden = items.length - shown.length
  if (hidden > 0) shown.push(`- …and ${hidden} more ${noun}`)
  return shown
}
