import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { openArchive } from '../src/ipa/archive.js'
import { isBinaryPlist } from '../src/ipa/plist.js'
import { readIpa } from '../src/ipa/read.js'
import type { ProfileType } from '../src/ipa/types.js'
import { corpusFolder } from './support/corpus.js'

const corpus = corpusFolder('ipa')
const IPA = corpus.dir

interface Expected {
  file: string
  plist: 'xml' | 'binary'
  bundleId: string
  version: string
  build: string
  name: string
  bundlePath: string
  profile?: { type: ProfileType; expires: string; devices: number }
}

/** The values of the fixtures README, per IPA. */
const SIGNED: Expected[] = [
  {
    file: 'iphone.ipa',
    plist: 'binary',
    bundleId: 'com.icyleaf.AppInfoDemo',
    version: '1.2.3',
    build: '5',
    name: 'AppInfoDemo',
    bundlePath: 'Payload/AppInfoDemo.app/',
    profile: { type: 'development', expires: '2017-07-27', devices: 100 }
  },
  {
    file: 'embedded.ipa',
    plist: 'xml',
    bundleId: 'com.icyleaf.test.Demo',
    version: '1.0',
    build: '1',
    name: 'Demo',
    bundlePath: 'Payload/Demo.app/',
    profile: { type: 'enterprise', expires: '2022-01-15', devices: 0 }
  },
  {
    file: 'ios-simple-objc.ipa',
    plist: 'binary',
    bundleId: 'Bitrise.ios-simple-objc',
    version: '1.0',
    build: '1',
    name: 'ios-simple-objc',
    bundlePath: 'Payload/ios-simple-objc.app/',
    profile: { type: 'development', expires: '2018-02-17', devices: 1 }
  },
  {
    file: 'ipa.ipa',
    plist: 'binary',
    bundleId: 'com.ineva.test-rtmp.Test',
    version: '1.0',
    build: '1',
    name: 'Test',
    bundlePath: 'Payload/Test.app/',
    profile: { type: 'development', expires: '2022-05-09', devices: 35 }
  },
  {
    file: 'pliney-test.ipa',
    plist: 'binary',
    bundleId: 'computer.versus.pliney-test',
    version: '1.0',
    build: '1',
    name: 'pliney-test',
    bundlePath: 'Payload/pliney-test.app/',
    profile: { type: 'development', expires: '2016-04-20', devices: 1 }
  },
  {
    file: 'very capable app.ipa',
    plist: 'binary',
    bundleId: 'org.fastlane.very-capable-app',
    version: '1.0',
    build: '1',
    name: 'very capable app',
    bundlePath: 'Payload/very capable app.app/',
    profile: { type: 'development', expires: '2019-04-07', devices: 1 }
  },
  {
    file: 'very-capable-app.ipa',
    plist: 'binary',
    bundleId: 'org.fastlane.very-capable-app',
    version: '1.0',
    build: '1',
    name: 'very-capable-app',
    bundlePath: 'Payload/very-capable-app.app/',
    profile: { type: 'development', expires: '2019-04-07', devices: 1 }
  }
]

const NOT_INSTALLABLE: Expected[] = [
  {
    file: 'ipad.ipa',
    plist: 'binary',
    bundleId: 'com.icyleaf.bundle',
    version: '1.0',
    build: '1',
    name: 'bundle',
    bundlePath: 'Payload/bundle.app/',
    profile: { type: 'app-store', expires: '2017-04-12', devices: 0 }
  },
  {
    file: 'apple-tv.ipa',
    plist: 'binary',
    bundleId: 'com.etan.tv.BilibiliLive.tvOS',
    version: '1.0',
    build: '1',
    name: 'BilibiliLive',
    bundlePath: 'Payload/BilibiliLive.app/',
    profile: { type: 'development', expires: '2024-07-01', devices: 1 }
  },
  {
    file: 'Example.ipa',
    plist: 'binary',
    bundleId: 'com.coollazy.example',
    version: '1.0',
    build: '1',
    name: 'Example',
    bundlePath: 'Payload/Example.app/'
  },
  {
    file: 'testApp.ipa',
    plist: 'xml',
    bundleId: 'io.mts.testapp',
    version: '1.0.0',
    build: '1337',
    name: 'Test App',
    bundlePath: 'Payload/testApp.app/'
  },
  {
    file: 'testApp-binaryPlist.ipa',
    plist: 'binary',
    bundleId: 'io.mts.testapp',
    version: '1.0.0',
    build: '1337',
    name: 'Test App',
    bundlePath: 'Payload/testApp-binaryPlist.app/'
  }
]

