import { describe, expect, it } from 'vitest'
import { judge } from '../src/ipa/verdict.js'
import type { AppInfo, CertificateInfo, IpaInfo, ProfileInfo } from '../src/ipa/types.js'

const NOW = new Date('2025-06-01T12:00:00Z')
const DAY_MS = 24 * 60 * 60 * 1000
const daysFromNow = (days: number): Date => new Date(NOW.getTime() + days * DAY_MS)

function certificate(notAfter: Date): CertificateInfo {
  return {
    subject: 'CN=Apple Distribution: Example (TEAM123456), OU=TEAM123456, O=Example, C=US',
    commonName: 'Apple Distribution: Example (TEAM123456)',
    notAfter
  }
}

function profile(overrides: Partial<ProfileInfo> = {}): ProfileInfo {
  return {
    type: 'ad-hoc',
    name: 'Example Ad Hoc',
    uuid: '6f1c2f0e-8f0a-4d47-9d55-0a6b1f2c3d4e',
    teamName: 'Example Team',
    teamId: 'TEAM123456',
    appId: 'TEAM123456.com.example.app',
    appIdMatches: true,
    created: daysFromNow(-100),
    expires: daysFromNow(200),
    devices: ['00008030-000624AA0AE9802E'],
    provisionsAllDevices: false,
    entitlements: [],
    platforms: ['iOS'],
    certificates: [certificate(daysFromNow(300))],
    signature: 'valid',
    ...overrides
  }
}

function ipa(
  overrides: {
    app?: Partial<AppInfo>
    profile?: ProfileInfo | undefined
    codeSigned?: boolean
  } = {}
): IpaInfo {
  return {
    file: { path: 'build/Example.ipa', size: 1024 },
    app: {
      bundleId: 'com.example.app',
      version: '1.0',
      build: '1',
      name: 'Example',
      platform: 'iphoneos',
      supportedPlatforms: ['iPhoneOS'],
      deviceFamilies: [1, 2],
      simulator: false,
      bundlePath: 'Payload/Example.app/',
      usageDescriptions: {},
      urlSchemes: [],
      ...overrides.app
    },
    bundled: [],
    profile: 'profile' in overrides ? overrides.profile : profile(),
    installedSize: 0,
    components: [],
    codeSigned: overrides.codeSigned ?? true
  }
}

