/**
 * mode: provision through the bundled action (dist/index.js; run `npm run bundle` first), as the
 * runner runs it: the outputs, the files, the key kept out of the log; and a publish run that
 * never loads the App Store Connect code.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ascCorpus } from './support/asc-openapi.js'
import { ISSUER_ID, KEY_ID, startAsc, type AscStandIn } from './support/asc-server.js'
import { TEAM_ID } from './support/asc-team.js'
import { installDeviceRepoFake } from './support/github-devices.js'
import { installCommentsFake, startGitHub } from './support/github-server.js'
import { withLoadedFiles } from './support/loaded-files.js'
import { runAction } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'

const TOKEN = 'ghs_testtoken0000'
const pullRequest = {
  number: 3,
  pull_request: {
    number: 3,
    head: { sha: 'd'.repeat(40), repo: { full_name: 'octo/app' } },
    base: { repo: { full_name: 'octo/app' } }
  }
}

describe.skipIf(ascCorpus.skip)(`the action with mode: provision${ascCorpus.reason}`, () => {
  let asc: AscStandIn
  let work: string
  beforeAll(async () => {
    asc = await startAsc()
    asc.team.addDevice('00008030-001A2B3C4D5E802E', 'Phone')
    work = await mkdtemp(join(tmpdir(), 'asc-action-'))
  })
  afterAll(async () => {
    await asc.close()
    await rm(work, { recursive: true, force: true })
  })

  /** The run, and whether it loaded any of src/asc. */
  async function run(inputs: Record<string, string>) {
    const temp = await mkdtemp(join(work, 'temp-'))
    const { result, files } = await withLoadedFiles((probe) =>
      runAction({
        inputs,
        cwd: temp,
        env: {
          RUNNER_TEMP: temp,
          // The IPAs are written beside the runs' folders: the workspace holds them.
          GITHUB_WORKSPACE: work,
          ...probe
        }
      })
    )
    return { result, temp, loadedAsc: files.some((file) => file.startsWith('src/asc/')) }
  }

  it('installs the profiles, writes ExportOptions.plist and sets the outputs, with the key only masked', async () => {
    const { result, temp, loadedAsc } = await run({
      mode: 'provision',
      'asc-key-id': KEY_ID,
      'asc-issuer-id': ISSUER_ID,
      'asc-private-key': asc.privateKey,
      'asc-api-url': asc.url,
      'bundle-ids': 'com.example.app com.example.app.widget'
    })
    expect(result.errors).toEqual([])
    expect(result.code).toBe(0)
    expect(loadedAsc).toBe(true)
    const profiles = JSON.parse(result.outputs.profiles ?? '{}') as Record<string, { uuid: string }>
    expect(Object.keys(profiles)).toEqual(['com.example.app', 'com.example.app.widget'])
    expect(result.outputs['team-id']).toBe(TEAM_ID)
    expect(result.outputs['export-options']).toBe(join(temp, 'ExportOptions.plist'))
    expect(await readFile(join(temp, 'ExportOptions.plist'), 'utf8')).toContain(
      profiles['com.example.app']!.uuid
    )
    const installed = join(
      result.outputs['profiles-dir']!,
      `${profiles['com.example.app']!.uuid}.mobileprovision`
    )
    expect((await readFile(installed)).length).toBeGreaterThan(1000)
    // The key's lines reach stdout only in the runner's ::add-mask:: commands.
    const keyLines = asc.privateKey
      .split('\n')
      .filter((line) => line.length >= 16 && !line.startsWith('-----'))
    const leaked = result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::') && keyLines.some((k) => line.includes(k)))
    expect(leaked).toEqual([])
    expect(result.stderr).not.toContain(keyLines[0])
    expect(asc.violations).toEqual([])
  })

  it('refuses a wrong key with one error line naming the inputs', async () => {
    const { result } = await run({
      mode: 'provision',
      'asc-key-id': 'WRONGKEY',
      'asc-issuer-id': ISSUER_ID,
      'asc-private-key': asc.privateKey,
      'asc-api-url': asc.url,
      'bundle-ids': 'com.example.app'
    })
    expect(result.code).not.toBe(0)
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^::error::App Store Connect answered 401 .*check that asc-key-id, asc-issuer-id and asc-private-key belong to the same key/
      )
    ])
  })

  it("names the team's registered devices in the comment when the publish job has the key", async () => {
    asc.team.addDevice('00008110-000A1B2C3D4E5F60', 'Alice’s iPhone')
    asc.team.addDevice('00008120-000B1B2C3D4E5F61', 'Bob’s iPad')
    const ipa = join(work, 'Named.ipa')
    await writeSampleIpa(ipa)
    const gh = await startGitHub({ token: TOKEN })
    const fake = installCommentsFake(gh, { login: 'github-actions[bot]' })
    try {
      const temp = await mkdtemp(join(work, 'named-'))
      const result = await runAction({
        inputs: {
          ipa,
          host: 'directory',
          'base-url': 'https://builds.example.com/',
          'output-dir': join(temp, 'site'),
          'asc-key-id': KEY_ID,
          'asc-issuer-id': ISSUER_ID,
          'asc-private-key': asc.privateKey,
          'asc-api-url': asc.url
        },
        event: { name: 'pull_request', payload: pullRequest },
        token: TOKEN,
        cwd: temp,
        env: {
          GITHUB_API_URL: gh.url,
          GITHUB_BASE_REF: 'main',
          GITHUB_WORKSPACE: work,
          RUNNER_TEMP: temp
        }
      })
      expect(result.errors).toEqual([])
      const body = fake.on('octo', 'app', 3)[0]!.body
      expect(body).toMatch(/Installs on:\*\* Alice/)
      expect(body).toMatch(/Not in this profile:\*\* .*Bob’s iPad/)
      expect(gh.violations).toEqual([])
      expect(asc.violations).toEqual([])
    } finally {
      await gh.close()
    }
  })

  it('publishes without the names, with a warning, when App Store Connect cannot be reached', async () => {
    const ipa = join(work, 'Unnamed.ipa')
    await writeSampleIpa(ipa)
    const closed = await startAsc()
    await closed.close()
    const { result } = await run({
      ipa,
      host: 'directory',
      'base-url': 'https://builds.example.com/',
      comment: 'never',
      'asc-key-id': KEY_ID,
      'asc-issuer-id': ISSUER_ID,
      'asc-private-key': asc.privateKey,
      'asc-api-url': closed.url
    })
    expect(result.errors).toEqual([])
    expect(result.stdout).toMatch(
      /::warning::The team's device names are left out: App Store Connect at http:\/\/127.0.0.1:\d+ cannot be reached \(ECONNREFUSED\): check asc-api-url/
    )
  })

  it('registers a device from an issue through the bundled action, reading the event as the runner gives it', async () => {
    const gh = await startGitHub({ token: TOKEN })
    const fake = installCommentsFake(gh, { login: 'github-actions[bot]' })
    const repo = installDeviceRepoFake(gh)
    repo.permissions = { dev: 'write' }
    repo.pulls = [{ number: 3, sha: 'd'.repeat(40) }]
    repo.runs = { ['d'.repeat(40)]: [77] }
    try {
      const temp = await mkdtemp(join(work, 'register-'))
      const udid = '00008140-000E1B2C3D4E5F62'
      const result = await runAction({
        inputs: {
          mode: 'register-device',
          'build-workflow': 'ios.yml',
          'asc-key-id': KEY_ID,
          'asc-issuer-id': ISSUER_ID,
          'asc-private-key': asc.privateKey,
          'asc-api-url': asc.url
        },
        event: {
          name: 'issues',
          payload: {
            action: 'opened',
            issue: {
              number: 9,
              body: `### UDID\n\n${udid}\n\n### Device name\n\nDana\n\n### Device type\n\niPhone`
            },
            repository: { fork: false },
            sender: { login: 'dev', type: 'User' }
          }
        },
        token: TOKEN,
        cwd: temp,
        env: { GITHUB_API_URL: gh.url, RUNNER_TEMP: temp }
      })
      expect(result.errors).toEqual([])
      expect(result.outputs.rebuilt).toBe('3')
      expect(result.outputs['device-id']).toBe(asc.team.devices.find((d) => d.udid === udid)?.id)
      expect(repo.reruns).toEqual([77])
      expect(fake.on('octo', 'app', 9)[0]!.body).toContain('Rebuilding #3')
      expect(repo.updates).toEqual([{ issue: 9, state: 'closed', state_reason: 'completed' }])
      expect(gh.violations).toEqual([])
      expect(asc.violations).toEqual([])
    } finally {
      await gh.close()
    }
  })

  it('publishes without loading src/asc', async () => {
    const ipa = join(work, 'Sample.ipa')
    await writeSampleIpa(ipa)
    const { result, loadedAsc } = await run({
      ipa,
      host: 'directory',
      'base-url': 'https://builds.example.com/',
      comment: 'never'
    })
    expect(result.errors).toEqual([])
    expect(loadedAsc).toBe(false)
  })
})