describe.skipIf(corpus.skip)(`real-world IPAs${corpus.reason}`, () => {
  describe.each([
    ['signed', SIGNED],
    ['not-installable', NOT_INSTALLABLE]
  ] as const)('ipa/%s', (folder, table) => {
    it.each(table)('$file', async (expected) => {
      const path = join(IPA, folder, expected.file)
      const info = await readIpa(path)
      expect(info.file).toEqual({ path, size: expect.any(Number) as number })
      expect(info.app).toMatchObject({
        bundleId: expected.bundleId,
        version: expected.version,
        build: expected.build,
        name: expected.name,
        bundlePath: expected.bundlePath
      })
      if (expected.profile) {
        expect(info.profile).toMatchObject({ type: expected.profile.type, appIdMatches: true })
        expect(info.profile?.expires.toISOString().slice(0, 10)).toBe(expected.profile.expires)
        expect(info.profile?.devices).toHaveLength(expected.profile.devices)
        expect(info.codeSigned).toBe(true)
      } else {
        expect(info.profile).toBeUndefined()
      }

      const archive = await openArchive(path)
      try {
        const plist = await archive.read(`${expected.bundlePath}Info.plist`)
        expect(isBinaryPlist(plist) ? 'binary' : 'xml').toBe(expected.plist)
      } finally {
        archive.close()
      }
    })
  })

  it('embedded.ipa lists its notification extension', async () => {
    const info = await readIpa(join(IPA, 'signed', 'embedded.ipa'))
    expect(info.bundled).toEqual([
      {
        kind: 'extension',
        path: 'Payload/Demo.app/PlugIns/Notification.appex/',
        bundleId: 'com.icyleaf.test.Demo.Notification',
        name: 'Notification'
      }
    ])
    expect(info.profile?.provisionsAllDevices).toBe(true)
  })

  it('apple-tv.ipa is a tvOS app whose __MACOSX/ entries are ignored', async () => {
    const info = await readIpa(join(IPA, 'not-installable', 'apple-tv.ipa'))
    expect(info.app).toMatchObject({
      platform: 'appletvos',
      supportedPlatforms: ['AppleTVOS'],
      deviceFamilies: [3],
      simulator: false
    })
    expect(info.profile?.teamName).toBe('火 三')
  })

  it('Example.ipa is unsigned', async () => {
    const info = await readIpa(join(IPA, 'not-installable', 'Example.ipa'))
    expect(info.codeSigned).toBe(false)
    expect(info.profile).toBeUndefined()
  })

  it('ipad.ipa is an iPad-only app with CgBI icons', async () => {
    const info = await readIpa(join(IPA, 'not-installable', 'ipad.ipa'))
    expect(info.app.deviceFamilies).toEqual([2])
    expect(info.icon).toMatchObject({ crushed: true })
    expect(info.icon?.path).toMatch(/^Payload\/bundle\.app\/AppIcon.*\.png$/)
  })

  it('ipa.ipa keeps its icons only in Assets.car, so it has no icon', async () => {
    const info = await readIpa(join(IPA, 'signed', 'ipa.ipa'))
    expect(info.icon).toBeUndefined()
  })

  it('hashes a real IPA when asked', async () => {
    const info = await readIpa(join(IPA, 'signed', 'iphone.ipa'), { sha256: true })
    expect(info.file.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  /** Each malformed archive with the reason it must be refused for (after "<path> "). */
  const MALFORMED: Array<[string, string | RegExp]> = [
    ['not-an-ipa.ipa', 'is not a zip archive: an .ipa is a zip with a Payload/ folder'],
    ['NotAnApp.ipa', 'holds no Payload/ folder: an .ipa is a zip with Payload/<App>.app/ inside'],
    ['NoApp.ipa', 'holds no Payload/ folder: an .ipa is a zip with Payload/<App>.app/ inside'],
    ['NoInfoPlist.ipa', 'has NoInfoPlist.app at its root but no Payload/ folder'],
    ['no-app-bundle.ipa', 'has a Payload/ folder but no .app bundle inside it'],
    ['with_no_swift.ipa', 'has no Payload/Client.app/Info.plist, so the app bundle is incomplete'],
    [
      'with_swift_twice.ipa',
      'has no Payload/Client.app/Info.plist, so the app bundle is incomplete'
    ],
    ['Flat.ipa', 'has FlatApp.app at its root but no Payload/ folder'],
    ['iOSAppOnly.ipa', 'has everything inside a top folder "iOSAppOnly/"'],
    ['iOS App With Spaces.ipa', 'has everything inside a top folder "iOSAppOnly/"'],
    ['IncorrectlySigned.ipa', 'has everything inside a top folder "IncorrectlySigned/"'],
    ['ContainsWatchApp.ipa', 'has everything inside a top folder "ContainsWatchApp/"'],
    ['TestSimulator.app.zip', 'has isignTestApp.app at its root but no Payload/ folder']
  ]

  it('covers every IPA of the corpus', () => {
    const listed = (kind: string) => corpus.list(kind)
    expect(listed('signed')).toEqual(SIGNED.map((row) => row.file).sort())
    expect(listed('not-installable')).toEqual(NOT_INSTALLABLE.map((row) => row.file).sort())
    expect(listed('malformed')).toEqual(MALFORMED.map(([file]) => file).sort())
  })

  it.each(MALFORMED)('refuses ipa/malformed/%s', async (file, reason) => {
    const path = join(IPA, 'malformed', file)
    const error = await readIpa(path).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message.startsWith(`${path} ${reason}`), (error as Error).message).toBe(
      true
    )
  })
})
