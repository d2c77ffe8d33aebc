import * as core from '@actions/core'
import { UserError } from '../errors.js'
import type { Octokit } from '../github.js'
import { basicAuthorization } from './git.js'
import { createPagesStore } from './pages-store.js'
import { readPagesSite } from './pages-site.js'
import type { PagesSite } from './pages-site.js'
import { waitUntilServed } from './pages-verify.js'
import type { Host } from './types.js'
import { siteUrl } from './url.js'

export interface PagesHostOptions {
  /** From createOctokit, for the Pages REST endpoints. */
  octokit: Octokit
  owner: string
  repo: string
  /** GITHUB_SERVER_URL; the git remote is `<serverUrl>/<owner>/<repo>.git`. */
  serverUrl: string
  /** Needs contents: write (push) and pages: read (settings, builds). */
  token: string
  /** pages-branch: used only while Pages is not enabled (with baseUrl); default gh-pages. */
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
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/**
 * host: pages. The site is the branch GitHub Pages deploys from ("Deploy from a branch"); builds
 * are committed to it with git plumbing and pushed, and Pages serves them.
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

  let site: Promise<PagesSite> | undefined
  const located = (): Promise<PagesSite> => {
    if (!site) {
      site = readPagesSite(repository, { fallbackBranch: options.branch, baseUrl: options.baseUrl })
      site.then(
        (found) =>
          core.info(
            `GitHub Pages serves ${found.url} from branch ${found.branch}${found.dir ? `, folder /${found.dir}` : ''}.`
          ),
        // A failed lookup is not kept: a later call asks again.
        () => (site = undefined)
      )
    }
    return site
  }

  const store = createPagesStore({
    remoteUrl: `${options.serverUrl.replace(/\/+$/, '')}/${options.owner}/${options.repo}.git`,
    token: options.token,
    target: located,
    history: options.history,
    tempDir: options.tempDir,
    sleep,
    random: options.random
  })

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
      if (!options.wait || store.commit === undefined) return []
      return waitUntilServed(repository, {
        commit: store.commit,
        manifestUrl: record.urls.manifest,
        timeoutMs: options.waitTimeoutMs,
        intervalMs: options.pollIntervalMs,
        sleep,
        now: options.now ?? Date.now
      })
    }
  }
}
