import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import type { Octokit } from '../src/github.js'
import { commentMarker } from '../src/report/comment-protocol.js'
import {
  findPullRequests,
  postComment,
  postRemovedComment,
  upsertComment
} from '../src/report/pr.js'
import {
  installCommentsFake,
  startGitHub,
  type CommentsFake,
  type GitHubStandIn,
  type StartOptions
} from './support/github-server.js'
import { buildRecord } from './support/github-records.js'
import type { BuildRecord } from '../src/ota/types.js'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDirectoryHost } from '../src/hosts/directory.js'
import { publishBuild } from '../src/publish.js'
import { readShown } from '../src/report/comment-protocol.js'
import { ipaInfo } from './support/ota-fixtures.js'
import { unthrottledOctokit } from './support/octokit.js'

const TOKEN = 'ghs_reportTestToken'
const REPO = { owner: 'octo', repo: 'app' }
const NOW = new Date('2025-03-02T12:00:00Z')
const MARKER = commentMarker('com.example.app')

let gh: GitHubStandIn
let store: CommentsFake
let octokit: Octokit

async function setUp(login = 'github-actions[bot]', fault?: StartOptions['fault']) {
  gh = await startGitHub({ token: TOKEN, fault })
  store = installCommentsFake(gh, { login })
  octokit = unthrottledOctokit(TOKEN, gh.url)
}

afterEach(async () => {
  expect(gh.violations).toEqual([])
  await gh.close()
})

const seed = (body: string, login?: string, type?: 'User' | 'Bot') =>
  store.add({ ...REPO, issueNumber: 12, body, login, type })

