import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createOctokit, type Octokit } from '../src/github.js'
import {
  installCommentsFake,
  MAX_BUFFERED_BODY,
  startGitHub,
  type GitHubStandIn
} from './support/github-server.js'
import { unthrottledOctokit } from './support/octokit.js'

const TOKEN = 'ghs_standInToken'
let server: GitHubStandIn | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(options: Parameters<typeof startGitHub>[0] = { token: TOKEN }) {
  server = await startGitHub(options)
  return server
}

/** Octokit's request without its typings, to send what GitHub would reject. */
const untyped = (octokit: Octokit) =>
  octokit.request as unknown as (route: string, params: Record<string, unknown>) => Promise<unknown>

/** The status of a request that Octokit rejects. */
async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise
  } catch (error) {
    return (error as { status: number }).status
  }
  throw new Error('the request succeeded')
}

describe('GitHub stand-in', () => {
  it('answers a valid request through the registered handler and records it', async () => {
    const gh = await start()
    gh.handle('issues/create-comment', (req) => ({
      status: 201,
      body: { id: 7, body: (req.body as { body: string }).body }
    }))
    const octokit = unthrottledOctokit(TOKEN, gh.url)

    const { data } = await octokit.rest.issues.createComment({
      owner: 'octo',
      repo: 'app',
      issue_number: 12,
      body: 'hello'
    })

    expect(data).toEqual({ id: 7, body: 'hello' })
    expect(gh.violations).toEqual([])
    expect(gh.requests).toHaveLength(1)
    expect(gh.requests[0]).toMatchObject({
      method: 'POST',
      path: '/repos/octo/app/issues/12/comments',
      operationId: 'issues/create-comment',
      params: { owner: 'octo', repo: 'app', issue_number: '12' },
      body: { body: 'hello' }
    })
  })

  it('prefers a literal segment over a parameter and decodes encoded parameters', async () => {
    const gh = await start()
    gh.handle('repos/get-latest-release', () => ({ status: 200, body: { id: 1 } }))
    gh.handle('git/get-ref', () => ({ status: 200, body: { ref: 'refs/heads/gh-pages' } }))
    const octokit = unthrottledOctokit(TOKEN, gh.url)

    await octokit.rest.repos.getLatestRelease({ owner: 'o', repo: 'r' })
    await octokit.rest.git.getRef({ owner: 'o', repo: 'r', ref: 'heads/gh-pages' })

    expect(gh.violations).toEqual([])
    expect(gh.requests.map((r) => r.operationId)).toEqual([
      'repos/get-latest-release',
      'git/get-ref'
    ])
    expect(gh.requests[1]?.params.ref).toBe('heads/gh-pages')
  })

  it('flags an unknown route and a method GitHub does not have, answering 404', async () => {
    const gh = await start()
    const octokit = unthrottledOctokit(TOKEN, gh.url)

    expect(
      await statusOf(
        octokit.request('GET /repos/{owner}/{repo}/nonsense', { owner: 'o', repo: 'r' })
      )
    ).toBe(404)
    expect(
      await statusOf(
        octokit.request('PUT /repos/{owner}/{repo}/issues/comments/{id}', {
          owner: 'o',
          repo: 'r',
          id: 1
        })
      )
    ).toBe(404)

    expect(gh.violations).toEqual([
      "GET /repos/o/r/nonsense: no such route in GitHub's REST API",
      'PUT /repos/o/r/issues/comments/1: GitHub has no PUT on this path (only GET, DELETE, PATCH)'
    ])
    expect(gh.requests[0]?.operationId).toBeUndefined()
  })

  it('flags an invalid body and an invalid query parameter, answering 422', async () => {
    const gh = await start()
    gh.handle('issues/create-comment', () => ({ status: 201, body: {} }))
    gh.handle('issues/list-comments', () => ({ status: 200, body: [] }))
    const octokit = unthrottledOctokit(TOKEN, gh.url)

    const invalidBody = untyped(octokit)(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        owner: 'o',
        repo: 'r',
        issue_number: 1,
        body: 42
      }
    )
    expect(await statusOf(invalidBody)).toBe(422)
    const missingBody = untyped(octokit)(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        owner: 'o',
        repo: 'r',
        issue_number: 1,
        text: 'hi'
      }
    )
    expect(await statusOf(missingBody)).toBe(422)
    const badQuery = untyped(octokit)('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: 'o',
      repo: 'r',
      issue_number: 1,
      per_page: 'many'
    })
    expect(await statusOf(badQuery)).toBe(422)

    expect(gh.violations).toHaveLength(3)
    expect(gh.violations[0]).toMatch(/issues\/create-comment.*body\/body must be string/)
    expect(gh.violations[1]).toMatch(/body must have required property 'body'/)
    expect(gh.violations[2]).toMatch(/query parameter per_page must be integer/)
  })

  it('validates deployment bodies, enums included', async () => {
    const gh = await start()
    gh.handle('repos/create-deployment-status', () => ({ status: 201, body: {} }))
    const octokit = unthrottledOctokit(TOKEN, gh.url)

    await octokit.rest.repos.createDeploymentStatus({
      owner: 'o',
      repo: 'r',
      deployment_id: 3,
      state: 'success',
      environment_url: 'https://example.com/ota/'
    })
    const wrongState = untyped(octokit)(
      'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      {
        owner: 'o',
        repo: 'r',
        deployment_id: 3,
        state: 'done'
      }
    )
    expect(await statusOf(wrongState)).toBe(422)

    expect(gh.violations).toHaveLength(1)
    expect(gh.violations[0]).toMatch(/body\/state must be equal to one of the allowed values/)
  })

  it('answers 501 and flags a matched operation without a handler', async () => {
    const gh = await start()
    const octokit = unthrottledOctokit(TOKEN, gh.url)

    expect(await statusOf(octokit.rest.repos.get({ owner: 'o', repo: 'r' }))).toBe(501)
    expect(gh.violations).toEqual(['GET /repos/o/r (repos/get): no handler registered in the test'])
  })

  it('refuses a handler for an operation GitHub does not have', async () => {
    const gh = await start()
    expect(() => gh.handle('issues/create-commment', () => ({ status: 200 }))).toThrow(
      /not an operation/
    )
  })

  it('answers 401 to a request without the token', async () => {
    const gh = await start()
    gh.handle('repos/get', () => ({ status: 200, body: {} }))

    expect(
      await statusOf(unthrottledOctokit('wrong', gh.url).rest.repos.get({ owner: 'o', repo: 'r' }))
    ).toBe(401)
    await unthrottledOctokit(TOKEN, gh.url).rest.repos.get({ owner: 'o', repo: 'r' })
    expect(gh.requests.map((r) => r.headers.authorization)).toEqual([
      'token wrong',
      `token ${TOKEN}`
    ])
  })

  it('injects faults by request index, which the retry plugin recovers from', async () => {
    const gh = await start({
      token: TOKEN,
      fault: (_req, index) =>
        index === 0 ? { status: 502, body: { message: 'Bad Gateway' } } : undefined
    })
    gh.handle('repos/get', () => ({ status: 200, body: { full_name: 'o/r' } }))

    const { data } = await createOctokit(TOKEN, gh.url, 1).rest.repos.get({ owner: 'o', repo: 'r' })

    expect(data).toEqual({ full_name: 'o/r' })
    expect(gh.requests).toHaveLength(2)
    expect(gh.violations).toEqual([])
  })

  it('takes release uploads as raw bytes, keeping only a digest of large ones', async () => {
    const gh = await start()
    gh.handle('repos/upload-release-asset', (req) => ({
      status: 201,
      body: { name: req.query.get('name') }
    }))
    const octokit = unthrottledOctokit(TOKEN, gh.url)
    const small = Buffer.from('PK\u0003\u0004 small ipa')
    const large = Buffer.alloc(MAX_BUFFERED_BODY + 1, 7)

    for (const [name, data] of [
      ['small.ipa', small],
      ['large.ipa', large]
    ] as const) {
      await octokit.rest.repos.uploadReleaseAsset({
        baseUrl: gh.url,
        owner: 'o',
        repo: 'r',
        release_id: 5,
        name,
        data: data as unknown as string,
        headers: { 'content-type': 'application/octet-stream' }
      })
    }

    expect(gh.violations).toEqual([])
    expect(gh.requests[0]?.body).toEqual(small)
    expect(gh.requests[1]?.body).toEqual({
      size: large.length,
      sha256: createHash('sha256').update(large).digest('hex')
    })
    expect(gh.requests[1]?.query.get('name')).toBe('large.ipa')
  })
})

