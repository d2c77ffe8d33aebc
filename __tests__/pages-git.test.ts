/**
 * Bounded git: a stalled git server (a loopback HTTP server that accepts and never answers, or
 * trickles) cannot hold the step. The bounds are made small through the limits option; the
 * tests' own timeout is the bound they check, with room for a loaded machine.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { createGit, GitError } from '../src/hosts/pages/git.js'
import { createPagesStore } from '../src/hosts/pages/store.js'
import { classifyGitFailure } from '../src/hosts/pages/tree.js'

const TOKEN = 'ghs_stalledToken0123456789abcdefABCD'

let scratch: string
let silent: { url: string; server: Server; requests: number }
let trickle: { url: string; server: Server; requests: number }

/** A server whose every request is answered by `answer` (which may never end it). */
async function serve(answer: Parameters<typeof createServer>[1]) {
  const state = { url: '', server: createServer(answer), requests: 0 }
  state.server.on('request', () => state.requests++)
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`
  return state
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'pages-git-'))
  // Accepts, reads the request, and never answers.
  silent = await serve(() => undefined)
  // Answers as a smart-HTTP server would begin to, then one byte every half second.
  trickle = await serve((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/x-git-upload-pack-advertisement' })
    const timer = setInterval(() => res.write('0'), 500)
    res.on('close', () => clearInterval(timer))
  })
})
afterAll(async () => {
  for (const { server } of [silent, trickle]) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  await rm(scratch, { recursive: true, force: true })
})

async function bareRepo(name: string) {
  const gitDir = join(scratch, name)
  await mkdir(gitDir)
  await createGit({ gitDir }).run(['init', '--bare', '--quiet'])
  return gitDir
}

describe('bounded git', () => {
  it('gives every git command the low-speed limit', async () => {
    const git = createGit({
      gitDir: await bareRepo('env'),
      limits: { lowSpeedBytesPerSecond: 1234, lowSpeedSeconds: 56, timeoutMs: 60_000 }
    })
    // A shell alias prints the environment git runs with.
    const env = (await git.text(['-c', 'alias.env=!env', 'env'])).split('\n')
    expect(env).toEqual(
      expect.arrayContaining(['GIT_HTTP_LOW_SPEED_LIMIT=1234', 'GIT_HTTP_LOW_SPEED_TIME=56'])
    )
  })

  it('aborts a fetch from a server that trickles below the low-speed limit', async () => {
    const git = createGit({
      gitDir: await bareRepo('trickle'),
      limits: { lowSpeedBytesPerSecond: 1000, lowSpeedSeconds: 1, timeoutMs: 10 * 60_000 }
    })
    const failure = git.run(['ls-remote', `${trickle.url}/owner/site.git`])
    await expect(failure).rejects.toThrow(GitError)
    const error = (await failure.catch((e: unknown) => e)) as GitError
    expect(classifyGitFailure(error.stderr)).toBe('stalled')
  }, 60_000)

  it('kills a command whose server accepts and never answers, with the reason', async () => {
    const git = createGit({
      gitDir: await bareRepo('silent'),
      limits: { lowSpeedBytesPerSecond: 1000, lowSpeedSeconds: 600, timeoutMs: 1000 }
    })
    const failure = git.run(['ls-remote', `${silent.url}/owner/site.git`])
    await expect(failure).rejects.toThrow('git ls-remote was stopped after 1 s without finishing')
    const error = (await failure.catch((e: unknown) => e)) as GitError
    expect(classifyGitFailure(error.stderr)).toBe('stalled')
  }, 60_000)

  it('a publish to a stalled server ends with a clear error, without retrying for ever', async () => {
    const before = silent.requests
    const store = createPagesStore({
      remoteUrl: `${silent.url}/owner/site.git`,
      token: TOKEN,
      target: async () => ({ branch: 'gh-pages', dir: '' }),
      history: 'keep',
      tempDir: scratch,
      gitLimits: { lowSpeedBytesPerSecond: 1000, lowSpeedSeconds: 600, timeoutMs: 2000 },
      sleep: async () => undefined
    })
    const failure = store.update('ota', () => ({ write: [], removeDirs: [] }), 'Publish')
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      /^The git server stopped answering while publishing to branch gh-pages of http:\/\/127\.0\.0\.1:\d+\/owner\/site\.git \(git fetch was stopped after 2 s without finishing\): re-run the job/
    )
    // One attempt: a stalled server is not asked again and again.
    expect(silent.requests - before).toBe(1)
  }, 60_000)
})
