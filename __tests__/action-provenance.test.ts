/**
 * Where a build may go, through the bundled action on the stand-in GitHub with payloads as GitHub
 * sends them: a fork's branch name never chooses a channel, a listed pull request must be the
 * build, an unreadable payload publishes nothing, Dependabot skips like a fork, and `mode: remove`
 * on workflow_run finds the closed pull request by its head.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  API_REPO,
  BASE_REPO,
  BUILT,
  FORK_REPO,
  forkStage,
  pull,
  workflowRunEvent
} from './support/fork-events.js'
import { runAction } from './support/runner.js'

const TOKEN = 'ghs_provenance0123456789abcdefghijkl'
const stage = forkStage(TOKEN, 'action-provenance')
const name = () => stage.repo.split('/')[1]!

function run(options: {
  inputs?: Record<string, string>
  event: { name: string; payload: unknown }
  env?: Record<string, string>
}) {
  return runAction({
    inputs: { ipa: stage.ipa, wait: 'false', ...options.inputs },
    event: options.event,
    token: TOKEN,
    cwd: stage.work,
    env: { ...stage.env(), GITHUB_RUN_ID: '555', ...options.env }
  })
}

/** pulls/list answers `pulls` for their head (owner:branch) and state, as GitHub filters. */
function servePulls(pulls: ReturnType<typeof pull>[]) {
  stage.github.handle('pulls/list', (req) => ({
    status: 200,
    body: pulls.filter(
      (p) => p.head.label === req.query.get('head') && p.state === req.query.get('state')
    )
  }))
}

describe("a fork's build on workflow_run, whatever event built it", () => {
  it('from its branch main: publishes into its pull request, never into main', async () => {
    servePulls([pull(41, { sha: BUILT, ref: 'main', repo: FORK_REPO })])
    const event = workflowRunEvent({
      pullRequests: [],
      head: FORK_REPO,
      event: 'pull_request_review',
      branch: 'main'
    })

    const result = await run({ event })

    expect(result.errors).toEqual([])
    expect(result.outputs.channel).toBe('pr-41')
    const files = await stage.files()
    expect(files).toContain('ota/pr-41/987654-1/build.json')
    expect(files.filter((path) => path.startsWith('ota/main/'))).toEqual([])
    // Asked by the fork's head, never by the commit (which a same-named branch could share).
    const asked = stage.github.requests.map((r) => r.operationId)
    expect(asked).not.toContain('repos/list-pull-requests-associated-with-commit')
    expect(stage.comments.on('octo', name(), 41)).toHaveLength(1)
  })

  it('from a branch named pr-12 with no pull request: publishes nothing, with a notice', async () => {
    servePulls([])
    const event = workflowRunEvent({
      pullRequests: [],
      head: FORK_REPO,
      event: 'pull_request_review',
      branch: 'pr-12'
    })

    const result = await run({ event })

    expect(result.code).toBe(0)
    expect(result.outputs.skipped).toBe('true')
    expect(result.stdout).toMatch(
      /::notice::The triggering run built someone\/app:pr-12 at bbbbbbb/
    )
    expect(result.stdout).toContain('branch name never chooses a channel')
    expect(stage.pushes()).toEqual([])
    expect(stage.comments.comments).toEqual([])
  })

  it('with a listed pull request whose head is another commit: not that pull request', async () => {
    servePulls([])
    const listed = {
      id: 12,
      number: 12,
      head: { ref: 'feature/dark-mode', sha: 'a'.repeat(40), repo: { id: 1, url: API_REPO } },
      base: { ref: 'main', sha: 'e'.repeat(40), repo: { id: BASE_REPO.id, url: API_REPO } }
    }

    const result = await run({
      event: workflowRunEvent({ pullRequests: [listed], head: FORK_REPO })
    })

    expect(result.outputs.skipped).toBe('true')
    expect(stage.pushes()).toEqual([])
    expect(stage.comments.comments).toEqual([])
  })
})

describe('runs that must not publish', () => {
  it('an unreadable event payload fails the step before any request', async () => {
    const path = join(stage.work, 'broken-event.json')
    await writeFile(path, '{"pull_request": ')

    const result = await run({
      event: { name: 'pull_request', payload: {} },
      env: { GITHUB_EVENT_PATH: path }
    })

    expect(result.code).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/event payload cannot be read .* published nothing/)
    expect(stage.github.requests).toEqual([])
    expect(stage.pushes()).toEqual([])
  })

  it("Dependabot's pull request skips with a notice, like a fork's", async () => {
    const payload = {
      number: 7,
      pull_request: {
        number: 7,
        user: { login: 'dependabot[bot]' },
        head: { sha: BUILT, ref: 'dependabot/npm/x', repo: BASE_REPO },
        base: { ref: 'main', repo: BASE_REPO }
      },
      repository: BASE_REPO
    }

    const result = await run({
      event: { name: 'pull_request', payload },
      env: { GITHUB_ACTOR: 'dependabot[bot]' }
    })

    expect(result.code).toBe(0)
    expect(result.outputs.skipped).toBe('true')
    expect(result.stdout).toContain('::notice::Dependabot started this run')
    expect(stage.github.requests).toEqual([])
    expect(stage.pushes()).toEqual([])
  })
})

describe('mode: remove on workflow_run', () => {
  it("removes a closed fork pull request's channel, found by its head, and says so", async () => {
    const open = pull(41, { sha: BUILT, ref: 'feature/dark-mode', repo: FORK_REPO })
    servePulls([open])
    const event = workflowRunEvent({ pullRequests: [], head: FORK_REPO })
    expect((await run({ event })).outputs.channel).toBe('pr-41')
    servePulls([{ ...open, state: 'closed' }])

    const removed = await run({ inputs: { ipa: '', mode: 'remove' }, event })

    expect(removed.errors).toEqual([])
    expect(removed.outputs).toMatchObject({ skipped: 'false', channel: 'pr-41' })
    expect((await stage.files()).filter((path) => path.startsWith('ota/pr-41/'))).toEqual([])
    const lookups = stage.github.requests.filter((r) => r.operationId === 'pulls/list')
    expect(Object.fromEntries(lookups.at(-1)!.query)).toMatchObject({
      head: 'someone:feature/dark-mode',
      state: 'closed'
    })
    const onPr = stage.comments.on('octo', name(), 41)
    expect(onPr).toHaveLength(1)
    expect(onPr[0]!.body).toContain('builds removed')
  })
})
