import { PNG } from 'pngjs'
import type { IpaInfo, ProfileInfo } from '../../src/ipa/types.js'
import type { BuildRecord } from '../../src/ota/types.js'

/** A square PNG: left half `left`, right half `right` (RGBA). */
export function twoColourPng(
  size: number,
  left: [number, number, number, number],
  right: [number, number, number, number]
): Buffer {
  const png = new PNG({ width: size, height: size })
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = x < size / 2 ? left : right
      png.data.set(colour, (y * size + x) * 4)
    }
  }
  return PNG.sync.write(png)
}

export function profile(overrides: Partial<ProfileInfo> = {}): ProfileInfo {
  return {
    type: 'ad-hoc',
    name: 'Demo Ad Hoc',
    uuid: '11111111-2222-3333-4444-555555555555',
    teamName: 'Example Team',
    teamId: 'ABCDE12345',
    expires: new Date('2030-01-01T00:00:00Z'),
    devices: ['00008101-000A1B2C3D4E5F60', '0123456789abcdef0123456789abcdef01234567'],
    provisionsAllDevices: false,
    entitlements: [],
    platforms: ['iOS'],
    certificates: [],
    signature: 'valid',
    ...overrides
  }
}

export function ipaInfo(overrides: Partial<IpaInfo> = {}, app: Partial<IpaInfo['app']> = {}) {
  const info: IpaInfo = {
    file: { path: '/tmp/does-not-matter.ipa', size: 12_345_678, sha256: 'ab'.repeat(32) },
    app: {
      bundleId: 'com.example.demo',
      version: '1.2.3',
      build: '45',
      name: 'Demo',
      minimumOsVersion: '15.0',
      platform: 'iphoneos',
      supportedPlatforms: ['iPhoneOS'],
      deviceFamilies: [1, 2],
      simulator: false,
      bundlePath: 'Payload/Demo.app/',
      usageDescriptions: {},
      urlSchemes: [],
      ...app
    },
    bundled: [],
    profile: profile(),
    installedSize: 0,
    components: [],
    codeSigned: true,
    icon: {
      path: 'Payload/Demo.app/AppIcon60x60@3x.png',
      png: twoColourPng(180, [255, 0, 0, 255], [0, 0, 255, 255]),
      width: 180,
      height: 180,
      crushed: false
    },
    ...overrides
  }
  return info
}

/** A build.json as the site holds it, for the index and retention tests. */
export function record(
  channel: string,
  buildId: string,
  createdAt: string,
  size = 1000
): BuildRecord {
  const base = `https://example.test/ota/${channel}/${buildId}`
  return {
    schema: 1,
    channel,
    buildId,
    createdAt,
    app: {
      bundleId: 'com.example.demo',
      version: '1.0',
      build: buildId,
      name: 'Demo',
      ipaSize: 900
    },
    source: { serverUrl: 'https://github.com', repository: 'acme/app' },
    urls: {
      page: `${base}/index.html`,
      manifest: `${base}/manifest.plist`,
      ipa: `${base}/demo.ipa`,
      qr: `${base}/qr.png`,
      qrSvg: `${base}/qr.svg`,
      buildJson: `${base}/build.json`,
      install: `itms-services://?action=download-manifest&url=${encodeURIComponent(`${base}/manifest.plist`)}`
    },
    size
  }
}