describe('upsertComment', () => {
  beforeEach(() => setUp())

  it('creates the comment on the first run and updates the same one on the next', async () => {
    const first = buildRecord('34-1')
    const url1 = await postComment(octokit, {
      ...REPO,
      issueNumber: 12,
      record: first,
      history: [],
      warnings: [],
      now: NOW
    })
    const second = buildRecord('35-1', { createdAt: '2025-03-02T11:00:00Z' })
    const url2 = await postComment(octokit, {
      ...REPO,
      issueNumber: 12,
      record: second,
      history: [first],
      warnings: [],
      now: NOW
    })

    const comments = store.on('octo', 'app', 12)
    expect(comments).toHaveLength(1)
    expect(url2).toBe(url1)
    expect(url1).toBe(`https://github.com/octo/app/issues/12#issuecomment-${comments[0]?.id}`)
    const body = comments[0]?.body ?? ''
    expect(body.startsWith(MARKER)).toBe(true)
    expect(body).toContain('https://octo.github.io/app/ota/pr-12/35-1/qr.png')
    expect(body).toContain('<a href="https://octo.github.io/app/ota/pr-12/34-1/">') // history
    expect(gh.requests.map((r) => r.operationId)).toEqual([
      'issues/list-comments',
      'issues/create-comment',
      // Read back: another run may have written in between.
      'issues/list-comments',
      'issues/list-comments',
      'issues/update-comment',
      'issues/list-comments'
    ])
  })

  it('finds our comment on the last page among 150 others and updates it', async () => {
    for (let i = 0; i < 150; i++) seed(`comment ${i}`, i % 2 ? 'reviewer' : 'ci-bot[bot]')
    const ours = seed(`${MARKER}\nold build`)

    const result = await upsertComment(octokit, {
      ...REPO,
      issueNumber: 12,
      key: 'com.example.app',
      revise: () => `${MARKER}\nnew`
    })

    expect(result.url).toBe(`https://github.com/octo/app/issues/12#issuecomment-${ours.id}`)
    expect(result.written).toBe(true)
    expect(store.on('octo', 'app', 12)).toHaveLength(151)
    expect(ours.body).toBe(`${MARKER}\nnew`)
    const lists = gh.requests.filter((r) => r.operationId === 'issues/list-comments')
    expect(lists.map((r) => [r.query.get('per_page'), r.query.get('page') ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '1'],
      ['100', '2']
    ])
  })

  it('never edits a comment by someone else that quotes our marker, or stamps it as ours', async () => {
    const quote = seed(`${MARKER}\nlook at this`, 'mallory')
    const otherBot = seed(`${MARKER}\ncopied`, 'other-app[bot]', 'Bot')
    const forged = seed(
      `${MARKER}<!-- ipa-ota-author:my-app%5Bbot%5D -->\nours?`,
      'other-app[bot]',
      'Bot'
    )
    const self = seed(`${MARKER}<!-- ipa-ota-author:mallory -->\nmine`, 'mallory', 'User')

    const result = await upsertComment(octokit, {
      ...REPO,
      issueNumber: 12,
      key: 'com.example.app',
      revise: () => `${MARKER}\nours`
    })

    expect(result.createdAs).toEqual({ login: 'github-actions[bot]', type: 'Bot' })
    for (const [seeded, body] of [
      [quote, `${MARKER}\nlook at this`],
      [otherBot, `${MARKER}\ncopied`],
      [forged, `${MARKER}<!-- ipa-ota-author:my-app%5Bbot%5D -->\nours?`],
      [self, `${MARKER}<!-- ipa-ota-author:mallory -->\nmine`]
    ] as const)
      expect(seeded.body).toBe(body)
    expect(store.on('octo', 'app', 12).map((c) => c.login)).toEqual([
      'mallory',
      'other-app[bot]',
      'other-app[bot]',
      'mallory',
      'github-actions[bot]'
    ])
    expect(gh.requests.some((r) => r.operationId === 'issues/update-comment')).toBe(false)
  })

  it('ends with a clear error when the comment keeps changing', async () => {
    seed(`${MARKER}\nold`)
    let writes = 0
    const attempt = upsertComment(octokit, {
      ...REPO,
      issueNumber: 12,
      key: 'com.example.app',
      revise: () => `${MARKER}\nwrite ${++writes}`
    })

    await expect(attempt).rejects.toThrow(
      /^The comment on pull request #12 was written 8 times and changed again after each/
    )
    expect(store.on('octo', 'app', 12)).toHaveLength(1)
    expect(gh.requests.filter((r) => r.operationId === 'issues/update-comment')).toHaveLength(8)
  })

  it('gives two apps in one pull request two comments', async () => {
    const app = buildRecord('34-1')
    const watch = buildRecord('34-1', { app: { bundleId: 'com.example.other', name: 'Other' } })
    await postComment(octokit, {
      ...REPO,
      issueNumber: 12,
      record: app,
      history: [],
      warnings: [],
      now: NOW
    })
    await postComment(octokit, {
      ...REPO,
      issueNumber: 12,
      record: watch,
      history: [],
      warnings: [],
      now: NOW
    })
    await postComment(octokit, {
      ...REPO,
      issueNumber: 12,
      record: app,
      history: [],
      warnings: ['again'],
      now: NOW
    })

    const bodies = store.on('octo', 'app', 12).map((c) => c.body.split('\n')[0])
    expect(bodies).toEqual([MARKER, commentMarker('com.example.other')])
    expect(store.on('octo', 'app', 12)[0]?.body).toContain('again')
  })

  it('rewrites the comment as removed after mode: remove, and posts nothing for an app without one', async () => {
    const ours = seed(`${MARKER}\nbuild`)
    const removed = [
      buildRecord('34-1'),
      buildRecord('35-1', { createdAt: '2025-03-02T00:00:00Z' })
    ]
    const other = buildRecord('1-1', { app: { bundleId: 'com.example.none' } })

    const urls = await postRemovedComment(octokit, {
      ...REPO,
      issueNumber: 12,
      removed: [...removed, other]
    })

    expect(urls).toEqual([`https://github.com/octo/app/issues/12#issuecomment-${ours.id}`])
    expect(store.on('octo', 'app', 12)).toHaveLength(1)
    expect(ours.body.startsWith(MARKER)).toBe(true)
    expect(ours.body.match(/<del>[^<]*<\/del>/g)).toEqual([
      '<del>1&#46;4&#46;0 &#40;35&#41;</del>',
      '<del>1&#46;4&#46;0 &#40;34&#41;</del>'
    ])
  })
})

