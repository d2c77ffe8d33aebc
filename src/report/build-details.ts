/**
 * The facts list of one build in Markdown (version, bundle id, channel, size, profile, commit and
 * run), shared by the comment and the job summary. Everything from the IPA or the inputs goes
 * through escapeText, every URL through safeUrl.
 */
import type { BuildRecord, SourceInfo } from '../ota/types.js'
import { formatBytes, formatDate } from '../format.js'
import { EXPIRY_WARNING_DAYS } from '../ipa/verdict.js'
import { daysLeft, expiryText } from '../expiry.js'
import { escapeText, link, safeUrl, truncate } from './markdown.js'

export const MAX_NAME = 100
const MAX_FIELD = 60
const HTTP = ['https:', 'http:']

/** "1.4.0 (35)", each part cut to a readable length. */
export function versionText(record: BuildRecord): string {
  return `${truncate(record.app.version, MAX_FIELD)} (${truncate(record.app.build, MAX_FIELD)})`
}

export function details(record: BuildRecord, now: Date): string {
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
  const server = safeUrl(source.serverUrl, HTTP)
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
