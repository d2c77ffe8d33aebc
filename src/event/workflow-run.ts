/**
 * Finding the pull request a workflow_run build run built. GitHub lists none for a fork's, and
 * what it lists is only checked against the build by event/guard.ts.
 */
import type { Octokit } from '../github.js'
import { explainGitHubError } from '../github-errors.js'
import { findPullRequests, type PullRequestRef, type Repo } from '../report/pr.js'

/** The head a pull request must have: the built commit, on a branch of the build's repository. */
export interface PullRequestHead {
  /** owner/repo of the head repository (the fork's for a fork). */
  repository: string
  branch: string
  sha: string
}

/** How the guard asks GitHub about pull requests (a typed fake in the tests). */
export interface PullRequestLookup {
  /** The open pull requests into this repository whose head commit is `sha`, lowest first. */
  openByCommit(sha: string): Promise<PullRequestRef[]>
  /** The pull request into this repository in `state` whose head is `head`. */
  byHead(head: PullRequestHead, state: 'open' | 'closed'): Promise<PullRequestRef | undefined>
}

export function createPullRequestLookup(octokit: Octokit, repo: Repo): PullRequestLookup {
  return {
    openByCommit: (sha) => findPullRequests(octokit, { ...repo, sha }),
    byHead: (head, state) => findByHead(octokit, repo, head, state)
  }
}

/**
 * `head=<owner>:<branch>` finds a fork's pull request, which neither the run nor "pull requests of
 * a commit" (for a commit only the fork holds) lists. The head SHA and repository must match, so a
 * run superseded by a newer push, or another fork's branch of the same name, finds nothing.
 */
async function findByHead(
  octokit: Octokit,
  repo: Repo,
  head: PullRequestHead,
  state: 'open' | 'closed'
): Promise<PullRequestRef | undefined> {
  const owner = head.repository.split('/')[0]
  try {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
      ...repo,
      head: `${owner}:${head.branch}`,
      state,
      per_page: 100
    })
    const matching = pulls
      .filter(
        (pull) =>
          pull.head.sha === head.sha &&
          pull.head.repo?.full_name.toLowerCase() === head.repository.toLowerCase()
      )
      .map((pull) => ({ number: pull.number, baseRef: pull.base.ref }))
      .sort((a, b) => a.number - b.number)
    // Of closed ones (a branch re-proposed after a close) the newest is the one just closed.
    return state === 'open' ? matching[0] : matching.at(-1)
  } catch (error) {
    throw explainGitHubError(error, 'comment')
  }
}
