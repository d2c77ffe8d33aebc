import type { ProfileType } from '../ipa/types.js'
import { formatBytes, formatUtc } from '../format.js'
import { escapeHtml, linkOrText, renderDocument } from './html.js'
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
  extra?: string
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

/**
 * Decides what the visitor can do: on iOS (an iPad asking for the desktop site claims to be a Mac
 * but has a touch screen) the Install button; in an app's built-in browser, which cannot install
 * apps, a request to open the page in Safari; anywhere else the QR code to scan with the phone.
 * Data reaches the script only through the DOM, never through the script's text.
 */
const SCRIPT = `(function () {
  var ua = navigator.userAgent;
  var ipadAsMac = /Macintosh/.test(ua) && navigator.maxTouchPoints > 1;
  var ios = /iPhone|iPad|iPod/.test(ua) || ipadAsMac;
  var inApp = /FBAN|FBAV|FB_IAB|Instagram|LinkedInApp|MicroMessenger|Telegram|\\bLine\\/|Snapchat|musical_ly|BytedanceWebview/.test(ua);
  var mode = !ios ? 'desktop' : inApp ? 'in-app' : 'ios';
  document.documentElement.setAttribute('data-device', mode);
  function show(id, visible) {
    var element = document.getElementById(id);
    if (element) element.hidden = !visible;
  }
  show('install', mode === 'ios');
  show('in-app', mode === 'in-app');
  show('desktop', mode === 'desktop');
  var copy = document.getElementById('copy-link');
  if (copy) {
    copy.addEventListener('click', function () {
      var done = function (text) { copy.textContent = text; };
      if (!navigator.clipboard) return done('Copy the address from the address bar');
      navigator.clipboard.writeText(location.href).then(
        function () { done('Link copied: paste it in Safari'); },
        function () { done('Copy the address from the address bar'); }
      );
    });
  }
  document.querySelectorAll('time[datetime]').forEach(function (element) {
    var date = new Date(element.getAttribute('datetime'));
    if (!isNaN(date.getTime())) element.textContent = date.toLocaleString();
  });
  document.querySelectorAll('[data-expires]').forEach(function (element) {
    var expires = new Date(element.getAttribute('data-expires')).getTime();
    if (expires < Date.now()) element.hidden = false;
  });
})();
`

function repositoryUrl(source: SourceInfo): string | undefined {
  if (source.repository === undefined) return undefined
  const path = source.repository.split('/').map(encodeURIComponent).join('/')
  return `${source.serverUrl.replace(/\/+$/, '')}/${path}`
}

