/**
 * Cancel: the runner sends SIGTERM while the bundled action is pushing its build to Pages. The
 * action must stop (not wait on the stalled push), leave nothing of the build reachable from the branch or its
 * index pages, and remove its temporary files under RUNNER_TEMP.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { createServer, request, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from './support/git-server.js'
import { startGitHub, type GitHubStandIn } from './support/github-server.js'
import { servePagesSettings } from './support/github-pages.js'
import { runAction } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'

const TOKEN = 'ghs_hardeningCancel0123456789abcdefgh'
/**
 * The push stalls for good, so an action that ignores SIGTERM never exits; it stops in well under
 * a second. The bound is generous so that a machine busy with other work cannot fail it.
 */
const MAX_STOP_SECONDS = 30

let work: string
let ipa: string
let git: GitServer
let github: GitHubStandIn

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hardening-cancel-'))
  ipa = join(work, 'Sample.ipa')
  await writeSampleIpa(ipa)
  git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
  await git.createRepo('octo/app')
  github = await startGitHub({ token: TOKEN })
  servePagesSettings(github)
})

afterAll(async () => {
  await github?.close()
  await git?.close()
  await rm(work, { recursive: true, force: true })
})

/**
 * A proxy in front of the git server that holds the first push mid-upload (it reads the request
 * but never forwards it) and reports when it got there; everything else passes through.
 */
async function startStallingProxy(target: string) {
  let reached: () => void = () => undefined
  const pushing = new Promise<void>((resolve) => (reached = resolve))
  const held: IncomingMessage[] = []
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.endsWith('/git-receive-pack')) {
      held.push(req)
      req.once('data', () => reached())
      req.resume()
      return
    }
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pushing,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

describe('SIGTERM mid-push', () => {
  it('stops, publishes no part of the build and removes its temporary files', async () => {
    const proxy = await startStallingProxy(git.url)
    const temp = await mkdtemp(join(work, 'runner-temp-'))
    let cancelledAt = 0

    const run = await runAction({
      inputs: { ipa, wait: 'false', comment: 'never' },
      token: TOKEN,
      cwd: work,
      onSpawn: (child) =>
        void proxy.pushing.then(() => {
          cancelledAt = performance.now()
          child.kill('SIGTERM')
        }),
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: proxy.url,
        GITHUB_RUN_NUMBER: '31',
        RUNNER_TEMP: temp
      }
    }).finally(() => proxy.close())
    const stopSeconds = (performance.now() - cancelledAt) / 1000

    expect(cancelledAt).toBeGreaterThan(0)
    expect(run.code).not.toBe(0)
    expect(run.stdout).toContain('Cancelled (SIGTERM): removing temporary files and stopping.')
    expect(stopSeconds).toBeLessThan(MAX_STOP_SECONDS)
    // Nothing reachable: the branch was never created, so neither the build nor an index lists it.
    const branches = await git.git('octo/app').text(['branch', '--list'])
    expect(branches).toBe('')
    // Its temporary repository (which holds the IPA's blob) is gone.
    expect(await readdir(temp)).toEqual([])
  })
})
