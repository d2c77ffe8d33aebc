import * as core from '@actions/core'
import { UserError } from '../../errors.js'
import type { Octokit } from '../../github.js'
import { basicAuthorization } from './git.js'
import { deployPagesBranch } from './deploy.js'
import type { PagesDeployOptions } from './deploy.js'
import { ghesError, idTokenError, isGhes } from './deploy-errors.js'
import { createPagesStore } from './store.js'
import { readPagesSite } from './site.js'
import type { PagesSite } from './site.js'
import { waitUntilServed } from './verify.js'
import type { Host, SiteStore } from '../types.js'
import { siteUrl } from '../url.js'

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
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/**
 * host: pages. The site is the branch GitHub Pages deploys from ("Deploy from a branch"); builds
 * are committed to it with git plumbing and pushed, and Pages serves them. When the site's source
 * is "GitHub Actions", the files are kept the same way on pages-branch and each update is then
 * deployed from it (deploy.ts).
 */
export function createPagesHost(options: PagesHostOptions): Host {
  core.setSecret(options.token)
  core.setSecret(basicAuthorization(options.token).slice('basic '.length))
  const repository = {
    octokit: options.octokit,
    owner: options.owner,
    repo: options.repo,
    serverUrl: options.serverUrl
  }
  const sleep = options.sleep ?? defaultSleep

  const idToken = options.deploy?.idToken ?? (() => core.getIDToken())

  let site: Promise<PagesSite> | undefined
  const located = (): Promise<PagesSite> => {
    if (!site) {
      site = readPagesSite(repository, {
        fallbackBranch: options.branch,
        baseUrl: options.baseUrl
      }).then(async (found) => {
        if (found.workflow) await checkDeployable()
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

  /** Fails before anything is pushed when the deployment could not happen. */
  async function checkDeployable(): Promise<void> {
    if (isGhes(options.serverUrl)) throw ghesError()
    try {
      await idToken()
    } catch (error) {
      throw idTokenError(error)
    }
  }

  const remoteUrl = `${options.serverUrl.replace(/\/+$/, '')}/${options.owner}/${options.repo}.git`
  const branchStore = createPagesStore({
    remoteUrl,
    token: options.token,
    target: located,
    history: options.history,
    tempDir: options.tempDir,
    sleep,
    random: options.random
  })

  let deployed = false
  const store: SiteStore = {
    // The "GitHub Actions" mode deploys from the branch, so the branch holds the site either way.
    read: (root) => branchStore.read(root),
    async update(root, plan, message) {
      const planned = await branchStore.update(root, plan, message)
      const found = await located()
      if (!found.workflow || branchStore.commit === undefined) return planned
      await deployPagesBranch(branchStore.commit, {
        repository,
        remoteUrl,
        token: options.token,
        branch: found.branch,
        tempDir: options.tempDir,
        runId: options.runId ?? 'local',
        runAttempt: options.runAttempt ?? 1,
        timeoutMs: options.waitTimeoutMs,
        intervalMs: options.pollIntervalMs,
        idToken,
        onCancel: options.deploy?.onCancel,
        sizeLimitBytes: options.deploy?.sizeLimitBytes,
        sleep,
        now: options.now,
        random: options.random
      })
      deployed = true
      return planned
    }
  }

  return {
    name: 'pages',
    async locate() {
      const { url } = await located()
      return (sitePath) => siteUrl(url, sitePath)
    },
    store,
    async verify(record) {
      const { stepLeft } = await located()
      if (stepLeft !== undefined) throw new UserError(stepLeft)
      if (!options.wait || branchStore.commit === undefined) return []
      return waitUntilServed(repository, {
        commit: branchStore.commit,
        deployed,
        manifestUrl: record.urls.manifest,
        timeoutMs: options.waitTimeoutMs,
        intervalMs: options.pollIntervalMs,
        sleep,
        now: options.now ?? Date.now
      })
    }
  }
}
