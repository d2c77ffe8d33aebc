/**
 * Hostile and broken archives through the bundled action (dist/index.js) with host: pages pointed
 * at the GitHub and git stand-ins: each must fail fast, small and clearly, and write nothing.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from './support/git-server.js'
import { startGitHub, type GitHubStandIn } from './support/github-server.js'
import { malformedFixtures, writeHostileCorpus, type HostileArchive } from './support/hostile.js'
import { runAction } from './support/runner.js'
import { corpusFolder } from './support/corpus.js'
import { listFiles } from './support/files.js'

const TOKEN = 'ghs_hardeningArchives0123456789abcdef'
const malformed = corpusFolder('ipa/malformed')

/**
 * Bounds for a loop or a runaway allocation, not performance targets, measured so that a loaded
 * machine cannot fail them: CPU time (a refusal takes well under a second of it), and memory above
 * what the same action takes to refuse a file that is not a zip at all, measured here too.
 */
const MAX_CPU_SECONDS = 5
const MAX_EXTRA_RSS_MB = 128

const RSS_PRELOAD = resolve('scripts/hardening-rss.mjs')
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

/** The corpus is written while the file is collected, so each archive is a test of its own. */
const work = await mkdtemp(join(tmpdir(), 'hardening-archives-'))
await mkdir(join(work, 'corpus'))
const corpus: HostileArchive[] = [
  ...(await writeHostileCorpus(join(work, 'corpus'))),
  ...(malformed.skip ? [] : await malformedFixtures(malformed.dir))
]
/** Two action processes at a time: the machine has two cores. */
const slots = semaphore(2)
let github: GitHubStandIn
let git: GitServer
let baselineRssMb: number

beforeAll(async () => {
  github = await startGitHub({ token: TOKEN })
  git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
  const notZip = join(work, 'not-a-zip.ipa')
  await writeFile(notZip, 'not a zip archive')
  const baseline = await runMeasured(
    notZip,
    'octo/hostile-baseline',
    await mkdtemp(join(work, 'base-'))
  )
  expect(baseline.run.errors).toHaveLength(1)
  baselineRssMb = baseline.rssMb
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
      const { run, rssFile, rssMb, cpuSeconds } = await runMeasured(
        archive.path,
        repository,
        runDir
      )
      const output = run.stdout + run.stderr

      expect(run.code).toBe(1)
      expect(cpuSeconds).toBeLessThan(MAX_CPU_SECONDS)
      expect(rssMb - baselineRssMb).toBeLessThan(MAX_EXTRA_RSS_MB)
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

/** One run of the action on `ipa` (host: pages), with its peak memory and CPU time. */
async function runMeasured(ipa: string, repository: string, runDir: string) {
  await git.createRepo(repository)
  const rssFile = join(runDir, 'rss')
  await slots.acquire()
  const run = await runAction({
    inputs: { ipa, 'base-url': 'https://octo.github.io/app/', wait: 'false' },
    token: TOKEN,
    cwd: runDir,
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: git.url,
      GITHUB_REPOSITORY: repository,
      RUNNER_TEMP: runDir,
      // The archive's own folder is the workspace: the action reads no file outside it.
      GITHUB_WORKSPACE: dirname(ipa),
      NODE_OPTIONS: `--import=${RSS_PRELOAD}`,
      HARDENING_RSS_FILE: rssFile
    }
  }).finally(() => slots.release())
  const usage = JSON.parse(await readFile(rssFile, 'utf8')) as {
    maxRssKb: number
    cpuSeconds: number
  }
  return { run, rssFile, rssMb: usage.maxRssKb / 1024, cpuSeconds: usage.cpuSeconds }
}

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
