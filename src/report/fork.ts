import { isRecord } from '../guards.js'

/**
 * Whether the event is a pull request from another repository (a fork), or from a head
 * repository that was deleted. Such runs get a read-only token and no secrets, so nothing can
 * be published for them.
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