describe('judge', () => {
  it('passes a signed ad-hoc iOS build with a valid profile, without warnings', () => {
    expect(judge(ipa(), NOW)).toEqual({ installable: true, errors: [], warnings: [] })
  })

  it.each(['development', 'enterprise'] as const)('passes a %s build', (type) => {
    expect(judge(ipa({ profile: profile({ type }) }), NOW).installable).toBe(true)
  })

  it('refuses a simulator build, and only for that reason', () => {
    const verdict = judge(
      ipa({
        app: {
          platform: 'iphonesimulator',
          supportedPlatforms: ['iPhoneSimulator'],
          simulator: true
        }
      }),
      NOW
    )
    expect(verdict.installable).toBe(false)
    expect(verdict.errors).toEqual([expect.stringMatching(/^This is a simulator build.*: archive/)])
  })

  it.each([
    ['appletvos', ['AppleTVOS'], [3], 'tvOS'],
    ['macosx', ['MacOSX'], [6], 'macOS'],
    ['watchos', ['WatchOS'], [4], 'watchOS'],
    ['xros', ['XROS'], [7], 'visionOS']
  ])('refuses a %s app, naming %s', (platform, supportedPlatforms, deviceFamilies, name) => {
    const verdict = judge(ipa({ app: { platform, supportedPlatforms, deviceFamilies } }), NOW)
    expect(verdict.installable).toBe(false)
    expect(verdict.errors).toEqual([
      `This is a ${name} app, and only iPhone and iPad apps install over the air: publish the iOS app target's .ipa instead.`
    ])
  })

  it('refuses a watch-only app known only by its device family', () => {
    const verdict = judge(
      ipa({ app: { platform: undefined, supportedPlatforms: [], deviceFamilies: [4] } }),
      NOW
    )
    expect(verdict.errors).toEqual([expect.stringContaining('This is a watch-only app')])
  })

  it('falls back to CFBundleSupportedPlatforms when DTPlatformName is missing', () => {
    const tv = ipa({
      app: { platform: undefined, supportedPlatforms: ['AppleTVOS'], deviceFamilies: [] }
    })
    const phone = ipa({
      app: { platform: undefined, supportedPlatforms: ['iPhoneOS'], deviceFamilies: [] }
    })
    expect(judge(tv, NOW).errors).toEqual([expect.stringContaining('This is a AppleTVOS app')])
    expect(judge(phone, NOW).installable).toBe(true)
  })

  it('accepts an iPad-only app', () => {
    expect(judge(ipa({ app: { deviceFamilies: [2] } }), NOW).installable).toBe(true)
  })

  it('refuses a build with neither profile nor code signature', () => {
    const verdict = judge(ipa({ profile: undefined, codeSigned: false }), NOW)
    expect(verdict).toEqual({
      installable: false,
      errors: [
        'This build is not signed (it has no embedded.mobileprovision and no _CodeSignature), so iOS will refuse to install it: archive with a signing team and export it with method ad-hoc, enterprise or development (xcodebuild -exportArchive with method release-testing, enterprise or debugging).'
      ],
      warnings: []
    })
  })

  it('refuses a code-signed build without an embedded profile', () => {
    const verdict = judge(ipa({ profile: undefined, codeSigned: true }), NOW)
    expect(verdict.errors).toEqual([
      expect.stringMatching(
        /^This build has no embedded provisioning profile, .*: export it with method ad-hoc/
      )
    ])
  })

  it('refuses a build whose profile is there but whose _CodeSignature is missing', () => {
    const verdict = judge(ipa({ codeSigned: false }), NOW)
    expect(verdict.errors).toEqual([
      expect.stringMatching(
        /no code signature \(_CodeSignature is missing\).*xcodebuild -exportArchive/
      )
    ])
  })

  it('refuses an App Store build with the export methods to use instead', () => {
    const verdict = judge(ipa({ profile: profile({ type: 'app-store', devices: [] }) }), NOW)
    expect(verdict.errors).toEqual([
      'This build is signed for the App Store, which iOS will not install over the air: export it with method ad-hoc, enterprise or development (xcodebuild -exportArchive with method release-testing, enterprise or debugging).'
    ])
  })

  it('refuses an expired profile, giving the date in ISO form', () => {
    const verdict = judge(
      ipa({ profile: profile({ expires: new Date('2025-05-31T08:00:00Z') }) }),
      NOW
    )
    expect(verdict.installable).toBe(false)
    expect(verdict.errors).toEqual([
      'The provisioning profile "Example Ad Hoc" expired on 2025-05-31, so iOS will refuse to install the build: renew the profile in the Apple Developer portal (or let Xcode manage signing) and export the build again.'
    ])
    expect(verdict.warnings).toEqual([])
  })

  it('treats a profile expiring at this very moment as expired', () => {
    expect(judge(ipa({ profile: profile({ expires: NOW }) }), NOW).installable).toBe(false)
  })

  it('refuses a profile whose developer certificates have all expired, naming the last expiry', () => {
    const certificates = [
      certificate(daysFromNow(-30)),
      certificate(new Date('2025-05-20T00:00:00Z'))
    ]
    const verdict = judge(ipa({ profile: profile({ certificates }) }), NOW)
    expect(verdict.errors).toEqual([
      expect.stringMatching(/^Every signing certificate .* has expired \(the last on 2025-05-20\)/)
    ])
  })

  it('accepts a profile while one of its certificates is still valid', () => {
    const certificates = [certificate(daysFromNow(-30)), certificate(daysFromNow(30))]
    expect(judge(ipa({ profile: profile({ certificates }) }), NOW).installable).toBe(true)
  })

  it('does not judge certificates when the profile lists none it could read', () => {
    expect(judge(ipa({ profile: profile({ certificates: [] }) }), NOW).installable).toBe(true)
  })

  it('warns about a profile expiring within 14 days, with the date and days left', () => {
    const verdict = judge(
      ipa({ profile: profile({ expires: new Date('2025-06-08T00:00:00Z') }) }),
      NOW
    )
    expect(verdict.installable).toBe(true)
    expect(verdict.warnings).toEqual([
      'The provisioning profile "Example Ad Hoc" expires on 2025-06-08 (in 7 days), after which iOS will no longer install or launch this build: renew the profile and export the build again.'
    ])
  })

  it('warns on the last day in the singular, and not at all from 15 days out', () => {
    expect(judge(ipa({ profile: profile({ expires: daysFromNow(0.5) }) }), NOW).warnings).toEqual([
      expect.stringContaining('(in 1 day)')
    ])
    expect(
      judge(ipa({ profile: profile({ expires: daysFromNow(14) }) }), NOW).warnings
    ).toHaveLength(1)
    expect(judge(ipa({ profile: profile({ expires: daysFromNow(15) }) }), NOW).warnings).toEqual([])
  })

  it('warns when the app id does not cover the bundle id, naming both', () => {
    const verdict = judge(
      ipa({ profile: profile({ appId: 'TEAM123456.com.other.app', appIdMatches: false }) }),
      NOW
    )
    expect(verdict.installable).toBe(true)
    expect(verdict.warnings).toEqual([
      'The provisioning profile is for the app id TEAM123456.com.other.app, which does not cover the bundle id com.example.app, so iOS may refuse to install the build: sign it with a profile made for com.example.app.'
    ])
  })

  it('warns when the profile signature does not verify', () => {
    const verdict = judge(ipa({ profile: profile({ signature: 'invalid' }) }), NOW)
    expect(verdict.installable).toBe(true)
    expect(verdict.warnings).toEqual([
      expect.stringMatching(/^The provisioning profile's signature does not verify/)
    ])
  })

  it('warns when the embedded profile is a bare plist without a signature', () => {
    const verdict = judge(ipa({ profile: profile({ signature: 'unsigned' }) }), NOW)
    expect(verdict.warnings).toEqual([
      expect.stringMatching(/bare property list without Apple's signature/)
    ])
  })

  it('reports every reason at once, one sentence each', () => {
    const verdict = judge(
      ipa({
        app: { platform: 'appletvos', supportedPlatforms: ['AppleTVOS'], deviceFamilies: [3] },
        codeSigned: false,
        profile: profile({
          type: 'app-store',
          devices: [],
          expires: daysFromNow(-1),
          certificates: [certificate(daysFromNow(-2))],
          appIdMatches: false,
          signature: 'invalid'
        })
      }),
      NOW
    )
    expect(verdict.installable).toBe(false)
    expect(verdict.errors).toHaveLength(5)
    expect(verdict.warnings).toHaveLength(2)
    for (const sentence of [...verdict.errors, ...verdict.warnings]) {
      expect(sentence).toMatch(/^[A-Z][^\n]*[^.]: [^\n]+\.$/)
      expect(sentence.split(/\.\s/)).toHaveLength(1)
    }
  })
})
