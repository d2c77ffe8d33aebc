/** Everything the action learns about one .ipa; the manifest, page, comment and verdict are made from it. */

export interface AppInfo {
  /** CFBundleIdentifier. */
  bundleId: string
  /** CFBundleShortVersionString, else CFBundleVersion (what the manifest and pages show). */
  version: string
  /** Set when the Info.plist has no CFBundleShortVersionString, so `version` is the build number. */
  versionMissing?: true
  /** CFBundleVersion. */
  build: string
  /** CFBundleDisplayName, else CFBundleName, else CFBundleExecutable. */
  name: string
  executable?: string
  /** MinimumOSVersion (LSMinimumSystemVersion for Mac apps). */
  minimumOsVersion?: string
  /** DTPlatformName, e.g. iphoneos, iphonesimulator, appletvos. */
  platform?: string
  /** CFBundleSupportedPlatforms, e.g. ["iPhoneOS"]. */
  supportedPlatforms: string[]
  /** UIDeviceFamily: 1 iPhone, 2 iPad, 3 Apple TV, 4 Apple Watch, 6 Mac, 7 Vision. */
  deviceFamilies: number[]
  /** Built for the simulator: it cannot run on a device. */
  simulator: boolean
  /** DTSDKName, e.g. iphoneos17.0. */
  sdk?: string
  /** DTXcode, e.g. 1500. */
  xcode?: string
  /** Archive path of the bundle, e.g. "Payload/My App.app/". */
  bundlePath: string
  /** NS…UsageDescription keys and the text iOS shows when it asks for the permission. */
  usageDescriptions: Record<string, string>
  /** CFBundleURLSchemes of every CFBundleURLTypes entry. */
  urlSchemes: string[]
}

/** One part of the app bundle, sized from the zip's central directory (nothing is inflated). */
export interface BundleComponent {
  kind: 'executable' | 'framework' | 'extension' | 'watch' | 'assets' | 'resources'
  /** The executable's or bundle's file name, e.g. "Foo.framework", "Share.appex"; "Other resources". */
  name: string
  /** Bytes in the IPA. */
  compressed: number
  /** Bytes on the device. */
  installed: number
}

/** An app extension (PlugIns/*.appex) or a watch app (Watch/*.app) inside the main bundle. */
export interface BundledApp {
  kind: 'extension' | 'watch'
  /** Archive path of the bundle, ending in "/". */
  path: string
  bundleId?: string
  name?: string
}

export type ProfileType = 'development' | 'ad-hoc' | 'enterprise' | 'app-store'

export interface CertificateInfo {
  /** The subject as one line, e.g. "CN=iPhone Developer: Jane (ABC), OU=TEAMID, O=Jane, C=US". */
  subject: string
  commonName?: string
  notAfter: Date
}

export interface ProfileInfo {
  type: ProfileType
  name: string
  uuid: string
  teamName?: string
  teamId?: string
  /** The application-identifier entitlement, e.g. "TEAMID.com.example.*". */
  appId?: string
  /** Whether appId (wildcards included) covers the app's bundle id; absent when no bundle id was given. */
  appIdMatches?: boolean
  created?: Date
  expires: Date
  /** Provisioned device UDIDs, as written in the profile (40-hex or 00008xxx-xxxxxxxxxxxxxxxx). */
  devices: string[]
  /** The keys of the Entitlements dictionary: what the profile allows the app to use. */
  entitlements: string[]
  /** Enterprise profiles install on any device. */
  provisionsAllDevices: boolean
  /** Platform key, e.g. ["iOS"], ["tvOS"], ["OSX"]; empty when the profile has none. */
  platforms: string[]
  /** DeveloperCertificates: the certificates allowed to sign with this profile. */
  certificates: CertificateInfo[]
  /** "unsigned" is a bare plist with no CMS wrapper. */
  signature: 'valid' | 'invalid' | 'unsigned'
}

export interface IconInfo {
  /** Archive path of the chosen icon. */
  path: string
  /** A standard PNG (CgBI already converted). */
  png: Buffer
  width: number
  height: number
  /** Whether the archive held an Apple CgBI ("crushed") PNG. */
  crushed: boolean
}

export interface IpaInfo {
  file: { path: string; size: number; sha256?: string }
  app: AppInfo
  bundled: BundledApp[]
  /** The main app's embedded.mobileprovision; absent when the build carries none. */
  profile?: ProfileInfo
  /** Bytes the app bundle takes on the device: its entries, uncompressed. */
  installedSize: number
  /** The app bundle by component, largest installed first. */
  components: BundleComponent[]
  /** Whether the main bundle holds _CodeSignature/CodeResources. */
  codeSigned: boolean
  /** The largest app icon; absent when icons live only in Assets.car. */
  icon?: IconInfo
}

export interface Verdict {
  installable: boolean
  /** Reasons the build cannot be installed over the air, one sentence each with the fix. */
  errors: string[]
  /** Things that may go wrong for some devices or soon. */
  warnings: string[]
}
