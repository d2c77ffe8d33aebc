/**
 * Faults real CI meets, through the bundled action with host: pages: a flaky GitHub API (502s
 * and secondary rate limits) and a git push whose connection drops.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from './support/git-server.js'
import {
  installCommentsFake,
  startGitHub,
  type GitHubStandIn,
  type RecordedRequest,
  type Reply
} from './support/github-server.js'
import { servePagesSettings } from './support/github-pages.js'
import { createOctokit } from '../src/github.js'
import { runAction } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'

const TOKEN = 'ghs_hardeningFaults0123456789abcdefgh'
const SITE = 'https://octo.github.io/app/'
/** src/github.ts: three retries after the first attempt. */
const RETRIES = 3

let work: string
let ipa: string
let git: GitServer
let github: GitHubStandIn | undefined

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hardening-faults-'))
  ipa = join(work, 'Sample.ipa')
  await writeSampleIpa(ipa)
})

afterEach(async () => {
  await github?.close()
  await git?.close()
  github = undefined
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const pullRequestEvent = {
  name: 'pull_request',
  payload: {
    number: 3,
    pull_request: {
      number: 3,
      head: { sha: 'c'.repeat(40), repo: { full_name: 'octo/app' } },
      base: { repo: { full_name: 'octo/app' } }
    }
  }
}

/** The Pages settings of a site deployed from gh-pages, as GitHub returns them. */
function answerPagesSettings(server: GitHubStandIn): void {
  servePagesSettings(server, { html_url: SITE })
}

async function publish(server: GitHubStandIn, runNumber = '17') {
  return runAction({
    inputs: { ipa, wait: 'false' },
    event: pullRequestEvent,
    token: TOKEN,
    cwd: work,
    env: {
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: git.url,
      GITHUB_RUN_NUMBER: runNumber,
      GITHUB_HEAD_REF: 'feature/login'
    }
  })
}

const WRITE = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

describe('the Octokit of the action', () => {
  it('retries server errors but not refusals (403, 404), which cannot succeed on a retry', async () => {
    github = await startGitHub({ token: TOKEN })
    const answers: Record<string, Reply[]> = {
      'users/get-authenticated': [
        { status: 403, body: { message: 'Resource not accessible by integration' } }
      ],
      'repos/get-pages': [{ status: 404, body: { message: 'Not Found' } }],
      'repos/get': [
        { status: 502, body: { message: 'Server Error' } },
        { status: 200, body: {} }
      ]
    }
    for (const [operation, replies] of Object.entries(answers)) {
      github.handle(operation, () => (replies.length > 1 ? replies.shift()! : replies[0]!))
    }
    const octokit = createOctokit(TOKEN, github.url)
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: { status?: number }) => e.status
      )

    expect(await status(octokit.rest.users.getAuthenticated())).toBe(403)
    expect(await status(octokit.rest.repos.getPages({ owner: 'octo', repo: 'app' }))).toBe(404)
    expect(await status(octokit.rest.repos.get({ owner: 'octo', repo: 'app' }))).toBe(200)
    expect(github.requests.map((r) => r.operationId)).toEqual([
      'users/get-authenticated',
      'repos/get-pages',
      'repos/get',
      'repos/get'
    ])
  })
})

