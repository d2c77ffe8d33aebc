import { readFile } from 'node:fs/promises'
import { isRecord } from '../guards.js'
import type { SourceInfo } from '../ota/types.js'

/**
 * The workflow run the action executes in, read from the runner's environment once, when called,
 * and frozen: what the run may do is decided from it by event/guard.ts, which returns the pull
 * request it resolved instead of writing it back here.
 */
export interface RunContext {
  readonly owner?: string
  readonly repo?: string
  /** This repository's id, from the event payload: a rename keeps it, a fork has another. */
  readonly repositoryId?: number
  readonly apiUrl: string
  /** GITHUB_EVENT_NAME: the event of this run (source.event is the build run's on workflow_run). */
  readonly eventName?: string
  /** The build as the event describes it; on workflow_run, the build run's (no pull request yet). */
  readonly source: Readonly<SourceInfo>
  /** The webhook payload of the triggering event ({} when there is none). */
  readonly event: Readonly<Record<string, unknown>>
  /**
   * Why the event payload could not be read, when the runner named one: nothing can then tell a
   * fork's run from ours, so the guard publishes nothing.
   */
  readonly eventUnreadable?: string
  /** RUNNER_TEMP, or the OS temp folder outside a runner. */
  readonly tempDir: string
  /** The repository's default branch, from the event payload (absent outside a workflow). */
  readonly defaultBranch?: string
  /** GITHUB_BASE_REF: the base branch of the event's pull request (empty on workflow_run). */
  readonly baseRef?: string
  /** On a workflow_run event: the run that built the IPA (source already describes it). */
  readonly workflowRun?: WorkflowRunInfo
}

/** The triggering run of a workflow_run event: what was built, and from where. */
export interface WorkflowRunInfo {
  /** The event of the build run, e.g. "pull_request" or "push". */
  readonly event?: string
  readonly headSha?: string
  readonly headBranch?: string
  /** owner/repo of the head: a fork's full name for a fork pull request. */
  readonly headRepository?: string
  readonly headRepositoryId?: number
  /**
   * The pull requests into this repository GitHub listed with the run (none for a fork's). Only a
   * claim: the guard takes one only when its head is the built commit of the build's repository.
   */
  readonly pullRequests: readonly ListedPullRequest[]
}

/** A pull request of `workflow_run.pull_requests`. */
export interface ListedPullRequest {
  readonly number: number
  readonly baseRef?: string
  readonly headSha?: string
  readonly headRepositoryId?: number
}

export async function readRunContext(
  env: NodeJS.ProcessEnv,
  fallbackTemp: string
): Promise<RunContext> {
  const { event, unreadable } = await readEvent(env.GITHUB_EVENT_PATH, env.GITHUB_EVENT_NAME)
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const workflowRun =
    env.GITHUB_EVENT_NAME === 'workflow_run'
      ? readWorkflowRun(event.workflow_run, event.repository)
      : undefined
  const refType = env.GITHUB_REF_TYPE === 'tag' ? 'tag' : 'branch'
  const pr = pullRequestNumber(event)
  // On pull requests GITHUB_REF_NAME is "<n>/merge"; the head branch names the build better
  // (GITHUB_HEAD_REF is empty on the review events, whose payload has it).
  const ref =
    pr !== undefined
      ? env.GITHUB_HEAD_REF || pullRequestHead(event, 'ref') || env.GITHUB_REF_NAME
      : env.GITHUB_REF_NAME
  const headSha = pr !== undefined ? pullRequestHead(event, 'sha') : undefined
  const source: SourceInfo = {
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    repository: env.GITHUB_REPOSITORY || undefined,
    event: env.GITHUB_EVENT_NAME || undefined,
    ref: ref || undefined,
    refType: ref ? refType : undefined,
    pr,
    sha: headSha ?? (env.GITHUB_SHA || undefined),
    runId: env.GITHUB_RUN_ID || undefined,
    runNumber: positiveInt(env.GITHUB_RUN_NUMBER),
    runAttempt: positiveInt(env.GITHUB_RUN_ATTEMPT),
    workflow: env.GITHUB_WORKFLOW || undefined,
    actor: env.GITHUB_ACTOR || undefined
  }
  const repository = isRecord(event.repository) ? event.repository : {}
  return Object.freeze({
    owner: owner || undefined,
    repo: repo || undefined,
    ...(typeof repository.id === 'number' ? { repositoryId: repository.id } : {}),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    eventName: env.GITHUB_EVENT_NAME || undefined,
    source: Object.freeze(
      workflowRun === undefined ? source : builtBy(source, workflowRun, event.workflow_run)
    ),
    event: Object.freeze(event),
    ...(unreadable === undefined ? {} : { eventUnreadable: unreadable }),
    tempDir: env.RUNNER_TEMP || fallbackTemp,
    defaultBranch: defaultBranchOf(event),
    ...(workflowRun === undefined ? {} : { workflowRun: Object.freeze(workflowRun) }),
    baseRef: env.GITHUB_BASE_REF || undefined
  })
}

