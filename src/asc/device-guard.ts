/**
 * Whether a register-device run may act on its event, before any API call: the events it serves,
 * no bots, no forks, no pull-request comments. Who may act (write access) is checked after, with
 * GitHub's answer about the actor.
 */
import { isRecord } from '../guards.js'
import { looksLikeRequest } from './device-request.js'

export type Decision =
  | {
      act: true
      /** Whose write access decides: the author, the commenter, or whoever added the label. */
      actor: string
      issue: number
      body: string
      source: 'form' | 'comment'
    }
  | { act: false; reason: string }

const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {})
const text = (value: unknown): string => (typeof value === 'string' ? value : '')

export function decide(
  eventName: string,
  payload: Record<string, unknown>,
  approvalLabel: string
): Decision {
  const sender = record(payload.sender)
  const issue = record(payload.issue)
  const login = text(sender.login)
  const number = typeof issue.number === 'number' ? issue.number : 0
  if (eventName !== 'issues' && eventName !== 'issue_comment') {
    return {
      act: false,
      reason: `mode: register-device runs on issues and issue_comment events, not ${eventName}: change the workflow's on:`
    }
  }
  if (record(payload.repository).fork === true) {
    return {
      act: false,
      reason: 'this repository is a fork: devices are registered only from the upstream repository'
    }
  }
  if (sender.type === 'Bot' || login.endsWith('[bot]')) {
    return {
      act: false,
      reason: `the event comes from a bot (${login}), which cannot ask for devices`
    }
  }
  if (number === 0) return { act: false, reason: 'the event has no issue' }
  if (eventName === 'issue_comment') {
    if (payload.action !== 'created') return { act: false, reason: 'only new comments are read' }
    if (issue.pull_request !== undefined) {
      return {
        act: false,
        reason: 'the comment is on a pull request, which may come from a fork: ask in an issue'
      }
    }
    const body = text(record(payload.comment).body)
    if (!looksLikeRequest(body, 'comment'))
      return { act: false, reason: 'the comment is not an /ipa-ota add-device command' }
    return { act: true, actor: login, issue: number, body, source: 'comment' }
  }
  const body = text(issue.body)
  if (!looksLikeRequest(body, 'form'))
    return { act: false, reason: 'the issue is not a device request' }
  if (payload.action === 'opened')
    return { act: true, actor: login, issue: number, body, source: 'form' }
  if (payload.action === 'labeled' && text(record(payload.label).name) === approvalLabel) {
    return { act: true, actor: login, issue: number, body, source: 'form' }
  }
  return {
    act: false,
    reason: `only an opened issue or the ${approvalLabel} label start a registration`
  }
}
