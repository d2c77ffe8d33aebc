/**
 * Hostile and broken archives through the bundled action (dist/index.js) with host: pages pointed
 * at the GitHub and git stand-ins: each must fail fast, small and clearly, and write nothing.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from './support/git-server.js'
import { startGitHub, type GitHubStandIn } from './support/github-server.js'
import { malformedFixtures, writeHostileCorpus, type HostileArchive } from './support/hostile.js'
import { runAction } from './support/runner.js'
import { corpusFolder } from './support/corpus.js'
import { listFiles } from './support/files.js'

const TOKEN = 'ghs_hardeningArchives0123456789abcdef'
const malformed = corpusFolder('ipa/malformed')

/** Bounds for a hang or a runaway allocation, not performance targets. */
const MAX_SECONDS = 5
const MAX_RSS_MB = 200

const RSS_PRELOAD = resolve('scripts/hardening-rss.mjs')
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

/** The corpus is written while the file is collected, so each archive is a test of its own. */
const work = await mkdtemp(join(tmpdir(), 'hardening-archives-'))
await mkdir(join(work, 'corpus'))
const corpus: HostileArchive[] = [
  ...(await writeHostileCorpus(join(work, 'corpus'))),
  ...(malformed.skip ? [] : await malformedFixtures(malformed.dir))
]
/** Two action processes at a time, so the time bound measures the archive, not the queue. */
const slots = semaphore(2)
let github: GitHubStandIn
let git: GitServer

beforeAll(async () => {
  github = await startGitHub({ token: TOKEN })
  git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
})

afterAll(async () => {
  await github?.close()
  await git?.close()
  await rm(work, { recursive: true, force: true })
})

describe('the hostile archive corpus', () => {
  it('holds at least 30 archives, the malformed fixtures included', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30)
    if (!malformed.skip) expect(corpus.map((a) => a.name)).toContain('NoInfoPlist.ipa')
  })

  it.concurrent.each(corpus.map((archive, index) => ({ ...archive, index })))(
    '$name fails alone, fast, small and clearly, and nothing reaches a host',
    async (archive) => {
      const repository = `octo/hostile-${archive.index}`
      const runDir = await mkdtemp(join(work, `run-${archive.index}-`))
      await git.createRepo(repository)
      const rssFile = join(runDir, 'rss')
      await slots.acquire()
      const started = performance.now()
      const run = await runAction({
        inputs: { ipa: archive.path, 'base-url': 'https://octo.github.io/app/', wait: 'false' },
        token: TOKEN,
        cwd: runDir,
        env: {
          GITHUB_API_URL: github.url,
          GITHUB_SERVER_URL: git.url,
          GITHUB_REPOSITORY: repository,
          RUNNER_TEMP: runDir,
          NODE_OPTIONS: `--import=${RSS_PRELOAD}`,
          HARDENING_RSS_FILE: rssFile
        }
      }).finally(() => slots.release())
      const seconds = (performance.now() - started) / 1000
      const rssMb = Number(await readFile(rssFile, 'utf8')) / 1024
      const output = run.stdout + run.stderr

      expect(run.code).toBe(1)
      expect(seconds).toBeLessThan(MAX_SECONDS)
      expect(rssMb).toBeLessThan(MAX_RSS_MB)
      expect(run.errors).toHaveLength(1)
      const error = run.errors[0]!
      expect(error).toMatch(archive.error)
      // One sentence that ends with what to do, on one clean line, without an exception's name.
      expect(error).toMatch(/[;:] .+\.\)?$/)
      expect(error).not.toMatch(/^::error::(Range|Type|Syntax|Git)?Error\b/)
      // eslint-disable-next-line no-control-regex -- a control character in the annotation is the bug
      expect(error).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/)

      const touched = (path: string) => path.includes(`/${repository}`)
      expect(github.requests.filter((r) => WRITES.has(r.method) && touched(r.path))).toEqual([])
      expect(git.requests.filter((r) => touched(r.path))).toEqual([])
      expect((await listFiles(runDir)).map((file) => join(runDir, file))).toEqual([rssFile])
    }
  )
})

function semaphore(limit: number) {
  let free = limit
  const waiting: Array<() => void> = []
  return {
    async acquire(): Promise<void> {
      if (free > 0) free--
      else await new Promise<void>((resolve) => waiting.push(resolve))
    },
    release(): void {
      const next = waiting.shift()
      if (next) next()
      else free++
    }
  }
}
