/**
 * The install page's "Changes since …" and "Who can install" cards, as an HTML fragment that
 * page.ts places after the release notes. The words come from describeChanges, shared with the
 * comment and `ipa-ota diff`; the html template escapes every one of them.
 */
import type { BuildChanges } from './compare.js'
import { describeChanges, noBaseText } from './changes-text.js'
import type { DeviceCheck, ListedDevice } from './devices.js'
import { expiryText } from '../expiry.js'
import { html, type Html } from './html.js'
import type { BuildRecord } from './types.js'

export interface PageChangesInput {
  changes?: BuildChanges
  devices?: DeviceCheck
  profile?: BuildRecord['profile']
  now: Date
}

/** The cards, or nothing when there is nothing to show. */
export function renderPageChanges(input: PageChangesInput): Html {
  return html`${changesCard(input.changes)}${installCard(input)}`
}

function changesCard(changes: BuildChanges | undefined): Html | undefined {
  if (changes === undefined) return undefined
  if (changes.base === undefined) {
    return html`<section class="card" id="changes"><h2>Changes</h2><p>${upperFirst(noBaseText(changes))}.</p></section>\n`
  }
  const { title, lines, movers } = describeChanges(changes.base.comparison)
  const rows = lines.map((line) => html`<dt>${line.label}</dt><dd>${line.text}</dd>`)
  const moverList =
    movers.length === 0
      ? undefined
      : html`<details><summary>${`Largest size changes by component (${movers.length})`}</summary><ul class="list">${movers.map((mover) => html`<li>${mover}</li>`)}</ul></details>`
  return html`<section class="card" id="changes"><h2>${title}</h2><dl>${rows}</dl>${moverList}</section>\n`
}

function installCard(input: PageChangesInput): Html | undefined {
  const { devices, profile } = input
  if (devices === undefined && profile === undefined) return undefined
  const rows: Html[] = []
  if (profile !== undefined) {
    rows.push(
      html`<dt>Profile</dt><dd>${expiryText(profile.expires, input.now)} (as of publishing)</dd>`
    )
  }
  if (devices?.anyDevice) rows.push(html`<dt>Installs on</dt><dd>any device</dd>`)
  else if (devices !== undefined) {
    rows.push(
      html`<dt>Installs on</dt><dd>${names(devices.included) || 'none of the listed devices'}</dd>`
    )
    if (devices.missing.length > 0) {
      rows.push(
        html`<dt>Not in this profile</dt><dd>${names(devices.missing)}: add them in the developer portal, regenerate the profile and rebuild.</dd>`
      )
    }
  }
  return html`<section class="card" id="devices"><h2>Who can install</h2><dl>${rows}</dl></section>`
}

function names(devices: readonly ListedDevice[]): string {
  return devices.map((device) => device.name).join(', ')
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
