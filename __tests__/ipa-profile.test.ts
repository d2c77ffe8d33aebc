import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { parseProfile } from '../src/ipa/profile.js'
import type { IpaInfo, ProfileInfo, ProfileType } from '../src/ipa/types.js'
import { judge } from '../src/ipa/verdict.js'
import {
  makeCertificate,
  profileFields,
  profileXml,
  signCms,
  type ProfileFields,
  type TestCertificate
} from './support/cms.js'
import { corpusFolder } from './support/corpus.js'

const profiles = corpusFolder('profiles')
const readProfile = (file: string): Buffer => readFileSync(profiles.path(file))
const isoDate = (date: Date | undefined): string | undefined => date?.toISOString().slice(0, 10)

interface Expected {
  type: ProfileType
  devices: number
  expires: string
  signature: ProfileInfo['signature']
  platforms: string[]
}

/** The fixtures README's table, one row per file. */
const CORPUS: Record<string, Expected> = {
  'ios_adhoc.mobileprovision': e('ad-hoc', 1, '2020-10-24'),
  'ios_development.mobileprovision': e('development', 1, '2021-07-21'),
  'ios_appstore.mobileprovision': e('app-store', 0, '2020-10-24'),
  'NotificationService--embedded.mobileprovision': e('ad-hoc', 90, '2021-10-26'),
  'embedded--embedded.mobileprovision': e('enterprise', 0, '2022-01-15'),
  'iphone--embedded.mobileprovision': e('development', 100, '2017-07-27'),
  'ipa--embedded.mobileprovision': e('development', 35, '2022-05-09'),
  'ipad--embedded.mobileprovision': e('app-store', 0, '2017-04-12'),
  'apple-tv--embedded.mobileprovision': e('development', 1, '2024-07-01', 'valid', ['tvOS']),
  'very-capable-app--embedded.mobileprovision': e('development', 1, '2019-04-07'),
  'profile.mobileprovision': e('development', 1, '2019-09-23'),
  'sw-src.mobileprovision': e('development', 1, '2019-11-26'),
  'saucelabs--test.mobileprovision': e('development', 2, '2017-11-28'),
  'profileContentDownload.action': e('ad-hoc', 4, '2016-04-27', 'valid', []),
  'test.mobileprovision': e('app-store', 0, '2016-11-07'),
  'fastlane--test.mobileprovision': e('app-store', 0, '2016-11-07'),
  'AppStore_net.sunapps.9.watch.mobileprovision': e('app-store', 0, '2015-11-25'),
  'AppStore_tools.fastlane.app.mobileprovision': e('app-store', 0, '2016-12-03'),
  'macos_appstore.provisionprofile': e('app-store', 0, '2020-10-24', 'valid', ['OSX']),
  'macos_development.provisionprofile': e('development', 1, '2021-07-21', 'valid', ['OSX']),
  '3aa58a65-f8da-4c67-ZZZZ-ZZZZZZZZZZZZ.mobileprovision': e(
    'development',
    80,
    '2017-11-14',
    'invalid'
  ),
  'bb53a533-e88d-470f-ZZZZ-ZZZZZZZZZZZZ.mobileprovision': e(
    'development',
    59,
    '2017-11-24',
    'invalid'
  ),
  'test.provisionprofile': e('app-store', 0, '2016-11-07', 'invalid', ['OSX']),
  'bplist.mobileprovision': e('enterprise', 0, '2020-06-19', 'unsigned'),
  'downloaded_provisioning_profile.mobileprovision': e('app-store', 0, '2016-02-10', 'unsigned', [])
}

function e(
  type: ProfileType,
  devices: number,
  expires: string,
  signature: ProfileInfo['signature'] = 'valid',
  platforms = ['iOS']
): Expected {
  return { type, devices, expires, signature, platforms }
}

