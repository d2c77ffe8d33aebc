import type { ProfileType } from '../ipa/types.js'
import { expiryText } from '../expiry.js'
import { formatBytes, formatUtc } from '../format.js'
import { html, linkOrText, raw, renderDocument, type Html } from './html.js'
import { PAGE_SCRIPT } from './page-script.js'
import type { BuildRecord, SourceInfo } from './types.js'

/** The record before build.json settles its size (the page does not show it). */
type PageRecord = Omit<BuildRecord, 'size'>

export interface PageInput {
  record: PageRecord
  /** The heading: the `title` input, else the app name. */
  title: string
  /** Whether icon.png sits next to the page. */
  hasIcon: boolean
  /** Relative file names of the build folder. */
  files: { qrImage: string; ipa: string; manifest: string }
  /** What the QR code encodes, for its alt text. */
  qr: 'page' | 'link'
  /** Cards after the release notes (page-changes.ts), already escaped. */
  extra?: Html
}

const PROFILE_LABELS: Record<ProfileType, string> = {
  development: 'Development',
  'ad-hoc': 'Ad Hoc',
  enterprise: 'Enterprise (in-house)',
  'app-store': 'App Store'
}

const CSS = `
header { display: flex; gap: 1rem; align-items: center; margin-top: .5rem; }
header img { width: 72px; height: 72px; border-radius: 16px; flex: none; }
header p { margin: .15rem 0 0; }
#desktop { text-align: center; }
#desktop img { width: 240px; height: 240px; max-width: 100%; background: #fff; border-radius: 8px; }
.notes { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.files { font-size: .9rem; }
`

function repositoryUrl(source: SourceInfo): string | undefined {
  if (source.repository === undefined) return undefined
  const path = source.repository.split('/').map(encodeURIComponent).join('/')
  return `${source.serverUrl.replace(/\/+$/, '')}/${path}`
}

const row = (term: string, value: Html | string) => html`<dt>${term}</dt><dd>${value}</dd>`

function sourceRows(source: SourceInfo, createdAt: string): Html[] {
  const repo = repositoryUrl(source)
  const rows: Html[] = []
  if (source.repository !== undefined) {
    rows.push(row('Repository', linkOrText(source.repository, repo)))
  }
  if (source.pr !== undefined) {
    const url = repo === undefined ? undefined : `${repo}/pull/${source.pr}`
    rows.push(row('Pull request', linkOrText(`#${source.pr}`, url)))
  }
  if (source.ref !== undefined) {
    const label = source.refType === 'tag' ? 'Tag' : 'Branch'
    const url =
      repo === undefined
        ? undefined
        : `${repo}/tree/${source.ref.split('/').map(encodeURIComponent).join('/')}`
    rows.push(row(label, linkOrText(source.ref, url)))
  }
  if (source.sha !== undefined) {
    const validSha = /^[0-9a-f]{7,64}$/i.test(source.sha)
    const url = repo === undefined || !validSha ? undefined : `${repo}/commit/${source.sha}`
    rows.push(row('Commit', html`<code>${linkOrText(source.sha.slice(0, 7), url)}</code>`))
  }
  if (source.runId !== undefined) {
    const label = `${source.workflow ?? 'Workflow'}${source.runNumber === undefined ? '' : ` #${source.runNumber}`}`
    const url =
      repo === undefined || !/^\d+$/.test(source.runId)
        ? undefined
        : `${repo}/actions/runs/${source.runId}`
    rows.push(row('Workflow run', linkOrText(label, url)))
  }
  if (source.actor !== undefined) rows.push(row('By', source.actor))
  rows.push(row('Built', html`<time datetime="${createdAt}">${formatUtc(createdAt)}</time>`))
  return rows
}

const DEVELOPER_MODE =
  'Developer Mode (iOS 16 or later): Settings › Privacy & Security › Developer Mode, then restart the device.'

/** What a tester must know for this kind of profile before installing. */
function profileAdvice(record: PageRecord): Html {
  const profile = record.profile
  if (profile === undefined) {
    return html`<p class="note">This build carries no provisioning profile, so no device can install it. Sign it with an ad hoc, development or enterprise profile.</p>`
  }
  const devices = `${profile.devices} registered device${profile.devices === 1 ? '' : 's'}`
  switch (profile.type) {
    case 'development':
      return html`<p class="note">Only the ${devices} of the provisioning profile can install this development build. Turn on ${DEVELOPER_MODE}</p>`
    case 'ad-hoc':
      return html`<p class="note">Only the ${devices} of the provisioning profile can install this ad hoc build. If iOS says the app needs it, turn on ${DEVELOPER_MODE}</p>`
    case 'enterprise': {
      const team = profile.teamName ?? 'the developer'
      return html`<p class="note">After installing, trust the developer before the first launch: Settings › General › VPN &amp; Device Management › ${team} › Trust.</p>`
    }
    case 'app-store':
      return html`<p class="note">This build is signed for the App Store and cannot be installed from this page; upload it to TestFlight instead.</p>`
  }
}