describe('comments fake', () => {
  it('creates, updates, lists page by page and deletes comments', async () => {
    const gh = await start()
    const store = installCommentsFake(gh, { login: 'github-actions[bot]' })
    for (let i = 0; i < 45; i++) {
      store.add({ owner: 'o', repo: 'r', issueNumber: 3, body: `old ${i}`, login: 'someone' })
    }
    const octokit = unthrottledOctokit(TOKEN, gh.url)

    const { data: created } = await octokit.rest.issues.createComment({
      owner: 'o',
      repo: 'r',
      issue_number: 3,
      body: 'mine'
    })
    expect(created.user?.login).toBe('github-actions[bot]')
    expect(created.user?.type).toBe('Bot')
    await octokit.rest.issues.updateComment({
      owner: 'o',
      repo: 'r',
      comment_id: created.id,
      body: 'edited'
    })

    const pages: number[] = []
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner: 'o',
      repo: 'r',
      issue_number: 3,
      per_page: 20
    })) {
      pages.push(page.data.length)
    }
    expect(pages).toEqual([20, 20, 6])
    expect(store.on('o', 'r', 3).at(-1)?.body).toBe('edited')

    await octokit.rest.issues.deleteComment({ owner: 'o', repo: 'r', comment_id: created.id })
    expect(store.on('o', 'r', 3)).toHaveLength(45)
    expect(
      await statusOf(
        octokit.rest.issues.getComment({ owner: 'o', repo: 'r', comment_id: created.id })
      )
    ).toBe(404)
    expect(gh.violations).toEqual([])
  })

  it('answers GET /user like GitHub: 403 for a bot token, the user for a personal token', async () => {
    const bot = await start()
    installCommentsFake(bot, { login: 'github-actions[bot]' })
    expect(await statusOf(unthrottledOctokit(TOKEN, bot.url).rest.users.getAuthenticated())).toBe(
      403
    )
    await bot.close()

    const user = await start()
    installCommentsFake(user, { login: 'octocat' })
    const { data } = await unthrottledOctokit(TOKEN, user.url).rest.users.getAuthenticated()
    expect(data.login).toBe('octocat')
    expect(user.violations).toEqual([])
  })
})
