/**
 * The sticky pull-request comment: one per app (key), rewritten on every build. Everything that
 * comes from the IPA or the inputs goes through escapeText, every URL through safeUrl.
 */
import type { BuildRecord, SourceInfo } from '../ota/types.js'
import { formatBytes, formatDate, formatUtc } from '../format.js'
import { DAY_MS, EXPIRY_WARNING_DAYS } from '../ipa/verdict.js'
import { escapeHtml } from '../ota/html.js'
import type { BuildChanges } from '../ota/compare.js'
import type { DeviceCheck } from '../ota/devices.js'
import { changesMarkdown, devicesMarkdown } from './changes.js'
import { codeBlock, escapeText, graphemeCount, image, link, safeUrl, truncate } from './markdown.js'

/** GitHub refuses comment bodies longer than this. */
export const MAX_COMMENT_LENGTH = 65_536
/** Earlier builds listed at most. */
export const MAX_HISTORY = 20

const MAX_NAME = 100
const MAX_FIELD = 60
const MAX_WARNINGS = 20
const MAX_WARNING = 500

export interface CommentInput {
  /** Identifies the comment of one app in a pull request (the comment-key input or bundle id). */
  key: string
  record: BuildRecord
  /** Earlier builds of this pull request, newest first. */
  history: BuildRecord[]
  warnings: string[]
  now: Date
  /** What changed since the base build; absent when not compared (compare-to: none). */
  changes?: BuildChanges
  /** Which devices of the devices-file list can install the build; absent without the input. */
  devices?: DeviceCheck
}

/**
 * The hidden line that identifies our comment. The key is percent-encoded, so it cannot close
 * the HTML comment (`-->`) or forge another marker.
 */
export function commentMarker(key: string): string {
  return `<!-- ipa-ota:${encodeURIComponent(key)} -->`
}

export function renderComment(input: CommentInput): string {
  return renderBuild(input, {
    head: [commentMarker(input.key)],
    title: 'Earlier builds of this pull request',
    tail: [],
    limit: MAX_COMMENT_LENGTH
  })
}

export interface BuildReportOptions {
  /** Lines before the heading (the marker). */
  head: string[]
  /** Title of the collapsed list of earlier builds. */
  title: string
  /** Markdown after the details, already escaped. */
  tail: string[]
  /** Longest body: the history is trimmed first, then the notes. */
  limit: number
}

/** The Markdown of one build, for the comment and the job summary. */
export function renderBuild(input: Omit<CommentInput, 'key'>, options: BuildReportOptions): string {
  let body = ''
  for (let shown = Math.min(input.history.length, MAX_HISTORY); shown >= 0; shown--) {
    body = compose(input, options, shown, input.record.notes)
    if (body.length <= options.limit) return body
  }
  // Halve the notes until the body fits; without notes at all it always does (bounded fields).
  let notes = input.record.notes ?? ''
  while (notes !== '' && body.length > options.limit) {
    const shorter = truncate(notes, Math.floor(graphemeCount(notes) / 2))
    notes = shorter === notes || shorter === '…' ? '' : shorter
    body = compose(input, options, 0, notes || undefined)
  }
  return body
}

function compose(
  input: Omit<CommentInput, 'key'>,
  options: BuildReportOptions,
  historyShown: number,
  notes: string | undefined
): string {
  const { record, warnings, now } = input
  const { urls } = record
  const name = truncate(record.app.name, MAX_NAME)
  const parts = [
    ...options.head,
    `### ${[image(urls.icon, '', 24), escapeText(`${name} ${versionText(record)}`)].filter(Boolean).join(' ')}`,
    qrBlock(urls.qr, urls.page, name),
    `**${link(urls.page, '📲 Install')}**: open on the iPhone or iPad, or scan the QR code with its camera.`,
    installLinkBlock(urls.install),
    details(record, now),
    devicesMarkdown(input.devices),
    changesMarkdown(input.changes),
    notes === undefined || notes === '' ? '' : `**Notes**\n\n${escapeText(notes)}`,
    warningsAlert(warnings),
    historyBlock(options.title, input.history, historyShown, false),
    ...options.tail,
    `<sub>Updated ${escapeText(formatUtc(now.toISOString()))} by ipa-ota</sub>`
  ]
  return parts.filter((part) => part !== '').join('\n\n') + '\n'
}

/** The QR image, linked to the install page (tapping it on a phone installs too). */
function qrBlock(qr: string | undefined, page: string, name: string): string {
  const img = image(qr, `QR code to install ${name}`, 180)
  const href = safeUrl(page)
  return img && href ? `<a href="${escapeHtml(href)}">${img}</a>` : img
}

function versionText(record: BuildRecord): string {
  return `${truncate(record.app.version, MAX_FIELD)} (${truncate(record.app.build, MAX_FIELD)})`
}

/** The raw itms-services link, for pasting into Safari; only ever our own link. */
function installLinkBlock(install: string): string {
  if (!install.startsWith('itms-services://?action=download-manifest&url=')) return ''
  return `<sub>Install link (paste it into Safari):</sub>\n\n${codeBlock(install)}`
}

