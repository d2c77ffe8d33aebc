import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { renderReadme } from '../scripts/docs.mjs'
import { actionYml } from './support/action-inputs.js'
import { listFiles } from './support/files.js'

const run = promisify(execFile)

describe('the repository as maintainers pin it', () => {
  it('commits a dist/ built from the current src/', async () => {
    const out = await mkdtemp(join(tmpdir(), 'dist-'))
    try {
      await run(process.execPath, ['scripts/bundle.mjs', out])
      const fresh = await listFiles(out)
      expect(await listFiles('dist'), 'dist/ holds other files than a fresh bundle').toEqual(fresh)
      for (const file of fresh) {
        const same = (await readFile(join(out, file))).equals(await readFile(join('dist', file)))
        expect(same, `dist/${file} is stale: run npm run bundle and commit dist/`).toBe(true)
      }
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })

  it("keeps README's inputs and outputs tables equal to action.yml", async () => {
    const readme = await readFile('README.md', 'utf8')
    expect(await renderReadme(readme, actionYml), 'run node scripts/docs.mjs').toBe(readme)
  })

  it('describes the action briefly enough for the Marketplace', () => {
    const action = actionYml as unknown as {
      description: string
      runs: { using: string; main: string }
    }
    expect(action.description.length).toBeLessThanOrEqual(125)
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})
