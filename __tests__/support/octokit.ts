import { getOctokit } from '@actions/github'
import type { Octokit } from '../../src/github.js'

/**
 * A real Octokit for a stand-in at `url`, without createOctokit's retry and throttle plugins.
 * plugin-throttling spaces writes through limiters shared by every Octokit in the process (one write
 * a second, one comment every three), which made a file of comment tests take a minute. Tests of
 * what those plugins do (github-server, github-errors, hardening-faults) use createOctokit itself.
 */
export function unthrottledOctokit(token: string, url: string): Octokit {
  return getOctokit(token, { baseUrl: url })
}
