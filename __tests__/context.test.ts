import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readRunContext } from '../src/context.js'
import { defaultBuildId } from '../src/ota/layout.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'context-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('readRunContext', () => {
  it('reads the default branch from the event and the run id for the build id', async () => {
    const event = join(dir, 'event.json')
    await writeFile(event, JSON.stringify({ repository: { default_branch: 'develop' } }))
    const context = await readRunContext(
      {
        GITHUB_EVENT_PATH: event,
        GITHUB_RUN_ID: '8812345601',
        GITHUB_RUN_NUMBER: '42',
        GITHUB_RUN_ATTEMPT: '3'
      },
      dir
    )
    expect(context.defaultBranch).toBe('develop')
    expect(defaultBuildId(context.source)).toBe('8812345601-3')
  })

  it('has no default branch outside a workflow', async () => {
    expect((await readRunContext({}, dir)).defaultBranch).toBeUndefined()
  })
})
