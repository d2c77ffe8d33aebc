/**
 * A small, installable-looking IPA made in code: XML Info.plist, a self-signed development
 * profile valid for a year around `now`, _CodeSignature, and a 180×180 icon. Used by the
 * end-to-end tests, `npm run demo` and the CI job that runs the action with `uses: ./`.
 */
import { build } from 'plist'
import { PNG } from 'pngjs'
import { makeCertificate, profileFields, profileXml, signCms } from './cms.js'
import { writeZip, type ZipEntry } from './zip.js'

const DAY_MS = 24 * 60 * 60 * 1000

export interface SampleOptions {
  name?: string
  bundleId?: string
  /** CFBundleShortVersionString; null leaves it out. */
  version?: string | null
  build?: string
  /** DTXcode, e.g. "0941" for Xcode 9.4.1. */
  xcode?: string
  /** Adds an Assets.car (the compiled asset catalog, where the icon cannot be read from). */
  assetsCar?: boolean
  /** development (default), ad-hoc, enterprise or app-store. */
  profileType?: 'development' | 'ad-hoc' | 'enterprise' | 'app-store'
  now?: Date
  icon?: boolean
}

export async function writeSampleIpa(path: string, options: SampleOptions = {}): Promise<number> {
  const name = options.name ?? 'Sample'
  const bundleId = options.bundleId ?? 'dev.ipa-ota.sample'
  const now = options.now ?? new Date()
  const app = 'Payload/Sample.app/'
  const info = {
    CFBundleIdentifier: bundleId,
    ...(options.version !== null && { CFBundleShortVersionString: options.version ?? '1.0' }),
    CFBundleVersion: options.build ?? '1',
    CFBundleDisplayName: name,
    CFBundleExecutable: 'Sample',
    CFBundleSupportedPlatforms: ['iPhoneOS'],
    DTPlatformName: 'iphoneos',
    DTSDKName: 'iphoneos18.0',
    DTXcode: options.xcode ?? '1600',
    MinimumOSVersion: '16.0',
    UIDeviceFamily: [1, 2],
    CFBundleIcons: {
      CFBundlePrimaryIcon: { CFBundleIconFiles: ['AppIcon60x60'], CFBundleIconName: 'AppIcon' }
    }
  }
  const entries: ZipEntry[] = [
    { name: 'Payload/', data: '' },
    { name: app, data: '' },
    { name: `${app}Info.plist`, data: build(info) },
    { name: `${app}Sample`, data: Buffer.alloc(4096, 0xcf) },
    { name: `${app}_CodeSignature/CodeResources`, data: build({ files: {} }) },
    {
      name: `${app}embedded.mobileprovision`,
      data: await profile(bundleId, options.profileType ?? 'development', now)
    }
  ]
  if (options.assetsCar) entries.push({ name: `${app}Assets.car`, data: Buffer.alloc(64) })
  if (options.icon ?? true) entries.push({ name: `${app}AppIcon60x60@3x.png`, data: iconPng(180) })
  return writeZip(path, entries)
}

async function profile(
  bundleId: string,
  type: NonNullable<SampleOptions['profileType']>,
  now: Date
): Promise<Buffer> {
  const expires = new Date(now.getTime() + 365 * DAY_MS)
  const signer = await makeCertificate({
    commonName: 'Apple Development: Sample Developer (SAMPLE1234)',
    organizationalUnit: 'SAMPLE1234',
    notAfter: expires
  })
  const fields = profileFields({
    Name: `Sample ${type}`,
    ApplicationIdentifierPrefix: ['SAMPLE1234'],
    TeamIdentifier: ['SAMPLE1234'],
    TeamName: 'ipa-ota Sample Team',
    CreationDate: new Date(now.getTime() - DAY_MS),
    ExpirationDate: expires,
    DeveloperCertificates: [signer.der],
    Entitlements: {
      'application-identifier': `SAMPLE1234.${bundleId}`,
      'get-task-allow': type === 'development',
      'com.apple.developer.team-identifier': 'SAMPLE1234'
    },
    ProvisionedDevices:
      type === 'enterprise' || type === 'app-store'
        ? undefined
        : ['00008110-000A1B2C3D4E5F60', 'a'.repeat(40)],
    ProvisionsAllDevices: type === 'enterprise' ? true : undefined
  })
  return signCms(profileXml(fields), signer)
}

/** A rounded-square gradient, so the icon is recognisable in screenshots. */
function iconPng(size: number): Buffer {
  const png = new PNG({ width: size, height: size })
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4
      png.data[i] = 30 + Math.round((x / size) * 60)
      png.data[i + 1] = 110 + Math.round((y / size) * 90)
      png.data[i + 2] = 240
      png.data[i + 3] = 255
    }
  }
  return PNG.sync.write(png)
}
