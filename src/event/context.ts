import { readFile } from 'node:fs/promises'
import { isRecord } from '../guards.js'
import type { SourceInfo } from '../ota/types.js'

/** The workflow run the action executes in, read from the runner's environment when called. */
export interface RunContext {
  owner?: string
  repo?: string
  apiUrl: string
  source: SourceInfo
  /** The webhook payload of the triggering event ({} when there is none). */
  event: Record<string, unknown>
  /** RUNNER_TEMP, or the OS temp folder outside a runner. */
  tempDir: string
  /** The repository's default branch, from the event payload (absent outside a workflow). */
  defaultBranch?: string
  /**
   * The pull request's base branch, whose channel a PR build is compared with: GITHUB_BASE_REF, or
   * on workflow_run (where that is empty) the base of the pull request the run built.
   */
  baseRef?: string
  /** On a workflow_run event: the run that built the IPA (source already describes it). */
  workflowRun?: WorkflowRunInfo
}

/** The triggering run of a workflow_run event: what was built, and from where. */
export interface WorkflowRunInfo {
  /** The event of the build run, e.g. "pull_request" or "push". */
  event?: string
  headSha?: string
  headBranch?: string
  /** owner/repo of the head: a fork's full name for a fork pull request. */
  headRepository?: string
  /** Pull request numbers GitHub listed with the run (empty for fork pull requests). */
  pullRequests: number[]
  /** The base branch of the first of them. */
  baseRef?: string
}

export async function readRunContext(
  env: NodeJS.ProcessEnv,
  fallbackTemp: string
): Promise<RunContext> {
  const event = await readEvent(env.GITHUB_EVENT_PATH)
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const workflowRun =
    env.GITHUB_EVENT_NAME === 'workflow_run'
      ? readWorkflowRun(event.workflow_run, event.repository)
      : undefined
  const refType = env.GITHUB_REF_TYPE === 'tag' ? 'tag' : 'branch'
  const pr = pullRequestNumber(event)
  // On pull requests GITHUB_REF_NAME is "<n>/merge"; the head branch names the build better.
  const ref = pr !== undefined ? env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME : env.GITHUB_REF_NAME
  const headSha = pr !== undefined ? pullRequestHeadSha(event) : undefined
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
  return {
    owner: owner || undefined,
    repo: repo || undefined,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    source: workflowRun === undefined ? source : builtBy(source, workflowRun, event.workflow_run),
    event,
    tempDir: env.RUNNER_TEMP || fallbackTemp,
    defaultBranch: defaultBranchOf(event),
    ...(workflowRun === undefined ? {} : { workflowRun }),
    baseRef: env.GITHUB_BASE_REF || workflowRun?.baseRef
  }
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
  const base = listed[0]?.base
  return {
    event: text(run.event),
    headSha: text(run.head_sha),
    headBranch: text(run.head_branch),
    headRepository: text(head.full_name),
    pullRequests: listed.map((pull) => pull.number),
    baseRef: isRecord(base) ? text(base.ref) : undefined
  }
}

/**
 * A workflow_run job publishes what another run built: the page and comment link that run, its
 * commit (head_sha, not GITHUB_SHA, which is the default branch) and its branch. The pull request
 * is the one GitHub listed; publish-run.ts looks for a fork's, which GitHub never lists.
 */
function builtBy(source: SourceInfo, info: WorkflowRunInfo, run: unknown): SourceInfo {
  const build = isRecord(run) ? run : {}
  const actor = isRecord(build.actor) ? text(build.actor.login) : undefined
  const pr = info.pullRequests[0]
  return {
    ...source,
    event: info.event ?? source.event,
    ref: info.headBranch ?? source.ref,
    refType: 'branch',
    pr,
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

async function readEvent(path: string | undefined): Promise<Record<string, unknown>> {
  if (!path) return {}
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'))
    return isRecord(parsed) ? parsed : {}
  } catch {
    return {}
  }
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

function pullRequestHeadSha(event: Record<string, unknown>): string | undefined {
  const pr = event.pull_request
  const head = isRecord(pr) ? pr.head : undefined
  return isRecord(head) && typeof head.sha === 'string' ? head.sha : undefined
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : undefined
}
