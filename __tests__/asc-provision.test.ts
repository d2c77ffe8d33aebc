/**
 * mode: provision against the App Store Connect stand-in: every request checked against Apple's
 * OpenAPI description and JWT rules, profiles CMS-signed and read back by the project's reader.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'plist'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installProfiles, profilesFolders } from '../src/asc/install.js'
import { provision, type ProvisionOptions } from '../src/asc/provision.js'
import { parseProfile } from '../src/ipa/profile.js'
import { clientFor } from './support/asc-client.js'
import { ascCorpus } from './support/asc-openapi.js'
import { startAsc, type AscStandIn } from './support/asc-server.js'
import { TEAM_ID } from './support/asc-team.js'

const UDIDS = [
  '00008030-000A11111111802E',
  '00008101-000B22222222001E',
  'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
]
const NEW_UDID = '00008110-000C33333333401E'

describe.skipIf(ascCorpus.skip)(`mode: provision${ascCorpus.reason}`, () => {
  let asc: AscStandIn
  let log: string[]
  let dir: string
  const run = (overrides: Partial<ProvisionOptions> = {}) =>
    provision(clientFor(asc, log), {
      bundleIds: ['com.example.app', 'com.example.app.widget'],
      kind: 'ad-hoc',
      dryRun: false,
      now: new Date(),
      log: (line) => log.push(line),
      ...overrides
    })
  const writes = () => asc.requests.filter((r) => !r.startsWith('GET '))

  beforeEach(async () => {
    asc = await startAsc()
    for (const [i, udid] of UDIDS.entries()) asc.team.addDevice(udid, `Phone ${i}`)
    asc.team.addDevice('00008020-000D44444444002E', 'Old iPad', 'DISABLED')
    // Registered with platform IOS, but an iOS app profile cannot hold it.
    asc.team.addDevice('00008110-000F55555555003E', 'Living room', 'ENABLED', 'APPLE_TV')
    log = []
    dir = await mkdtemp(join(tmpdir(), 'asc-provision-'))
  })
  afterEach(async () => {
    expect(asc.violations).toEqual([])
    expect(asc.refusals).toEqual([])
    await asc.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('makes a profile with every enabled iOS device (no Apple TV), installs it and writes ExportOptions.plist', async () => {
    const result = await run()
    expect(result.created).toHaveLength(2)
    expect(result.deleted).toEqual([])
    const enabled = asc.team.devices
      .filter((d) => d.status === 'ENABLED' && d.deviceClass !== 'APPLE_TV')
      .map((d) => d.id)
    for (const profile of asc.team.profiles) {
      expect(profile.devices.sort()).toEqual(enabled.sort())
      expect(profile.certificates).toEqual(['CERTDIST1'])
      expect(profile.profileType).toBe('IOS_APP_ADHOC')
    }
    // Three enabled devices on pages of two: the list was followed through links.next.
    expect(
      asc.requests.some((r) => r.startsWith('GET /v1/devices?') && r.includes('cursor=2'))
    ).toBe(true)

    const installed = await installProfiles(
      result.profiles,
      'ad-hoc',
      [dir],
      join(dir, 'ExportOptions.plist')
    )
    expect(installed.teamId).toBe(TEAM_ID)
    const app = installed.profiles['com.example.app']!
    const file = await readFile(join(dir, `${app.uuid}.mobileprovision`))
    const info = await parseProfile(file, 'com.example.app')
    expect(info).toMatchObject({
      type: 'ad-hoc',
      signature: 'valid',
      appIdMatches: true,
      teamId: TEAM_ID,
      name: app.name
    })
    expect(info.devices.sort()).toEqual([...UDIDS].sort())
    expect(parse(await readFile(join(dir, 'ExportOptions.plist'), 'utf8'))).toEqual({
      method: 'ad-hoc',
      teamID: TEAM_ID,
      signingStyle: 'manual',
      provisioningProfiles: {
        'com.example.app': app.uuid,
        'com.example.app.widget': installed.profiles['com.example.app.widget']!.uuid
      }
    })
    expect((await readdir(dir)).sort()).toHaveLength(3)
  })

  it('installs where Xcode looks on macOS (before and since Xcode 16), elsewhere in a job folder', () => {
    expect(profilesFolders('darwin', '/tmp/job')).toEqual([
      join(homedir(), 'Library/MobileDevice/Provisioning Profiles'),
      join(homedir(), 'Library/Developer/Xcode/UserData/Provisioning Profiles')
    ])
    expect(profilesFolders('linux', '/tmp/job')).toEqual(['/tmp/job/ipa-ota-profiles'])
  })

  it('makes a new profile when a device is added, and deletes the old one only after', async () => {
    await run({ bundleIds: ['com.example.app'] })
    const [old] = asc.team.profiles
    asc.requests.length = 0
    const added = asc.team.addDevice(NEW_UDID, 'New tester')
    const later = new Date(Date.now() + 60_000)
    const result = await run({ bundleIds: ['com.example.app'], now: later })
    expect(result.created).toHaveLength(1)
    expect(result.deleted).toEqual([old!.name])
    expect(writes()).toEqual(['POST /v1/profiles', `DELETE /v1/profiles/${old!.id}`])
    expect(asc.team.profiles).toHaveLength(1)
    expect(asc.team.profiles[0]!.devices).toContain(added.id)
    expect((await parseProfile(result.profiles[0]!.content)).devices).toContain(NEW_UDID)
  })

  it('compares devices by id, not by count: one device swapped for another means a new profile', async () => {
    await run({ bundleIds: ['com.example.app'] })
    asc.team.devices[0]!.status = 'DISABLED'
    asc.team.addDevice(NEW_UDID, 'New tester')
    asc.requests.length = 0
    const result = await run({ bundleIds: ['com.example.app'], now: new Date(Date.now() + 60_000) })
    expect(result.created).toHaveLength(1)
    expect(result.deleted).toHaveLength(1)
  })

  it('changes nothing on a second run with nothing new', async () => {
    const first = await run()
    asc.requests.length = 0
    const second = await run()
    expect(writes()).toEqual([])
    expect(second.created).toEqual([])
    expect(second.deleted).toEqual([])
    expect(second.profiles.map((p) => p.uuid)).toEqual(first.profiles.map((p) => p.uuid))
  })

  it("never deletes a team's own profile, and leaves it out of the comparison", async () => {
    const own = await asc.team.addProfile({
      name: 'Example Ad Hoc',
      profileType: 'IOS_APP_ADHOC',
      bundleId: 'BUNDLE1',
      certificates: ['CERTDIST1'],
      devices: [asc.team.devices[0]!.id]
    })
    await run({ bundleIds: ['com.example.app'] })
    asc.team.addDevice(NEW_UDID, 'New tester')
    await run({ bundleIds: ['com.example.app'], now: new Date(Date.now() + 60_000) })
    expect(asc.team.profiles.map((p) => p.name)).toContain(own.name)
    expect(asc.requests).not.toContain(`DELETE /v1/profiles/${own.id}`)
    expect(asc.team.profiles).toHaveLength(2)
  })

  it('prints the plan and changes nothing on a dry run', async () => {
    const result = await run({ dryRun: true })
    expect(writes()).toEqual([])
    expect(result.profiles).toEqual([])
    expect(log).toContain('com.example.app: would create a profile with 3 device(s)')
  })

  it('retries a 429 answer', async () => {
    asc.rateLimitNext()
    const result = await run({ bundleIds: ['com.example.app'] })
    expect(result.created).toHaveLength(1)
    expect(log.some((line) => line.includes('answered 429'))).toBe(true)
  })

  it('chooses the certificate by serial, and lists the candidates when several are valid', async () => {
    asc.team.certificates.push({
      id: 'CERTDIST2',
      name: 'iPhone Distribution: Example Team',
      certificateType: 'IOS_DISTRIBUTION',
      serialNumber: '7788AABB',
      expirationDate: new Date(Date.now() + 86_400_000).toISOString()
    })
    await expect(run()).rejects.toThrow(
      /has 2 valid ad-hoc certificates: set the input certificate .*CERTDIST1.*CERTDIST2/
    )
    await run({ bundleIds: ['com.example.app'], certificate: '7788aabb' })
    expect(asc.team.profiles[0]!.certificates).toEqual(['CERTDIST2'])
    await expect(run({ certificate: 'nope' })).rejects.toThrow(
      /Input certificate "nope" is not a valid/
    )
  })

  it('says what to do when no certificate of the type exists, or a bundle id is unknown', async () => {
    asc.team.certificates.splice(0)
    await expect(run()).rejects.toThrow(
      /no valid certificate .*DISTRIBUTION or IOS_DISTRIBUTION.*create one/
    )
    await expect(
      run({ kind: 'development', certificate: undefined, bundleIds: ['com.example.other'] })
    ).rejects.toThrow(/no valid certificate/)
  })

  it('names the fix for an unknown bundle id', async () => {
    // com.example is a prefix of the registered ids: Apple's filter finds them, the action does not take them.
    await expect(run({ bundleIds: ['com.example'] })).rejects.toThrow(
      /^Bundle id com.example is not registered in the team of this API key: fix bundle-ids/
    )
  })
})
