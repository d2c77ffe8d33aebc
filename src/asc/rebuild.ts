/** Re-runs the newest successful build run of every open pull request, so its profile gains the device. */
import type { Octokit } from '../github.js'

export interface Rebuilt {
  pr: number
  run: number
}

export interface RebuildResult {
  rebuilt: Rebuilt[]
  /** Pull requests left alone, each with why. */
  skipped: string[]
}

export async function rebuildOpenPullRequests(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  workflow: string
): Promise<RebuildResult> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    ...repo,
    state: 'open',
    per_page: 100
  })
  const result: RebuildResult = { rebuilt: [], skipped: [] }
  for (const pull of pulls) {
    const { data } = await octokit.rest.actions.listWorkflowRuns({
      ...repo,
      workflow_id: workflow,
      head_sha: pull.head.sha,
      status: 'success',
      per_page: 1
    })
    const run = data.workflow_runs[0]
    if (!run) {
      result.skipped.push(`#${pull.number}: no successful run of ${workflow} for its head commit`)
      continue
    }
    try {
      await octokit.rest.actions.reRunWorkflow({ ...repo, run_id: run.id })
      result.rebuilt.push({ pr: pull.number, run: run.id })
    } catch (error) {
      const status = (error as { status?: number }).status
      result.skipped.push(
        `#${pull.number}: GitHub refused to re-run run ${run.id} (${status ?? String(error)}${status === 403 ? ': the workflow needs permissions: actions: write' : ''})`
      )
    }
  }
  return result
}
