import * as core from '@actions/core'
import { UserError } from '../../errors.js'
import { explainGitHubError } from '../../github-errors.js'
import { backoffMs } from '../backoff.js'
import { explainDeployError, FINAL_STATUSES, idTokenError, isInProgress } from './deploy-errors.js'
import type { PagesRepository } from './site.js'

/** Consecutive failed status polls before the deployment is given up (deploy-pages uses 10). */
const MAX_POLL_ERRORS = 10

/** What the Pages deployment API calls need, with the seams resolved. */
export interface DeploymentApi {
  repository: PagesRepository
  /** The branch holding the site, for messages. */
  branch: string
  /** wait-timeout: bounds waiting for other deployments, and for ours once created. */
  timeoutMs: number
  intervalMs: number
  idToken: () => Promise<string>
  onCancel: (cleanup: () => Promise<void>) => () => void
  sleep: (ms: number) => Promise<void>
  now: () => number
  random: () => number
}

const short = (commit: string): string => commit.slice(0, 12)

/**
 * Creates the deployment of `artifactId` as `target`, waiting out another one in progress (GitHub
 * answers 400). Between tries `moved` is asked whether the branch now holds other files; if it
 * returns a commit, that is returned instead and nothing is created.
 */
export async function createDeployment(
  api: DeploymentApi,
  artifactId: number,
  target: string,
  moved: () => Promise<string | undefined>
): Promise<{ id: string } | { moved: string }> {
  const { octokit, owner, repo } = api.repository
  const server = api.repository.serverUrl.replace(/\/+$/, '')
  const environmentsUrl = `${server}/${owner}/${repo}/settings/environments`
  const deadline = api.now() + api.timeoutMs
  for (let attempt = 1; ; attempt++) {
    let oidcToken: string
    try {
      oidcToken = await api.idToken()
    } catch (error) {
      throw idTokenError(error)
    }
    const request = octokit.rest.repos.createPagesDeployment({
      owner,
      repo,
      artifact_id: artifactId,
      pages_build_version: target,
      oidc_token: oidcToken
    })
    const idOf = (data: Awaited<typeof request>['data']) =>
      String(data.id ?? data.status_url.split('/').pop() ?? target)
    // Cancelled while the request is in flight: GitHub may create the deployment all the same,
    // so cancel the one it answers with (nothing to do when it refuses).
    const unregister = api.onCancel(async () => {
      const created = await request.then(({ data }) => idOf(data)).catch(() => undefined)
      if (created === undefined) return
      await octokit.rest.repos
        .cancelPagesDeployment({ owner, repo, pages_deployment_id: created })
        .then(() => core.info(`Cancelled Pages deployment ${created}.`))
        .catch(() => core.warning(`Could not cancel Pages deployment ${created}.`))
    })
    try {
      const id = idOf((await request).data)
      core.info(`Created Pages deployment ${id} of ${short(target)}.`)
      return { id }
    } catch (error) {
      if (!isInProgress(error)) throw explainDeployError(error, environmentsUrl)
    } finally {
      unregister()
    }
    if (api.now() >= deadline) {
      throw new UserError(
        `Another GitHub Pages deployment kept running for the whole wait-timeout (${Math.round(api.timeoutMs / 1000)} s), so ${short(target)} of branch ${api.branch} was not deployed: raise wait-timeout, or re-run the job.`
      )
    }
    const delay = Math.max(api.intervalMs, backoffMs(attempt, api.random, api.intervalMs, 30_000))
    core.info(
      `Another Pages deployment is in progress; asking again in ${Math.round(delay / 1000)} s.`
    )
    await api.sleep(delay)
    const newer = await moved()
    if (newer !== undefined) return { moved: newer }
  }
}

/**
 * Polls deployment `id` until `succeed`. A final status, too many failed polls or wait-timeout
 * (counted from now, once the deployment exists) end it; the last two cancel it.
 */
export async function waitForDeployment(
  api: DeploymentApi,
  id: string,
  target: string
): Promise<void> {
  const { octokit, owner, repo } = api.repository
  const params = { owner, repo, pages_deployment_id: id }
  const deadline = api.now() + api.timeoutMs
  const { cancel, settle } = deploymentCanceller(api, id)
  const unregister = api.onCancel(cancel)
  try {
    let errors = 0
    let last = ''
    for (;;) {
      try {
        const { status } = (await octokit.rest.repos.getPagesDeployment(params)).data
        errors = 0
        if (status === 'succeed') {
          settle()
          core.info(`GitHub Pages deployed ${short(target)}.`)
          return
        }
        const meaning = status ? FINAL_STATUSES[status] : undefined
        if (meaning) {
          settle()
          throw new UserError(
            `The GitHub Pages deployment of ${short(target)} ended with ${status}: ${meaning}.`
          )
        }
        if (status && status !== last) core.info(`Pages deployment ${id}: ${status}`)
        last = status ?? last
      } catch (error) {
        if (error instanceof UserError) throw error
        if (++errors >= MAX_POLL_ERRORS) {
          await cancel()
          throw explainGitHubError(error, 'pages-deploy')
        }
      }
      if (api.now() >= deadline) {
        await cancel()
        throw new UserError(
          `GitHub Pages did not finish deploying ${short(target)} within wait-timeout (${Math.round(api.timeoutMs / 1000)} s); the deployment was cancelled: raise wait-timeout and re-run the job.`
        )
      }
      await api.sleep(api.intervalMs)
    }
  } finally {
    unregister()
  }
}

/** Cancels deployment `id` at most once, and not at all once it has settled. */
function deploymentCanceller(
  api: DeploymentApi,
  id: string
): { cancel: () => Promise<void>; settle: () => void } {
  const { octokit, owner, repo } = api.repository
  let pending = true
  const cancel = async (): Promise<void> => {
    if (!pending) return
    pending = false
    try {
      await octokit.rest.repos.cancelPagesDeployment({ owner, repo, pages_deployment_id: id })
      core.info(`Cancelled Pages deployment ${id}.`)
    } catch (error) {
      core.warning(
        `Could not cancel Pages deployment ${id}: ${explainGitHubError(error, 'pages-deploy').message}`
      )
    }
  }
  return {
    cancel,
    settle: () => {
      pending = false
    }
  }
}
