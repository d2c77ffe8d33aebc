/**
 * The one place that decides, for any event, whether this run may publish or remove builds, into
 * which pull request's channel, and why. Everything a fork controls (its branch name, the pull
 * requests a payload lists) is checked against what was built before it can choose a channel.
 */
import type { RunContext, ListedPullRequest, WorkflowRunInfo } from './context.js'
import { forkPolicy, isDependabotRun, PULL_REQUEST_EVENTS } from './fork.js'
import type { PullRequestLookup, PullRequestHead } from './workflow-run.js'
import type { PullRequestRef } from '../report/pr.js'
import type { SourceInfo } from '../ota/types.js'
import { oneLine } from '../text.js'

export type Decision =
  | {
      readonly action: 'publish' | 'remove'
      readonly build: ResolvedBuild
      readonly reason: string
    }
  /** Nothing to do, as the notice says: the step succeeds. */
  | { readonly action: 'skip'; readonly reason: string }
  /** The workflow is wrong or unsafe: the step fails with the reason. */
  | { readonly action: 'refuse'; readonly reason: string }

/** The build as the guard established it: the context's, with the pull request it was built for. */
export interface ResolvedBuild {
  readonly source: Readonly<SourceInfo>
  /** The pull request's base branch, whose channel a pull request build is compared with. */
  readonly baseRef?: string
  /** The build run built a fork's code (workflow_run): only a maintainer's signing makes it installable. */
  readonly fork?: boolean
}

export interface GuardInput {
  readonly context: RunContext
  readonly mode: 'publish' | 'remove'
  /** The pr-number input: the workflow names the pull request itself. */
  readonly prNumber?: number
  /** The channel input: the workflow names the channel itself. */
  readonly channel?: string
  /** Absent without a token or repository: then no pull request can be looked up. */
  readonly lookup?: PullRequestLookup
}

const README = '(see the README: "Pull requests from forks")'

export const FORK_SKIP_REASON = oneLine(
  `This pull request comes from a fork, so its token is read-only: ipa-ota published nothing and posted no comment.
  To publish builds of fork pull requests, build in a pull_request workflow, upload the .ipa as an artifact, and publish it from a workflow_run workflow ${README}.`
)

export const DEPENDABOT_SKIP_REASON = oneLine(
  `Dependabot started this run, so its token is read-only and it has no secrets: ipa-ota published nothing and posted no comment.
  To publish Dependabot's builds, publish them from a workflow_run workflow as for forks ${README}.`
)

export const UNSIGNED_FORK_SKIP_REASON = oneLine(
  `The build run built a fork's code, and its IPA is unsigned (no embedded.mobileprovision): a fork's run gets no signing secrets, and signing its code means trusting it. ipa-ota published nothing.
  To publish it, a maintainer approves the signing job of the fork recipe (an environment with required reviewers that re-signs the archive) and the publish job takes the signed IPA ${README}.`
)

/**
 * Whether a build the guard let through is still to be skipped once its IPA is read: a fork's
 * unsigned build, which no device can install, gets the notice naming the approval path.
 */
export function skipAfterReading(build: ResolvedBuild, signed: boolean): string | undefined {
  return build.fork === true && !signed ? UNSIGNED_FORK_SKIP_REASON : undefined
}

const FORK_TARGET_REFUSAL = oneLine(
  `This pull_request_target run is for a pull request from a fork: publishing its build means the workflow built the fork's code with a token that can write, which lets the fork take over the repository.
  Build in a pull_request workflow and publish from a workflow_run workflow instead ${README}; mode: remove is fine on pull_request_target.`
)

/** Why a run whose event payload cannot be read does nothing (main.ts says it before loading more). */
export function unreadableEvent(why: string, mode: 'publish' | 'remove'): string {
  return `The event payload cannot be read (${why}), so nothing tells whether this run is for a fork's pull request: ipa-ota ${mode === 'publish' ? 'published' : 'removed'} nothing. Re-run the workflow; if it happens again, report it with the runner's version.`
}

export async function judgeRun(input: GuardInput): Promise<Decision> {
  const { context, mode } = input
  if (context.eventUnreadable !== undefined) {
    return refuse(unreadableEvent(context.eventUnreadable, mode))
  }
  if (isDependabotRun(context.eventName, context.source.actor)) return skip(DEPENDABOT_SKIP_REASON)
  const fork = forkPolicy(context.eventName, context.event, mode)
  if (fork === 'skip') return skip(FORK_SKIP_REASON)
  if (fork === 'refuse') return refuse(FORK_TARGET_REFUSAL)
  if (context.workflowRun) return judgeWorkflowRun(input, context.workflowRun)
  const { source } = context
  const what = source.pr !== undefined ? `pull request #${source.pr}` : `${source.ref ?? 'no ref'}`
  return go(
    mode,
    { source, baseRef: context.baseRef },
    `a ${source.event ?? 'local'} run for ${what}`
  )
}