describe('postComment never goes back in time', () => {
  beforeEach(() => setUp())

  /** A build of run `runId`, attempt `attempt`, published at `minute` past ten. */
  const build = (runId: string, attempt: number, minute: number) =>
    buildRecord(`${runId}-${attempt}`, {
      createdAt: `2025-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`,
      source: { ...buildRecord('x').source, runId, runAttempt: attempt }
    })
  const post = (record: BuildRecord, history: BuildRecord[] = []) =>
    postComment(octokit, { ...REPO, issueNumber: 12, record, history, warnings: [], now: NOW })
  /** The build the comment shows (its install page) and the earlier builds it lists. */
  const shown = () => {
    const body = store.on('octo', 'app', 12)[0]?.body ?? ''
    const [main, details = ''] = body.split('<details>')
    const pages = (text: string) => [...text.matchAll(/ota\/pr-12\/([\w-]+)\//g)].map((m) => m[1])
    return { main: [...new Set(pages(main ?? ''))], history: pages(details) }
  }

  it('an older run finishing last leaves the newer build shown and adds itself to the history', async () => {
    const older = build('2000', 1, 1)
    const newer = build('2001', 1, 2)
    await post(newer)
    const url = await post(older)

    expect(store.on('octo', 'app', 12)).toHaveLength(1)
    expect(url).toBe(`https://github.com/octo/app/issues/12#issuecomment-${store.comments[0]!.id}`)
    expect(shown()).toEqual({ main: ['2001-1'], history: ['2000-1'] })
  })

  it('an older run that finds a newer build on the site shows that build, even commenting first', async () => {
    const older = build('2000', 1, 1)
    const newer = build('2001', 1, 2)
    await post(older, [newer])
    expect(shown()).toEqual({ main: ['2001-1'], history: ['2000-1'] })

    // The newer run's own comment then replaces it, with its warnings.
    await postComment(octokit, {
      ...REPO,
      issueNumber: 12,
      record: newer,
      history: [older],
      warnings: ['from the newer run'],
      now: NOW
    })
    expect(shown()).toEqual({ main: ['2001-1'], history: ['2000-1'] })
    expect(store.comments[0]!.body).toContain('from the newer run')
  })

  it('leaves the comment untouched when the newer build already lists the older one', async () => {
    const older = build('2000', 1, 1)
    await post(build('2001', 1, 2), [older])
    const before = store.comments[0]!.body
    gh.requests.length = 0

    await post(older)

    expect(store.comments[0]!.body).toBe(before)
    expect(gh.requests.some((r) => r.operationId === 'issues/update-comment')).toBe(false)
  })

  it('orders by run id before the attempt, and a re-run attempt replaces its first attempt', async () => {
    await post(build('2001', 1, 1))
    await post(build('2000', 3, 5))
    expect(shown().main).toEqual(['2001-1'])

    await post(build('2001', 2, 6), [build('2001', 1, 1)])
    expect(shown()).toEqual({ main: ['2001-2'], history: ['2001-1'] })
  })

  it('a newer run replaces the older build, and an identical retry changes nothing', async () => {
    const older = build('2000', 1, 1)
    const newer = build('2001', 1, 2)
    await post(older)
    await post(newer, [older])
    expect(shown()).toEqual({ main: ['2001-1'], history: ['2000-1'] })
    gh.requests.length = 0

    await post(newer, [older])

    expect(gh.requests.some((r) => r.operationId === 'issues/update-comment')).toBe(false)
  })

  it('two runs racing end with the newer build shown and the older in its history', async () => {
    await post(build('1999', 1, 0))
    const older = build('2000', 1, 1)
    const newer = build('2001', 1, 2)

    await Promise.all([post(older), post(newer, [older])])

    expect(store.on('octo', 'app', 12)).toHaveLength(1)
    expect(shown().main).toEqual(['2001-1'])
    expect(shown().history).toContain('2000-1')
  })

  /** Posts `record` with a site that holds it and `onSite` when re-read; returns how often it was read. */
  const postRereading = async (
    record: BuildRecord,
    onSite: BuildRecord[],
    history: BuildRecord[] = []
  ) => {
    let reads = 0
    await postComment(octokit, {
      ...REPO,
      issueNumber: 12,
      record,
      history,
      warnings: [],
      now: NOW,
      reread: async () => {
        reads++
        return [record, ...onSite]
      }
    })
    return reads
  }

  it('re-reads the site after writing: a newer build published meanwhile is shown after all', async () => {
    // The newer run published and commented between this run's read of the comment and its
    // write, which showed this run's own build: only the site still tells.
    const reads = await postRereading(build('2000', 1, 1), [build('2001', 1, 2)])

    expect(shown()).toEqual({ main: ['2001-1'], history: ['2000-1'] })
    expect(store.on('octo', 'app', 12)).toHaveLength(1)
    expect(reads).toBe(2)
  })

  it('re-reads once when the site holds nothing newer than the build shown', async () => {
    const older = build('2000', 1, 1)
    const reads = await postRereading(build('2001', 1, 2), [older], [older])

    expect(shown().main).toEqual(['2001-1'])
    expect(reads).toBe(1)
  })
})

describe('a re-run of an older run with keep: 1', () => {
  beforeEach(() => setUp())

  it('leaves the comment, the channel page and latest.json on the one build on the site', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'report-rerun-'))
    try {
      const ipa = join(scratch, 'Demo.ipa')
      await writeFile(ipa, 'ipa bytes')
      const host = createDirectoryHost({
        dir: join(scratch, 'site'),
        baseUrl: 'https://builds.example.test/',
        warn: () => {}
      })
      /** Publishes run `runId` attempt `attempt` at `now`, then comments as the action does. */
      const run = async (runId: string, attempt: number, now: string) => {
        const source = { serverUrl: 'https://github.com', runId, runAttempt: attempt, pr: 12 }
        const { site, plan } = await publishBuild(ipaInfo({ file: { path: ipa, size: 9 } }), host, {
          root: 'ota',
          channel: 'pr-12',
          buildId: `${runId}-${attempt}`,
          source,
          qr: 'page',
          now: new Date(now),
          retention: { keep: 1 }
        })
        const history = plan.kept.filter((b) => b.buildId !== site.record.buildId)
        await postComment(octokit, {
          ...REPO,
          issueNumber: 12,
          record: site.record,
          history,
          warnings: [],
          now: NOW,
          removed: plan.removed.map((b) => b.buildId),
          reread: () => host.store.read('ota')
        })
      }
      await run('2001', 1, '2025-03-02T10:00:00Z')
      // Run 2000 started first; its second attempt publishes last and keep: 1 removes 2001-1.
      await run('2000', 2, '2025-03-02T10:05:00Z')

      const onSite = (await host.store.read('ota')).map((b) => b.buildId)
      const shown = readShown(store.on('octo', 'app', 12)[0]!.body)
      expect(onSite).toEqual(['2000-2'])
      expect(shown).toMatchObject({ buildId: '2000-2', history: [] })
      const channel = join(scratch, 'site', 'ota', 'pr-12')
      expect(JSON.parse(await readFile(join(channel, 'latest.json'), 'utf8'))).toMatchObject({
        buildId: '2000-2'
      })
      expect(await readFile(join(channel, 'index.html'), 'utf8')).toContain('Build 2000-2')
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  })
})

