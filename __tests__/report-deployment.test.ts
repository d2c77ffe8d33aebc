import { afterEach, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { createDeployment } from '../src/report/deployment.js'
import { startGitHub, type GitHubStandIn, type StartOptions } from './support/github-server.js'
import { buildRecord } from './support/github-records.js'
import { unthrottledOctokit } from './support/octokit.js'

const TOKEN = 'ghs_deployTestToken'
let gh: GitHubStandIn

afterEach(async () => {
  expect(gh.violations).toEqual([])
  await gh.close()
})

async function setUp(
  options: Omit<StartOptions, 'token'> = {},
  created: { id: number } | null = { id: 42 }
) {
  gh = await startGitHub({ token: TOKEN, ...options })
  gh.handle('repos/create-deployment', () => ({
    status: created === null ? 202 : 201,
    body: created ?? { message: 'Auto-merged main into topic on deploy.' }
  }))
  gh.handle('repos/create-deployment-status', (req) => ({
    status: 201,
    body: { id: 1, deployment_id: Number(req.params.deployment_id) }
  }))
  return unthrottledOctokit(TOKEN, gh.url)
}

describe('createDeployment', () => {
  it('deploys the commit to ota/<channel> and marks it successful with the install page', async () => {
    const octokit = await setUp()
    const record = buildRecord('34-1')

    expect(
      await createDeployment(octokit, { owner: 'octo', repo: 'app', channel: 'pr-12', record })
    ).toEqual({ id: 42 })

    const [deployment, status] = gh.requests
    expect(deployment?.operationId).toBe('repos/create-deployment')
    expect(deployment?.body).toEqual({
      ref: record.source.sha,
      environment: 'ota/pr-12',
      description: 'Example 1.4.0 (34)',
      auto_merge: false,
      required_contexts: [],
      transient_environment: true,
      production_environment: false,
      payload: { buildId: '34-1', bundleId: 'com.example.app' }
    })
    expect(status?.operationId).toBe('repos/create-deployment-status')
    expect(status?.params.deployment_id).toBe('42')
    expect(status?.body).toEqual({
      state: 'success',
      environment: 'ota/pr-12',
      environment_url: record.urls.page,
      log_url: 'https://github.com/octo/app/actions/runs/987654',
      auto_inactive: true
    })
  })

  it('names deployments: write when GitHub refuses', async () => {
    const octokit = await setUp({
      fault: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } })
    })
    const attempt = createDeployment(octokit, {
      owner: 'octo',
      repo: 'app',
      channel: 'main',
      record: buildRecord('1-1')
    })
    await expect(attempt).rejects.toThrow(UserError)
    await expect(attempt).rejects.toThrow(/"permissions: deployments: write"/)
  })

  it('fails clearly when GitHub answers without creating the deployment', async () => {
    const octokit = await setUp({}, null)
    await expect(
      createDeployment(octokit, {
        owner: 'octo',
        repo: 'app',
        channel: 'main',
        record: buildRecord('1-1')
      })
    ).rejects.toThrow(
      'GitHub did not create the deployment to ota/main: Auto-merged main into topic on deploy; set deployment: false or check the branch.'
    )
  })

  it('needs the commit of the build', async () => {
    const octokit = await setUp()
    const record = buildRecord('1-1')
    record.source.sha = undefined
    await expect(
      createDeployment(octokit, { owner: 'octo', repo: 'app', channel: 'main', record })
    ).rejects.toThrow(/needs the commit of the build/)
    expect(gh.requests).toEqual([])
  })
})
