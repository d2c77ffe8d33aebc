import { UserError } from '../../errors.js'
import type { Octokit } from '../../github.js'
import { createGitHubReleaser, explainReleaseError } from './api.js'
import { checkInstallFromRelease } from './install.js'
import { releaseUrl } from './layout.js'
import { createReleaseStore } from './store.js'
import type { Host } from '../types.js'

export interface ReleaseHostOptions {
  octokit: Octokit
  owner: string
  repo: string
  /** e.g. https://github.com (GitHub Enterprise Server: its own URL). */
  serverUrl: string
  /** The `release-tag` input, e.g. "ota-{channel}". */
  tagTemplate: string
  /** The `path` input: the site folder, e.g. "ota". */
  path: string
  /** What verify() fetches with (no token is ever sent); tests route it to a loopback server. */
  fetch?: typeof fetch
  /** Waits between upload attempts (tests record the delays instead). */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/**
 * host: release keeps builds as prerelease assets, one release per channel by default. An archive
 * rather than an install host: GitHub answers downloads with a redirect that iOS does not follow.
 */
export function createReleaseHost(options: ReleaseHostOptions): Host {
  const { owner, repo } = options
  const releaser = createGitHubReleaser(options.octokit, owner, repo)
  const layout = { path: options.path, tagTemplate: options.tagTemplate }
  let publicCheck: Promise<void> | undefined

  /** Release assets of a private repository need a login, which an iPhone's installer has not. */
  function requirePublicRepository(): Promise<void> {
    publicCheck ??= (async () => {
      const data = await releaser.visibility().catch((error: unknown) => {
        throw explainReleaseError(error, undefined)
      })
      if (data.private || data.visibility === 'internal') {
        throw new UserError(
          `The repository ${owner}/${repo} is ${data.visibility ?? 'private'}, so its release assets can only be downloaded with a GitHub login, which an iPhone's installer does not have: publish with host: s3 (or Pages on a public site) instead.`
        )
      }
    })()
    return publicCheck
  }

  return {
    name: 'release',
    async locate() {
      await requirePublicRepository()
      return (sitePath) =>
        releaseUrl({ ...layout, serverUrl: options.serverUrl, owner, repo }, sitePath)
    },
    store: createReleaseStore({
      releaser,
      layout,
      before: requirePublicRepository,
      sleep: options.sleep,
      random: options.random
    }),
    async verify(record) {
      const warning = await checkInstallFromRelease(record.urls.ipa, options.fetch ?? fetch)
      return warning === undefined ? [] : [warning]
    }
  }
}
