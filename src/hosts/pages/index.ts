import * as core from '@actions/core'
import { UserError } from '../../errors.js'
import type { Octokit } from '../../github.js'
import { defaultSleep } from '../backoff.js'
import type { Host, SiteStore } from '../types.js'
import { siteUrl } from '../url.js'
import { basicAuthorization } from './git.js'
import type { GitLimits } from './git.js'
import { deployPagesBranch } from './deploy.js'
import type { PagesDeployOptions } from './deploy.js'
import { ghesError, idTokenError, isGhes } from './deploy-errors.js'
import { createPagesStore } from './store.js'
import type { PagesStore } from './store.js'
import { readPagesSite } from './site.js'
import type { PagesRepository, PagesSite } from './site.js'
import { waitUntilServed } from './verify.js'

export interface PagesHostOptions {
  /** From createOctokit, for the Pages REST endpoints. */
  octokit: Octokit
  owner: string
  repo: string
  /** GITHUB_SERVER_URL; the git remote is `<serverUrl>/<owner>/<repo>.git`. */
  serverUrl: string
  /** Needs contents: write (push) and pages: read (settings, builds). */
  token: string
  /**
   * pages-branch: holds the files of a "GitHub Actions" site (deployed from it by this action), or
   * of a site not enabled yet (with baseUrl); default gh-pages.
   */
  branch: string
  /** base-url: replaces the address Pages reports. */
  baseUrl?: string
  history: 'keep' | 'squash'
  /** pages-shared-branch: publish into a branch that holds more than the site (not with squash). */
  allowSharedBranch?: boolean
  /** Wait for the Pages build and check the manifest is served. */
  wait: boolean
  waitTimeoutMs: number
  /** RUNNER_TEMP: the temporary git repository is made under it. */
  tempDir: string
  // Seams for tests.
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  now?: () => number
  /** Between Pages build polls (default 5 s). */
  pollIntervalMs?: number
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT, for unique artifact names ("GitHub Actions" sites). */
  runId?: string
  runAttempt?: number
  /** Seams of the "GitHub Actions" deployment (OIDC token, cancel hook, size warning). */
  deploy?: Pick<PagesDeployOptions, 'idToken' | 'onCancel' | 'sizeLimitBytes'>
  /** Bounds of each git command (default DEFAULT_GIT_LIMITS). */
  gitLimits?: GitLimits
}

/**
 * host: pages. The site is the branch GitHub Pages deploys from ("Deploy from a branch"); builds
 * are committed to it with git plumbing and pushed, and Pages serves them. When the site's source
 * is "GitHub Actions", the files are kept the same way on pages-branch and each update is then
 * deployed from it (deploy.ts).
 */
export function createPagesHost(options: PagesHostOptions): Host {
  core.setSecret(options.token)
  core.setSecret(basicAuthorization(options.token).slice('basic '.length))
  const repository: PagesRepository = {
    octokit: options.octokit,
    owner: options.owner,
    repo: options.repo,
    serverUrl: options.serverUrl
  }
  const sleep = options.sleep ?? defaultSleep
  const idToken = options.deploy?.idToken ?? (() => core.getIDToken())
  const located = locateOnce(repository, options, idToken)
  const remoteUrl = `${options.serverUrl.replace(/\/+$/, '')}/${options.owner}/${options.repo}.git`
  const branchStore = createPagesStore({
    remoteUrl,
    token: options.token,
    target: located,
    history: options.history,
    allowSharedBranch: options.allowSharedBranch,
    gitLimits: options.gitLimits,
    tempDir: options.tempDir,
    sleep,
    random: options.random
  })

  let deployed = false
  const deploy = async (): Promise<void> => {
    const found = await located()
    if (!found.workflow || branchStore.commit === undefined) return
    const start = { commit: branchStore.commit, pushed: branchStore.pushed }
    await deployPagesBranch(
      start,
      deployOptions(options, { repository, remoteUrl, found, idToken, sleep })
    )
    deployed = true
  }
  const store: SiteStore = {
    // The "GitHub Actions" mode deploys from the branch, so the branch holds the site either way.
    read: (root) => branchStore.read(root),
    async update(root, plan, message) {
      const updated = await branchStore.update(root, plan, message)
      await deploy()
      return updated
    }
  }

  return {
    name: 'pages',
    async locate() {
      const { url } = await located()
      return (sitePath) => siteUrl(url, sitePath)
    },
    store,
    verify: (record) =>
      verifyServed(located, branchStore, record.urls.manifest, () => deployed, {
        repository,
        options,
        sleep
      })
  }
}

