import { formatUtc } from '../format.js'
import { html, renderDocument, type Html } from './html.js'
import { blockersOf, publishedExpiry } from './page.js'
import { isSlug, sitePath, siteRoot } from './layout.js'
import { newestFirst } from './order.js'
import type { BuildRecord, SiteFile } from './types.js'

const CSS = `
.title { font-weight: 600; }
.actions { display: flex; gap: 1rem; margin-top: .25rem; }
.app { display: flex; gap: .75rem; align-items: center; }
.app img { width: 48px; height: 48px; border-radius: 11px; flex: none; }
.latest header { display: flex; gap: 1rem; align-items: center; margin-bottom: .75rem; }
.latest header img { width: 64px; height: 64px; border-radius: 14px; flex: none; }
.latest header p { margin: 0; }
.latest h2 { color: inherit; text-transform: none; letter-spacing: 0; font-size: 1.2rem; margin: 0; }
#desktop { text-align: center; }
#desktop img { width: 200px; height: 200px; max-width: 100%; background: #fff; border-radius: 8px; }
`

/**
 * The channel page's device logic, as on the install page: the Install button on iOS, the QR code
 * elsewhere, and neither once the newest build's profile has expired (its banner shows instead);
 * expired builds of the list lose their Install link. Data comes only from the DOM.
 */
const SCRIPT = `(function () {
  var ua = navigator.userAgent;
  var ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  var now = Date.now();
  var expired = function (element) {
    var until = element && element.getAttribute('data-until');
    return until ? new Date(until).getTime() < now : false;
  };
  var banner = document.getElementById('expired');
  var gone = expired(banner);
  if (banner) banner.hidden = !gone;
  var install = document.getElementById('install');
  var desktop = document.getElementById('desktop');
  if (install) install.hidden = !ios || gone;
  if (desktop) desktop.hidden = ios || gone;
  document.querySelectorAll('a.install[data-until]').forEach(function (link) {
    if (expired(link)) link.hidden = true;
  });
  document.querySelectorAll('time[datetime]').forEach(function (element) {
    var date = new Date(element.getAttribute('datetime'));
    if (!isNaN(date.getTime())) element.textContent = date.toLocaleString();
  });
})();
`

const INSTALL_SCHEME = 'itms-services://'

/**
 * Whether a build.json read back from the site can be trusted to name folders: anyone who can
 * write to the site could plant `"channel": "../.."`.
 */
export function hasSafePath(record: BuildRecord): boolean {
  return isSlug(record.channel) && isSlug(record.buildId)
}

/**
 * Records grouped by channel, each group newest first (the one order of order.ts), groups by their
 * newest build. Records with an unsafe channel or build id are left out.
 */
export function groupByChannel(records: readonly BuildRecord[]): Map<string, BuildRecord[]> {
  const sorted = records.filter(hasSafePath).sort(newestFirst)
  const channels = new Map<string, BuildRecord[]>()
  for (const record of sorted) {
    const builds = channels.get(record.channel) ?? []
    builds.push(record)
    channels.set(record.channel, builds)
  }
  return channels
}

function siteFile(path: string, text: string, contentType: string): SiteFile {
  const content = Buffer.from(text, 'utf8')
  return { path, content, size: content.length, contentType, immutable: false }
}

const htmlFile = (path: string, page: string) => siteFile(path, page, 'text/html; charset=utf-8')

/** An Install link only for a build a device can install, and only ever an itms-services link. */
function installable(record: BuildRecord): boolean {
  return record.urls.install.startsWith(INSTALL_SCHEME) && blockersOf(record).length === 0
}

/** A build's folder relative to its channel page, so the pages work on any host, under any prefix. */
const folder = (record: BuildRecord) => encodeURIComponent(record.buildId)

const when = (record: BuildRecord) =>
  html`<time datetime="${record.createdAt}">${formatUtc(record.createdAt)}</time>`

/** " · profile expires in 12 days (as of publishing)", or nothing without a profile. */
const expiry = (record: BuildRecord) =>
  record.profile === undefined ? '' : ` · profile ${publishedExpiry(record)}`