function sourceRows(source: SourceInfo, createdAt: string): string[] {
  const repo = repositoryUrl(source)
  const rows: string[] = []
  if (source.repository !== undefined) {
    rows.push(`<dt>Repository</dt><dd>${linkOrText(source.repository, repo)}</dd>`)
  }
  if (source.pr !== undefined) {
    const url = repo === undefined ? undefined : `${repo}/pull/${source.pr}`
    rows.push(`<dt>Pull request</dt><dd>${linkOrText(`#${source.pr}`, url)}</dd>`)
  }
  if (source.ref !== undefined) {
    const label = source.refType === 'tag' ? 'Tag' : 'Branch'
    const url =
      repo === undefined
        ? undefined
        : `${repo}/tree/${source.ref.split('/').map(encodeURIComponent).join('/')}`
    rows.push(`<dt>${label}</dt><dd>${linkOrText(source.ref, url)}</dd>`)
  }
  if (source.sha !== undefined) {
    const validSha = /^[0-9a-f]{7,64}$/i.test(source.sha)
    const url = repo === undefined || !validSha ? undefined : `${repo}/commit/${source.sha}`
    rows.push(`<dt>Commit</dt><dd><code>${linkOrText(source.sha.slice(0, 7), url)}</code></dd>`)
  }
  if (source.runId !== undefined) {
    const label = `${source.workflow ?? 'Workflow'}${source.runNumber === undefined ? '' : ` #${source.runNumber}`}`
    const url =
      repo === undefined || !/^\d+$/.test(source.runId)
        ? undefined
        : `${repo}/actions/runs/${source.runId}`
    rows.push(`<dt>Workflow run</dt><dd>${linkOrText(label, url)}</dd>`)
  }
  if (source.actor !== undefined) {
    rows.push(`<dt>By</dt><dd>${escapeHtml(source.actor)}</dd>`)
  }
  rows.push(
    `<dt>Built</dt><dd><time datetime="${escapeHtml(createdAt)}">${escapeHtml(formatUtc(createdAt))}</time></dd>`
  )
  return rows
}

const DEVELOPER_MODE =
  'Developer Mode (iOS 16 or later): Settings › Privacy &amp; Security › Developer Mode, then restart the device.'

/** What a tester must know for this kind of profile before installing. */
function profileAdvice(record: PageRecord): string {
  const profile = record.profile
  if (profile === undefined) {
    return '<p class="note">This build carries no provisioning profile, so no device can install it. Sign it with an ad hoc, development or enterprise profile.</p>'
  }
  const devices = `${profile.devices} registered device${profile.devices === 1 ? '' : 's'}`
  switch (profile.type) {
    case 'development':
      return `<p class="note">Only the ${devices} of the provisioning profile can install this development build. Turn on ${DEVELOPER_MODE}</p>`
    case 'ad-hoc':
      return `<p class="note">Only the ${devices} of the provisioning profile can install this ad hoc build. If iOS says the app needs it, turn on ${DEVELOPER_MODE}</p>`
    case 'enterprise': {
      const team = profile.teamName === undefined ? 'the developer' : escapeHtml(profile.teamName)
      return `<p class="note">After installing, trust the developer before the first launch: Settings › General › VPN &amp; Device Management › ${team} › Trust.</p>`
    }
    case 'app-store':
      return '<p class="note">This build is signed for the App Store and cannot be installed from this page; upload it to TestFlight instead.</p>'
  }
}

function profileRows(record: PageRecord): string[] {
  const profile = record.profile
  if (profile === undefined) return ['<dt>Profile</dt><dd>none</dd>']
  const expires = escapeHtml(profile.expires)
  const rows = [
    `<dt>Profile</dt><dd>${escapeHtml(PROFILE_LABELS[profile.type])}${profile.name === '' ? '' : ` · ${escapeHtml(profile.name)}`}</dd>`,
    `<dt>Expires</dt><dd><time datetime="${expires}">${escapeHtml(formatUtc(profile.expires))}</time> <strong data-expires="${expires}" hidden>(expired)</strong></dd>`,
    `<dt>Devices</dt><dd>${profile.provisionsAllDevices ? 'any device' : String(profile.devices)}</dd>`
  ]
  if (profile.teamName !== undefined) {
    rows.push(`<dt>Team</dt><dd>${escapeHtml(profile.teamName)}</dd>`)
  }
  return rows
}

/** index.html of a build folder: the install page. Every value from the IPA or inputs is escaped. */
export function renderPage(input: PageInput): string {
  const { record, title, files } = input
  const { app } = record
  const version = `Version ${app.version} (${app.build})`
  const icon = input.hasIcon ? '<img src="icon.png" alt="" width="72" height="72">' : ''
  const appRows = [
    `<dt>Bundle ID</dt><dd><code>${escapeHtml(app.bundleId)}</code></dd>`,
    `<dt>Version</dt><dd>${escapeHtml(app.version)} (${escapeHtml(app.build)})</dd>`,
    `<dt>Size</dt><dd>${escapeHtml(formatBytes(app.ipaSize))}</dd>`
  ]
  if (app.minimumOsVersion !== undefined) {
    appRows.push(`<dt>Requires</dt><dd>iOS ${escapeHtml(app.minimumOsVersion)} or later</dd>`)
  }
  const notes =
    record.notes === undefined || record.notes.trim() === ''
      ? ''
      : `<section class="card"><h2>Release notes</h2><p class="notes">${escapeHtml(record.notes)}</p></section>`
  const qrSubject = input.qr === 'page' ? 'this page' : 'the install link'

  const body = `<header>${icon}<div><h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(version)}</p></div></header>
<section class="card">
<div id="install"><a id="install-button" class="button" href="${escapeHtml(record.urls.install)}">Install</a></div>
<div id="in-app" hidden><p><strong>Open this page in Safari to install.</strong> Apps cannot be installed from this app's built-in browser: tap the ••• or share button and choose “Open in Safari”.</p><button id="copy-link" class="button" type="button">Copy link</button></div>
<div id="desktop"><p>Scan this code with the camera of your iPhone or iPad to install.</p><img src="${escapeHtml(files.qrImage)}" alt="QR code of ${qrSubject}" width="240" height="240"></div>
${profileAdvice(record)}
</section>
${notes}
${input.extra ?? ''}
<section class="card"><h2>App</h2><dl>${appRows.join('')}</dl></section>
<section class="card"><h2>Provisioning</h2><dl>${profileRows(record).join('')}</dl></section>
<section class="card"><h2>Source</h2><dl>${sourceRows(record.source, record.createdAt).join('')}</dl></section>
<p class="files muted"><a href="${escapeHtml(files.ipa)}">IPA</a> · <a href="${escapeHtml(files.manifest)}">manifest</a> · <a href="build.json">build.json</a></p>`

  const head = input.hasIcon
    ? '<link rel="icon" href="icon.png">\n<link rel="apple-touch-icon" href="icon.png">'
    : undefined
  return renderDocument({
    title: `Install ${title} ${app.version} (${app.build})`,
    body,
    css: CSS,
    script: SCRIPT,
    ...(head === undefined ? {} : { head })
  })
}