function profileRows(record: PageRecord): Html[] {
  const profile = record.profile
  if (profile === undefined) return [row('Profile', 'none')]
  const { expires } = profile
  const rows = [
    row(
      'Profile',
      `${PROFILE_LABELS[profile.type]}${profile.name === '' ? '' : ` · ${profile.name}`}`
    ),
    row(
      'Expires',
      html`<time datetime="${expires}">${formatUtc(expires)}</time> · ${publishedExpiry(record)} <strong data-expires="${expires}" hidden>(expired)</strong>`
    ),
    row('Devices', profile.provisionsAllDevices ? 'any device' : String(profile.devices))
  ]
  if (profile.teamName !== undefined) rows.push(row('Team', profile.teamName))
  return rows
}

/**
 * "expires in 12 days (as of publishing)", in the words of the comment (expiryText). The pages are
 * not rewritten as days pass, so the days are counted from the build's own date and say so.
 */
export function publishedExpiry(record: Pick<PageRecord, 'profile' | 'createdAt'>): string {
  const expires = record.profile?.expires
  if (expires === undefined) return ''
  return `${expiryText(expires, new Date(record.createdAt))} (as of publishing)`
}

/** Why no device can install the build; read back from build.json, so checked here. */
export function blockersOf(record: Pick<PageRecord, 'blockers'>): string[] {
  const blockers: unknown = record.blockers
  return Array.isArray(blockers)
    ? blockers.filter((each): each is string => typeof each === 'string')
    : []
}

/**
 * The red banner of a build no device can install, at the top of the page, with the reasons and
 * their fixes; or a hidden one that the script shows once the profile has expired.
 */
function banner(record: PageRecord, blockers: string[]): Html | '' {
  if (blockers.length > 0) {
    return html`<section id="blocked" class="banner" role="alert"><h2>This build cannot be installed</h2><ul>${blockers.map((reason) => html`<li>${reason}</li>`)}</ul></section>\n`
  }
  const expires = record.profile?.expires
  if (expires === undefined) return ''
  return html`<section id="expired" class="banner" role="alert" data-until="${expires}" hidden><h2>This build cannot be installed</h2><p>Its provisioning profile expired on <time datetime="${expires}">${formatUtc(expires)}</time>, so iOS refuses to install it. Look for a newer build of this channel, or ask for one: the profile must be renewed and the app exported again.</p></section>\n`
}

/** Links to the channel (whose page always starts with the newest build) and to the site. */
function navigation(record: PageRecord): Html {
  return html`<nav class="crumbs"><a id="channel-link" href="../index.html">All builds of ${record.channel}</a> · <a href="../../index.html">All channels</a></nav>
<p id="newer" class="newer" data-build-id="${record.buildId}" data-created="${record.createdAt}" hidden><a id="newer-link" href="../index.html">Newer build available ›</a></p>\n`
}

/** The Install button, the in-app browser advice and the QR code (none for an unusable build). */
function installBlock(input: PageInput): Html {
  const qrSubject = input.qr === 'page' ? 'this page' : 'the install link'
  return html`<div id="install"><a id="install-button" class="button" href="${input.record.urls.install}">Install</a></div>
<div id="in-app" hidden><p><strong>Open this page in Safari to install.</strong> Apps cannot be installed from this app's built-in browser: tap the ••• or share button and choose “Open in Safari”.</p><button id="copy-link" class="button" type="button">Copy link</button></div>
<div id="desktop"><p>Scan this code with the camera of your iPhone or iPad to install.</p><img src="${input.files.qrImage}" alt="QR code of ${qrSubject}" width="240" height="240"></div>\n`
}

/** index.html of a build folder: the install page. The html template escapes every value. */
export function renderPage(input: PageInput): string {
  const { record, title, files } = input
  const { app } = record
  const blockers = blockersOf(record)
  const version = `Version ${app.version} (${app.build})`
  const icon = input.hasIcon ? html`<img src="icon.png" alt="" width="72" height="72">` : ''
  const appRows = [
    row('Bundle ID', html`<code>${app.bundleId}</code>`),
    row('Version', `${app.version} (${app.build})`),
    row('Size', formatBytes(app.ipaSize))
  ]
  if (app.minimumOsVersion !== undefined) {
    appRows.push(row('Requires', `iOS ${app.minimumOsVersion} or later`))
  }
  const notes =
    record.notes === undefined || record.notes.trim() === ''
      ? ''
      : html`<section class="card"><h2>Release notes</h2><p class="notes">${record.notes}</p></section>`

  const body = html`${navigation(record)}${banner(record, blockers)}<header>${icon}<div><h1>${title}</h1><p class="muted">${version}</p></div></header>
${blockers.length > 0 ? '' : html`<section class="card">\n${installBlock(input)}${profileAdvice(record)}\n</section>\n`}${notes}
${input.extra}<section class="card"><h2>App</h2><dl>${appRows}</dl></section>
<section class="card"><h2>Provisioning</h2><dl>${profileRows(record)}</dl></section>
<section class="card"><h2>Source</h2><dl>${sourceRows(record.source, record.createdAt)}</dl></section>
<p class="files muted"><a href="${files.ipa}">IPA</a> · <a href="${files.manifest}">manifest</a> · <a href="build.json">build.json</a></p>`

  const head = input.hasIcon
    ? raw('<link rel="icon" href="icon.png">\n<link rel="apple-touch-icon" href="icon.png">')
    : undefined
  return renderDocument({
    title: `Install ${title} ${app.version} (${app.build})`,
    body,
    css: CSS,
    script: PAGE_SCRIPT,
    fetchesSite: true,
    ...(head === undefined ? {} : { head })
  })
}
