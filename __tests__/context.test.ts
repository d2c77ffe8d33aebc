import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readRunContext } from '../src/event/context.js'
import { defaultBuildId, defaultChannel } from '../src/ota/layout.js'

const BUILT = 'b'.repeat(40)

async function contextOf(name: string, payload: unknown) {
  const dir = await mkdtemp(join(tmpdir(), 'context-'))
  const path = join(dir, 'event.json')
  await writeFile(path, JSON.stringify(payload))
  return readRunContext(
    {
      GITHUB_EVENT_NAME: name,
      GITHUB_EVENT_PATH: path,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_SHA: 'd'.repeat(40),
      GITHUB_REF_NAME: 'main',
      GITHUB_RUN_ID: '555',
      GITHUB_RUN_NUMBER: '4',
      GITHUB_WORKFLOW: 'publish',
      GITHUB_ACTOR: 'maintainer'
    },
    dir
  )
}

const run = (pullRequests: unknown[]) => ({
  workflow_run: {
    id: 987654,
    name: 'build',
    event: 'pull_request',
    head_sha: BUILT,
    head_branch: 'feature/dark-mode',
    run_number: 31,
    run_attempt: 2,
    head_repository: { id: 2, full_name: 'someone/app' },
    actor: { login: 'contributor' },
    pull_requests: pullRequests
  },
  repository: { id: 1, full_name: 'octo/app' }
})

describe('readRunContext on workflow_run', () => {
  it('describes the build run: its commit, branch, run and author, not the publish run', async () => {
    const context = await contextOf('workflow_run', run([]))
    expect(context.source).toMatchObject({
      event: 'pull_request',
      sha: BUILT,
      ref: 'feature/dark-mode',
      refType: 'branch',
      runId: '987654',
      runNumber: 31,
      runAttempt: 2,
      workflow: 'build',
      actor: 'contributor'
    })
    expect(context.source.pr).toBeUndefined()
    expect(context.workflowRun).toEqual({
      event: 'pull_request',
      headSha: BUILT,
      headBranch: 'feature/dark-mode',
      headRepository: 'someone/app',
      headRepositoryId: 2,
      pullRequests: []
    })
    // The build run names the build folder, so re-running the publish replaces the same build.
    expect(defaultBuildId(context.source)).toBe('987654-2')
  })

  it("keeps the listed pull requests into this repository, not another repository's, for the guard to check", async () => {
    const other = { number: 3, base: { ref: 'trunk', repo: { id: 99 } } }
    const head = { sha: BUILT, repo: { id: 2, url: 'https://api.github.com/repos/someone/app' } }
    const ours = { number: 5, head, base: { ref: 'release/2.0', repo: { id: 1 } } }
    const context = await contextOf('workflow_run', run([other, ours]))
    expect(context.workflowRun?.pullRequests).toEqual([
      { number: 5, baseRef: 'release/2.0', headSha: BUILT, headRepositoryId: 2 }
    ])
    // Only a claim until event/guard.ts checks its head against the build.
    expect(context.source.pr).toBeUndefined()
    expect(defaultChannel(context.source)).toBe('feature-dark-mode')
    expect(context.baseRef).toBeUndefined()
  })

  it('knows no base branch when GitHub lists no pull request (event/guard.ts looks it up)', async () => {
    expect((await contextOf('workflow_run', run([]))).baseRef).toBeUndefined()
  })

  it('leaves other events as they were', async () => {
    const context = await contextOf('push', run([{ number: 5 }]))
    expect(context.workflowRun).toBeUndefined()
    expect(context.source).toMatchObject({ event: 'push', sha: 'd'.repeat(40), ref: 'main' })
  })
})

describe('readRunContext', () => {
  it('reads the default branch from the event and the run id for the build id', async () => {
    const context = await contextOf('push', { repository: { default_branch: 'develop' } })
    expect(context.defaultBranch).toBe('develop')
    expect(defaultBuildId(context.source)).toBe('555-1')
  })

  it('has no default branch outside a workflow', async () => {
    expect((await readRunContext({}, tmpdir())).defaultBranch).toBeUndefined()
  })
})
