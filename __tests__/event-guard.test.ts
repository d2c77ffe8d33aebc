/**
 * The event guard on payloads as GitHub sends them: for each, whether the run publishes, removes,
 * skips or is refused, into which channel, and why. Pull requests are looked up in a typed fake
 * that holds a few pull requests the way the pulls endpoints filter them.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readRunContext } from '../src/event/context.js'
import { judgeRun, skipAfterReading, type Decision } from '../src/event/guard.js'
import type { PullRequestHead, PullRequestLookup } from '../src/event/workflow-run.js'
import { defaultChannel } from '../src/ota/layout.js'

const BUILT = 'b'.repeat(40)
const OTHER = 'a'.repeat(40)
const BASE = { id: 1, full_name: 'octo/app' }
const FORK = { id: 2, full_name: 'someone/app' }

/** A pull request the fake knows: its number, state, base branch and head. */
interface Pull {
  number: number
  state: 'open' | 'closed'
  baseRef: string
  head: PullRequestHead
}

function fakeLookup(pulls: Pull[]): PullRequestLookup & { calls: string[] } {
  const calls: string[] = []
  const ref = (pull: Pull) => ({ number: pull.number, baseRef: pull.baseRef })
  return {
    calls,
    openByCommit(sha) {
      calls.push(`commit ${sha.slice(0, 7)}`)
      return Promise.resolve(pulls.filter((p) => p.state === 'open' && p.head.sha === sha).map(ref))
    },
    byHead(head, state) {
      calls.push(`${state} ${head.repository}:${head.branch}`)
      const found = pulls.find(
        (p) =>
          p.state === state &&
          p.head.repository === head.repository &&
          p.head.branch === head.branch &&
          p.head.sha === head.sha
      )
      return Promise.resolve(found && ref(found))
    }
  }
}

interface Case {
  name: string
  event: string
  payload: unknown
  env?: Record<string, string>
  mode?: 'publish' | 'remove'
  inputs?: { prNumber?: number; channel?: string }
  pulls?: Pull[]
  /** The expected action, and for publish/remove the channel. */
  expected: Decision['action'] | [Decision['action'], string]
  reason: RegExp
}

async function decide(testCase: Case) {
  const dir = await mkdtemp(join(tmpdir(), 'guard-'))
  const path = join(dir, 'event.json')
  await writeFile(path, JSON.stringify(testCase.payload))
  const context = await readRunContext(
    {
      GITHUB_EVENT_NAME: testCase.event,
      GITHUB_EVENT_PATH: path,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_SHA: 'd'.repeat(40),
      GITHUB_REF_NAME: 'main',
      GITHUB_ACTOR: 'maintainer',
      ...testCase.env
    },
    dir
  )
  const before = structuredClone(context)
  const lookup = fakeLookup(testCase.pulls ?? [])
  const decision = await judgeRun({
    context,
    mode: testCase.mode ?? 'publish',
    ...testCase.inputs,
    lookup
  })
  // The context is never changed: the guard returns what it resolved.
  expect(context).toEqual(before)
  return { decision, lookup, context }
}

const pr = (number: number, head: typeof BASE, extra: Record<string, unknown> = {}) => ({
  number,
  head: { sha: BUILT, ref: 'feature/dark-mode', repo: head },
  base: { ref: 'develop', repo: BASE },
  ...extra
})

const workflowRun = (
  event: string,
  head: typeof BASE | null,
  options: { branch?: string; pullRequests?: unknown[] } = {}
) => ({
  action: 'completed',
  workflow_run: {
    id: 987654,
    name: 'build',
    event,
    head_sha: BUILT,
    head_branch: options.branch ?? 'feature/dark-mode',
    head_repository: head,
    pull_requests: options.pullRequests ?? [],
    actor: { login: 'contributor' }
  },
  repository: BASE
})

/** workflow_run.pull_requests as GitHub lists them: the head's repository by id and url only. */
const listed = (number: number, sha: string, repo: typeof BASE) => ({
  id: number,
  number,
  head: {
    ref: 'feature/dark-mode',
    sha,
    repo: { id: repo.id, url: `https://x/${repo.full_name}` }
  },
  base: { ref: 'develop', sha: 'e'.repeat(40), repo: { id: BASE.id, url: 'https://x/octo/app' } }
})

const open41 = (branch: string, repository = FORK.full_name): Pull => ({
  number: 41,
  state: 'open',
  baseRef: 'main',
  head: { repository, branch, sha: BUILT }
})

