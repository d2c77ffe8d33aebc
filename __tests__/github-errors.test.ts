import { afterEach, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { createOctokit } from '../src/github.js'
import { explainGitHubError, type GitHubAction } from '../src/github-errors.js'
import { isForkPullRequest } from '../src/event/fork.js'
import { startGitHub, type GitHubStandIn, type Reply } from './support/github-server.js'

const TOKEN = 'ghs_errorsTestToken'
let gh: GitHubStandIn | undefined

afterEach(async () => {
  expect(gh?.violations ?? []).toEqual([])
  await gh?.close()
  gh = undefined
})

/** The error Octokit throws when GitHub answers `reply` to GET /repos/o/r. */
async function errorFor(reply: Reply): Promise<unknown> {
  gh = await startGitHub({ token: TOKEN, fault: () => reply })
  gh.handle('repos/get', () => ({ status: 200, body: {} }))
  return createOctokit(TOKEN, gh.url, 0)
    .rest.repos.get({ owner: 'o', repo: 'r' })
    .then(
      () => {
        throw new Error('expected GitHub to refuse')
      },
      (error: unknown) => error
    )
}

async function explain(reply: Reply, action: GitHubAction): Promise<string> {
  const error = explainGitHubError(await errorFor(reply), action)
  expect(error).toBeInstanceOf(UserError)
  expect(error.message).not.toContain(TOKEN)
  expect(error.message).not.toContain('\n')
  return error.message
}

const forbidden: Reply = {
  status: 403,
  body: { message: 'Resource not accessible by integration' },
  headers: { 'x-github-request-id': 'AB12:3456' }
}

describe('explainGitHubError', () => {
  it.each([
    ['comment', 'pull-requests: write'],
    ['deploy', 'deployments: write'],
    ['pages', 'pages: read" and "contents: write'],
    ['release', 'contents: write']
  ] as const)('names the permission a 403 needs for %s', async (action, permission) => {
    const message = await explain(forbidden, action)
    expect(message).toContain(`403 Resource not accessible by integration (GET /repos/o/r)`)
    expect(message).toContain(`"permissions: ${permission}"`)
    expect(message).toContain('Workflow permissions')
    expect(message).toContain('(GitHub request id AB12:3456)')
  })

  it('says what was not found on a 404', async () => {
    const message = await explain({ status: 404, body: { message: 'Not Found' } }, 'release')
    expect(message).toMatch(
      /^GitHub refused to publish to the GitHub release: 404 Not Found \(GET \/repos\/o\/r\) \(GitHub request id [0-9A-F-]+\); the repository or release does not exist/
    )
    expect(message).toContain('check release-tag')
  })

  it('explains the secondary rate limit, after Octokit has waited it out once', async () => {
    const message = await explain(
      {
        status: 403,
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
        },
        headers: { 'retry-after': '1' }
      },
      'comment'
    )
    expect(gh?.requests).toHaveLength(2)
    expect(message).toContain("GitHub's secondary rate limit")
    expect(message).toContain('run fewer jobs at once')
  })

  it('explains an exhausted primary rate limit with its reset time', () => {
    const error = {
      status: 403,
      message: 'API rate limit exceeded',
      request: { method: 'GET', url: 'https://api.github.com/repos/o/r?per_page=1' },
      response: {
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '1767225600',
          'x-github-request-id': 'R:1'
        },
        data: { message: 'API rate limit exceeded for installation ID 1.' }
      }
    }
    expect(explainGitHubError(error, 'pages').message).toBe(
      "GitHub refused to publish to GitHub Pages: 403 API rate limit exceeded for installation ID 1. (GET /repos/o/r) (GitHub request id R:1); the token's API rate limit is used up (it resets at 2026-01-01T00:00:00.000Z): re-run the job later."
    )
  })

  it('says the token is invalid on a 401', async () => {
    const message = await explain({ status: 401, body: { message: 'Bad credentials' } }, 'deploy')
    expect(message).toContain('401 Bad credentials')
    expect(message).toContain('the github-token is invalid or expired')
  })

  it('explains a network failure without pretending GitHub answered', async () => {
    const closed = await startGitHub()
    const url = closed.url
    await closed.close()
    const error = await createOctokit(TOKEN, url, 0)
      .rest.repos.get({ owner: 'o', repo: 'r' })
      .catch((e: unknown) => e)
    const message = explainGitHubError(error, 'comment').message
    expect(message).toMatch(
      /^Could not reach GitHub to comment on the pull request: .*ECONNREFUSED/
    )
  })
})

describe('isForkPullRequest', () => {
  const repo = (id: number, full_name: string) => ({ id, full_name })
  const event = (head: unknown, base: unknown) => ({
    pull_request: { number: 1, head: { repo: head }, base: { repo: base } }
  })

  it.each([
    [
      'a pull request from a branch of the same repository',
      event(repo(1, 'o/r'), repo(1, 'o/r')),
      false
    ],
    ['a pull request from a fork', event(repo(2, 'fork/r'), repo(1, 'o/r')), true],
    ['a pull request whose fork was deleted', event(null, repo(1, 'o/r')), true],
    ['a renamed repository (same id)', event(repo(1, 'o/old'), repo(1, 'o/new')), false],
    ['payloads without ids', event({ full_name: 'fork/r' }, { full_name: 'o/r' }), true],
    ['a push', { ref: 'refs/heads/main', head_commit: {} }, false],
    ['no event', {}, false]
  ])('%s', (_, payload, expected) => {
    expect(isForkPullRequest(payload)).toBe(expected)
  })
})
