import { formatUtc } from '../format.js'
import { escapeHtml, renderDocument } from './html.js'
import { isSlug, sitePath, siteRoot } from './layout.js'
import type { BuildRecord, SiteFile } from './types.js'

const CSS = `
.title { font-weight: 600; }
.actions { display: flex; gap: 1rem; margin-top: .25rem; }
`

const INSTALL_SCHEME = 'itms-services://'

/** Newest first; builds made in the same second by build id, numerically (10-1 after 9-1). */
export function newestFirst(a: BuildRecord, b: BuildRecord): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt)
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime
  return b.buildId.localeCompare(a.buildId, 'en', { numeric: true })
}

/**
 * Whether a build.json read back from the site can be trusted to name folders: anyone who can
 * write to the site could plant `"channel": "../.."`.
 */
export function hasSafePath(record: BuildRecord): boolean {
  return isSlug(record.channel) && isSlug(record.buildId)
}

/**
 * Records grouped by channel, each group newest first, groups by their newest build. Records with
 * an unsafe channel or build id are left out.
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

function htmlFile(path: string, html: string): SiteFile {
  const content = Buffer.from(html, 'utf8')
  return {
    path,
    content,
    size: content.length,
    contentType: 'text/html; charset=utf-8',
    immutable: false
  }
}

function channelPage(channel: string, builds: readonly BuildRecord[]): string {
  const items = builds.map((record) => {
    const { app } = record
    // The build page by relative path, so the index works on any host and under any prefix.
    const page = `${encodeURIComponent(record.buildId)}/index.html`
    // build.json comes back from the site; only an itms-services link may become this href.
    const install = record.urls.install.startsWith(INSTALL_SCHEME)
      ? `<a href="${escapeHtml(record.urls.install)}">Install</a>`
      : ''
    return `<li><div class="title">${escapeHtml(app.name)} ${escapeHtml(app.version)} (${escapeHtml(app.build)})</div>
<div class="muted">Build ${escapeHtml(record.buildId)} · <time datetime="${escapeHtml(record.createdAt)}">${escapeHtml(formatUtc(record.createdAt))}</time></div>
<div class="actions">${install}<a href="${escapeHtml(page)}">Details</a></div></li>`
  })
  const body = `<p><a href="../index.html">All channels</a></p>
<h1>${escapeHtml(channel)}</h1>
<section class="card"><ul class="list">
${items.join('\n')}
</ul></section>`
  return renderDocument({ title: `Builds of ${channel}`, body, css: CSS })
}

function rootPage(channels: Map<string, BuildRecord[]>): string {
  const items = [...channels].map(([channel, builds]) => {
    const latest = builds[0]
    const count = `${builds.length} build${builds.length === 1 ? '' : 's'}`
    const when =
      latest === undefined
        ? ''
        : ` · latest <time datetime="${escapeHtml(latest.createdAt)}">${escapeHtml(formatUtc(latest.createdAt))}</time>`
    return `<li><a class="title" href="${escapeHtml(encodeURIComponent(channel))}/index.html">${escapeHtml(channel)}</a>
<div class="muted">${count}${when}</div></li>`
  })
  const list =
    items.length === 0
      ? '<p class="muted">No builds yet.</p>'
      : `<ul class="list">\n${items.join('\n')}\n</ul>`
  return renderDocument({
    title: 'Builds',
    body: `<h1>Builds</h1>\n<section class="card">${list}</section>`,
    css: CSS
  })
}

/**
 * The index pages of the site: `<root>/index.html` listing the channels (newest first, with build
 * counts) and `<root>/<channel>/index.html` listing each channel's builds newest first.
 */
export function renderIndexes(root: string, records: readonly BuildRecord[]): SiteFile[] {
  const base = siteRoot(root)
  const channels = groupByChannel(records)
  const files = [htmlFile(sitePath(base, 'index.html'), rootPage(channels))]
  for (const [channel, builds] of channels) {
    files.push(htmlFile(sitePath(base, channel, 'index.html'), channelPage(channel, builds)))
  }
  return files
}
