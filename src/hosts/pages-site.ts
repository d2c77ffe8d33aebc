import * as core from '@actions/core'
import { UserError } from '../errors.js'
import type { Octokit } from '../github.js'
import { explainGitHubError } from '../github-errors.js'
import { sourceDir } from './pages-tree.js'

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
  return decidePagesSite(settings, { ...options, repository: `${owner}/${repo}`, settingsUrl })
}

/** The pure part of readPagesSite: `settings` undefined means Pages is not enabled (404). */
export function decidePagesSite(
  settings: PagesSettings | undefined,
  options: { fallbackBranch: string; baseUrl?: string; repository: string; settingsUrl: string }
): PagesSite {
  const { fallbackBranch, baseUrl, repository, settingsUrl } = options
  if (!settings) {
    if (baseUrl === undefined) {
      throw new UserError(
        `GitHub Pages is not enabled for ${repository}: at ${settingsUrl} choose Source "Deploy from a branch" with branch "${fallbackBranch}", or, if that branch does not exist yet, set the base-url input to the site's address (e.g. https://<owner>.github.io/<repo>/) so this action creates it, then enable Pages on it.`
      )
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