const cases: Case[] = [
  {
    name: 'a push to this repository',
    event: 'push',
    payload: { ref: 'refs/heads/main', repository: BASE },
    expected: ['publish', 'main'],
    reason: /push run for main/
  },
  {
    name: 'a pull request from a branch of this repository',
    event: 'pull_request',
    payload: { number: 5, pull_request: pr(5, BASE), repository: BASE },
    env: { GITHUB_HEAD_REF: 'feature/dark-mode', GITHUB_BASE_REF: 'develop' },
    expected: ['publish', 'pr-5'],
    reason: /pull request #5/
  },
  {
    name: "a fork's pull request (read-only token)",
    event: 'pull_request',
    payload: { number: 5, pull_request: pr(5, FORK), repository: BASE },
    expected: 'skip',
    reason: /comes from a fork/
  },
  {
    name: "a review of a fork's pull request",
    event: 'pull_request_review',
    payload: { review: {}, pull_request: pr(5, FORK), repository: BASE },
    expected: 'skip',
    reason: /comes from a fork/
  },
  {
    name: "Dependabot's pull request",
    event: 'pull_request',
    payload: { number: 7, pull_request: pr(7, BASE), repository: BASE },
    env: { GITHUB_ACTOR: 'dependabot[bot]' },
    expected: 'skip',
    reason: /Dependabot started this run/
  },
  {
    name: "Dependabot's push to its branch",
    event: 'push',
    payload: { ref: 'refs/heads/dependabot/npm/x', repository: BASE },
    env: { GITHUB_ACTOR: 'dependabot[bot]' },
    expected: 'skip',
    reason: /Dependabot/
  },
  {
    name: 'pull_request_target closed from a fork: remove its channel',
    event: 'pull_request_target',
    payload: { action: 'closed', pull_request: pr(41, FORK), repository: BASE },
    mode: 'remove',
    expected: ['remove', 'pr-41'],
    reason: /pull request #41/
  },
  {
    name: 'pull_request_target from a fork: publishing refused',
    event: 'pull_request_target',
    payload: { action: 'opened', pull_request: pr(41, FORK), repository: BASE },
    expected: 'refuse',
    reason: /built the fork's code with a token that can write/
  },
  {
    name: 'workflow_run after a push build of this repository: its branch',
    event: 'workflow_run',
    payload: workflowRun('push', BASE, { branch: 'release/2.0' }),
    expected: ['publish', 'release-2.0'],
    reason: /push run of this repository/
  },
  {
    name: 'workflow_run with a listed pull request whose head is the build',
    event: 'workflow_run',
    payload: workflowRun('pull_request', BASE, { pullRequests: [listed(5, BUILT, BASE)] }),
    expected: ['publish', 'pr-5'],
    reason: /#5, listed with the build run/
  },
  {
    name: 'workflow_run with a listed pull request whose head is another commit',
    event: 'workflow_run',
    payload: workflowRun('pull_request', BASE, { pullRequests: [listed(12, OTHER, BASE)] }),
    expected: 'skip',
    reason: /no open pull request of octo\/app has that head commit/
  },
  {
    name: 'workflow_run with a listed pull request of another head repository',
    event: 'workflow_run',
    payload: workflowRun('pull_request', FORK, { pullRequests: [listed(12, BUILT, BASE)] }),
    expected: 'skip',
    reason: /fork's, whose branch name never chooses a channel/
  },
  {
    name: "workflow_run after a fork's pull_request build: found by its head",
    event: 'workflow_run',
    payload: workflowRun('pull_request', FORK),
    pulls: [open41('feature/dark-mode')],
    expected: ['publish', 'pr-41'],
    reason: /#41 into main has the built commit/
  },
  {
    name: "workflow_run after a fork's pull_request_review build from its branch main",
    event: 'workflow_run',
    payload: workflowRun('pull_request_review', FORK, { branch: 'main' }),
    expected: 'skip',
    reason: /someone\/app:main at bbbbbbb.*never chooses a channel/
  },
  {
    name: "workflow_run after a fork's pull_request_review build from main, with its pull request",
    event: 'workflow_run',
    payload: workflowRun('pull_request_review', FORK, { branch: 'main' }),
    pulls: [open41('main')],
    expected: ['publish', 'pr-41'],
    reason: /#41/
  },
  {
    name: "workflow_run after a fork's pull_request_review_comment build from a branch pr-12",
    event: 'workflow_run',
    payload: workflowRun('pull_request_review_comment', FORK, { branch: 'pr-12' }),
    // Another fork's pull request with the same branch and commit is not this build's.
    pulls: [open41('pr-12', 'intruder/app')],
    expected: 'skip',
    reason: /someone\/app:pr-12/
  },
  {
    name: "workflow_run after a fork's push build",
    event: 'workflow_run',
    payload: workflowRun('push', FORK, { branch: 'main' }),
    expected: 'skip',
    reason: /never chooses a channel/
  },
  {
    name: 'workflow_run after a build whose head repository was deleted',
    event: 'workflow_run',
    payload: workflowRun('push', null, { branch: 'main' }),
    expected: 'skip',
    reason: /\?:main/
  },
  {
    name: "workflow_run after a fork's build, with the channel input",
    event: 'workflow_run',
    payload: workflowRun('pull_request', FORK, { branch: 'main' }),
    inputs: { channel: 'previews' },
    expected: ['publish', 'previews'],
    reason: /channel names the channel/
  },
  {
    name: "workflow_run after a fork's build, with pr-number",
    event: 'workflow_run',
    payload: workflowRun('pull_request', FORK),
    inputs: { prNumber: 41 },
    expected: ['publish', 'pr-41'],
    reason: /pr-number/
  },
  {
    name: 'workflow_run remove after the build of a closed pull request: found by its head',
    event: 'workflow_run',
    payload: workflowRun('pull_request', FORK),
    mode: 'remove',
    pulls: [{ ...open41('feature/dark-mode'), state: 'closed' }],
    expected: ['remove', 'pr-41'],
    reason: /#41/
  },
  {
    name: 'workflow_run remove when the pull request is still open',
    event: 'workflow_run',
    payload: workflowRun('pull_request', BASE, { pullRequests: [listed(5, BUILT, BASE)] }),
    mode: 'remove',
    pulls: [{ ...open41('feature/dark-mode', BASE.full_name), number: 5 }],
    expected: 'skip',
    reason: /no closed pull request .* removed nothing/
  },
  {
    name: 'workflow_run remove after a push build of this repository: its branch',
    event: 'workflow_run',
    payload: workflowRun('delete', BASE, { branch: 'old' }),
    mode: 'remove',
    expected: ['remove', 'old'],
    reason: /delete run of this repository/
  }
]

