import { randomBytes } from 'node:crypto'
import * as core from '@actions/core'
import { onCancel as onProcessCancel } from '../../cancel.js'
import { UserError } from '../../errors.js'
import { formatBytes } from '../../format.js'
import { defaultSleep } from '../backoff.js'
import type { GitLimits } from './git.js'
import { deployableCommit, fetchCommit, newerTip, uploadTree } from './deploy-branch.js'
import type { DeployBranch } from './deploy-branch.js'
import { createDeployment, waitForDeployment } from './deployment.js'
import type { DeploymentApi } from './deployment.js'
import { withTempRepo } from './repo.js'
import type { PagesRepository } from './site.js'

/**
 * GitHub supports Pages sites up to 1 GB and deploy-pages warns above 1024³ bytes (its
 * ONE_GIGABYTE): larger sites deploy slowly or fail.
 */
const PAGES_SIZE_LIMIT_BYTES = 1024 ** 3
/**
 * Deployments one run makes at most: each further one follows another run's push, so this is
 * reached only when pushes never stop.
 */
const MAX_ROUNDS = 20

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
  /** Bounds of each git command (default DEFAULT_GIT_LIMITS). */
  gitLimits?: GitLimits
}

/** What the branch's store left: the commit holding the update, and whether this run pushed it. */
export interface DeployStart {
  commit: string
  pushed: boolean
}

/** Loads @actions/artifact only here: a split chunk the other hosts never parse. */
const upload = async (name: string, tarFile: string): Promise<{ id: number; size: number }> =>
  (await import('./artifact.js')).uploadPagesArtifact(name, tarFile)

/**
 * Deploys a Pages site whose source is "GitHub Actions" from the branch that holds its files, as
 * actions/upload-pages-artifact + actions/deploy-pages do: artifact.tar of a commit's tree,
 * uploaded as an Actions artifact, then a Pages deployment of it, polled until it succeeds.
 *
 * Every deployment replaces the whole site, so runs publishing at once must not lose each other's
 * builds, and GitHub ignores a deployment of a commit it deployed before (deploy-pages#383):
 * - a run names as pages_build_version only commits it made itself, each once: the one its
 *   update pushed, or else an empty commit on top of the tip (deployableCommit); so no
 *   deployment is a no-op;
 * - right before creating a deployment the tip is read again, and a tip with other files is
 *   deployed instead;
 * - after a deployment succeeds the tip is read again, and a tip with other files is deployed
 *   too. The last deployment to succeed therefore holds the newest files, or a run fails.
 * Returns the version finally deployed.
 */
export async function deployPagesBranch(
  start: DeployStart,
  options: PagesDeployOptions
): Promise<string> {
  const api = deploymentApi(options)
  // Makes this job's empty commits unique, even when matrix jobs of one run converge on one tip.
  const label = `run ${options.runId}-${options.runAttempt} ${randomBytes(3).toString('hex')}`
  const repo = { ...options, purpose: 'deploy', limits: options.gitLimits }
  return withTempRepo(repo, async (git, work) => {
    const side: DeployBranch = { git, work, branch: options.branch }
    /** Commits this run made and has not asked GitHub to deploy yet. */
    const fresh = new Set(start.pushed ? [start.commit] : [])
    let target = start.commit
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const next = await deployRound(target, { options, api, side, fresh, label })
      if ('live' in next) return next.live
      target = next.target
    }
    throw new UserError(
      `Branch ${options.branch} kept receiving builds while this run deployed it ${MAX_ROUNDS} times: re-run the job once the other runs are done, so the site serves every build.`
    )
  })
}

interface Round {
  options: PagesDeployOptions
  api: DeploymentApi
  side: DeployBranch
  fresh: Set<string>
  label: string
}

/**
 * One deployment of the files of `target`: `live` when it succeeded and the branch holds no other
 * files since, else the `target` of the next round (the branch moved).
 */
async function deployRound(
  target: string,
  { options, api, side, fresh, label }: Round
): Promise<{ live: string } | { target: string }> {
  await fetchCommit(side, target)
  // Artifact names are unique within a run: a random part per upload, as matrix jobs of one run
  // may upload the same tip, and one job may upload it again in a later round.
  const name = `ipa-ota-pages-${options.runId}-${options.runAttempt}-${target.slice(0, 12)}-${randomBytes(3).toString('hex')}`
  const sizeWarning = (size: number) =>
    artifactSizeWarning(size, options.branch, options.sizeLimitBytes)
  const artifactId = await uploadTree(side, target, name, upload, sizeWarning)
  // The upload may have taken long: the branch is read again right before deploying.
  const newer = await newerTip(side, target)
  if (newer !== undefined) return moved(options.branch, newer, 'deploying that')
  // Another's commit may have been deployed already: deploy its files as a commit of our own.
  const own = await deployableCommit(side, target, fresh, label)
  if ('moved' in own) return moved(options.branch, own.moved, 'deploying that')
  const { version } = own
  // Moves are judged by the files deployed (target's), whatever commit names them.
  const created = await createDeployment(api, artifactId, version, () => newerTip(side, target))
  if ('moved' in created) return moved(options.branch, created.moved, 'deploying that')
  fresh.delete(version)
  await waitForDeployment(api, created.id, version)
  const after = await newerTip(side, target)
  if (after === undefined) return { live: version }
  return moved(options.branch, after, 'deploying it too, so no build is lost')
}

function moved(branch: string, tip: string, doing: string): { target: string } {
  core.info(`Branch ${branch} moved to ${short(tip)} meanwhile; ${doing}.`)
  return { target: tip }
}

function deploymentApi(options: PagesDeployOptions): DeploymentApi {
  return {
    repository: options.repository,
    branch: options.branch,
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs ?? 5000,
    idToken: options.idToken ?? (() => core.getIDToken()),
    onCancel: options.onCancel ?? onProcessCancel,
    sleep: options.sleep ?? defaultSleep,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random
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

const short = (commit: string): string => commit.slice(0, 12)
