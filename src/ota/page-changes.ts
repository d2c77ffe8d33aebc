/**
 * The install page's "Changes since …" and "Who can install" cards, as an HTML fragment that
 * page.ts places after the release notes. The words come from describeChanges, shared with the
 * comment and `ipa-ota diff`; every one of them is escaped here.
 */
import { describeChanges, noBaseText, type BuildChanges } from './compare.js'
import type { DeviceCheck, ListedDevice } from './devices.js'
import { expiryText } from '../expiry.js'
import { escapeHtml } from './html.js'
import type { BuildRecord } from './types.js'

export interface PageChangesInput {
  changes?: BuildChanges
  devices?: DeviceCheck
  profile?: BuildRecord['profile']
  now: Date
}

/** The cards, or '' when there is nothing to show. */
export function renderPageChanges(input: PageChangesInput): string {
  return [changesCard(input.changes), installCard(input)].filter(Boolean).join('\n')
}

function changesCard(changes: BuildChanges | undefined): string {
  if (changes === undefined) return ''
  if (changes.base === undefined) {
    return `<section class="card" id="changes"><h2>Changes</h2><p>${escapeHtml(upperFirst(noBaseText(changes)))}.</p></section>`
  }
  const { title, lines, movers } = describeChanges(changes.base.comparison)
  const rows = lines.map(
    (line) => `<dt>${escapeHtml(line.label)}</dt><dd>${escapeHtml(line.text)}</dd>`
  )
  const moverList =
    movers.length === 0
      ? ''
      : `<details><summary>${escapeHtml(`Largest size changes by component (${movers.length})`)}</summary><ul class="list">${movers
          .map((mover) => `<li>${escapeHtml(mover)}</li>`)
          .join('')}</ul></details>`
  return `<section class="card" id="changes"><h2>${escapeHtml(title)}</h2><dl>${rows.join('')}</dl>${moverList}</section>`
}

function installCard(input: PageChangesInput): string {
  const { devices, profile } = input
  if (devices === undefined && profile === undefined) return ''
  const rows: string[] = []
  if (profile !== undefined) {
    rows.push(
      `<dt>Profile</dt><dd>${escapeHtml(expiryText(profile.expires, input.now))} (as of publishing)</dd>`
    )
  }
  if (devices?.anyDevice) rows.push('<dt>Installs on</dt><dd>any device</dd>')
  else if (devices !== undefined) {
    rows.push(
      `<dt>Installs on</dt><dd>${names(devices.included) || 'none of the listed devices'}</dd>`
    )
    if (devices.missing.length > 0) {
      rows.push(
        `<dt>Not in this profile</dt><dd>${names(devices.missing)}: add them in the developer portal, regenerate the profile and rebuild.</dd>`
      )
    }
  }
  return `<section class="card" id="devices"><h2>Who can install</h2><dl>${rows.join('')}</dl></section>`
}

function names(devices: readonly ListedDevice[]): string {
  return devices.map((device) => escapeHtml(device.name)).join(', ')
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
