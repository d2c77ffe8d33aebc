/**
 * mode: register-device on both stand-ins: GitHub's (checked against @octokit/openapi) for the
 * permission check, open pull requests, re-runs, reply and close; App Store Connect's (checked
 * against Apple's OpenAPI description) for the device.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registerDeviceRun, type RegisterContext } from '../src/asc/register-run.js'
import { getSettings, type Settings } from '../src/inputs.js'
import { inputEnv, withEnv } from './support/action-inputs.js'
import { clientFor } from './support/asc-client.js'
import { ascCorpus } from './support/asc-openapi.js'
import { ISSUER_ID, KEY_ID, startAsc, type AscStandIn } from './support/asc-server.js'
import { installDeviceRepoFake, type DeviceRepoFake } from './support/github-devices.js'
import {
  installCommentsFake,
  startGitHub,
  type CommentsFake,
  type GitHubStandIn
} from './support/github-server.js'
import { unthrottledOctokit } from './support/octokit.js'

const UDID = '00008030-001A2B3C4D5E802E'
const form = (udid: string, name: string) =>
  `### UDID\n\n${udid}\n\n### Device name\n\n${name}\n\n### Device type\n\niPhone\n`
const user = (login: string, type = 'User') => ({ login, type })
const issuePayload = (
  action: string,
  sender: string,
  body: string,
  extra: Record<string, unknown> = {}
) => ({
  action,
  issue: { number: 42, body, user: user('tester') },
  repository: { name: 'app', owner: { login: 'octo' }, fork: false },
  sender: user(sender),
  ...extra
})

describe.skipIf(ascCorpus.skip)(`mode: register-device${ascCorpus.reason}`, () => {
  let asc: AscStandIn
  let gh: GitHubStandIn
  let repo: DeviceRepoFake
  let comments: CommentsFake
  let settings: Settings

  beforeEach(async () => {
    asc = await startAsc()
    gh = await startGitHub({ token: 'ghs_testtoken0000' })
    repo = installDeviceRepoFake(gh)
    comments = installCommentsFake(gh, { login: 'github-actions[bot]' })
    repo.permissions = { maintainer: 'admin', dev: 'write' }
    repo.pulls = [
      { number: 7, sha: 'a'.repeat(40) },
      { number: 8, sha: 'b'.repeat(40) }
    ]
    repo.runs = { ['a'.repeat(40)]: [902, 901] }
    settings = await withEnv(
      inputEnv({
        mode: 'register-device',
        'asc-key-id': KEY_ID,
        'asc-issuer-id': ISSUER_ID,
        'asc-private-key': asc.privateKey,
        'asc-api-url': asc.url,
        'build-workflow': 'build.yml'
      }),
      getSettings
    )
  })
  afterEach(async () => {
    expect(asc.violations).toEqual([])
    expect(gh.violations).toEqual([])
    await asc.close()
    await gh.close()
  })

  const run = (eventName: string, payload: Record<string, unknown>) => {
    const context: RegisterContext = {
      octokit: unthrottledOctokit('ghs_testtoken0000', gh.url),
      repo: { owner: 'octo', repo: 'app' },
      eventName,
      payload
    }
    return registerDeviceRun(settings, clientFor(asc), context)
  }
  const ascWrites = () => asc.requests.filter((r) => !r.startsWith('GET '))

  it("registers a collaborator's issue-form device and re-runs the open pull requests' builds", async () => {
    const result = await run(
      'issues',
      issuePayload('opened', 'dev', form(UDID, 'Jane’s *iPhone* @team'))
    )
    expect(asc.team.devices).toMatchObject([
      { udid: UDID, name: 'Jane’s *iPhone* @team', status: 'ENABLED' }
    ])
    expect(ascWrites()).toEqual(['POST /v1/devices'])
    expect(repo.workflows).toEqual(['build.yml', 'build.yml'])
    expect(repo.reruns).toEqual([902])
    expect(result.rebuilt).toEqual([7])
    const [reply] = comments.on('octo', 'app', 42)
    expect(reply!.body).toContain('Rebuilding #7')
    expect(reply!.body).toContain('#8: no successful run of build.yml')
    expect(reply!.body).toContain(
      "1 of Apple's 100 iPhone slots are taken this membership year, 99 left"
    )
    // The name is untrusted: no emphasis, no mention.
    expect(reply!.body).not.toContain('*iPhone*')
    expect(reply!.body).not.toContain('@team')
    expect(repo.updates).toEqual([{ issue: 42, state: 'closed', state_reason: 'completed' }])
  })

  it("registers an outsider's request once a collaborator adds the approval label", async () => {
    const payload = issuePayload('labeled', 'maintainer', form(UDID, 'Tester phone'), {
      label: { name: 'device-approved' }
    })
    await run('issues', payload)
    expect(asc.team.devices.map((d) => d.udid)).toEqual([UDID])
    expect(repo.reruns).toEqual([902])
  })

  it('takes an /ipa-ota add-device comment; a known UDID (409) or a disabled device is not registered twice', async () => {
    const disabled = asc.team.addDevice(UDID, 'Old name', 'DISABLED')
    const comment = (body: string) =>
      issuePayload('created', 'dev', 'Please add my phone', { comment: { body } })
    const first = await run('issue_comment', comment(`hi\n/ipa-ota add-device ${UDID} My phone`))
    expect(first.summary).toMatch(/enabled again/)
    expect(disabled.status).toBe('ENABLED')
    // Apple's UDID filter is exact: an old 40-hex UDID listed in capitals is not found by the
    // lowercase spelling, so the POST meets a 409 and the device is found in the whole list.
    const old = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678'
    asc.team.addDevice(old, 'iPhone 8')
    asc.requests.length = 0
    const second = await run(
      'issue_comment',
      comment(`/ipa-ota add-device ${old.toLowerCase()} My phone`)
    )
    expect(second.summary).toMatch(/already registered/)
    expect(ascWrites()).toEqual(['POST /v1/devices'])
    expect(asc.team.devices).toHaveLength(2)
  })

  it('refuses an outsider: asks for the approval label and registers nothing', async () => {
    const result = await run('issues', issuePayload('opened', 'stranger', form(UDID, 'Phone')))
    expect(result.summary).toMatch(/stranger has no write access/)
    expect(comments.on('octo', 'app', 42)[0]!.body).toContain('`device-approved` label')
    expect(asc.requests).toEqual([])
    expect(repo.updates).toEqual([])
    const labeled = issuePayload('labeled', 'stranger', form(UDID, 'Phone'), {
      label: { name: 'device-approved' }
    })
    await run('issues', labeled)
    expect(asc.requests).toEqual([])
  })

  it('refuses a bad UDID with a reply saying what a UDID looks like', async () => {
    const result = await run('issues', issuePayload('opened', 'dev', form('0000-1111', 'Phone')))
    expect(result.summary).toMatch(/"0000-1111" is not a UDID/)
    expect(comments.on('octo', 'app', 42)[0]!.body).toContain('25 characters')
    expect(asc.requests).toEqual([])
    expect(repo.updates).toEqual([])
  })

  it('refuses a fork, a bot and a pull-request comment without calling either API', async () => {
    const fork = issuePayload('opened', 'dev', form(UDID, 'Phone'), {
      repository: { name: 'app', owner: { login: 'someone' }, fork: true }
    })
    expect((await run('issues', fork)).summary).toMatch(/this repository is a fork/)
    const bot = {
      ...issuePayload('opened', 'dev', form(UDID, 'Phone')),
      sender: user('renovate[bot]', 'Bot')
    }
    expect((await run('issues', bot)).summary).toMatch(/bot/)
    const onPull = issuePayload('created', 'dev', '', {
      issue: { number: 42, pull_request: { url: 'x' } },
      comment: { body: `/ipa-ota add-device ${UDID} Phone` }
    })
    expect((await run('issue_comment', onPull)).summary).toMatch(/pull request/)
    expect(asc.requests).toEqual([])
    expect(gh.requests).toEqual([])
  })
})