/** The newest build, first on its channel page: its banner, or its Install button and QR code. */
function latestCard(record: BuildRecord): Html {
  const { app } = record
  const dir = folder(record)
  const icon = record.urls.icon === undefined ? '' : html`<img src="${dir}/icon.png" alt="">`
  const blockers = blockersOf(record)
  const expires = record.profile?.expires
  const banner =
    blockers.length > 0
      ? html`<section class="banner" role="alert"><h2>The newest build cannot be installed</h2><ul>${blockers.map((reason) => html`<li>${reason}</li>`)}</ul></section>\n`
      : expires === undefined
        ? ''
        : html`<section id="expired" class="banner" role="alert" data-until="${expires}" hidden><h2>The newest build cannot be installed</h2><p>Its provisioning profile has expired: ask for a new build.</p></section>\n`
  const actions = installable(record)
    ? html`<div id="install"><a id="install-button" class="button" href="${record.urls.install}">Install</a></div>
<div id="desktop"><p>Scan this code with the camera of your iPhone or iPad to install.</p><img src="${dir}/qr.svg" alt="QR code of the newest build" width="200" height="200"></div>\n`
    : ''
  return html`<section class="card latest"><header>${icon}<div><p class="muted">Newest build</p><h2>${app.name} ${app.version} (${app.build})</h2><div class="muted">Build ${record.buildId} · ${when(record)}${expiry(record)}</div></div></header>
${banner}${actions}<p><a href="${dir}/index.html">Details</a></p></section>`
}

function channelPage(channel: string, builds: readonly BuildRecord[]): string {
  const [latest, ...earlier] = builds
  const items = earlier.map((record) => {
    const { app } = record
    const install = installable(record)
      ? html`<a class="install" href="${record.urls.install}" data-until="${record.profile?.expires}">Install</a>`
      : ''
    return html`<li><div class="title">${app.name} ${app.version} (${app.build})</div>
<div class="muted">Build ${record.buildId} · ${when(record)}${expiry(record)}</div>
<div class="actions">${install}<a href="${folder(record)}/index.html">Details</a></div></li>\n`
  })
  const list =
    items.length === 0
      ? ''
      : html`<section class="card"><h2>Earlier builds</h2><ul class="list">\n${items}</ul></section>`
  const body = html`<p class="crumbs"><a href="../index.html">All channels</a></p>
<h1>${channel}</h1>
<p class="muted">This page always shows the newest build of ${channel} first: bookmark it.</p>
${latest === undefined ? '' : latestCard(latest)}
${list}`
  return renderDocument({ title: `Builds of ${channel}`, body, css: CSS, script: SCRIPT })
}

function rootPage(channels: Map<string, BuildRecord[]>): string {
  const items = [...channels].map(([channel, builds]) => {
    const latest = builds[0]!
    const dir = encodeURIComponent(channel)
    const count = `${builds.length} build${builds.length === 1 ? '' : 's'}`
    const icon =
      latest.urls.icon === undefined
        ? ''
        : html`<img src="${dir}/${folder(latest)}/icon.png" alt="" width="48" height="48">`
    const { app } = latest
    return html`<li class="app">${icon}<div><a class="title" href="${dir}/index.html">${channel}</a>
<div>${app.name} ${app.version} (${app.build})</div>
<div class="muted">${count} · latest ${when(latest)}${expiry(latest)}</div></div></li>\n`
  })
  const list =
    items.length === 0
      ? html`<p class="muted">No builds yet.</p>`
      : html`<ul class="list">\n${items}</ul>`
  return renderDocument({
    title: 'Builds',
    body: html`<h1>Builds</h1>\n<section class="card">${list}</section>`,
    css: CSS,
    script: TIMES_SCRIPT
  })
}

/** Dates in the reader's time zone; the UTC text stays without scripts. */
const TIMES_SCRIPT = `document.querySelectorAll('time[datetime]').forEach(function (element) {
  var date = new Date(element.getAttribute('datetime'));
  if (!isNaN(date.getTime())) element.textContent = date.toLocaleString();
});
`

/**
 * What a build page fetches to say "newer build available": the channel's newest build, and only
 * what that notice shows.
 */
function latestJson(latest: BuildRecord): string {
  const { buildId, createdAt, app } = latest
  const summary = { schema: 1, buildId, createdAt, version: app.version, build: app.build }
  return `${JSON.stringify(summary)}\n`
}

/** An unlisted build is in no index page and no latest.json: only its link leads to it. */
export function isListed(record: BuildRecord): boolean {
  return record.unlisted !== true
}

/**
 * The index pages of the site: `<root>/index.html` listing the channels (newest first, each with
 * its app, newest version and date), `<root>/<channel>/index.html` with the channel's newest build
 * first (Install button and QR code: the stable "latest" address) and the others below, and
 * `<root>/<channel>/latest.json` for the build pages' "newer build available" notice.
 */
export function renderIndexes(root: string, records: readonly BuildRecord[]): SiteFile[] {
  const base = siteRoot(root)
  const channels = groupByChannel(records.filter(isListed))
  const files = [htmlFile(sitePath(base, 'index.html'), rootPage(channels))]
  for (const [channel, builds] of channels) {
    files.push(htmlFile(sitePath(base, channel, 'index.html'), channelPage(channel, builds)))
    files.push(
      siteFile(sitePath(base, channel, 'latest.json'), latestJson(builds[0]!), 'application/json')
    )
  }
  return files
}
