/**
 * The README's fork recipe and first Pages run through the bundled action with host: pages: a
 * workflow_run publish (a fork's pull request GitHub does not list, a same-repository one), the
 * pull_request_target cleanup of a fork's pull request, and a repository whose Pages is not
 * enabled yet. The stand-in GitHub checks every request against the REST description.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from './support/runner.js'
import {
  API_REPO,
  BASE_REPO,
  BUILT,
  FORK_REPO,
  FORK_SITE as SITE,
  forkStage,
  pull,
  workflowRunEvent
} from './support/fork-events.js'

const TOKEN = 'ghs_forkRecipe0123456789abcdefghijkl'
const stage = forkStage(TOKEN, 'action-forks')
const owner = 'octo'
const name = () => stage.repo.split('/')[1]!

function run(options: {
  inputs?: Record<string, string>
  event: { name: string; payload: unknown }
}) {
  return runAction({
    // The README's publish step: ipa only (wait: false, as no Pages build runs here).
    inputs: { ipa: stage.ipa, wait: 'false', ...options.inputs },
    event: options.event,
    token: TOKEN,
    cwd: stage.work,
    env: {
      ...stage.env(),
      GITHUB_WORKFLOW: 'publish',
      GITHUB_RUN_ID: '555',
      GITHUB_RUN_NUMBER: '4',
      GITHUB_SHA: 'd'.repeat(40)
    }
  })
}

const buildJson = async (path: string) =>
  JSON.parse(await stage.git.git(stage.repo).text(['show', `gh-pages:${path}`])) as {
    channel: string
    source: Record<string, unknown>
  }

describe('workflow_run: the publish workflow of the fork recipe', () => {
  it("finds a fork's pull request by its head (GitHub lists none), publishes to pr-<n> with the built commit, and comments", async () => {
    stage.github.handle('repos/list-pull-requests-associated-with-commit', () => ({
      status: 200,
      body: []
    }))
    stage.github.handle('pulls/list', (req) => ({
      status: 200,
      body:
        req.query.get('head') === 'someone:feature/dark-mode'
          ? [
              pull(40, { sha: 'a'.repeat(40), ref: 'feature/dark-mode', repo: FORK_REPO }),
              pull(41, { sha: BUILT, ref: 'feature/dark-mode', repo: FORK_REPO })
            ]
          : []
    }))

    const result = await run({ event: workflowRunEvent({ pullRequests: [], head: FORK_REPO }) })

    expect(result.errors).toEqual([])
    expect(result.code).toBe(0)
    expect(result.outputs.channel).toBe('pr-41')
    expect(result.outputs['page-url']).toBe(`${SITE}ota/pr-41/987654-1/index.html`)
    expect(result.outputs['channel-url']).toBe(`${SITE}ota/pr-41/index.html`)
    const lookup = stage.github.requests.find((r) => r.operationId === 'pulls/list')!
    expect(Object.fromEntries(lookup.query)).toMatchObject({
      head: 'someone:feature/dark-mode',
      state: 'open'
    })
    const record = await buildJson('ota/pr-41/987654-1/build.json')
    expect(record.source).toMatchObject({
      pr: 41,
      sha: BUILT,
      ref: 'feature/dark-mode',
      runId: '987654',
      workflow: 'build'
    })
    const onPr = stage.comments.on(owner, name(), 41)
    expect(onPr).toHaveLength(1)
    expect(onPr[0]!.body).toContain(`${SITE}ota/pr-41/987654-1/index.html`)
    expect(onPr[0]!.body).toContain(`/commit/${BUILT}`)
    expect(onPr[0]!.body).toContain(`<a href="${SITE}ota/pr-41/index.html">Latest build`)
    expect(onPr[0]!.body).not.toContain('d'.repeat(40))
    // Compared with its base branch's channel (GITHUB_BASE_REF is empty on workflow_run).
    expect(onPr[0]!.body).toContain('**Changes:** no build of main to compare with.')
    expect(result.summary).toContain(`/commit/${BUILT}`)
  })

  it('takes a same-repository pull request from the event, with no lookup', async () => {
    const listed = [
      {
        id: 5,
        number: 5,
        head: { ref: 'feature/dark-mode', sha: BUILT, repo: { id: BASE_REPO.id, url: API_REPO } },
        base: { ref: 'develop', sha: 'e'.repeat(40), repo: { id: BASE_REPO.id, url: API_REPO } }
      }
    ]

    const result = await run({
      event: workflowRunEvent({ pullRequests: listed, head: BASE_REPO })
    })

    expect(result.errors).toEqual([])
    expect(result.outputs.channel).toBe('pr-5')
    expect(stage.github.requests.map((r) => r.operationId)).not.toContain('pulls/list')
    const onPr = stage.comments.on(owner, name(), 5)
    expect(onPr).toHaveLength(1)
    expect(onPr[0]!.body).toContain('**Changes:** no build of develop to compare with.')
    expect(await stage.files()).toContain('ota/pr-5/987654-1/build.json')
  })

  it('publishes nothing when no open pull request has the built commit (pushed again, or closed)', async () => {
    stage.github.handle('repos/list-pull-requests-associated-with-commit', () => ({
      status: 200,
      body: []
    }))
    stage.github.handle('pulls/list', () => ({
      status: 200,
      body: [pull(41, { sha: 'a'.repeat(40), ref: 'feature/dark-mode', repo: FORK_REPO })]
    }))

    const result = await run({ event: workflowRunEvent({ pullRequests: [], head: FORK_REPO }) })

    expect(result.code).toBe(0)
    expect(result.outputs.skipped).toBe('true')
    expect(result.stdout).toMatch(
      /::notice::The triggering run built someone\/app:feature\/dark-mode at bbbbbbb, but no open pull request/
    )
    expect(stage.pushes()).toEqual([])
    expect(stage.comments.comments).toEqual([])
  })
})

describe('pull_request_target: the cleanup workflow of the fork recipe', () => {
  const closedFromFork = {
    name: 'pull_request_target',
    payload: {
      action: 'closed',
      number: 41,
      pull_request: {
        number: 41,
        head: { sha: BUILT, ref: 'feature/dark-mode', repo: FORK_REPO },
        base: { repo: BASE_REPO }
      },
      repository: BASE_REPO
    }
  }

  it("removes a fork pull request's channel (the token can write) and says so in the comment", async () => {
    stage.github.handle('repos/list-pull-requests-associated-with-commit', () => ({
      status: 200,
      body: []
    }))
    stage.github.handle('pulls/list', () => ({
      status: 200,
      body: [pull(41, { sha: BUILT, ref: 'feature/dark-mode', repo: FORK_REPO })]
    }))
    const published = await run({
      event: workflowRunEvent({ pullRequests: [], head: FORK_REPO })
    })
    expect(published.outputs.channel).toBe('pr-41')

    const removed = await run({ inputs: { ipa: '', mode: 'remove' }, event: closedFromFork })

    expect(removed.errors).toEqual([])
    expect(removed.code).toBe(0)
    expect(removed.outputs).toMatchObject({ skipped: 'false', channel: 'pr-41' })
    expect((await stage.files()).filter((path) => path.startsWith('ota/pr-41/'))).toEqual([])
    const onPr = stage.comments.on(owner, name(), 41)
    expect(onPr).toHaveLength(1)
    expect(onPr[0]!.body).toContain('builds removed')
  })

  it("refuses to publish a fork's build there: it would have been built with a token that can write", async () => {
    const result = await run({ event: { ...closedFromFork, name: 'pull_request_target' } })

    expect(result.code).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/pull_request_target.*workflow_run/)
    expect(stage.github.requests).toEqual([])
  })
})

describe('the first Pages run', () => {
  it('pushes the build to gh-pages although Pages is not enabled, then fails with the one step left', async () => {
    stage.github.handle('repos/get-pages', () => ({ status: 404, body: { message: 'Not Found' } }))

    const result = await run({ event: { name: 'push', payload: {} } })

    expect(result.code).toBe(1)
    expect(result.errors).toEqual([
      `::error::GitHub Pages is not enabled for ${stage.repo}; the build is pushed to branch gh-pages. One step left: enable Pages from branch gh-pages at ${stage.git.url}/${stage.repo}/settings/pages (Source "Deploy from a branch"), then re-run this workflow.`
    ])
    expect(await stage.files()).toContain('ota/main/555-1/build.json')
    // The summary still names the build, so the run is not a dead end.
    expect(result.outputs['page-url']).toMatch(/\/ota\/main\/555-1\/index\.html$/)
  })

  it('succeeds with base-url, warning that the branch is not served yet', async () => {
    stage.github.handle('repos/get-pages', () => ({ status: 404, body: { message: 'Not Found' } }))
    stage.github.handle('repos/list-pull-requests-associated-with-commit', () => ({
      status: 200,
      body: []
    }))

    const result = await run({
      inputs: { 'base-url': 'https://builds.example.com/app' },
      event: { name: 'push', payload: {} }
    })

    expect(result.errors).toEqual([])
    expect(result.code).toBe(0)
    expect(result.outputs['page-url']).toBe(
      'https://builds.example.com/app/ota/main/555-1/index.html'
    )
    expect(result.stdout).toContain('::warning::GitHub Pages is not enabled')
    expect(await stage.files()).toContain('ota/main/555-1/build.json')
  })
})
