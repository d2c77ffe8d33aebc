import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { build as buildXml } from 'plist'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { formatInspect, inspectJson } from '../src/ipa/inspect.js'
import { readIpa } from '../src/ipa/read.js'
import type { IpaInfo, Verdict } from '../src/ipa/types.js'
import { writeZip } from './support/zip.js'
import type { ZipEntry } from './support/zip.js'

const run = promisify(execFile)

let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ipa-read-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const BASE_INFO = {
  CFBundleIdentifier: 'com.example.demo',
  CFBundleShortVersionString: '2.1.0',
  CFBundleVersion: '42',
  CFBundleName: 'Demo',
  CFBundleExecutable: 'Demo',
  MinimumOSVersion: '15.0',
  DTPlatformName: 'iphoneos',
  CFBundleSupportedPlatforms: ['iPhoneOS'],
  UIDeviceFamily: [1, 2],
  DTSDKName: 'iphoneos17.0',
  DTXcode: '1500'
}

const infoXml = (info: object): string => buildXml(info as Parameters<typeof buildXml>[0])

let counter = 0
async function ipa(entries: readonly ZipEntry[], name = `app${counter++}.ipa`): Promise<string> {
  const path = join(work, name)
  await writeZip(path, entries)
  return path
}

function png(size: number): Buffer {
  const image = new PNG({ width: size, height: size })
  image.data.fill(0x80)
  return PNG.sync.write(image)
}

