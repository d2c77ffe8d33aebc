import { isRecord } from '../guards.js'

/**
 * Whether the event is a pull request from another repository (a fork), or from a head
 * repository that was deleted.
 */
export function isForkPullRequest(eventPayload: Record<string, unknown>): boolean {
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

/**
 * What a run for a fork's pull request may do. `pull_request` (and its review events) get a
 * read-only token and no secrets: nothing can be published ('skip'). `pull_request_target` runs
 * in the base repository with a token that can write, so removing a closed pull request's builds
 * works ('go'); publishing there would mean the workflow built the fork's code with that token,
 * which we refuse ('refuse') in favour of the workflow_run pattern.
 */
export function forkPolicy(
  eventName: string | undefined,
  eventPayload: Record<string, unknown>,
  mode: 'publish' | 'remove'
): 'go' | 'skip' | 'refuse' {
  if (!isForkPullRequest(eventPayload)) return 'go'
  if (eventName !== 'pull_request_target') return 'skip'
  return mode === 'remove' ? 'go' : 'refuse'
}
