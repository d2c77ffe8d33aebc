/**
 * The Markdown of the sticky pull-request comment (one per app, rewritten on every build) and of
 * the job summary's build report. Which build the comment shows is comment-protocol.ts's rule.
 * Everything that comes from the IPA or the inputs goes through escapeText, every URL through
 * safeUrl.
 */
import type { BuildRecord } from '../ota/types.js'
import { orderKey } from '../ota/order.js'
import { formatUtc } from '../format.js'
import { html, raw } from '../ota/html.js'
import { blockersOf } from '../ota/page.js'
import type { BuildChanges } from '../ota/compare.js'
import type { DeviceCheck } from '../ota/devices.js'
import { changesMarkdown, devicesMarkdown } from './changes.js'
import { commentMarker, readShown, shownLine } from './comment-protocol.js'
import { details, MAX_NAME, versionText } from './build-details.js'
import { codeBlock, escapeText, graphemeCount, image, link, safeUrl, truncate } from './markdown.js'

/** GitHub refuses comment bodies longer than this. */
export const MAX_COMMENT_LENGTH = 65_536
/** Earlier builds listed at most. */
export const MAX_HISTORY = 20

const MAX_WARNINGS = 20
const MAX_WARNING = 500
const HTTP = ['https:', 'http:']

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
  /** Which listed devices can install the build (devices-file or the team's); absent without. */
  devices?: DeviceCheck
}

const HISTORY_TITLE = 'Earlier builds of this pull request'

export function renderComment(input: CommentInput): string {
  const history = input.history.map((build) => build.buildId)
  return renderBuild(input, {
    // One part, so the hidden line is the comment's second line, where readShown looks.
    head: [`${commentMarker(input.key)}\n${shownLine(orderKey(input.record), history)}`],
    title: HISTORY_TITLE,
    tail: [],
    limit: MAX_COMMENT_LENGTH
  })
}

/**
 * `current`, a comment another run wrote about its build, listing `history` as its earlier
 * builds: the build it shows, its warnings and notes stay as they are. Undefined when `current`
 * is not a comment this module can rewrite that way.
 */
export function relistHistory(
  current: string,
  history: BuildRecord[],
  now: Date
): string | undefined {
  const shown = readShown(current)
  const end = current.lastIndexOf('\n\n<sub>Updated ')
  if (shown === undefined || end < 0) return undefined
  // The comment's own list, not the size changes' <details> above it.
  const list = current.lastIndexOf(`\n\n<details><summary>${escapeText(`${HISTORY_TITLE} (`)}`, end)
  const lines = current.slice(0, list >= 0 ? list : end).split('\n')
  const earlier = history.filter((build) => build.buildId !== shown.buildId)
  lines[1] = shownLine(
    shown,
    earlier.map((build) => build.buildId)
  )
  const head = lines.join('\n')
  let body = ''
  for (let listed = Math.min(earlier.length, MAX_HISTORY); listed >= 0; listed--) {
    body =
      [head, historyBlock(HISTORY_TITLE, earlier, listed, false), footer(now)]
        .filter(Boolean)
        .join('\n\n') + '\n'
    if (body.length <= MAX_COMMENT_LENGTH) break
  }
  return body
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
  const { record, now } = input
  const { urls } = record
  const name = truncate(record.app.name, MAX_NAME)
  // A build no device can install gets its reasons instead of an Install link and QR code.
  const blockers = blockersOf(record)
  const warnings = input.warnings.filter((warning) => !blockers.includes(warning))
  const latest = urls.channel
    ? ` · ${link(urls.channel, 'Latest build of this channel', HTTP)}`
    : ''
  const parts = [
    ...options.head,
    `### ${[image(urls.icon, '', 24), escapeText(`${name} ${versionText(record)}`)].filter(Boolean).join(' ')}`,
    ...(blockers.length > 0
      ? [blockedAlert(blockers), `${link(urls.page, 'Build page')}${latest}`]
      : [
          qrBlock(urls.qr, urls.page, name),
          `**${link(urls.page, '📲 Install')}**: open on the iPhone or iPad, or scan the QR code with its camera.${latest}`,
          installLinkBlock(urls.install)
        ]),
    details(record, now),
    devicesMarkdown(input.devices, input.changes),
    changesMarkdown(input.changes),
    notes === undefined || notes === '' ? '' : `**Notes**\n\n${escapeText(notes)}`,
    warningsAlert(warnings),
    historyBlock(options.title, input.history, historyShown, false),
    ...options.tail,
    footer(now)
  ]
  return parts.filter((part) => part !== '').join('\n\n') + '\n'
}

function footer(now: Date): string {
  return `<sub>Updated ${escapeText(formatUtc(now.toISOString()))} by ipa-ota</sub>`
}

/** The QR image, linked to the install page (tapping it on a phone installs too). */
function qrBlock(qr: string | undefined, page: string, name: string): string {
  const img = image(qr, `QR code to install ${name}`, 180)
  const href = safeUrl(page)
  return img && href ? html`<a href="${href}">${raw(img)}</a>`.markup : img
}

/** The raw itms-services link, for pasting into Safari; only ever our own link. */
function installLinkBlock(install: string): string {
  if (!install.startsWith('itms-services://?action=download-manifest&url=')) return ''
  return `<sub>Install link (paste it into Safari):</sub>\n\n${codeBlock(install)}`
}

function blockedAlert(blockers: string[]): string {
  const shown = blockers
    .slice(0, MAX_WARNINGS)
    .map((b) => `> - ${escapeText(truncate(b, MAX_WARNING))}`)
  return `> [!CAUTION]\n> **This build cannot be installed** (published with profile-check: warn):\n${shown.join('\n')}`
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
