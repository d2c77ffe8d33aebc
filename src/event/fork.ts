import { isRecord } from '../guards.js'

/**
 * Events whose runs are for a pull request: their payload holds it, and a fork's get a read-only
 * token. The review events count: a fork's branch reaches them as surely as pull_request.
 */
export const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])

/** The events on which GitHub treats Dependabot's runs like a fork's: read-only token, no secrets. */
const DEPENDABOT_READ_ONLY: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'push'
])

/**
 * Whether the event is a pull request from another repository (a fork), or from a head
 * repository that was deleted.
 */
export function isForkPullRequest(eventPayload: Readonly<Record<string, unknown>>): boolean {
  const pr = eventPayload.pull_request
  if (!isRecord(pr)) return false
  const head = isRecord(pr.head) ? pr.head.repo : undefined
  const base = isRecord(pr.base) ? pr.base.repo : undefined
  // GitHub sends `head.repo: null` once the fork is deleted.
  if (head === null) return true
  if (!isRecord(head) || !isRecord(base)) return false
  if (typeof head.id === 'number' && typeof base.id === 'number') return head.id !== base.id
  return head.full_name !== base.full_name
}

/** Whether Dependabot started this run on an event where its token is read-only. */
export function isDependabotRun(eventName: string | undefined, actor: string | undefined): boolean {
  return (
    actor === 'dependabot[bot]' && eventName !== undefined && DEPENDABOT_READ_ONLY.has(eventName)
  )
}

/**
 * What a run for a fork's pull request may do. `pull_request` (and its review events) get a
 * read-only token and no secrets: nothing can be published ('skip'). `pull_request_target` runs
 * in the base repository with a token that can write, so removing a closed pull request's builds
 * works ('go'); publishing there would mean the workflow built the fork's code with that token,
 * which we refuse ('refuse') in favour of the workflow_run pattern.
 */
export function forkPolicy(
  eventName: string | undefined,
  eventPayload: Readonly<Record<string, unknown>>,
  mode: 'publish' | 'remove'
): 'go' | 'skip' | 'refuse' {
  if (!isForkPullRequest(eventPayload)) return 'go'
  if (eventName !== 'pull_request_target') return 'skip'
  return mode === 'remove' ? 'go' : 'refuse'
}
