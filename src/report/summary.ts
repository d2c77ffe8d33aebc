/** The job summary (GITHUB_STEP_SUMMARY) through core.summary. */
import * as core from '@actions/core'
import { join } from 'node:path'
import type { BuildRecord } from '../ota/types.js'
import { renderBuild } from './comment.js'
import { escapeText, link } from './markdown.js'

/** GitHub shows at most 1 MiB of summary per step. */
const MAX_SUMMARY_LENGTH = 1_000_000

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
}

/** The summary's Markdown: the comment's content, plus the local paths and the comment link. */
export function renderSummary(input: SummaryInput): string {
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
      now: input.now ?? new Date()
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
