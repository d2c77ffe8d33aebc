/** The pull request of a workflow_run event, which GitHub does not list for pull requests from forks. */
import type { WorkflowRunInfo } from './context.js'
import type { Octokit } from '../github.js'
import { explainGitHubError } from '../github-errors.js'
import { findPullRequests, type PullRequestRef, type Repo } from '../report/pr.js'

/** Events whose runs build a pull request. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** Whether the run that built the IPA ran for a pull request. */
export function builtForPullRequest(run: WorkflowRunInfo): boolean {
  return run.event !== undefined && PULL_REQUEST_EVENTS.has(run.event)
}

/**
 * The open pull request whose head is the built commit, with its base branch. `workflow_run.pull_requests` is empty for
 * a fork, and so is "pull requests of a commit" for a commit only the fork holds; listing the base
 * repository's pulls by `head=<fork owner>:<branch>` finds it. The head SHA must match, so a run
 * superseded by a newer push finds nothing.
 */
export async function findWorkflowRunPullRequest(
  octokit: Octokit,
  repo: Repo,
  run: WorkflowRunInfo
): Promise<PullRequestRef | undefined> {
  const sha = run.headSha
  if (sha === undefined) return undefined
  const [byCommit] = await findPullRequests(octokit, { ...repo, sha })
  if (byCommit !== undefined) return byCommit
  const headOwner = run.headRepository?.split('/')[0]
  if (!headOwner || run.headBranch === undefined) return undefined
  try {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
      ...repo,
      head: `${headOwner}:${run.headBranch}`,
      state: 'open',
      per_page: 100
    })
    return pulls
      .filter((pull) => pull.head.sha === sha)
      .map((pull) => ({ number: pull.number, baseRef: pull.base.ref }))
      .sort((a, b) => a.number - b.number)[0]
  } catch (error) {
    throw explainGitHubError(error, 'comment')
  }
}