describe('a GitHub App’s token, which GET /user refuses', () => {
  beforeEach(() => setUp('my-app[bot]'))

  const post = (record: BuildRecord, history: BuildRecord[] = []) =>
    postComment(octokit, { ...REPO, issueNumber: 12, record, history, warnings: [], now: NOW })

  it('two runs leave one comment, written as the App, found through its stamp', async () => {
    const first = buildRecord('34-1')
    await post(first)
    const second = buildRecord('35-1', { source: { ...first.source, runId: '987655' } })
    await post(second, [first])

    const comments = store.on('octo', 'app', 12)
    expect(comments.map((c) => c.login)).toEqual(['my-app[bot]'])
    expect(comments[0]!.body.split('\n')[0]).toBe(
      `${MARKER}<!-- ipa-ota-author:my-app%5Bbot%5D -->`
    )
    expect(comments[0]!.body).toContain('/ota/pr-12/35-1/qr.png')
    expect(gh.requests.some((r) => r.operationId === 'users/get-authenticated')).toBe(false)
    // Bounded: creating takes a write and a stamp, updating one write, each read back.
    expect(gh.requests.length).toBeLessThanOrEqual(8)
  })

  it('two runs racing leave one comment', async () => {
    const first = buildRecord('34-1')
    const second = buildRecord('35-1', { source: { ...first.source, runId: '987655' } })
    await Promise.all([post(first), post(second, [first])])

    expect(store.on('octo', 'app', 12)).toHaveLength(1)
    expect(store.comments[0]!.body).toContain('/ota/pr-12/35-1/qr.png')
  })
})

