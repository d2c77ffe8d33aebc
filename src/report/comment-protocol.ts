/**
 * What the sticky pull-request comment shows, and how runs racing on one pull request agree on it.
 * The Markdown is comment.ts's; the GitHub calls are pr.ts's. The rules:
 * - The comment shows the newest build (order.ts, the order of retention and the channel page) of
 *   its channel and app that is on the site, and lists the others, newest first.
 * - A hidden second line records what it shows, so that a run can tell without reading Markdown.
 * - GitHub has no conditional write for comments, so after writing, the run reads the site again
 *   and writes again until the comment matches what it read. The run that writes last reads last,
 *   so the comment ends on the site as it is, never on a build that retention has removed.
 */
import { UserError } from '../errors.js'
import { compareNewestFirst, newestFirst, orderKey, type BuildOrderKey } from '../ota/order.js'
import type { BuildRecord } from '../ota/types.js'

/**
 * The hidden first line that identifies our comment. The key is percent-encoded, so it cannot close
 * the HTML comment (`-->`) or forge another marker.
 */
export function commentMarker(key: string): string {
  return `<!-- ipa-ota:${encodeURIComponent(key)} -->`
}

/** The build a comment shows and the build ids it lists, from its hidden second line. */
export interface ShownBuild extends BuildOrderKey {
  history: string[]
}

const SHOWN_PREFIX = '<!-- ipa-ota-shows '

/** The hidden line; every value percent-encoded, so nothing in it can end the HTML comment. */
export function shownLine(main: BuildOrderKey, history: readonly string[]): string {
  const { runId, runAttempt, createdAt, buildId } = main
  const fields = [
    `run=${encodeURIComponent(runId ?? '')}`,
    `attempt=${runAttempt ?? ''}`,
    `build=${encodeURIComponent(buildId)}`,
    `created=${encodeURIComponent(createdAt ?? '')}`,
    `history=${history.map(encodeURIComponent).join(',')}`
  ]
  return `${SHOWN_PREFIX}${fields.join(' ')} -->`
}

/** What a comment of ours shows, from its hidden line; undefined for comments without one. */
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
      createdAt: decodeURIComponent(fields.get('created') ?? '') || undefined,
      history: (fields.get('history') ?? '').split(',').filter(Boolean).map(decodeURIComponent)
    }
  } catch {
    return undefined
  }
}

/** The builds of `record`'s channel and app among `records` (record included when it is there). */
export function buildsOf(records: readonly BuildRecord[], record: BuildRecord): BuildRecord[] {
  return records.filter(
    (r) => r.channel === record.channel && r.app.bundleId === record.app.bundleId
  )
}

/** What the comment shows: the newest build, then the others newest first. */
export interface Showing {
  main: BuildRecord
  history: BuildRecord[]
}

export function showing(builds: readonly BuildRecord[]): Showing | undefined {
  const [main, ...history] = [...builds].sort(newestFirst)
  return main && { main, history }
}

/** The Markdown side: comment.ts, with this run's warnings and notes bound in. */
export interface Renderers {
  /** The whole comment showing `showing.main` (with details only when it is this run's build). */
  render(showing: Showing): string
  /**
   * `current`, still showing its build with everything another run wrote about it, listing
   * `history` instead; undefined when `current` cannot be rewritten that way.
   */
  relist(current: string, history: BuildRecord[]): string | undefined
}

/** The builds of the channel and app on the site, as this run knows them. */
export interface SiteView {
  /** This run's build. */
  record: BuildRecord
  /** The builds on the site; this run's own only when it is still there. */
  builds: BuildRecord[]
  /**
   * The builds this run's retention removed. A newer build the comment shows that is not in
   * `builds` is another run's (published after this run read the site, or on a site of its own)
   * and stays; only one this run removed gives way (a re-run of an older run with keep: 1).
   */
  removed: readonly string[]
}

const sameIds = (ids: readonly string[], builds: readonly BuildRecord[]) =>
  ids.length === builds.length && builds.every((build, i) => build.buildId === ids[i])

/**
 * The body to write over `current` (undefined: there is no comment yet), or undefined when the
 * comment is right as it is.
 */
export function revise(
  current: string | undefined,
  view: SiteView,
  renderers: Renderers
): string | undefined {
  const want = showing(view.builds)
  if (want === undefined) return undefined
  const shown = current === undefined ? undefined : readShown(current)
  if (current === undefined || shown === undefined) return renderers.render(want)
  if (shown.buildId === want.main.buildId) {
    // This run's build is rendered with its warnings and notes, which another run's render lacks.
    if (want.main.buildId === view.record.buildId) return renderers.render(want)
    if (sameIds(shown.history, want.history)) return undefined
    return renderers.relist(current, want.history) ?? renderers.render(want)
  }
  const unseenNewer =
    !view.builds.some((build) => build.buildId === shown.buildId) &&
    !view.removed.includes(shown.buildId) &&
    compareNewestFirst(shown, orderKey(want.main)) < 0
  if (!unseenNewer) return renderers.render(want)
  // A newer build this run has not seen: it stays, and lists this run's builds too.
  const history = [...view.builds].sort(newestFirst)
  if (history.every((build) => shown.history.includes(build.buildId))) return undefined
  return renderers.relist(current, history)
}

/** The GitHub side: pr.ts's read-and-write of our comment. */
export interface CommentWriter {
  /**
   * Writes `revise(our comment's body)` (undefined: there is none yet) until it returns undefined
   * or the body already there; returns the comment's URL and whether anything was written.
   */
  write(
    revise: (current: string | undefined) => string | undefined
  ): Promise<{ url?: string; written: boolean }>
}

/** Rounds of "write the comment, read the site again" before giving up on other runs publishing. */
export const MAX_ROUNDS = 5

/**
 * Writes the comment for `view`, then reads the site again (`reread`: every build on it, or
 * undefined when it cannot tell) and writes again until the comment matches what it read.
 * Returns the comment's URL.
 */
export async function showNewest(
  writer: CommentWriter,
  renderers: Renderers,
  first: SiteView,
  reread?: () => Promise<readonly BuildRecord[] | undefined>
): Promise<string | undefined> {
  let view = first
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const { url, written } = await writer.write((current) => revise(current, view, renderers))
    if (!reread || (round > 1 && !written)) return url
    const fresh = await reread()
    if (fresh === undefined) return url
    view = { ...view, builds: buildsOf(fresh, view.record) }
  }
  throw new UserError(
    `The pull-request comment was written ${MAX_ROUNDS} times and the site still changed after each: other runs keep publishing to channel ${view.record.channel}, so the comment may not show the newest build. The next run's comment will.`
  )
}
