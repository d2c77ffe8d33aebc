import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import * as core from '@actions/core'
import { onCancel as onProcessCancel } from '../../cancel.js'
import { UserError } from '../../errors.js'
import { explainGitHubError } from '../../github-errors.js'
import { formatBytes } from '../../format.js'
import { backoffMs, defaultSleep } from '../backoff.js'
import { basicAuthorization, createGit, gitAuthEnv, GitError } from './git.js'
import type { Git } from './git.js'
import { explainDeployError, FINAL_STATUSES, idTokenError, isInProgress } from './deploy-errors.js'
import type { PagesRepository } from './site.js'
import { writeTreeTar } from './tar.js'

/**
 * GitHub supports Pages sites up to 1 GB and deploy-pages warns above 1024³ bytes (its
 * ONE_GIGABYTE): larger sites deploy slowly or fail.
 */
const PAGES_SIZE_LIMIT_BYTES = 1024 ** 3
/** Consecutive failed status polls before the deployment is given up (deploy-pages uses 10). */
const MAX_POLL_ERRORS = 10

export interface PagesDeployOptions {
  repository: PagesRepository
  /** `<serverUrl>/<owner>/<repo>.git`; it never carries the token. */
  remoteUrl: string
  token: string
  /** The branch holding the site (pages-branch). */
  branch: string
  /** A temporary repository is made under it (prefix ipa-ota-, so a cancel sweeps it). */
  tempDir: string
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT: artifact names must be unique within a run. */
  runId: string
  runAttempt: number
  /** wait-timeout: bounds waiting for other deployments and for ours. */
  timeoutMs: number
  /** Between status polls and in-progress retries (default 5 s). */
  intervalMs?: number
  // Seams; the defaults are the runner's.
  idToken?: () => Promise<string>
  /** Registers work to do before a cancelled run exits; returns its removal. */
  onCancel?: (cleanup: () => Promise<void>) => () => void
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  random?: () => number
  /** Sites larger than this get a warning (default PAGES_SIZE_LIMIT_BYTES). */
  sizeLimitBytes?: number
}

/** Loads @actions/artifact only here: a split chunk the other hosts never parse. */
const upload = async (name: string, tarFile: string): Promise<{ id: number; size: number }> =>
  (await import('./artifact.js')).uploadPagesArtifact(name, tarFile)

/**
 * Deploys a Pages site whose source is "GitHub Actions" from the branch that holds its files, as
 * actions/upload-pages-artifact + actions/deploy-pages do: artifact.tar of the commit's tree,
 * uploaded as an Actions artifact, then a Pages deployment of it, polled until it succeeds.
 *
 * Every deployment replaces the whole site, so runs publishing at once must not lose each other's
 * builds: while another deployment runs, ours is retried (and re-targeted to the branch tip if it
 * moved); after ours succeeds the tip is read again, and a newer one is deployed too. The last
 * deployment is therefore always of the newest tip, which holds every run's build.
 * Returns the commit finally deployed.
 */