/** Files that must be refused, and what the message must say. */
const BROKEN: Record<string, RegExp> = {
  'dummy.mobileprovision': /^The provisioning profile is empty \(0 bytes\): re-export the build/,
  'invalid_empty.mobileprovision': /^The provisioning profile is empty \(0 bytes\): re-export/,
  'invalid_missing_plist_block.mobileprovision':
    /^The provisioning profile is not a valid property list \(missing root element\)/,
  'invalid_missing_plist_tag.mobileprovision':
    /^The provisioning profile is not a valid property list \(unclosed xml tag/,
  'plist.mobileprovision':
    /^The provisioning profile is not a valid property list \(.*not correctly encoded/,
  // Indefinite-length BER (30 80) opens fine; the plist inside has the same bad base64 as plist.*.
  'signed_plist.mobileprovision':
    /^The provisioning profile is not a valid property list \(.*not correctly encoded/
}

describe.skipIf(profiles.skip)(`real-world profiles${profiles.reason}`, () => {
  it('covers every file in the corpus', () => {
    expect(profiles.list()).toEqual([...Object.keys(CORPUS), ...Object.keys(BROKEN)].sort())
  })

  it.each(Object.entries(CORPUS))('classifies %s', async (file, expected) => {
    const profile = await parseProfile(readProfile(file))
    expect({
      type: profile.type,
      devices: profile.devices.length,
      expires: isoDate(profile.expires),
      signature: profile.signature,
      platforms: profile.platforms
    }).toEqual(expected)
    expect(profile.uuid).not.toBe('')
    expect(profile.name).not.toBe('')
  })

  it.each(Object.entries(BROKEN))('refuses %s with a clear message', async (file, message) => {
    const refusal = parseProfile(readProfile(file))
    await expect(refusal).rejects.toBeInstanceOf(UserError)
    await expect(refusal).rejects.toThrow(message)
  })

  it('reads every field of an ad-hoc profile, its certificate through X.509', async () => {
    const profile = await parseProfile(
      readProfile('ios_adhoc.mobileprovision'),
      'com.icyleaf.appinfo.test'
    )
    expect(profile).toEqual({
      type: 'ad-hoc',
      name: 'iOS Full AdHoc',
      uuid: '7d02c76e-f937-40e9-bdac-a5a389612352',
      teamName: 'Niceliving (Beijing) Technology Co., Ltd.',
      teamId: 'WKR87TTKML',
      appId: 'WKR87TTKML.com.icyleaf.appinfo.test',
      appIdMatches: true,
      created: new Date('2020-07-21T08:44:54Z'),
      expires: new Date('2020-10-24T08:40:28Z'),
      devices: ['e801228c2086d3aacc917b9c3d19bfa56efcab5b'],
      provisionsAllDevices: false,
      entitlements: expect.arrayContaining([
        'application-identifier',
        'aps-environment',
        'com.apple.developer.healthkit'
      ]) as string[],
      platforms: ['iOS'],
      certificates: [
        {
          subject:
            'UID=WKR87TTKML, CN=Apple Distribution: Niceliving (Beijing) Technology Co.\\, Ltd. (WKR87TTKML), OU=WKR87TTKML, O=Niceliving (Beijing) Technology Co.\\, Ltd., C=US',
          commonName: 'Apple Distribution: Niceliving (Beijing) Technology Co., Ltd. (WKR87TTKML)',
          notAfter: new Date('2020-10-24T08:40:28Z')
        }
      ],
      signature: 'valid'
    })
  })

  it('keeps both UDID forms as written', async () => {
    const { devices } = await parseProfile(readProfile('ipa--embedded.mobileprovision'))
    expect(devices).toContain('56ddf0787059c3d97e8153ec6b3b719ad72ca9c2')
    expect(devices).toContain('00008020-001964311A08002E')
  })

  it('reads an enterprise profile and a non-ASCII team name', async () => {
    const enterprise = await parseProfile(readProfile('embedded--embedded.mobileprovision'))
    expect(enterprise).toMatchObject({ provisionsAllDevices: true, teamId: '72LA85G59H' })
    const tv = await parseProfile(readProfile('apple-tv--embedded.mobileprovision'))
    expect(tv.teamName).toBe('火 三')
    expect(tv.certificates).toHaveLength(3)
  })

  it('matches a wildcard app id and strips the team prefix', async () => {
    const data = readProfile('profileContentDownload.action')
    expect((await parseProfile(data, 'tools.fastlane.spaceship.demo')).appIdMatches).toBe(true)
    expect((await parseProfile(data, 'tools.fastlane.other')).appIdMatches).toBe(false)
    expect((await parseProfile(data)).appId).toBe('S56PJTAYEL.tools.fastlane.spaceship.*')
  })

  it('reads the macOS com.apple.application-identifier', async () => {
    const profile = await parseProfile(
      readProfile('macos_development.provisionprofile'),
      'com.icyleaf.appinfo.test'
    )
    expect(profile.appId).toBe('WKR87TTKML.com.icyleaf.appinfo.test')
    expect(profile.appIdMatches).toBe(true)
  })

  it('leaves out a DeveloperCertificates entry that is not a certificate', async () => {
    const profile = await parseProfile(
      readProfile('downloaded_provisioning_profile.mobileprovision')
    )
    expect(profile).toMatchObject({ name: 'App Name', teamId: '5A997XSHK2', certificates: [] })
  })
})

describe('profiles made in code', () => {
  let signer: TestCertificate
  let developer: TestCertificate

  beforeAll(async () => {
    signer = await makeCertificate({
      commonName: 'Test Profile Signing',
      notAfter: new Date('2030-01-01T00:00:00Z')
    })
    developer = await makeCertificate({
      commonName: 'Apple Distribution: Example, Inc. (TEAM123456)',
      organizationalUnit: 'TEAM123456',
      notAfter: new Date('2026-03-01T00:00:00Z')
    })
  })

  const signed = async (overrides: ProfileFields = {}): Promise<Buffer> =>
    signCms(
      profileXml(profileFields({ DeveloperCertificates: [developer.der], ...overrides })),
      signer
    )

  it('verifies a valid CMS signature and reads the signed plist', async () => {
    const profile = await parseProfile(await signed(), 'com.example.app')
    expect(profile).toMatchObject({
      type: 'ad-hoc',
      signature: 'valid',
      name: 'Example Ad Hoc',
      appIdMatches: true,
      devices: ['00008030-000624AA0AE9802E']
    })
    expect(profile.certificates).toEqual([
      {
        subject: 'CN=Apple Distribution: Example\\, Inc. (TEAM123456), OU=TEAM123456, C=US',
        commonName: 'Apple Distribution: Example, Inc. (TEAM123456)',
        notAfter: new Date('2026-03-01T00:00:00Z')
      }
    ])
  })

  it('reports a profile edited after signing as invalid', async () => {
    const original = profileXml(profileFields())
    const edited = profileXml(profileFields({ ProvisionsAllDevices: true }))
    const data = await signCms(original, signer, { replaceContentWith: edited })
    const profile = await parseProfile(data)
    expect(profile.signature).toBe('invalid')
    expect(profile.type).toBe('enterprise')
  })

  it('derives development from the macOS get-task-allow entitlement', async () => {
    const profile = await parseProfile(
      await signed({
        Platform: ['OSX'],
        ProvisionedDevices: [],
        Entitlements: {
          'com.apple.application-identifier': 'TEAM123456.com.example.mac',
          'com.apple.security.get-task-allow': true
        }
      })
    )
    expect(profile.type).toBe('development')
  })

  it.each([
    ['TEAM123456.*', 'com.anything.at.all', true],
    ['TEAM123456.com.foo.*', 'com.foo.bar', true],
    ['TEAM123456.com.foo.*', 'com.foo.bar.baz', true],
    ['TEAM123456.com.foo.*', 'com.foo', false],
    ['TEAM123456.com.foo.*', 'com.foobar.app', false],
    ['TEAM123456.com.example.app', 'com.example.app', true],
    ['TEAM123456.com.example.app', 'com.example.app2', false],
    ['PREFIX9999.com.example.app', 'com.example.app', true]
  ])('app id %s covers %s: %s', async (appId, bundleId, covers) => {
    const data = await signed({
      ApplicationIdentifierPrefix: ['PREFIX9999'],
      Entitlements: { 'application-identifier': appId, 'get-task-allow': false }
    })
    expect((await parseProfile(data, bundleId)).appIdMatches).toBe(covers)
  })

  it('reads a bare XML profile as unsigned, in UTF-8 or UTF-16', async () => {
    const xml = profileXml(profileFields())
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(xml.toString('utf8').replace('UTF-8', 'UTF-16'), 'utf16le')
    ])
    for (const data of [xml, utf16]) {
      expect(await parseProfile(data)).toMatchObject({ signature: 'unsigned', type: 'ad-hoc' })
    }
  })

  describe('judged with an injected clock', () => {
    const now = new Date('2025-09-10T12:00:00Z')
    const DAY_MS = 24 * 60 * 60 * 1000
    const info = (profile: ProfileInfo): IpaInfo => ({
      file: { path: 'Example.ipa', size: 1 },
      app: {
        bundleId: 'com.example.app',
        version: '1.0',
        build: '1',
        name: 'Example',
        platform: 'iphoneos',
        supportedPlatforms: ['iPhoneOS'],
        deviceFamilies: [1],
        simulator: false,
        bundlePath: 'Payload/Example.app/',
        usageDescriptions: {},
        urlSchemes: []
      },
      bundled: [],
      profile,
      installedSize: 0,
      components: [],
      codeSigned: true
    })

    it('warns about a profile that expires tomorrow', async () => {
      const profile = await parseProfile(
        await signed({ ExpirationDate: new Date(now.getTime() + DAY_MS) }),
        'com.example.app'
      )
      expect(judge(info(profile), now)).toEqual({
        installable: true,
        errors: [],
        warnings: [expect.stringMatching(/expires on 2025-09-11 \(in 1 day\)/)]
      })
    })

    it('refuses a profile that expired yesterday', async () => {
      const profile = await parseProfile(
        await signed({ ExpirationDate: new Date(now.getTime() - DAY_MS) }),
        'com.example.app'
      )
      const verdict = judge(info(profile), now)
      expect(verdict.installable).toBe(false)
      expect(verdict.errors).toEqual([expect.stringMatching(/expired on 2025-09-09/)])
    })

    it('refuses a profile whose only certificate has expired', async () => {
      const expired = await makeCertificate({
        commonName: 'Apple Distribution: Old (TEAM123456)',
        notAfter: new Date('2025-09-01T00:00:00Z')
      })
      const profile = await parseProfile(
        await signed({ DeveloperCertificates: [expired.der] }),
        'com.example.app'
      )
      expect(profile.certificates.map((c) => c.commonName)).toEqual([
        'Apple Distribution: Old (TEAM123456)'
      ])
      expect(judge(info(profile), now).errors).toEqual([
        expect.stringMatching(/^Every signing certificate .* \(the last on 2025-09-01\)/)
      ])
    })
  })

  describe('refused with a clear message', () => {
    it('a plist that is not a profile', async () => {
      const data = profileXml({ CFBundleIdentifier: 'com.example.app' })
      await expect(parseProfile(data)).rejects.toThrow(
        /^The provisioning profile has no Name, UUID, ExpirationDate, so it is not a real provisioning profile: re-export the build/
      )
    })

    it('a profile missing only its expiry date', async () => {
      const data = profileXml(profileFields({ ExpirationDate: undefined }))
      await expect(parseProfile(data)).rejects.toThrow(/has no ExpirationDate, so/)
    })

    it('DER that is not CMS signed data (a bare certificate)', async () => {
      const refusal = parseProfile(developer.der)
      await expect(refusal).rejects.toBeInstanceOf(UserError)
      await expect(refusal).rejects.toThrow(
        /^The provisioning profile is not CMS \(PKCS#7\) signed data/
      )
    })

    it('a truncated CMS file', async () => {
      const data = await signed()
      await expect(parseProfile(data.subarray(0, data.length / 2))).rejects.toThrow(
        /^The provisioning profile is neither a property list nor a CMS \(PKCS#7\) signed file/
      )
    })

    it('bytes that are neither', async () => {
      await expect(parseProfile(Buffer.from('PK\u0003\u0004 not a profile'))).rejects.toThrow(
        /^The provisioning profile is neither a property list nor a CMS/
      )
    })

    it('deeply nested BER, without overflowing the stack', async () => {
      const data = Buffer.from('3080'.repeat(100_000), 'hex')
      await expect(parseProfile(data)).rejects.toThrow(
        /^The provisioning profile is neither a property list nor a CMS .*nesting depth/
      )
    })

    it('a CMS container without content', async () => {
      const data = await signCms(profileXml(profileFields()), signer, {
        replaceContentWith: Buffer.alloc(0)
      })
      await expect(parseProfile(data)).rejects.toThrow(
        /^The provisioning profile's CMS container holds no property list/
      )
    })
  })
})
