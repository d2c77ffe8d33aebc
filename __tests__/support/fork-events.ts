/** Event payloads and pull requests as GitHub sends them, for the fork and workflow_run tests. */
export const BUILT = 'b'.repeat(40)
export const BASE_REPO = { id: 1, full_name: 'octo/app' }
export const FORK_REPO = { id: 2, full_name: 'someone/app' }
/** workflow_run.pull_requests names repositories by id and API url only. */
export const API_REPO = 'https://api.github.com/repos/octo/app'

type Repository = typeof BASE_REPO

/** A pull request as the pulls endpoints answer it (the fields we read). */
export function pull(
  number: number,
  head: { sha: string; ref: string; repo: Repository },
  state: 'open' | 'closed' = 'open'
) {
  return {
    number,
    state,
    head: { ...head, label: `${head.repo.full_name.split('/')[0]}:${head.ref}` },
    base: { ref: 'main', sha: 'e'.repeat(40), repo: BASE_REPO }
  }
}

/** The event of a publish workflow on workflow_run, after a build run (pull_request by default). */
export function workflowRunEvent(options: {
  pullRequests: unknown[]
  head: Repository
  event?: string
  branch?: string
}) {
  return {
    name: 'workflow_run',
    payload: {
      action: 'completed',
      workflow_run: {
        id: 987654,
        name: 'build',
        event: options.event ?? 'pull_request',
        conclusion: 'success',
        head_sha: BUILT,
        head_branch: options.branch ?? 'feature/dark-mode',
        run_number: 31,
        run_attempt: 1,
        pull_requests: options.pullRequests,
        head_repository: options.head,
        repository: BASE_REPO,
        actor: { login: 'contributor' }
      },
      repository: BASE_REPO
    }
  }
}
