import { formatDate } from '../format.js'
import type { AppInfo, IpaInfo, ProfileInfo, Verdict } from './types.js'

/** A profile closer than this to its expiry gets a warning. */
export const EXPIRY_WARNING_DAYS = 14
export const DAY_MS = 24 * 60 * 60 * 1000

/** DTPlatformName values that are not iOS/iPadOS, by the name people know them by. */
const OTHER_PLATFORMS: Record<string, string> = {
  appletvos: 'tvOS',
  watchos: 'watchOS',
  macosx: 'macOS',
  xros: 'visionOS'
}

/** UIDeviceFamily values of iPhone and iPad. */
const IOS_DEVICE_FAMILIES = [1, 2]

const EXPORT_METHODS =
  'export it with method ad-hoc, enterprise or development (xcodebuild -exportArchive with method release-testing, enterprise or debugging)'

/**
 * Whether an iPhone or iPad can install this build from an itms-services link, and why not.
 * Pure: `now` is the clock. Sentences are plain text (they quote ids from the IPA), so whoever
 * renders them escapes them for Markdown or HTML.
 */
export function judge(info: IpaInfo, now: Date): Verdict {
  const profile = info.profile
  const errors = [
    ...platformErrors(info.app),
    ...signingErrors(info),
    ...(profile === undefined ? [] : profileErrors(profile, now))
  ]
  const warnings = [
    ...versionWarnings(info.app),
    ...(profile === undefined ? [] : profileWarnings(profile, info.app, now))
  ]
  return { installable: errors.length === 0, errors, warnings }
}

function platformErrors(app: AppInfo): string[] {
  if (app.simulator) {
    return [
      'This is a simulator build, which cannot run on an iPhone or iPad: archive it for a device (destination "generic/platform=iOS") and export an .ipa from the archive.'
    ]
  }
  const platform = otherPlatform(app)
  if (platform === undefined) return []
  return [
    `This is a ${platform} app, and only iPhone and iPad apps install over the air: publish the iOS app target's .ipa instead.`
  ]
}

/** The name of the platform the app is for when that is not iOS/iPadOS; undefined for iOS. */
function otherPlatform(app: AppInfo): string | undefined {
  const dtPlatform = app.platform?.toLowerCase()
  if (dtPlatform !== undefined && dtPlatform !== 'iphoneos') {
    return OTHER_PLATFORMS[dtPlatform] ?? `"${app.platform}"`
  }
  if (dtPlatform === undefined && app.supportedPlatforms.length > 0) {
    const platforms = app.supportedPlatforms
    if (!platforms.includes('iPhoneOS')) return platforms.join('/')
  }
  const families = app.deviceFamilies
  if (families.length > 0 && !families.some((family) => IOS_DEVICE_FAMILIES.includes(family))) {
    return families.includes(4) ? 'watch-only' : `device family ${families.join('/')}`
  }
  return undefined
}

function signingErrors(info: IpaInfo): string[] {
  if (info.profile === undefined && !info.codeSigned) {
    return [
      `This build is not signed (it has no embedded.mobileprovision and no _CodeSignature), so iOS will refuse to install it: archive with a signing team and ${EXPORT_METHODS}.`
    ]
  }
  if (info.profile === undefined) {
    return [
      `This build has no embedded provisioning profile, so iOS will refuse to install it: ${EXPORT_METHODS}.`
    ]
  }
  if (!info.codeSigned) {
    return [
      'This build has a provisioning profile but no code signature (_CodeSignature is missing), so iOS will refuse to install it: export the .ipa with xcodebuild -exportArchive instead of zipping the .app by hand.'
    ]
  }
  return []
}

function profileErrors(profile: ProfileInfo, now: Date): string[] {
  const errors: string[] = []
  if (profile.type === 'app-store') {
    errors.push(
      `This build is signed for the App Store, which iOS will not install over the air: ${EXPORT_METHODS}.`
    )
  }
  if (profile.expires.getTime() <= now.getTime()) {
    errors.push(
      `The provisioning profile "${profile.name}" expired on ${formatDate(profile.expires)}, so iOS will refuse to install the build: renew the profile in the Apple Developer portal (or let Xcode manage signing) and export the build again.`
    )
  }
  const certificates = profile.certificates
  if (
    certificates.length > 0 &&
    certificates.every((certificate) => certificate.notAfter.getTime() <= now.getTime())
  ) {
    const lastExpiry = Math.max(
      ...certificates.map((certificate) => certificate.notAfter.getTime())
    )
    errors.push(
      `Every signing certificate in the provisioning profile has expired (the last on ${formatDate(new Date(lastExpiry))}), so iOS will refuse to install the build: create a new certificate, regenerate the profile with it and export the build again.`
    )
  }
  return errors
}

function versionWarnings(app: AppInfo): string[] {
  if (!app.versionMissing) return []
  return [
    `The Info.plist has no CFBundleShortVersionString, so the manifest and pages show the build number ${app.build} as the version: set Version in Xcode (target › General › Identity) and build again.`
  ]
}

function profileWarnings(profile: ProfileInfo, app: AppInfo, now: Date): string[] {
  const warnings: string[] = []
  const msLeft = profile.expires.getTime() - now.getTime()
  if (msLeft > 0 && msLeft <= EXPIRY_WARNING_DAYS * DAY_MS) {
    const days = Math.ceil(msLeft / DAY_MS)
    warnings.push(
      `The provisioning profile "${profile.name}" expires on ${formatDate(profile.expires)} (in ${days} ${days === 1 ? 'day' : 'days'}), after which iOS will no longer install or launch this build: renew the profile and export the build again.`
    )
  }
  if (profile.appIdMatches === false) {
    warnings.push(
      `The provisioning profile is for the app id ${profile.appId ?? '(none)'}, which does not cover the bundle id ${app.bundleId}, so iOS may refuse to install the build: sign it with a profile made for ${app.bundleId}.`
    )
  }
  if (profile.signature === 'invalid') {
    warnings.push(
      "The provisioning profile's signature does not verify (it was changed after Apple signed it), so iOS may refuse it: download the profile again from the Apple Developer portal and export the build again."
    )
  }
  if (profile.signature === 'unsigned') {
    warnings.push(
      "The provisioning profile is a bare property list without Apple's signature, so iOS may refuse it: export the build again so Xcode embeds the signed profile."
    )
  }
  return warnings
}
