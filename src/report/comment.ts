/**
 * The sticky pull-request comment: one per app (key), rewritten on every build. Everything that
 * comes from the IPA or the inputs goes through escapeText, every URL through safeUrl.
 */
import type { BuildRecord, SourceInfo } from '../ota/types.js'
import { formatBytes, formatDate, formatUtc } from '../format.js'
import { EXPIRY_WARNING_DAYS } from '../ipa/verdict.js'
import { daysLeft, expiryText } from '../expiry.js'
import { html, raw } from '../ota/html.js'
import { blockersOf } from '../ota/page.js'
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

const HISTORY_TITLE = 'Earlier builds of this pull request'

export function renderComment(input: CommentInput): string {
  return renderBuild(input, {
    // One part, so the hidden line is the comment's second line, where readShown looks.
    head: [`${commentMarker(input.key)}\n${shownLine(shownOf(input.record, input.history))}`],
    title: HISTORY_TITLE,
    tail: [],
    limit: MAX_COMMENT_LENGTH
  })
}

/**
 * Which build a comment shows, kept in a hidden line after the marker, so that a run of an
 * older build never puts its build back over a newer one's.
 */
export interface ShownBuild {
  /** The run that published it (GITHUB_RUN_ID) and its attempt. */
  runId?: string
  runAttempt?: number
  buildId: string
  /** Build ids of the earlier builds the comment lists. */
  history: string[]
}

function shownOf(record: BuildRecord, history: BuildRecord[]): ShownBuild {
  return {
    runId: record.source.runId,
    runAttempt: record.source.runAttempt,
    buildId: record.buildId,
    history: history.map((build) => build.buildId)
  }
}

const SHOWN_PREFIX = '<!-- ipa-ota-shows '

/** Every value percent-encoded: nothing in it can end the HTML comment. */
function shownLine(shown: ShownBuild): string {
  const fields = [
    `run=${encodeURIComponent(shown.runId ?? '')}`,
    `attempt=${shown.runAttempt ?? ''}`,
    `build=${encodeURIComponent(shown.buildId)}`,
    `history=${shown.history.map(encodeURIComponent).join(',')}`
  ]
  return `${SHOWN_PREFIX}${fields.join(' ')} -->`
}

/** The build a comment of ours shows, from its hidden line; undefined for older comments. */
export function readShown(body: string): ShownBuild | undefined {
  const line = body.split('\n')[1] ?? ''
  if (!line.startsWith(SHOWN_PREFIX) || !line.endsWith(' -->')) return undefined
  const fields = new Map(
    line
      .slice(SHOWN_PREFIX.length, -' -->'.length)
      .split(' ')
      .map((field) => [field.slice(0, field.indexOf('=')), field.slice(field.indexOf('=') + 1)])
  )
  try {
    const build = decodeURIComponent(fields.get('build') ?? '')
    if (build === '') return undefined
    const attempt = Number(fields.get('attempt'))
    return {
      runId: decodeURIComponent(fields.get('run') ?? '') || undefined,
      runAttempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : undefined,
      buildId: build,
      history: (fields.get('history') ?? '').split(',').filter(Boolean).map(decodeURIComponent)
    }
  } catch {
    return undefined
  }
}

/**
 * Whether build `a` comes from an older run than build `b`: by run id (GitHub numbers runs in
 * order across workflows), then attempt. Unknown when either has no run id: then it is not older.
 */
export function isOlderRun(
  a: Pick<ShownBuild, 'runId' | 'runAttempt'>,
  b: Pick<ShownBuild, 'runId' | 'runAttempt'>
): boolean {
  if (!a.runId || !b.runId || !/^\d+$/.test(a.runId) || !/^\d+$/.test(b.runId)) return false
  const [runA, runB] = [BigInt(a.runId), BigInt(b.runId)]
  if (runA !== runB) return runA < runB
  return (a.runAttempt ?? 1) < (b.runAttempt ?? 1)
}

/**
 * The comment of a newer build, rewritten by the run of an older one: the build it shows, its
 * warnings and notes stay as they are; only the list of earlier builds becomes `history` (the
 * older run's view, which includes its own build). Undefined when `current` is not a comment
 * this module can rewrite that way, or when it already lists `record`.
 */
export function addToHistory(
  current: string,
  input: { record: BuildRecord; history: BuildRecord[]; now: Date }
): string | undefined {
  const shown = readShown(current)
  if (shown === undefined) return undefined
  if (shown.buildId === input.record.buildId || shown.history.includes(input.record.buildId))
    return undefined
  const end = current.lastIndexOf('\n\n<sub>Updated ')
  if (end < 0) return undefined
  const details = current.indexOf('\n\n<details><summary>')
  const main = current.slice(0, details >= 0 && details < end ? details : end)
  const history = [input.record, ...input.history]
    .filter((build) => build.buildId !== shown.buildId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const lines = main.split('\n')
  lines[1] = shownLine({ ...shown, history: history.map((build) => build.buildId) })
  const head = lines.join('\n')
  let body = ''
  for (let listed = Math.min(history.length, MAX_HISTORY); listed >= 0; listed--) {
    body =
      [head, historyBlock(HISTORY_TITLE, history, listed, false), footer(input.now)]
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
    devicesMarkdown(input.devices),
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
  // In the words of the pages and `inspect` (expiryText), then the date.
  const date = formatDate(profile.expires)
  const days = daysLeft(profile.expires, now)
  const expiry = Number.isNaN(days)
    ? `expires ${date}`
    : `${days <= EXPIRY_WARNING_DAYS ? '⚠️ ' : ''}${expiryText(profile.expires, now)} (${date})`
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
