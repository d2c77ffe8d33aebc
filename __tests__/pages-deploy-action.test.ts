/**
 * dist/index.js run as the runner runs it, against a Pages site whose source is "GitHub Actions":
 * the real git http-backend under a *.localhost server name, the stand-in GitHub API, the artifact
 * service, blob store and OIDC endpoint.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startActionsServices, type ActionsServices } from './support/actions-services.js'
import { startGitServer, type GitServer } from './support/git-server.js'
import type { PagesDeploymentsFake } from './support/github-pages.js'
import {
  installCommentsFake,
  startGitHub,
  type CommentsFake,
  type GitHubStandIn
} from './support/github-server.js'
import { serveActionsPagesSite, type ActionsPagesSite } from './support/pages-actions.js'
import { runAction } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'

const TOKEN = 'ghs_deployAction0123456789abcdefABCDE'

let work: string
let ipa: string
let git: GitServer
let services: ActionsServices
let github: GitHubStandIn
let site: ActionsPagesSite
let deployments: PagesDeploymentsFake
let comments: CommentsFake
/** What the stand-in Pages settings report (the HEAD check needs https, so wait is off here). */
const SITE = 'https://octo.github.io/app/'

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pages-deploy-action-'))
  ipa = join(work, 'Sample.ipa')
  await writeSampleIpa(ipa, { name: 'Sample', version: '2.1', build: '42' })
  git = await startGitServer({ tokens: { [TOKEN]: 'write' } })
  await git.createRepo('octo/app')
  services = await startActionsServices()
})
afterAll(async () => {
  await services?.close()
  await git?.close()
  await rm(work, { recursive: true, force: true })
})
beforeEach(async () => {
  github = await startGitHub({ token: TOKEN })
  site = serveActionsPagesSite(github, git, 'octo/app', services)
  deployments = site.deployments
  comments = installCommentsFake(github, { login: 'github-actions[bot]' })
})
afterEach(async () => {
  expect(github.violations).toEqual([])
  await github.close()
})

function run(runNumber: string, onSpawn?: (child: ChildProcess) => void) {
  return runAction({
    inputs: { ipa, host: 'pages', wait: 'false' },
    event: {
      name: 'pull_request',
      payload: {
        number: 5,
        pull_request: {
          number: 5,
          head: { sha: 'a'.repeat(40), repo: { full_name: 'octo/app' } },
          base: { repo: { full_name: 'octo/app' } }
        }
      }
    },
    env: {
      ...site.env,
      GITHUB_API_URL: github.url,
      GITHUB_HEAD_REF: 'feature/login',
      GITHUB_RUN_NUMBER: runNumber,
      GITHUB_RUN_ID: `88${runNumber}`
    },
    token: TOKEN,
    cwd: work,
    onSpawn
  })
}

describe('dist/index.js on a "GitHub Actions" Pages site', () => {
  it('publishes on a pull request, deploys the branch, then comments', async () => {
    // Progress through the statuses is tested in pages-deploy.test.ts; here no 5 s poll interval.
    deployments.statuses = ['succeed']
    const result = await run('1')

    expect(result.errors).toEqual([])
    expect(result.code).toBe(0)
    // The build id is <GITHUB_RUN_ID>-<attempt>.
    const dir = `${SITE}ota/pr-5/881-1`
    expect(result.outputs['manifest-url']).toBe(`${dir}/manifest.plist`)
    const tip = await git.git('octo/app').text(['rev-parse', 'refs/heads/gh-pages'])
    expect(deployments.deployments).toEqual([
      expect.objectContaining({ buildVersion: tip, status: 'succeed' })
    ])
    const live = (await site.liveEntries()).map((entry) => entry.path)
    const ipaPath = result.outputs['ipa-url']!.slice(SITE.length)
    expect(live).toEqual(
      expect.arrayContaining([
        'ota/pr-5/881-1/manifest.plist',
        'ota/pr-5/881-1/index.html',
        ipaPath
      ])
    )
    const onPr = comments.on('octo', 'app', 5)
    expect(onPr).toHaveLength(1)
    expect(onPr[0]!.body).toContain(`${dir}/qr.png`)
    expect(result.summary).toContain(`${dir}/index.html`)
    const unmasked = (result.stdout + result.stderr).replaceAll(`::add-mask::${TOKEN}`, '')
    expect(unmasked).not.toContain(TOKEN)
  })

  it('SIGTERM while the deployment runs cancels it and stops the step', async () => {
    deployments.statuses = ['deployment_in_progress']
    const result = await run('2', (child) => {
      void vi
        .waitFor(
          () => {
            if (deployments.deployments.length === 0) throw new Error('no deployment yet')
          },
          { timeout: 60_000, interval: 50 }
        )
        .then(() => child.kill('SIGTERM'))
    })

    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Cancelled (SIGTERM)')
    expect(deployments.deployments).toEqual([
      expect.objectContaining({ cancelled: true, status: 'deployment_cancelled' })
    ])
    expect(comments.on('octo', 'app', 5)).toEqual([])
  })
})
