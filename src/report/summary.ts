/** The job summary (GITHUB_STEP_SUMMARY) through core.summary. */
import * as core from '@actions/core'
import { join } from 'node:path'
import type { BuildChanges } from '../ota/compare.js'
import type { DeviceCheck } from '../ota/devices.js'
import type { BuildRecord } from '../ota/types.js'
import { renderBuild } from './comment.js'
import { formatUtc } from '../format.js'
import { escapeText, link, truncate } from './markdown.js'

/** GitHub shows at most 1 MiB of summary per step. */
const MAX_SUMMARY_LENGTH = 1_000_000
/** Removed builds listed at most. */
const MAX_REMOVED_LISTED = 100

export interface SummaryInput {
  record: BuildRecord
  /** Earlier builds of the channel, newest first. */
  history: BuildRecord[]
  warnings: string[]
  /** host: directory: the local folder of the site. */
  siteDir?: string
  /** The build folder relative to the site, e.g. "ota/pr-12/34-1", shown under siteDir. */
  buildDir?: string
  commentUrl?: string
  now?: Date
  changes?: BuildChanges
  devices?: DeviceCheck
}

/** The summary's Markdown: the comment's content, plus the local paths and the comment link. */
function renderSummary(input: SummaryInput): string {
  const tail = [
    input.commentUrl
      ? `Pull-request comment: ${link(input.commentUrl, 'open', ['https:', 'http:'])}`
      : '',
    input.siteDir ? localPaths(input.siteDir, input.buildDir) : ''
  ]
  return renderBuild(
    {
      record: input.record,
      history: input.history,
      warnings: input.warnings,
      now: input.now ?? new Date(),
      ...(input.changes === undefined ? {} : { changes: input.changes }),
      ...(input.devices === undefined ? {} : { devices: input.devices })
    },
    {
      head: [],
      title: 'Earlier builds of this channel',
      tail: tail.filter(Boolean),
      limit: MAX_SUMMARY_LENGTH
    }
  )
}

function localPaths(siteDir: string, buildDir: string | undefined): string {
  const rows = [`- **Site folder:** <code>${escapeText(siteDir)}</code>`]
  if (buildDir) rows.push(`- **Build folder:** <code>${escapeText(join(siteDir, buildDir))}</code>`)
  return rows.join('\n')
}

export async function writeSummary(input: SummaryInput): Promise<void> {
  await core.summary.addRaw(renderSummary(input), true).write()
}

/** Why nothing was published, e.g. a pull request from a fork. */
export async function writeSkippedSummary(reason: string): Promise<void> {
  await core.summary.addRaw(`### ⏭️ ipa-ota skipped\n\n${escapeText(reason)}\n`, true).write()
}

/** After mode: remove, the channel and the builds taken off the site (struck out: their links are dead). */
function renderRemovedSummary(input: { channel: string; removed: BuildRecord[] }): string {
  const count = input.removed.length
  const items = input.removed
    .slice(0, MAX_REMOVED_LISTED)
    .map(
      (r) =>
        `- <del>${escapeText(`${truncate(r.app.name, 100)} ${truncate(r.app.version, 60)} (${truncate(r.app.build, 60)})`)}</del> · ${escapeText(formatUtc(r.createdAt))}`
    )
  if (count > MAX_REMOVED_LISTED) items.push(`- …and ${count - MAX_REMOVED_LISTED} more`)
  return (
    [
      `### 🗑️ ${escapeText(`Channel ${input.channel}: ${count} build${count === 1 ? '' : 's'} removed`)}`,
      ...(items.length > 0 ? [items.join('\n')] : [])
    ].join('\n\n') + '\n'
  )
}

export async function writeRemovedSummary(input: {
  channel: string
  removed: BuildRecord[]
}): Promise<void> {
  await core.summary.addRaw(renderRemovedSummary(input), true).write()
}