describe('a flaky GitHub API', () => {
  it('succeeds through 502s on every fifth request and secondary rate limits on the first writes, and says it retried', async () => {
    git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
    await git.createRepo('octo/app')
    let rateLimited = 0
    const faults: Array<{ index: number; request: string; status: number }> = []
    github = await startGitHub({
      token: TOKEN,
      fault: (req: RecordedRequest, index: number): Reply | undefined => {
        const request = `${req.method} ${req.path}`
        if ((index + 1) % 5 === 0) {
          faults.push({ index, request, status: 502 })
          return { status: 502, body: { message: 'Server Error' } }
        }
        if (WRITE.has(req.method) && rateLimited < 2) {
          rateLimited++
          faults.push({ index, request, status: 403 })
          return {
            status: 403,
            headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
            body: {
              message:
                'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
              documentation_url:
                'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
            }
          }
        }
        return undefined
      }
    })
    answerPagesSettings(github)
    const comments = installCommentsFake(github, { login: 'github-actions[bot]' })

    const run = await publish(github)

    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(github.violations).toEqual([])
    expect(faults.filter((f) => f.status === 502).length).toBeGreaterThan(0)
    expect(faults.filter((f) => f.status === 403)).toHaveLength(2)
    // The comment was written once, in spite of the faults on the way.
    const onPr = comments.on('octo', 'app', 3)
    expect(onPr).toHaveLength(1)
    expect(onPr[0]!.body).toContain(`${SITE}ota/pr-3/17-1/`)
    expect(run.outputs['comment-url']).toContain('#issuecomment-')
    // Within the retry bound: no request was sent more than 1 + RETRIES times.
    const attempts = new Map<string, number>()
    for (const r of github.requests) {
      const key = `${r.method} ${r.path}?${r.query.toString()}`
      attempts.set(key, (attempts.get(key) ?? 0) + 1)
    }
    expect(Math.max(...attempts.values())).toBeLessThanOrEqual(1 + RETRIES)
    // The log says what was retried and why.
    const rateLimitWarnings = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::warning::GitHub secondary rate limit on POST'))
    expect(rateLimitWarnings).toHaveLength(2)
    expect(rateLimitWarnings[0]).toMatch(/\/issues\/\{issue_number\}\/comments: retrying in 1s$/)
    const injected502s = faults.filter((fault) => fault.status === 502).length
    const retryLines = run.stdout
      .split('\n')
      .filter((line) => /^GitHub answered 502 to \w+ \S+; retrying\.$/.test(line))
    expect(retryLines.length).toBeGreaterThan(0)
    expect(retryLines.length).toBeLessThanOrEqual(injected502s)
  })
})

describe('a git push whose connection drops', () => {
  it('retries after the connection drops mid-upload, and the branch holds exactly one commit for the build', async () => {
    // curl itself resends a request whose reused connection died before any answer, so the first
    // drop is absorbed there; the second reaches git, and the action's own retry must publish.
    let dropped = 0
    git = await startGitServer({
      tokens: { [TOKEN]: 'write' },
      fault: (request) => {
        if (request.method === 'POST' && request.service === 'git-receive-pack' && dropped < 2) {
          dropped++
          return 'drop'
        }
        return undefined
      }
    })
    await git.createRepo('octo/app')
    github = await startGitHub({ token: TOKEN })
    answerPagesSettings(github)
    installCommentsFake(github, { login: 'github-actions[bot]' })

    const run = await publish(github, '21')

    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(dropped).toBe(2)
    expect(run.stdout).toMatch(/Network failure talking to .*; retrying in \d+ ms \(attempt 2 of/)
    await expectOneCommit('21')
  })

  it('after a push that landed but whose answer was lost, publishes nothing twice', async () => {
    git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
    await git.createRepo('octo/app')
    const proxy = await startDroppingProxy(git.url)
    github = await startGitHub({ token: TOKEN })
    answerPagesSettings(github)
    installCommentsFake(github, { login: 'github-actions[bot]' })

    const run = await runAction({
      inputs: { ipa, wait: 'false' },
      event: pullRequestEvent,
      token: TOKEN,
      cwd: work,
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: proxy.url,
        GITHUB_RUN_NUMBER: '22',
        GITHUB_HEAD_REF: 'feature/login'
      }
    }).finally(() => proxy.close())

    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(proxy.dropped).toBe(1)
    expect(run.stdout).toMatch(/retrying in \d+ ms \(attempt 2 of|planning again/)
    await expectOneCommit('22')
  })
})

async function expectOneCommit(runNumber: string): Promise<void> {
  const log = await git.git('octo/app').text(['log', '--format=%H %s', 'gh-pages'])
  const commits = log.split('\n')
  expect(commits).toHaveLength(1)
  expect(commits[0]).toMatch(new RegExp(` Sample 1\\.0 \\(1\\) in ota/pr-3/${runNumber}-1$`))
  const files = await git.git('octo/app').text(['ls-tree', '-r', '--name-only', 'gh-pages'])
  expect(files.split('\n')).toEqual(
    expect.arrayContaining([
      `ota/pr-3/${runNumber}-1/build.json`,
      `ota/pr-3/${runNumber}-1/manifest.plist`,
      'ota/index.html'
    ])
  )
}

/**
 * An HTTP proxy in front of the git server that lets the first push through to the end and then
 * cuts the connection instead of relaying the answer: the branch moved, but the client never
 * heard so. Every later request passes through untouched.
 */
async function startDroppingProxy(target: string) {
  let dropped = 0
  const server = createServer((req, res) => {
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        if (req.method === 'POST' && req.url?.endsWith('/git-receive-pack') && dropped === 0) {
          dropped++
          answer.resume()
          answer.on('end', () => req.socket.destroy())
          return
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get dropped() {
      return dropped
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
