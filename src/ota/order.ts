/**
 * The one order of builds: retention (keep), the channel page's "Newest build", latest.json and the
 * pull-request comment all sort with `newestFirst`, so they never disagree on which build is newest.
 */
import type { BuildRecord } from './types.js'

/** What the order reads of a build: its build.json fields, or the comment's hidden line. */
export interface BuildOrderKey {
  buildId: string
  /** ISO 8601; absent in comments written before it was recorded. */
  createdAt?: string
  /** GITHUB_RUN_ID of the run that built it (source.runId of build.json). */
  runId?: string
  /** GITHUB_RUN_ATTEMPT; build.json written before it was always recorded lacks it: 1. */
  runAttempt?: number
}

export function orderKey(record: BuildRecord): BuildOrderKey {
  const { runId, runAttempt } = record.source
  return { buildId: record.buildId, createdAt: record.createdAt, runId, runAttempt }
}

const runOf = (key: BuildOrderKey) =>
  key.runId !== undefined && /^\d+$/.test(key.runId) ? BigInt(key.runId) : undefined

/**
 * Negative when `a` is newer than `b`. By run id (GitHub numbers runs in order across workflows,
 * so a re-run of an older run stays older), then attempt; builds without a run id (the CLI) come
 * after every build with one, so the order stays total; then creation time, then build id
 * numerically (10-1 after 9-1).
 */
export function compareNewestFirst(a: BuildOrderKey, b: BuildOrderKey): number {
  const [runA, runB] = [runOf(a), runOf(b)]
  if (runA !== undefined || runB !== undefined) {
    if (runA === undefined) return 1
    if (runB === undefined) return -1
    if (runA !== runB) return runA > runB ? -1 : 1
    const attempts = (b.runAttempt ?? 1) - (a.runAttempt ?? 1)
    if (attempts !== 0) return attempts
  }
  const byTime = Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? '')
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime
  return b.buildId.localeCompare(a.buildId, 'en', { numeric: true })
}

/** Newest first, for Array.prototype.sort. */
export function newestFirst(a: BuildRecord, b: BuildRecord): number {
  return compareNewestFirst(orderKey(a), orderKey(b))
}