function readWorkflowRun(run: unknown, repository: unknown): WorkflowRunInfo {
  if (!isRecord(run)) return { pullRequests: [] }
  const head = isRecord(run.head_repository) ? run.head_repository : {}
  const pulls = Array.isArray(run.pull_requests) ? run.pull_requests : []
  const ours = isRecord(repository) ? repository.id : undefined
  // GitHub may list pull requests of another repository of the network with the same branch
  // name; only those into this repository are ours.
  const intoOurs = (pull: Record<string, unknown>) => {
    const base = isRecord(pull.base) && isRecord(pull.base.repo) ? pull.base.repo.id : undefined
    return typeof base !== 'number' || typeof ours !== 'number' || base === ours
  }
  const listed = pulls.filter(
    (pull): pull is Record<string, unknown> & { number: number } =>
      isRecord(pull) && typeof pull.number === 'number' && intoOurs(pull)
  )
  return {
    event: text(run.event),
    headSha: text(run.head_sha),
    headBranch: text(run.head_branch),
    headRepository: text(head.full_name),
    ...(typeof head.id === 'number' ? { headRepositoryId: head.id } : {}),
    pullRequests: listed.map(listedPullRequest)
  }
}

function listedPullRequest(pull: Record<string, unknown> & { number: number }): ListedPullRequest {
  const head = isRecord(pull.head) ? pull.head : {}
  const headRepo = isRecord(head.repo) ? head.repo.id : undefined
  return Object.freeze({
    number: pull.number,
    baseRef: isRecord(pull.base) ? text(pull.base.ref) : undefined,
    headSha: text(head.sha),
    headRepositoryId: typeof headRepo === 'number' ? headRepo : undefined
  })
}

/**
 * A workflow_run job publishes what another run built: the page and comment link that run, its
 * commit (head_sha, not GITHUB_SHA, which is the default branch) and its branch. Its pull request,
 * if any, is for event/guard.ts to establish.
 */
function builtBy(source: SourceInfo, info: WorkflowRunInfo, run: unknown): SourceInfo {
  const build = isRecord(run) ? run : {}
  const actor = isRecord(build.actor) ? text(build.actor.login) : undefined
  return {
    ...source,
    event: info.event ?? source.event,
    ref: info.headBranch ?? source.ref,
    refType: 'branch',
    pr: undefined,
    sha: info.headSha ?? source.sha,
    runId: typeof build.id === 'number' ? String(build.id) : source.runId,
    runNumber: typeof build.run_number === 'number' ? build.run_number : source.runNumber,
    runAttempt: typeof build.run_attempt === 'number' ? build.run_attempt : source.runAttempt,
    workflow: text(build.name) ?? source.workflow,
    actor: actor ?? source.actor
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * The event payload. A runner always names one; one that cannot be read or is not an object is
 * reported, never taken as an empty event (which would read as "not a fork").
 */
async function readEvent(
  path: string | undefined,
  name: string | undefined
): Promise<{ event: Record<string, unknown>; unreadable?: string }> {
  if (!path) return name ? { event: {}, unreadable: 'GITHUB_EVENT_PATH is not set' } : { event: {} }
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { event: {}, unreadable: code ? `${code} reading ${path}` : `${path} is not JSON` }
  }
  return isRecord(parsed)
    ? { event: parsed }
    : { event: {}, unreadable: `${path} holds no JSON object` }
}

function pullRequestNumber(event: Record<string, unknown>): number | undefined {
  const pr = event.pull_request
  return isRecord(pr) && typeof pr.number === 'number' ? pr.number : undefined
}

function defaultBranchOf(event: Record<string, unknown>): string | undefined {
  const repository = event.repository
  const branch = isRecord(repository) ? repository.default_branch : undefined
  return typeof branch === 'string' && branch !== '' ? branch : undefined
}

function pullRequestHead(event: Record<string, unknown>, key: 'ref' | 'sha'): string | undefined {
  const pr = event.pull_request
  const head = isRecord(pr) ? pr.head : undefined
  return isRecord(head) ? text(head[key]) : undefined
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : undefined
}
