/**
 * The token never leaks: through the bundled action publishing to Pages (git push with the token)
 * and commenting, and failing on a read-only token, the token and its base64 git form appear in
 * no log line but `::add-mask::`, no output, no summary, no file of the workspace or RUNNER_TEMP
 * (checked while the push is in flight, .git/config included), no error and no pushed object.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { basicAuthorization } from '../src/hosts/pages/git.js'
import { startGitServer, type Access, type GitServer } from './support/git-server.js'
import { installCommentsFake, startGitHub, type GitHubStandIn } from './support/github-server.js'
import { servePagesSettings } from './support/github-pages.js'
import { runAction, type ActionRun } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'
import { listFiles } from './support/files.js'

const TOKEN = 'ghs_hardeningSecret0123456789abcdefgh'
const SECRETS = [TOKEN, basicAuthorization(TOKEN).slice('basic '.length)]

let work: string
let ipa: string
let github: GitHubStandIn
let git: GitServer

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hardening-secrets-'))
  ipa = join(work, 'Sample.ipa')
  await writeSampleIpa(ipa)
})

afterEach(async () => {
  await github?.close()
  await git?.close()
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const leaks = (text: string): string[] => SECRETS.filter((secret) => text.includes(secret))

/** Every file under `dir` that holds a secret, read synchronously (a snapshot mid-request). */
function filesWithSecrets(dir: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const content = readFileSync(path, 'latin1')
    if (leaks(content).length > 0) found.push(path)
  }
  return found
}

/** Publishes through Pages with a comment; `access` is what the git server grants the token. */
async function publish(access: Access) {
  const workspace = await mkdtemp(join(work, 'workspace-'))
  const temp = await mkdtemp(join(work, 'temp-'))
  await copyFile(ipa, join(workspace, 'Sample.ipa'))
  const snapshots: Array<{ files: number; leaking: string[] }> = []
  git = await startGitServer({
    tokens: { [TOKEN]: access },
    fault: (request) => {
      if (request.service === 'git-receive-pack') {
        const leaking = filesWithSecrets(temp)
        snapshots.push({ files: readdirSync(temp, { recursive: true }).length, leaking })
      }
      return undefined
    }
  })
  await git.createRepo('octo/app')
  github = await startGitHub({ token: TOKEN })
  servePagesSettings(github)
  const comments = installCommentsFake(github, { login: 'github-actions[bot]' })
  const run = await runAction({
    inputs: { ipa: join(workspace, 'Sample.ipa'), wait: 'false', deployment: 'false' },
    event: {
      name: 'pull_request',
      payload: {
        number: 4,
        pull_request: {
          number: 4,
          head: { sha: 'e'.repeat(40), repo: { full_name: 'octo/app' } },
          base: { repo: { full_name: 'octo/app' } }
        }
      }
    },
    token: TOKEN,
    cwd: workspace,
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: git.url,
      RUNNER_TEMP: temp,
      GITHUB_WORKSPACE: workspace,
      RUNNER_DEBUG: '1'
    }
  })
  return { run, workspace, temp, snapshots, comments }
}

function expectNoLeakInRun(run: ActionRun): void {
  const lines = `${run.stdout}\n${run.stderr}`.split('\n')
  const masks = lines.filter((line) => line.startsWith('::add-mask::'))
  // The runner masks what ::add-mask:: names: both forms must be announced, before any other use.
  expect(masks).toEqual(expect.arrayContaining(SECRETS.map((s) => `::add-mask::${s}`)))
  expect(
    lines.filter((line) => !line.startsWith('::add-mask::') && leaks(line).length > 0)
  ).toEqual([])
  expect(leaks(JSON.stringify(run.outputs))).toEqual([])
  expect(leaks(run.summary)).toEqual([])
  expect(run.errors.filter((line) => leaks(line).length > 0)).toEqual([])
}

const absoluteFiles = async (dir: string) => (await listFiles(dir)).map((file) => join(dir, file))

describe('the token', () => {
  it('leaks nowhere while publishing to Pages and commenting (debug logging on)', async () => {
    const { run, workspace, temp, snapshots, comments } = await publish('write')

    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    // The token was really used: git authenticated with it, the comment was posted with it.
    expect(git.requests.some((r) => r.authorization === basicAuthorization(TOKEN))).toBe(true)
    expect(comments.on('octo', 'app', 4)).toHaveLength(1)
    expectNoLeakInRun(run)
    // While the push was in flight, the temporary repository (config included) held no secret.
    expect(snapshots.length).toBeGreaterThan(0)
    expect(snapshots.every((s) => s.files > 0)).toBe(true)
    expect(snapshots.flatMap((s) => s.leaking)).toEqual([])
    for (const file of [...(await absoluteFiles(workspace)), ...(await absoluteFiles(temp))]) {
      expect(leaks(await readFile(file, 'latin1')), file).toEqual([])
    }
    // Nothing pushed carries it either: every object of the branch, decompressed.
    const objects = await git
      .git('octo/app')
      .run(['cat-file', '--batch-all-objects', '--batch', '--unordered'])
    expect(leaks(objects.toString('latin1'))).toEqual([])
    expect(leaks(comments.comments.map((c) => c.body).join('\n'))).toEqual([])
  })

  it('leaks nowhere when the push is refused (a read-only token)', async () => {
    const { run, workspace, temp } = await publish('read')

    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/contents: write/)
    expectNoLeakInRun(run)
    for (const file of [...(await absoluteFiles(workspace)), ...(await absoluteFiles(temp))]) {
      expect(leaks(await readFile(file, 'latin1')), file).toEqual([])
    }
  })
})