describe('readIpa on archives made in code', () => {
  it('reads the app from an XML Info.plist', async () => {
    const path = await ipa([
      { name: 'Payload/' },
      { name: 'Payload/Demo.app/' },
      {
        name: 'Payload/Demo.app/Info.plist',
        data: infoXml({
          ...BASE_INFO,
          NSCameraUsageDescription: 'Scan receipts',
          NSCameraUsageDescriptionX: 'not a usage key',
          CFBundleURLTypes: [
            { CFBundleURLSchemes: ['demo', 'demo-auth'] },
            { CFBundleURLName: 'x' }
          ]
        })
      },
      { name: 'Payload/Demo.app/Demo', data: Buffer.alloc(1000, 1) },
      { name: 'Payload/Demo.app/_CodeSignature/CodeResources', data: '<plist/>' },
      { name: 'Payload/Demo.app/Assets.car', data: Buffer.alloc(300, 2), method: 'store' },
      { name: 'Payload/Demo.app/Frameworks/Kit.framework/', data: '' },
      {
        name: 'Payload/Demo.app/Frameworks/Kit.framework/Kit',
        data: Buffer.alloc(700, 3),
        method: 'store'
      },
      {
        name: 'Payload/Demo.app/Frameworks/Kit.framework/Info.plist',
        data: Buffer.alloc(50, 4),
        method: 'store'
      },
      {
        name: 'Payload/Demo.app/Frameworks/libswiftCore.dylib',
        data: Buffer.alloc(200, 5),
        method: 'store'
      },
      { name: 'Symbols/Demo.symbols', data: Buffer.alloc(5000, 6), method: 'store' }
    ])
    const info = await readIpa(path)
    const resources = info.components.find((c) => c.kind === 'resources')!
    expect(info).toEqual({
      file: { path, size: statSync(path).size },
      app: {
        bundleId: 'com.example.demo',
        version: '2.1.0',
        build: '42',
        name: 'Demo',
        executable: 'Demo',
        minimumOsVersion: '15.0',
        platform: 'iphoneos',
        supportedPlatforms: ['iPhoneOS'],
        deviceFamilies: [1, 2],
        simulator: false,
        sdk: 'iphoneos17.0',
        xcode: '1500',
        bundlePath: 'Payload/Demo.app/',
        usageDescriptions: { NSCameraUsageDescription: 'Scan receipts' },
        urlSchemes: ['demo', 'demo-auth']
      },
      bundled: [],
      // Sized from the central directory; Symbols/ is outside the bundle and never installed.
      installedSize: 1000 + 300 + 750 + 200 + resources.installed,
      components: [
        {
          kind: 'executable',
          name: 'Demo',
          compressed: expect.any(Number) as number,
          installed: 1000
        },
        { kind: 'framework', name: 'Kit.framework', compressed: 750, installed: 750 },
        resources,
        { kind: 'assets', name: 'Assets.car', compressed: 300, installed: 300 },
        { kind: 'framework', name: 'libswiftCore.dylib', compressed: 200, installed: 200 }
      ].sort((a, b) => b.installed - a.installed),
      codeSigned: true
    })
  })

  it('reads a binary Info.plist the same way', async () => {
    const xmlPath = join(work, 'Info.xml')
    const binPath = join(work, 'Info.bin')
    writeFileSync(xmlPath, infoXml(BASE_INFO))
    await run('plistutil', ['-i', xmlPath, '-o', binPath, '-f', 'bin'])
    const binary = readFileSync(binPath)
    expect(binary.subarray(0, 8).toString('latin1')).toBe('bplist00')
    const path = await ipa([{ name: 'Payload/Demo.app/Info.plist', data: binary }])
    const info = await readIpa(path)
    expect(info.app).toMatchObject({ bundleId: 'com.example.demo', version: '2.1.0', build: '42' })
    expect(info.codeSigned).toBe(false)
  })

  it('keeps Unicode in the zip names and in Info.plist', async () => {
    const path = await ipa(
      [
        {
          name: 'Payload/Ünïcødé 应用.app/Info.plist',
          data: infoXml({ ...BASE_INFO, CFBundleDisplayName: '日本語 <App> & "Co"' })
        }
      ],
      'ünï cødé.ipa'
    )
    const info = await readIpa(path)
    expect(info.file.path).toBe(path)
    expect(info.app.bundlePath).toBe('Payload/Ünïcødé 应用.app/')
    expect(info.app.name).toBe('日本語 <App> & "Co"')
  })

  it('reads a multi-GB sparse IPA with ZIP64 records', async () => {
    const size = 5 * 1024 ** 3
    const path = await ipa([
      { name: 'Payload/Big.app/Big', zeros: size },
      // After the 5 GiB entry: its offset needs ZIP64.
      { name: 'Payload/Big.app/Info.plist', data: infoXml({ ...BASE_INFO, CFBundleName: 'Big' }) }
    ])
    const info = await readIpa(path)
    expect(info.file.size).toBeGreaterThan(size)
    expect(info.app.name).toBe('Big')
    expect(info.app.bundlePath).toBe('Payload/Big.app/')
  })

  it('lists app extensions and watch apps with their bundle ids', async () => {
    const path = await ipa([
      { name: 'Payload/Demo.app/Info.plist', data: infoXml(BASE_INFO) },
      {
        name: 'Payload/Demo.app/PlugIns/Share.appex/Info.plist',
        data: infoXml({
          CFBundleIdentifier: 'com.example.demo.share',
          CFBundleDisplayName: 'Share'
        })
      },
      { name: 'Payload/Demo.app/PlugIns/Bare.appex/Bare', data: 'binary' },
      {
        name: 'Payload/Demo.app/Watch/Demo Watch.app/Info.plist',
        data: infoXml({ CFBundleIdentifier: 'com.example.demo.watchkitapp', CFBundleName: 'Watch' })
      }
    ])
    const info = await readIpa(path)
    expect(info.bundled).toEqual([
      {
        kind: 'extension',
        path: 'Payload/Demo.app/PlugIns/Share.appex/',
        bundleId: 'com.example.demo.share',
        name: 'Share'
      },
      { kind: 'extension', path: 'Payload/Demo.app/PlugIns/Bare.appex/' },
      {
        kind: 'watch',
        path: 'Payload/Demo.app/Watch/Demo Watch.app/',
        bundleId: 'com.example.demo.watchkitapp',
        name: 'Watch'
      }
    ])
  })

  it('takes the best icon that decodes, skipping a broken one', async () => {
    const info = {
      ...BASE_INFO,
      CFBundleIcons: { CFBundlePrimaryIcon: { CFBundleIconFiles: ['AppIcon60x60'] } }
    }
    const path = await ipa([
      { name: 'Payload/Demo.app/Info.plist', data: infoXml(info) },
      { name: 'Payload/Demo.app/AppIcon60x60@2x.png', data: png(120), method: 'store' },
      { name: 'Payload/Demo.app/AppIcon60x60@3x.png', data: 'not a png' }
    ])
    const messages: string[] = []
    const result = await readIpa(path, { debug: (message) => messages.push(message) })
    expect(messages).toEqual([
      expect.stringMatching(/^Skipping icon Payload\/Demo\.app\/AppIcon60x60@3x\.png: /)
    ])
    expect(result.icon).toMatchObject({
      path: 'Payload/Demo.app/AppIcon60x60@2x.png',
      width: 120,
      height: 120,
      crushed: false
    })
    expect(result.icon?.png.subarray(1, 4).toString('latin1')).toBe('PNG')
  })

  it('has no icon when the bundle holds no icon files', async () => {
    const path = await ipa([{ name: 'Payload/Demo.app/Info.plist', data: infoXml(BASE_INFO) }])
    expect((await readIpa(path)).icon).toBeUndefined()
  })

  it('hashes the file only when asked', async () => {
    const path = await ipa([{ name: 'Payload/Demo.app/Info.plist', data: infoXml(BASE_INFO) }])
    expect((await readIpa(path)).file.sha256).toBeUndefined()
    expect((await readIpa(path, { sha256: true })).file.sha256).toBe(
      createHash('sha256').update(readFileSync(path)).digest('hex')
    )
  })

  it('turns a profile that fails to parse into a UserError naming the file', async () => {
    const path = await ipa([
      { name: 'Payload/Demo.app/Info.plist', data: infoXml(BASE_INFO) },
      { name: 'Payload/Demo.app/embedded.mobileprovision', data: 'garbage, not a profile' }
    ])
    const error = await readIpa(path).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(
      /^Payload\/Demo\.app\/embedded\.mobileprovision: .*(profile|property list).*[.;:] .+/
    )
  })

  it('flags a simulator build', async () => {
    const path = await ipa([
      {
        name: 'Payload/Demo.app/Info.plist',
        data: infoXml({
          ...BASE_INFO,
          DTPlatformName: 'iphonesimulator',
          CFBundleSupportedPlatforms: ['iPhoneSimulator']
        })
      }
    ])
    expect((await readIpa(path)).app.simulator).toBe(true)
  })
})