/**
 * The Pages site, asked once (a failed lookup is asked again). On a "GitHub Actions" site it
 * first checks the deployment can happen, so nothing is pushed that could not be deployed.
 */
function locateOnce(
  repository: PagesRepository,
  options: PagesHostOptions,
  idToken: () => Promise<string>
): () => Promise<PagesSite> {
  let site: Promise<PagesSite> | undefined
  return () => {
    if (!site) {
      site = readPagesSite(repository, {
        fallbackBranch: options.branch,
        baseUrl: options.baseUrl
      }).then(async (found) => {
        if (found.workflow) await checkDeployable(options.serverUrl, idToken)
        return found
      })
      site.then(
        (found) =>
          core.info(
            found.workflow
              ? `GitHub Pages serves ${found.url}, deployed by GitHub Actions: the files are kept on branch ${found.branch} and deployed from it.`
              : `GitHub Pages serves ${found.url} from branch ${found.branch}${found.dir ? `, folder /${found.dir}` : ''}.`
          ),
        // A failed lookup is not kept: a later call asks again.
        () => (site = undefined)
      )
    }
    return site
  }
}

/** Fails before anything is pushed when the deployment could not happen. */
async function checkDeployable(serverUrl: string, idToken: () => Promise<string>): Promise<void> {
  if (isGhes(serverUrl)) throw ghesError()
  try {
    await idToken()
  } catch (error) {
    throw idTokenError(error)
  }
}

function deployOptions(
  options: PagesHostOptions,
  run: {
    repository: PagesRepository
    remoteUrl: string
    found: PagesSite
    idToken: () => Promise<string>
    sleep: (ms: number) => Promise<void>
  }
): PagesDeployOptions {
  return {
    repository: run.repository,
    remoteUrl: run.remoteUrl,
    token: options.token,
    branch: run.found.branch,
    tempDir: options.tempDir,
    runId: options.runId ?? 'local',
    runAttempt: options.runAttempt ?? 1,
    timeoutMs: options.waitTimeoutMs,
    intervalMs: options.pollIntervalMs,
    idToken: run.idToken,
    onCancel: options.deploy?.onCancel,
    sizeLimitBytes: options.deploy?.sizeLimitBytes,
    gitLimits: options.gitLimits,
    sleep: run.sleep,
    now: options.now,
    random: options.random
  }
}

/** Host.verify: the step left on a site not enabled yet, else (with wait) the manifest served. */
async function verifyServed(
  located: () => Promise<PagesSite>,
  branchStore: PagesStore,
  manifestUrl: string,
  deployed: () => boolean,
  run: {
    repository: PagesRepository
    options: PagesHostOptions
    sleep: (ms: number) => Promise<void>
  }
): Promise<string[]> {
  const { stepLeft } = await located()
  if (stepLeft !== undefined) throw new UserError(stepLeft)
  if (!run.options.wait || branchStore.commit === undefined) return []
  return waitUntilServed(run.repository, {
    commit: branchStore.commit,
    deployed: deployed(),
    manifestUrl,
    timeoutMs: run.options.waitTimeoutMs,
    intervalMs: run.options.pollIntervalMs,
    sleep: run.sleep,
    now: run.options.now ?? Date.now
  })
}