/** The build run of a workflow_run event: whose code it built decides where it may go. */
async function judgeWorkflowRun(input: GuardInput, run: WorkflowRunInfo): Promise<Decision> {
  const { context, mode } = input
  const own = isOwnRepository(context, run)
  const forPullRequest = run.event !== undefined && PULL_REQUEST_EVENTS.has(run.event)
  const build = (pr?: number, baseRef?: string): ResolvedBuild => ({
    source: Object.freeze({ ...context.source, pr }),
    baseRef,
    fork: !own
  })
  if (own && !forPullRequest) {
    return go(mode, build(), `a ${run.event ?? 'workflow'} run of this repository`)
  }
  if (input.prNumber !== undefined) {
    return go(mode, build(input.prNumber), `pr-number names pull request #${input.prNumber}`)
  }
  // A listed pull request is still open; removal wants the closed one, found below.
  const listed = mode === 'publish' ? run.pullRequests.find((pull) => built(pull, run)) : undefined
  if (listed !== undefined) {
    return go(
      mode,
      build(listed.number, listed.baseRef),
      `pull request #${listed.number}, listed with the build run, has the built commit as its head`
    )
  }
  const found = await findBuilt(input, run, own)
  if (found !== undefined) {
    return go(
      mode,
      build(found.number, found.baseRef),
      `pull request #${found.number} into ${found.baseRef} has the built commit as its head`
    )
  }
  if (input.channel !== undefined) return go(mode, build(), `channel names the channel`)
  return skip(notFound(context, run, mode, own))
}

/** The head repository is this one: by id when the payload has both, else by name. */
function isOwnRepository(context: RunContext, run: WorkflowRunInfo): boolean {
  if (run.headRepositoryId !== undefined && context.repositoryId !== undefined) {
    return run.headRepositoryId === context.repositoryId
  }
  const ours = context.source.repository?.toLowerCase()
  return ours !== undefined && run.headRepository?.toLowerCase() === ours
}

/** A listed pull request counts only when its head is the built commit of the build's repository. */
function built(pull: ListedPullRequest, run: WorkflowRunInfo): boolean {
  return (
    run.headSha !== undefined &&
    pull.headSha === run.headSha &&
    run.headRepositoryId !== undefined &&
    pull.headRepositoryId === run.headRepositoryId
  )
}

/** The open (to publish) or closed (to remove) pull request whose head is the built commit. */
async function findBuilt(
  input: GuardInput,
  run: WorkflowRunInfo,
  own: boolean
): Promise<PullRequestRef | undefined> {
  const { lookup, mode } = input
  if (lookup === undefined || run.headSha === undefined) return undefined
  if (mode === 'publish' && own) {
    const [byCommit] = await lookup.openByCommit(run.headSha)
    if (byCommit !== undefined) return byCommit
  }
  if (run.headRepository === undefined || run.headBranch === undefined) return undefined
  const head: PullRequestHead = {
    repository: run.headRepository,
    branch: run.headBranch,
    sha: run.headSha
  }
  return lookup.byHead(head, mode === 'publish' ? 'open' : 'closed')
}

function notFound(
  context: RunContext,
  run: WorkflowRunInfo,
  mode: 'publish' | 'remove',
  own: boolean
): string {
  const head = `${run.headRepository ?? '?'}:${run.headBranch ?? '?'} at ${run.headSha?.slice(0, 7) ?? '?'}`
  const repository = context.source.repository ?? 'this repository'
  const why =
    mode === 'publish'
      ? 'it was closed, or pushed again since'
      : 'it is still open, or was pushed again before it closed'
  const fork = own ? '' : " The build run is a fork's, whose branch name never chooses a channel."
  return oneLine(
    `The triggering run built ${head}, but no ${mode === 'publish' ? 'open' : 'closed'} pull request of ${repository} has that head commit (${why}): ipa-ota ${mode === 'publish' ? 'published' : 'removed'} nothing.${fork} Set channel (and pr-number) to ${mode} it anyway.`
  )
}

function go(mode: 'publish' | 'remove', build: ResolvedBuild, reason: string): Decision {
  return { action: mode, build, reason }
}

function skip(reason: string): Decision {
  return { action: 'skip', reason }
}

function refuse(reason: string): Decision {
  return { action: 'refuse', reason }
}
