/** A GitHub deployment per channel, so the install page shows up on the pull request and in Environments. */
import type { Octokit } from '../github.js'
import type { BuildRecord } from '../ota/types.js'
import { sourceLinks } from './build-details.js'
import { explainGitHubError } from '../github-errors.js'
import { UserError } from '../errors.js'

export interface DeploymentTarget {
  owner: string
  repo: string
  channel: string
  record: BuildRecord
}

/**
 * Creates a deployment of the build's commit to environment `ota/<channel>` and marks it
 * successful with the install page as its URL. The environment is transient and not production;
 * `auto_merge: false` and no required contexts, so GitHub neither merges the default branch
 * into the ref nor waits for status checks.
 */
export async function createDeployment(
  octokit: Octokit,
  target: DeploymentTarget
): Promise<{ id: number }> {
  const { record } = target
  const ref = record.source.sha
  if (!ref) {
    throw new UserError(
      'A deployment needs the commit of the build, but GITHUB_SHA is not set; run the action in a workflow or set deployment: false.'
    )
  }
  const environment = `ota/${target.channel}`
  try {
    const { data } = await octokit.rest.repos.createDeployment({
      owner: target.owner,
      repo: target.repo,
      ref,
      environment,
      description: `${record.app.name} ${record.app.version} (${record.app.build})`.slice(0, 140),
      auto_merge: false,
      required_contexts: [],
      transient_environment: true,
      production_environment: false,
      payload: { buildId: record.buildId, bundleId: record.app.bundleId }
    })
    if (!('id' in data)) {
      throw new UserError(
        `GitHub did not create the deployment to ${environment}: ${(data.message ?? 'no reason given').replace(/\.+$/, '')}; set deployment: false or check the branch.`
      )
    }
    await octokit.rest.repos.createDeploymentStatus({
      owner: target.owner,
      repo: target.repo,
      deployment_id: data.id,
      state: 'success',
      environment: environment,
      environment_url: record.urls.page,
      log_url: sourceLinks(record.source).run,
      auto_inactive: true
    })
    return { id: data.id }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw explainGitHubError(error, 'deploy')
  }
}