function details(record: BuildRecord, now: Date): string {
  const rows = [
    `**Version:** ${escapeText(versionText(record))}`,
    `**Bundle id:** ${escapeText(truncate(record.app.bundleId, MAX_NAME))}`,
    `**Channel:** ${escapeText(truncate(record.channel, MAX_NAME))} · **Build:** ${escapeText(truncate(record.buildId, MAX_NAME))}`,
    `**Size:** ${escapeText(formatBytes(record.app.ipaSize))}`,
    profileText(record, now),
    sourceText(record.source)
  ]
  return rows
    .filter((row) => row !== '')
    .map((row) => `- ${row}`)
    .join('\n')
}

function profileText(record: BuildRecord, now: Date): string {
  const profile = record.profile
  if (!profile) return ''
  const expires = new Date(profile.expires)
  const days = Math.ceil((expires.getTime() - now.getTime()) / DAY_MS)
  let expiry = `expires ${formatDate(profile.expires)}`
  if (!Number.isNaN(days) && days <= 0) expiry = `⚠️ expired on ${formatDate(profile.expires)}`
  else if (days <= EXPIRY_WARNING_DAYS) expiry += ` ⚠️ (in ${days} day${days === 1 ? '' : 's'})`
  else if (!Number.isNaN(days)) expiry += ` (in ${days} days)`
  const devices = profile.provisionsAllDevices
    ? 'all devices'
    : `${profile.devices} device${profile.devices === 1 ? '' : 's'}`
  return `**Profile:** ${escapeText(`${profile.type}, ${expiry}, ${devices}`)}`
}

/** Links to the commit and the workflow run, when the source names them. */
export function sourceLinks(source: SourceInfo): { commit?: string; run?: string } {
  const server = safeUrl(source.serverUrl, ['https:', 'http:'])
  const repository = source.repository
  if (!server || !repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return {}
  const base = `${server.replace(/\/+$/, '')}/${repository}`
  return {
    commit:
      source.sha && /^[0-9a-f]{7,64}$/i.test(source.sha)
        ? `${base}/commit/${source.sha}`
        : undefined,
    run:
      source.runId && /^\d+$/.test(source.runId)
        ? `${base}/actions/runs/${source.runId}${source.runAttempt && source.runAttempt > 1 ? `/attempts/${source.runAttempt}` : ''}`
        : undefined
  }
}

const HTTP = ['https:', 'http:']

function sourceText(source: SourceInfo): string {
  const links = sourceLinks(source)
  const parts = [
    links.commit && source.sha
      ? `**Commit:** ${link(links.commit, source.sha.slice(0, 7), HTTP)}`
      : '',
    links.run
      ? `**Workflow run:** ${link(links.run, `#${source.runNumber ?? source.runId}`, HTTP)}`
      : ''
  ]
  return parts.filter(Boolean).join(' · ')
}

function warningsAlert(warnings: string[]): string {
  if (warnings.length === 0) return ''
  const shown = warnings
    .slice(0, MAX_WARNINGS)
    .map((w) => `> - ${escapeText(truncate(w, MAX_WARNING))}`)
  if (warnings.length > MAX_WARNINGS) shown.push(`> - …and ${warnings.length - MAX_WARNINGS} more`)
  return `> [!WARNING]\n${shown.join('\n')}`
}

/** A collapsed list of builds, newest first; removed builds are struck out and not linked. */
function historyBlock(
  title: string,
  history: BuildRecord[],
  shown: number,
  removed: boolean
): string {
  if (history.length === 0) return ''
  const items = history.slice(0, shown).map((build) => {
    const label = versionText(build)
    const what = removed ? `<del>${escapeText(label)}</del>` : link(build.urls.page, label)
    const commit = build.source.sha ? ` · ${escapeText(build.source.sha.slice(0, 7))}` : ''
    return `- ${what}${commit} · ${escapeText(formatUtc(build.createdAt))}`
  })
  const hidden = history.length - shown
  if (hidden > 0) items.push(`- …and ${hidden} older build${hidden === 1 ? '' : 's'}`)
  return `<details><summary>${escapeText(`${title} (${history.length})`)}</summary>\n\n${items.join('\n')}\n\n</details>`
}

/** The comment once the channel's builds are removed (mode: remove): the links no longer work. */
export function renderRemovedComment(input: { key: string; history: BuildRecord[] }): string {
  const name = input.history[0]?.app.name
  const heading = name ? `🗑️ ${truncate(name, MAX_NAME)}: builds removed` : '🗑️ Builds removed'
  let body = ''
  for (let shown = Math.min(input.history.length, MAX_HISTORY); shown >= 0; shown--) {
    body =
      [
        commentMarker(input.key),
        `### ${escapeText(heading)}`,
        input.history.length > 0
          ? 'The builds of this pull request were removed from the site; their install links no longer work.'
          : 'No builds of this pull request were left on the site.',
        historyBlock('Removed builds', input.history, shown, true)
      ]
        .filter(Boolean)
        .join('\n\n') + '\n'
    if (body.length <= MAX_COMMENT_LENGTH) break
  }
  return body
}
