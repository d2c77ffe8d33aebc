/**
 * Load: eight runs of the bundled action at once, publishing to the same Pages branch, and
 * eight updating the comment of the same pull request. Nothing may be lost or duplicated, and
 * older runs finishing after the newest never take the comment back to their build.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from './support/git-server.js'
import { installCommentsFake, startGitHub, type GitHubStandIn } from './support/github-server.js'
import { servePagesSettings } from './support/github-pages.js'
import { runAction } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'

const TOKEN = 'ghs_hardeningLoad0123456789abcdefghij'
const SITE = 'https://octo.github.io/app/'
const RUNS = 8
/** Eight action processes on two cores: a hang bound, generous so that a loaded machine cannot trip it. */
const LOAD_TIMEOUT_MS = 240_000

let work: string
let ipa: string
let github: GitHubStandIn
let git: GitServer | undefined

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hardening-load-'))
  ipa = join(work, 'Sample.ipa')
  await writeSampleIpa(ipa)
})

afterEach(async () => {
  expect(github.violations).toEqual([])
  await github.close()
  await git?.close()
  git = undefined
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const runNumbers = Array.from({ length: RUNS }, (_, i) => String(101 + i))

describe('eight runs at once', () => {
  it(
    'publish to the same Pages branch: every build is on it afterwards, one commit each',
    async () => {
      git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
      await git.createRepo('octo/app')
      github = await startGitHub({ token: TOKEN })
      servePagesSettings(github, { html_url: SITE })
      const server = git

      const runs = await Promise.all(
        runNumbers.map((runNumber) =>
          runAction({
            inputs: { ipa, wait: 'false', comment: 'never' },
            token: TOKEN,
            cwd: work,
            env: {
              GITHUB_API_URL: github.url,
              GITHUB_SERVER_URL: server.url,
              GITHUB_RUN_NUMBER: runNumber
            }
          })
        )
      )

      expect(runs.map((run) => run.errors)).toEqual(runs.map(() => []))
      expect(runs.map((run) => run.code)).toEqual(runs.map(() => 0))
      const repo = server.git('octo/app')
      const files = (await repo.text(['ls-tree', '-r', '--name-only', 'gh-pages'])).split('\n')
      for (const runNumber of runNumbers) {
        expect(files).toContain(`ota/main/${runNumber}-1/build.json`)
        expect(files).toContain(`ota/main/${runNumber}-1/manifest.plist`)
      }
      const subjects = (await repo.text(['log', '--format=%s', 'gh-pages'])).split('\n').sort()
      expect(subjects).toEqual(runNumbers.map((n) => `Sample 1.0 (1) in ota/main/${n}-1`).sort())
      // The channel index, written last by whichever run pushed last, lists every build.
      const index = await repo.text(['show', 'gh-pages:ota/main/index.html'])
      for (const runNumber of runNumbers) expect(index).toContain(`${runNumber}-1/`)
    },
    LOAD_TIMEOUT_MS
  )

  /**
   * Runs of the action commenting on pull request 9, on directory sites: one shared by all, as
   * runs of one channel share their host, or (`site` undefined) one per run, so that no run
   * learns of another's build from the site and only the comment orders them.
   */
  function commentingRuns(numbers: string[], site?: string) {
    const event = {
      name: 'pull_request',
      payload: {
        number: 9,
        pull_request: {
          number: 9,
          head: { sha: 'd'.repeat(40), repo: { full_name: 'octo/app' } },
          base: { repo: { full_name: 'octo/app' } }
        }
      }
    }
    return Promise.all(
      numbers.map((runNumber) =>
        runAction({
          inputs: {
            ipa,
            host: 'directory',
            'base-url': SITE,
            'output-dir': site ?? join(work, `site-${runNumber}`)
          },
          event,
          token: TOKEN,
          cwd: work,
          // Run ids grow with the run number, as GitHub numbers runs in the order they start.
          env: {
            GITHUB_API_URL: github.url,
            GITHUB_RUN_NUMBER: runNumber,
            GITHUB_RUN_ID: `5${runNumber}`
          }
        })
      )
    )
  }

  /** The builds the comment's main part shows (its install links), and its hidden build line. */
  function shownBuilds(body: string): { main: Set<string>; line: string } {
    const [main] = body.split('<details>')
    return {
      main: new Set(main!.match(/ota\/pr-9\/[\w-]+\//g)),
      line: body.split('\n')[1] ?? ''
    }
  }

  it(
    'update the comment of the same pull request: one comment, showing the newest build',
    async () => {
      github = await startGitHub({ token: TOKEN })
      const comments = installCommentsFake(github, { login: 'github-actions[bot]' })

      const runs = await commentingRuns(runNumbers, join(work, 'site-shared'))

      expect(runs.map((run) => run.errors)).toEqual(runs.map(() => []))
      expect(runs.map((run) => run.stdout.match(/::warning::.*/g) ?? [])).toEqual(
        runs.map(() => [])
      )
      const onPr = comments.on('octo', 'app', 9)
      expect(onPr).toHaveLength(1)
      // The newest build (highest run id), named by the hidden line too, although GitHub has no
      // conditional update for comments: a run that read the comment before the newest run wrote
      // it may write last, and then finds the newest build on the site and writes again.
      const newest = `5${runNumbers.at(-1)!}`
      const { main, line } = shownBuilds(onPr[0]!.body)
      expect(main).toEqual(new Set([`ota/pr-9/${newest}-1/`]))
      expect(line).toMatch(
        new RegExp(`^<!-- ipa-ota-shows run=${newest} attempt=1 build=${newest}-1 `)
      )
      expect(new Set(runs.map((run) => run.outputs['comment-url']))).toEqual(
        new Set([`https://github.com/octo/app/issues/9#issuecomment-${onPr[0]!.id}`])
      )
    },
    LOAD_TIMEOUT_MS
  )

  it(
    'seven older runs finishing at once after the newest leave the newest build in the comment',
    async () => {
      github = await startGitHub({ token: TOKEN })
      const comments = installCommentsFake(github, { login: 'github-actions[bot]' })
      const newest = runNumbers.at(-1)!

      const [first] = await commentingRuns([newest])
      const runs = await commentingRuns(runNumbers.slice(0, -1))

      expect([first, ...runs].map((run) => run!.errors)).toEqual(runNumbers.map(() => []))
      const onPr = comments.on('octo', 'app', 9)
      expect(onPr).toHaveLength(1)
      expect(shownBuilds(onPr[0]!.body).main).toEqual(new Set([`ota/pr-9/5${newest}-1/`]))
      expect(new Set([first, ...runs].map((run) => run!.outputs['comment-url']))).toEqual(
        new Set([`https://github.com/octo/app/issues/9#issuecomment-${onPr[0]!.id}`])
      )
    },
    LOAD_TIMEOUT_MS
  )
})
