import { explainGitHubError } from '../../github-errors.js'
import type { PagesRepository } from './site.js'
import { pagesSettingsUrl } from './site.js'
import { probe } from '../probe.js'

export interface WaitOptions {
  /** The branch commit holding the build. */
  commit: string
  /** A Pages deployment of `commit` (or later) succeeded: only the manifest is checked. */
  deployed?: boolean
  /** The manifest URL iOS will fetch. */
  manifestUrl: string
  timeoutMs: number
  /** Between polls (default 5 s). */
  intervalMs?: number
  sleep: (ms: number) => Promise<void>
  now: () => number
}

/**
 * Waits until GitHub Pages serves the build: polls the latest Pages build and, once a build is
 * done, HEADs the manifest the way iOS fetches it (no redirects). A later run's push may be built
 * instead of ours; it contains our build too, so a 200 for our manifest is what counts. Returns
 * warnings (a failed Pages build, a redirect, a timeout); never throws for a slow site.
 */
export async function waitUntilServed(
  repository: PagesRepository,
  options: WaitOptions
): Promise<string[]> {
  const { octokit, owner, repo } = repository
  const interval = options.intervalMs ?? 5000
  const deadline = options.now() + options.timeoutMs
  const settingsUrl = pagesSettingsUrl(repository)
  for (;;) {
    let build: { status: string; commit: string; error: { message: string | null } } | undefined
    if (options.deployed) {
      build = { status: 'built', commit: options.commit, error: { message: null } }
    } else {
      try {
        build = (await octokit.rest.repos.getLatestPagesBuild({ owner, repo })).data
      } catch (error) {
        // 404: no build yet (Pages just enabled). Anything else: the check is given up.
        if ((error as { status?: unknown }).status !== 404) {
          return [`Could not check the Pages build: ${explainGitHubError(error, 'pages').message}`]
        }
      }
    }
    if (build?.commit === options.commit && build.status === 'errored') {
      return [
        `GitHub Pages failed to build commit ${options.commit.slice(0, 12)}: ${build.error.message ?? 'no reason given'}; see ${settingsUrl}.`
      ]
    }
    if (build?.status === 'built') {
      // A failure (DNS or certificate of a new custom domain) or another status: keep waiting.
      const served = await probe(options.manifestUrl)
      if ('status' in served && served.status === 200) return []
      if ('location' in served && served.location) {
        return [
          `${options.manifestUrl} answers ${served.status} redirecting to ${served.location}, but iOS does not follow redirects for the manifest: set base-url to the address the site is finally served from.`
        ]
      }
    }
    if (options.now() >= deadline) {
      return [
        `GitHub Pages did not serve ${options.manifestUrl} within ${Math.round(options.timeoutMs / 1000)} s; the build may still go live shortly (see the "pages build and deployment" workflow and ${settingsUrl}).`
      ]
    }
    await options.sleep(interval)
  }
}