describe('judgeRun', () => {
  it.each(cases)('$name', async (testCase) => {
    const { decision } = await decide(testCase)
    const [action, channel] =
      typeof testCase.expected === 'string' ? [testCase.expected] : testCase.expected
    expect(decision.action).toBe(action)
    expect(decision.reason).toMatch(testCase.reason)
    if (decision.action === 'publish' || decision.action === 'remove') {
      expect(testCase.inputs?.channel ?? defaultChannel(decision.build.source)).toBe(channel)
    }
  })

  it('resolves the base branch of the pull request it found, for the comparison', async () => {
    const { decision } = await decide({
      ...cases.find((c) => c.name.includes('listed pull request whose head is the build'))!
    })
    expect(decision.action === 'publish' && decision.build.baseRef).toBe('develop')
  })

  it("skips a fork's unsigned build once read, naming the maintainer's signing path", async () => {
    const fork = await decide(cases.find((c) => c.name.includes('from main, with its pull'))!)
    const own = await decide(cases.find((c) => c.name.includes('whose head is the build'))!)
    if (fork.decision.action !== 'publish' || own.decision.action !== 'publish') {
      throw new Error('both cases publish')
    }
    expect(skipAfterReading(fork.decision.build, false)).toMatch(
      /fork's code.*unsigned.*required reviewers/
    )
    expect(skipAfterReading(fork.decision.build, true)).toBeUndefined()
    // The repository's own unsigned build is profile-check's to refuse, with its own message.
    expect(skipAfterReading(own.decision.build, false)).toBeUndefined()
  })

  it('looks a fork up by its head only, never by the commit', async () => {
    const { lookup } = await decide(cases.find((c) => c.name.includes('branch main'))!)
    expect(lookup.calls).toEqual(['open someone/app:main'])
  })

  it('asks nothing when a listed pull request is the build', async () => {
    const { lookup } = await decide(cases.find((c) => c.name.includes('whose head is the build'))!)
    expect(lookup.calls).toEqual([])
  })

  it.each([
    ['a payload that is not JSON', 'not json'],
    ['a payload that is not an object', '[]']
  ])('refuses %s: it cannot tell a fork', async (_, text) => {
    const dir = await mkdtemp(join(tmpdir(), 'guard-'))
    await writeFile(join(dir, 'event.json'), text)
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json') }
    const decision = await judgeRun({ context: await readRunContext(env, dir), mode: 'publish' })
    expect(decision.action).toBe('refuse')
    expect(decision.reason).toMatch(/event payload cannot be read .*published nothing/)
  })

  it('refuses a missing payload file', async () => {
    const env = { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(tmpdir(), 'no-such-event') }
    const decision = await judgeRun({
      context: await readRunContext(env, tmpdir()),
      mode: 'remove'
    })
    expect(decision.action).toBe('refuse')
    expect(decision.reason).toMatch(/ENOENT/)
  })

  it('publishes a local run outside a workflow (no event at all)', async () => {
    const decision = await judgeRun({
      context: await readRunContext({}, tmpdir()),
      mode: 'publish'
    })
    expect(decision.action).toBe('publish')
  })

  it('reads a frozen context', async () => {
    const { context } = await decide(cases[0]!)
    expect(Object.isFrozen(context)).toBe(true)
    expect(Object.isFrozen(context.source)).toBe(true)
  })
})