describe('a person’s token', () => {
  beforeEach(() => setUp('octocat'))

  it('updates the comment of the comment-author login', async () => {
    const actions = seed(`${MARKER}\nby actions`, 'github-actions[bot]', 'Bot')
    const mine = seed(`${MARKER}\nby me`)

    const result = await upsertComment(octokit, {
      ...REPO,
      issueNumber: 12,
      key: 'com.example.app',
      author: 'octocat',
      revise: () => `${MARKER}\nnew`
    })

    expect(result.url).toContain(`-${mine.id}`)
    expect(mine.body.startsWith(`${MARKER}<!-- ipa-ota-author:octocat -->\nnew`)).toBe(true)
    expect(actions.body).toBe(`${MARKER}\nby actions`)
  })

  it('without comment-author, says which login to set', async () => {
    const warnings: string[] = []
    await postComment(octokit, {
      ...REPO,
      issueNumber: 12,
      record: buildRecord('34-1'),
      history: [],
      warnings: [],
      now: NOW,
      warn: (message) => warnings.push(message)
    })

    expect(warnings).toEqual([
      "The comment was written as octocat, a person's account: set comment-author: octocat so that later runs update it instead of posting another."
    ])
  })
})

describe('upsertComment refused', () => {
  beforeEach(() =>
    setUp('github-actions[bot]', (req) =>
      req.operationId === 'issues/create-comment'
        ? {
            status: 403,
            body: {
              message: 'Resource not accessible by integration',
              documentation_url:
                'https://docs.github.com/rest/issues/comments#create-an-issue-comment'
            },
            headers: { 'x-github-request-id': 'C0DE:1234:5678' }
          }
        : undefined
    )
  )

  it('names the missing permission and GitHub’s request id', async () => {
    const attempt = upsertComment(octokit, {
      ...REPO,
      issueNumber: 12,
      key: 'k',
      revise: () => 'b'
    })

    await expect(attempt).rejects.toThrow(UserError)
    await expect(attempt).rejects.toThrow(
      /^GitHub refused to comment on the pull request: 403 Resource not accessible by integration \(POST \/repos\/octo\/app\/issues\/12\/comments\) \(GitHub request id C0DE:1234:5678\); give the workflow job "permissions: pull-requests: write"/
    )
    await attempt.catch((error: Error) => expect(error.message).not.toContain(TOKEN))
  })
})

describe('findPullRequests', () => {
  beforeEach(() => setUp())

  it('returns the open pull requests whose head is the pushed commit', async () => {
    const sha = 'a'.repeat(40)
    const pull = (number: number, state: string, head = sha) => ({
      number,
      state,
      head: { sha: head },
      base: { ref: number === 3 ? 'release/2.0' : 'main' }
    })
    gh.handle('repos/list-pull-requests-associated-with-commit', (req) => ({
      status: 200,
      body:
        req.params.commit_sha === sha
          ? [pull(9, 'open'), pull(3, 'open'), pull(5, 'closed'), pull(7, 'open', 'b'.repeat(40))]
          : []
    }))

    // With the branch each merges into, which a workflow_run build is compared with.
    expect(await findPullRequests(octokit, { ...REPO, sha })).toEqual([
      { number: 3, baseRef: 'release/2.0' },
      { number: 9, baseRef: 'main' }
    ])
    expect(gh.requests.at(-1)?.path).toBe(`/repos/octo/app/commits/${sha}/pulls`)
  })
})