export async function deployPagesBranch(
  commit: string,
  options: PagesDeployOptions
): Promise<string> {
  const sleep = options.sleep ?? defaultSleep
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const interval = options.intervalMs ?? 5000
  const deadline = now() + options.timeoutMs
  const { octokit, owner, repo } = options.repository
  const server = options.repository.serverUrl.replace(/\/+$/, '')
  const environmentsUrl = `${server}/${owner}/${repo}/settings/environments`
  const registerCancel = options.onCancel ?? onProcessCancel
  // Unique per job even when matrix jobs of one run converge on the same tip.
  const nonce = randomBytes(3).toString('hex')

  const work = await mkdtemp(join(options.tempDir, 'ipa-ota-deploy-'))
  const secrets = [options.token, basicAuthorization(options.token).slice('basic '.length)]
  const git = createGit({
    gitDir: work,
    env: gitAuthEnv(options.token, options.remoteUrl),
    secrets
  })
  try {
    await git.run(['init', '--bare', '--quiet', '--template='])
    await git.run(['remote', 'add', 'origin', options.remoteUrl])

    let target = commit
    for (let round = 1; ; round++) {
      const artifactId = await uploadTree(target, round)
      const created = await create(artifactId, target)
      if ('moved' in created) {
        core.info(
          `Branch ${options.branch} moved to ${short(created.moved)} meanwhile; deploying that.`
        )
        target = created.moved
        continue
      }
      await waitForDeployment(created.id, target)
      const tip = await remoteTip(git, options.branch)
      if (tip === undefined || tip === target) return target
      if (now() >= deadline) {
        core.info(
          `Branch ${options.branch} moved to ${short(tip)} after this deployment; the run that pushed it deploys it.`
        )
        return target
      }
      core.info(
        `Branch ${options.branch} moved to ${short(tip)} meanwhile; deploying it too, so no build is lost.`
      )
      target = tip
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }

  /** Fetches `target` with every blob, writes artifact.tar and uploads it; returns the artifact id. */
  async function uploadTree(target: string, round: number): Promise<number> {
    try {
      await git.run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        '--depth=1',
        'origin',
        target
      ])
    } catch (error) {
      if (!(error instanceof GitError)) throw error
      throw new UserError(
        `Could not fetch ${short(target)} of branch ${options.branch} to deploy it: ${error.stderr.split('\n')[0] ?? error.message}; re-run the job (the build is on the branch and the next run deploys it too).`,
        { cause: error }
      )
    }
    const dir = join(work, `artifact-${round}`)
    await mkdir(dir)
    const tar = join(dir, 'artifact.tar')
    const { size, skipped } = await writeTreeTar(git, target, tar)
    for (const entry of skipped) {
      core.warning(
        `${entry.path} on branch ${options.branch} is a ${entry.kind}, which a Pages deployment cannot hold: it is left out of the site.`
      )
    }
    const tooLarge = artifactSizeWarning(size, options.branch, options.sizeLimitBytes)
    if (tooLarge) core.warning(tooLarge)
    const name = `ipa-ota-pages-${options.runId}-${options.runAttempt}-${target.slice(0, 12)}-${nonce}`
    const { id } = await upload(name, tar)
    await rm(dir, { recursive: true, force: true })
    core.info(
      `Uploaded ${formatBytes(size)} of branch ${options.branch} (${short(target)}) as artifact ${name} (id ${id}).`
    )
    return id
  }

  /**
   * Creates the deployment, waiting out another one in progress; `moved` when the branch tip
   * changed during that wait, so the newer tip is deployed instead.
   */
  async function create(
    artifactId: number,
    target: string
  ): Promise<{ id: string } | { moved: string }> {
    for (let attempt = 1; ; attempt++) {
      let oidcToken: string
      try {
        oidcToken = await (options.idToken ?? (() => core.getIDToken()))()
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
      const unregister = registerCancel(async () => {
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
        if (now() >= deadline) {
          throw new UserError(
            `Another GitHub Pages deployment kept running for the whole wait-timeout (${Math.round(options.timeoutMs / 1000)} s), so ${short(target)} of branch ${options.branch} was not deployed: raise wait-timeout, or re-run the job.`
          )
        }
        const delay = Math.max(interval, backoffMs(attempt, random, interval, 30_000))
        core.info(
          `Another Pages deployment is in progress; asking again in ${Math.round(delay / 1000)} s.`
        )
        await sleep(delay)
        const tip = await remoteTip(git, options.branch)
        if (tip !== undefined && tip !== target) return { moved: tip }
      } finally {
        unregister()
      }
    }
  }

  /** Polls until `succeed`; a final status, too many errors or the deadline end it (cancelled). */
  async function waitForDeployment(id: string, target: string): Promise<void> {
    const params = { owner, repo, pages_deployment_id: id }
    let pending = true
    const cancel = async (): Promise<void> => {
      if (!pending) return
      pending = false
      try {
        await octokit.rest.repos.cancelPagesDeployment(params)
        core.info(`Cancelled Pages deployment ${id}.`)
      } catch (error) {
        core.warning(
          `Could not cancel Pages deployment ${id}: ${explainGitHubError(error, 'pages-deploy').message}`
        )
      }
    }
    const unregister = registerCancel(cancel)
    try {
      let errors = 0
      let last = ''
      for (;;) {
        try {
          const { status } = (await octokit.rest.repos.getPagesDeployment(params)).data
          errors = 0
          if (status === 'succeed') {
            pending = false
            core.info(`GitHub Pages deployed ${short(target)}.`)
            return
          }
          const meaning = status ? FINAL_STATUSES[status] : undefined
          if (meaning) {
            pending = false
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
        if (now() >= deadline) {
          await cancel()
          throw new UserError(
            `GitHub Pages did not finish deploying ${short(target)} within wait-timeout (${Math.round(options.timeoutMs / 1000)} s); the deployment was cancelled: raise wait-timeout and re-run the job.`
          )
        }
        await sleep(interval)
      }
    } finally {
      unregister()
    }
  }
}

/** The warning for an artifact.tar of `size` bytes larger than the limit; undefined within it. */
export function artifactSizeWarning(
  size: number,
  branch: string,
  limitBytes = PAGES_SIZE_LIMIT_BYTES
): string | undefined {
  if (size <= limitBytes) return undefined
  // GitHub's "1 GB" is binary, which formatBytes (decimal) would print as 1.1 GB.
  const limit =
    limitBytes % 1024 ** 3 === 0 ? `${limitBytes / 1024 ** 3} GB` : `${limitBytes} bytes`
  return `The Pages artifact of branch ${branch} is ${formatBytes(size)}, over the ${limit} GitHub Pages supports, so the deployment may be slow or fail: lower keep or max-site-size, or publish large builds with host: s3.`
}

/**
 * The branch tip on the remote; undefined when the branch does not exist or cannot be read (then
 * nothing newer is deployed by this run: the run that pushed it deploys it).
 */
async function remoteTip(git: Git, branch: string): Promise<string | undefined> {
  try {
    const out = await git.text(['ls-remote', '--heads', 'origin', `refs/heads/${branch}`])
    return out.split(/\s/)[0] || undefined
  } catch (error) {
    core.warning(
      `Could not read branch ${branch} to look for newer builds: ${error instanceof Error ? error.message : String(error)}`
    )
    return undefined
  }
}

const short = (commit: string): string => commit.slice(0, 12)