describe('readIpa refuses what is not a usable .ipa', () => {
  async function refusal(entries: readonly ZipEntry[]): Promise<{ path: string; message: string }> {
    const path = await ipa(entries)
    const error = await readIpa(path).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UserError)
    return { path, message: (error as Error).message }
  }

  it('two apps under Payload/', async () => {
    const { path, message } = await refusal([
      { name: 'Payload/One.app/Info.plist', data: infoXml(BASE_INFO) },
      { name: 'Payload/Two.app/Info.plist', data: infoXml(BASE_INFO) }
    ])
    expect(message).toBe(
      `${path} holds 2 apps under Payload/ (One.app, Two.app): an .ipa must hold exactly one; export each app as its own .ipa.`
    )
  })

  it('an Info.plist without a bundle id', async () => {
    const { message } = await refusal([
      {
        name: 'Payload/Demo.app/Info.plist',
        data: infoXml({ ...BASE_INFO, CFBundleIdentifier: undefined })
      }
    ])
    expect(message).toBe(
      'Payload/Demo.app/Info.plist has no CFBundleIdentifier; set the bundle identifier in Xcode (target › General › Identity) and build again.'
    )
  })

  it('an Info.plist that inflates past its cap', async () => {
    const { message } = await refusal([
      { name: 'Payload/Demo.app/Info.plist', data: Buffer.alloc(2 * 1024 * 1024, 0x20) }
    ])
    expect(message).toMatch(/^Payload\/Demo\.app\/Info\.plist in .+ inflates to more than 1 MiB/)
  })

  it('an Info.plist that is not a plist', async () => {
    const { message } = await refusal([{ name: 'Payload/Demo.app/Info.plist', data: 'hello' }])
    expect(message).toMatch(/^Payload\/Demo\.app\/Info\.plist is not a valid property list/)
  })

  it('a path that does not exist, or is a folder', async () => {
    const missing = join(work, 'missing.ipa')
    await expect(readIpa(missing)).rejects.toThrowError(
      `${missing} does not exist; check the path to the .ipa.`
    )
    await expect(readIpa(work)).rejects.toThrowError(
      `${work} is not a file; give the path of the .ipa itself.`
    )
  })
})

