import * as core from '@actions/core'
import { isIP } from 'node:net'
import { UserError } from '../../errors.js'
import type { Octokit } from '../../github.js'
import { explainGitHubError } from '../../github-errors.js'
import { sourceDir } from './tree.js'

/** The repository whose Pages site is used. */
export interface PagesRepository {
  octokit: Octokit
  owner: string
  repo: string
  /** GITHUB_SERVER_URL, e.g. https://github.com. */
  serverUrl: string
}

/** Where the site is served from and where its files go. */
export interface PagesSite {
  /** https address of the site root, ending in "/". */
  url: string
  branch: string
  /** Folder of the branch Pages serves ("" or e.g. "docs"); site URLs stay relative to `url`. */
  dir: string
  /**
   * The site's source is "GitHub Actions": `branch` (pages-branch) only keeps the files, and this
   * action deploys it after each update.
   */
  workflow?: boolean
  /**
   * Set when Pages is not enabled and no base-url was given: the build is pushed to `branch` (so
   * the owner can select it) at the address Pages will most likely use, and the run then fails
   * with this one step left.
   */
  stepLeft?: string
}

/** What the API says about a Pages site (the fields we read of GET /repos/{owner}/{repo}/pages). */
export interface PagesSettings {
  html_url?: string
  build_type?: string | null
  source?: { branch: string; path: string }
  public?: boolean
}

export const pagesSettingsUrl = (
  r: Pick<PagesRepository, 'serverUrl' | 'owner' | 'repo'>
): string => `${r.serverUrl.replace(/\/+$/, '')}/${r.owner}/${r.repo}/settings/pages`

/**
 * Reads the Pages settings and decides where to publish. `fallbackBranch` (pages-branch) is used
 * when Pages is not enabled yet, which is allowed only with `baseUrl` (the action then creates
 * the branch for the owner to select); `baseUrl` replaces only the address Pages reports.
 */
export async function readPagesSite(
  repository: PagesRepository,
  options: { fallbackBranch: string; baseUrl?: string }
): Promise<PagesSite> {
  const { octokit, owner, repo } = repository
  const settingsUrl = pagesSettingsUrl(repository)
  let settings: PagesSettings | undefined
  try {
    settings = (await octokit.rest.repos.getPages({ owner, repo })).data
  } catch (error) {
    // 404: Pages is not enabled; decidePagesSite explains what to do.
    if ((error as { status?: unknown }).status !== 404) throw explainGitHubError(error, 'pages')
  }
  return decidePagesSite(settings, {
    ...options,
    repository: `${owner}/${repo}`,
    settingsUrl,
    likelyUrl: likelyPagesUrl(repository)
  })
}

/**
 * The address GitHub gives a new Pages site: <owner>.github.io/<repo>/ (the root for the
 * <owner>.github.io repository); on GitHub Enterprise Server pages.<host>/<owner>/<repo>/ (with
 * subdomain isolation, the recommended setting), else <host>/pages/<owner>/<repo>/.
 */
export function likelyPagesUrl(r: Pick<PagesRepository, 'serverUrl' | 'owner' | 'repo'>): string {
  const server = new URL(r.serverUrl)
  const owner = r.owner.toLowerCase()
  if (server.hostname === 'github.com') {
    const userSite = r.repo.toLowerCase() === `${owner}.github.io`
    return `https://${owner}.github.io/${userSite ? '' : `${r.repo}/`}`
  }
  // Subdomain isolation needs a DNS name; a server known by its IP address serves /pages/.
  if (isIP(server.hostname.replace(/^\[|\]$/g, '')) !== 0) {
    return `https://${server.host}/pages/${r.owner}/${r.repo}/`
  }
  return `https://pages.${server.host}/${r.owner}/${r.repo}/`
}

/** The pure part of readPagesSite: `settings` undefined means Pages is not enabled (404). */
export function decidePagesSite(
  settings: PagesSettings | undefined,
  options: {
    fallbackBranch: string
    baseUrl?: string
    repository: string
    settingsUrl: string
    /** Where Pages will serve the site once enabled, when base-url does not say. */
    likelyUrl: string
  }
): PagesSite {
  const { fallbackBranch, baseUrl, repository, settingsUrl } = options
  if (!settings) {
    // The branch Pages should deploy from does not exist before the first push, so the first
    // run pushes it and then names the one step left, instead of refusing to start.
    if (baseUrl === undefined) {
      core.info(
        `GitHub Pages is not enabled for ${repository}: pushing the build to branch ${fallbackBranch} so it can be selected.`
      )
      return {
        url: options.likelyUrl,
        branch: fallbackBranch,
        dir: '',
        stepLeft: `GitHub Pages is not enabled for ${repository}; the build is pushed to branch ${fallbackBranch}. One step left: enable Pages from branch ${fallbackBranch} at ${settingsUrl} (Source "Deploy from a branch"), then re-run this workflow.`
      }
    }
    core.warning(
      `GitHub Pages is not enabled for ${repository}: the build is pushed to branch ${fallbackBranch}, but it is served only once you choose "Deploy from a branch" with that branch at ${settingsUrl}.`
    )
    return { url: withSlash(baseUrl), branch: fallbackBranch, dir: '' }
  }
  if (settings.public === false) {
    throw new UserError(
      `The GitHub Pages site of ${repository} is private, but an iPhone's installer cannot sign in to download the build: make it public at ${settingsUrl}, or use \`host: s3\`.`
    )
  }
  const reported = settings.html_url
  if (baseUrl === undefined && !reported) {
    throw new UserError(
      `GitHub did not report the address of the Pages site of ${repository}: set the base-url input to it.`
    )
  }
  const url = withSlash(baseUrl ?? httpsOf(reported!, settingsUrl))
  // A "GitHub Actions" site may still report the branch it was once deployed from: not ours.
  if (settings.build_type === 'workflow')
    return { url, branch: fallbackBranch, dir: '', workflow: true }
  return {
    url,
    branch: settings.source?.branch ?? fallbackBranch,
    dir: sourceDir(settings.source?.path)
  }
}

/** iOS installs only over https; a custom domain without "Enforce HTTPS" is reported as http. */
function httpsOf(url: string, settingsUrl: string): string {
  if (!url.startsWith('http://')) return url
  core.warning(
    `GitHub Pages reports ${url} over http, but iOS installs only over https: using https; if it fails, enable "Enforce HTTPS" at ${settingsUrl}.`
  )
  return `https://${url.slice('http://'.length)}`
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`)
