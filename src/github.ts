import { getOctokit } from '@actions/github'
import * as core from '@actions/core'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { httpStatus } from './github-errors.js'

export type Octokit = ReturnType<typeof getOctokit>

/**
 * An Octokit for `apiUrl` (GITHUB_API_URL, so GitHub Enterprise Server works) that retries 5xx
 * answers and waits out primary and secondary rate limits, logging each retry.
 */
export function createOctokit(token: string, apiUrl: string, retries = 3): Octokit {
  return getOctokit(
    token,
    {
      baseUrl: apiUrl,
      // Not request.retries: plugin-retry would then retry every failure, 403 and 404 included.
      retry: { retries },
      throttle: {
        onRateLimit: retryRateLimit('rate limit', retries),
        onSecondaryRateLimit: retryRateLimit('secondary rate limit', retries)
      }
    },
    logServerErrors,
    retry,
    throttling
  )
}

/** Logs the wait, and retries up to `retries` times. */
function retryRateLimit(kind: string, retries: number) {
  return (
    retryAfter: number,
    options: { method: string; url: string },
    _octokit: unknown,
    count: number
  ): boolean => {
    core.warning(`GitHub ${kind} on ${options.method} ${options.url}: retrying in ${retryAfter}s`)
    return count <= retries
  }
}

/**
 * plugin-retry retries 5xx answers silently. Registered before it, this hook sees every attempt,
 * so the log shows what failed and that it is being retried.
 */
function logServerErrors(octokit: { hook: Octokit['hook'] }): void {
  octokit.hook.error('request', (error, options) => {
    const status = httpStatus(error) ?? 0
    if (status >= 500) {
      core.info(`GitHub answered ${status} to ${options.method} ${options.url}; retrying.`)
    }
    throw error
  })
}