describe('formatInspect and inspectJson', () => {
  const info: IpaInfo = {
    file: { path: 'build/Demo.ipa', size: 3 * 1024 * 1024, sha256: 'ab'.repeat(32) },
    app: {
      bundleId: 'com.example.demo',
      version: '2.1.0',
      build: '42',
      name: 'Demo\u001b[31m',
      executable: 'Demo',
      minimumOsVersion: '15.0',
      platform: 'iphoneos',
      supportedPlatforms: ['iPhoneOS'],
      deviceFamilies: [1, 2],
      simulator: false,
      sdk: 'iphoneos17.0',
      xcode: '1500',
      bundlePath: 'Payload/Demo.app/',
      usageDescriptions: { NSCameraUsageDescription: 'Scan\u001b[2J receipts' },
      urlSchemes: ['demo']
    },
    bundled: [
      {
        kind: 'extension',
        path: 'Payload/Demo.app/PlugIns/Share.appex/',
        bundleId: 'com.example.demo.share',
        name: 'Share'
      }
    ],
    profile: {
      type: 'ad-hoc',
      name: 'Demo AdHoc',
      uuid: '1111-2222',
      teamName: 'Example Inc',
      teamId: 'TEAM123456',
      appId: 'TEAM123456.com.example.*',
      appIdMatches: true,
      created: new Date('2024-01-02T03:04:05Z'),
      expires: new Date('2025-01-02T03:04:05Z'),
      devices: ['00008030-001A2B3C4D5E6F70', 'a'.repeat(40)],
      provisionsAllDevices: false,
      entitlements: ['aps-environment', 'get-task-allow'],
      platforms: ['iOS'],
      certificates: [
        {
          subject: 'CN=Apple Distribution: Example Inc (TEAM123456)',
          commonName: 'Apple Distribution: Example Inc (TEAM123456)',
          notAfter: new Date('2026-05-06T00:00:00Z')
        }
      ],
      signature: 'valid'
    },
    installedSize: 5_000_000,
    components: [
      { kind: 'executable', name: 'Demo', compressed: 1_200_000, installed: 3_000_000 },
      { kind: 'assets', name: 'Assets.car', compressed: 1_900_000, installed: 2_000_000 }
    ],
    codeSigned: true,
    icon: {
      path: 'Payload/Demo.app/AppIcon60x60@3x.png',
      png: Buffer.alloc(500),
      width: 180,
      height: 180,
      crushed: true
    }
  }
  const verdict: Verdict = {
    installable: false,
    errors: ['The profile expired on 2025-01-02; renew it.'],
    warnings: ['Only 2 devices are provisioned.']
  }

  it('prints one fact a line, with control characters from the IPA escaped', () => {
    const text = formatInspect(info, verdict, new Date('2024-12-23T03:04:05Z'))
    expect(text.split('\n')).toEqual([
      'App:           Demo\\u001b[31m 2.1.0 (42)',
      'Bundle id:     com.example.demo',
      'File:          build/Demo.ipa (3.1 MB)',
      'Installed:     5.0 MB',
      '  executable:  Demo: 3.0 MB installed, 1.2 MB in the IPA',
      '  assets:      Assets.car: 2.0 MB installed, 1.9 MB in the IPA',
      `SHA-256:       ${'ab'.repeat(32)}`,
      'Platform:      iphoneos (iPhoneOS)',
      'Minimum OS:    15.0',
      'Devices:       iPhone, iPad',
      'Built with:    SDK iphoneos17.0, Xcode 15.0',
      'Bundle:        Payload/Demo.app/',
      'Permission:    NSCameraUsageDescription: "Scan\\u001b[2J receipts"',
      'URL schemes:   demo',
      'Extension:     Share (com.example.demo.share)',
      'Code signed:   yes (_CodeSignature/CodeResources)',
      'Profile:       ad-hoc, "Demo AdHoc" (1111-2222)',
      '  Team:        Example Inc (TEAM123456)',
      '  Expires:     2025-01-02 (expires in 10 days)',
      '  Devices:     2 provisioned',
      '  App id:      TEAM123456.com.example.* (matches)',
      '  Platforms:   iOS',
      '  Entitlements: aps-environment, get-task-allow',
      '  Signature:   valid',
      '  Certificate: Apple Distribution: Example Inc (TEAM123456), expires 2026-05-06',
      'Icon:          Payload/Demo.app/AppIcon60x60@3x.png (180×180, converted from CgBI)',
      'Verdict:       NOT installable over the air',
      '  Error:       The profile expired on 2025-01-02; renew it.',
      '  Warning:     Only 2 devices are provisioned.'
    ])
    expect(text).not.toContain('\u001b')
  })

  it('says what is missing for an unsigned build without icon', () => {
    const bare: IpaInfo = {
      ...info,
      profile: undefined,
      icon: undefined,
      installedSize: 0,
      components: [],
      codeSigned: false,
      bundled: []
    }
    const text = formatInspect(bare, { installable: true, errors: [], warnings: [] })
    expect(text).toContain('Profile:       none (no embedded.mobileprovision)')
    expect(text).toContain('Code signed:   no')
    expect(text).toContain('Icon:          none found\n')
    expect(text).toContain('Verdict:       installable over the air')
  })

  it('gives JSON with ISO dates and the icon size instead of its bytes', () => {
    const json = JSON.parse(JSON.stringify(inspectJson(info, verdict))) as Record<string, unknown>
    expect(json.profile).toMatchObject({
      created: '2024-01-02T03:04:05.000Z',
      expires: '2025-01-02T03:04:05.000Z',
      certificates: [{ notAfter: '2026-05-06T00:00:00.000Z' }],
      devices: info.profile?.devices,
      entitlements: ['aps-environment', 'get-task-allow']
    })
    // The comparison's facts, as build.json records them.
    expect(json).toMatchObject({ installedSize: 5_000_000, components: info.components })
    expect(json.app).toMatchObject({
      usageDescriptions: info.app.usageDescriptions,
      urlSchemes: ['demo']
    })
    expect(json.icon).toEqual({
      path: 'Payload/Demo.app/AppIcon60x60@3x.png',
      width: 180,
      height: 180,
      crushed: true,
      bytes: 500
    })
    expect(json.verdict).toEqual(verdict)
    expect(json.app).toEqual(info.app)
    expect(
      inspectJson({ ...info, profile: undefined, icon: undefined }, verdict)
    ).not.toHaveProperty('icon')
  })
})
