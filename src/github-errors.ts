import { UserError } from './errors.js'
import { oneLine } from './text.js'

/** What the action was doing when GitHub refused. */
export type GitHubAction = 'comment' | 'deploy' | 'pages' | 'pages-deploy' | 'release'

const ACTIONS: Record<GitHubAction, { doing: string; permissions: string[]; notFound: string }> = {
  comment: {
    doing: 'comment on the pull request',
    permissions: ['pull-requests: write'],
    notFound:
      'the repository or pull request does not exist or the token cannot see it; check pr-number and the token'
  },
  deploy: {
    doing: 'create the deployment',
    permissions: ['deployments: write'],
    notFound:
      'the repository or commit does not exist or the token cannot see it; check that the commit was pushed'
  },
  pages: {
    doing: 'publish to GitHub Pages',
    // Reading the Pages settings and builds needs pages: read; the push needs contents: write.
    permissions: ['pages: read', 'contents: write'],
    notFound:
      'the repository, branch or Pages site does not exist or the token cannot see it; enable Pages in Settings → Pages or check pages-branch'
  },
  'pages-deploy': {
    doing: 'deploy GitHub Pages',
    permissions: ['pages: write', 'id-token: write'],
    notFound:
      'the repository or its Pages site does not exist or the token cannot see it; enable Pages with Source "GitHub Actions" in Settings → Pages'
  },
  release: {
    doing: 'publish to the GitHub release',
    permissions: ['contents: write'],
    notFound:
      'the repository or release does not exist or the token cannot see it; check release-tag and the token'
  }
}

/** The parts of an Octokit RequestError we read (duck-typed: it crosses bundle boundaries). */
interface HttpError {
  status: number
  message?: string
  request?: { method?: string; url?: string }
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown }
}

/** The HTTP status of a failed request (Octokit's RequestError carries it), if it has one. */
export function httpStatus(error: unknown): number | undefined {
  return isHttpError(error) ? error.status : undefined
}

function isHttpError(error: unknown): error is HttpError {
  return (
    typeof error === 'object' && error !== null && typeof (error as HttpError).status === 'number'
  )
}

/**
 * One sentence for the person running the workflow: what GitHub refused, the permission or
 * setting that fixes it, and GitHub's request id for support. Never includes request headers
 * (the token) or query strings.
 */
export function explainGitHubError(error: unknown, action: GitHubAction): UserError {
  const { doing, permissions, notFound } = ACTIONS[action]
  // Octokit reports a network failure as status 500 without a response.
  if (!isHttpError(error) || error.response === undefined) {
    const reason = error instanceof Error ? error.message : String(error)
    return new UserError(
      `Could not reach GitHub to ${doing}: ${oneLine(reason)}; check the network and GITHUB_API_URL, then re-run the job.`,
      {
        cause: error
      }
    )
  }
  const headers = error.response?.headers ?? {}
  const requestId = headers['x-github-request-id']
  const id = requestId === undefined ? '' : ` (GitHub request id ${requestId})`
  const said = githubMessage(error)
  const what = `GitHub refused to ${doing}: ${error.status}${said ? ` ${said}` : ''}${describeRequest(error)}${id}`
  const message = ((): string => {
    if (isRateLimited(error, said)) {
      const reset = Number(headers['x-ratelimit-reset'])
      const when =
        Number.isFinite(reset) && reset > 0
          ? ` (it resets at ${new Date(reset * 1000).toISOString()})`
          : ''
      return /secondary/i.test(said)
        ? `${what}; this is GitHub's secondary rate limit for many requests in a short time: run fewer jobs at once or re-run the job in a few minutes.`
        : `${what}; the token's API rate limit is used up${when}: re-run the job later.`
    }
    switch (error.status) {
      case 401:
        return `${what}; the github-token is invalid or expired: pass a valid token (the default is secrets.GITHUB_TOKEN).`
      case 403:
        return `${what}; give the workflow job "permissions: ${permissions.join('" and "')}" (and in Settings → Actions → General, set Workflow permissions to "Read and write" if the organisation restricts them).`
      case 404:
        return `${what}; ${notFound}.`
      case 422:
        return `${what}; GitHub did not accept the request as sent.`
      default:
        return error.status >= 500
          ? `${what}; GitHub had a server error: re-run the job.`
          : `${what}.`
    }
  })()
  return new UserError(message, { cause: error })
}

function isRateLimited(error: HttpError, said: string): boolean {
  if (error.status === 429) return true
  return (
    error.status === 403 &&
    (/rate limit/i.test(said) || error.response?.headers?.['x-ratelimit-remaining'] === '0')
  )
}

/** GitHub's own message, e.g. "Resource not accessible by integration", on one line. */
function githubMessage(error: HttpError): string {
  const data = error.response?.data
  const message =
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
      ? (data as { message: string }).message
      : ''
  return oneLine(message).slice(0, 300)
}

/** "(POST /repos/o/r/issues/1/comments)": the method and path, without the host or query. */
function describeRequest(error: HttpError): string {
  const { method, url } = error.request ?? {}
  if (!method || !url) return ''
  try {
    return ` (${method} ${new URL(url).pathname})`
  } catch {
    return ''
  }
}
