import { UserError } from '../errors.js'
import { checkLimit } from './components.js'
import { isPlistDict, type PlistDict, type PlistValue } from './plist.js'
import type { AppInfo, BundledApp } from './types.js'

const PAYLOAD = 'Payload/'

/**
 * Finds the one app bundle of an .ipa from its entry names and returns its archive path, e.g.
 * "Payload/My App.app/". `label` names the file in errors, which say how the archive is wrong.
 */
export function locateApp(names: readonly string[], label: string): string {
  const apps = new Set<string>()
  for (const name of names) {
    // indexOf rather than split: asset-heavy apps have tens of thousands of entries.
    const end = name.startsWith(PAYLOAD) ? name.indexOf('/', PAYLOAD.length) : -1
    if (end > PAYLOAD.length && name.slice(end - 4, end) === '.app')
      apps.add(name.slice(0, end + 1))
  }
  const [only, ...others] = apps
  if (only !== undefined && others.length === 0) return only
  if (only !== undefined) {
    const list = [...apps].map((app) => app.slice(PAYLOAD.length, -1)).join(', ')
    throw new UserError(
      `${label} holds ${apps.size} apps under Payload/ (${list}): an .ipa must hold exactly one; export each app as its own .ipa.`
    )
  }

  const wrapped = firstMatch(names, /^([^/]+)\/Payload\/[^/]+\.app\//)
  if (wrapped !== undefined) {
    throw new UserError(
      `${label} has everything inside a top folder "${wrapped}/": Payload/ must be at the root of the archive; zip the Payload folder itself (cd into "${wrapped}" and run zip -r app.ipa Payload).`
    )
  }
  const bareApp = firstMatch(names, /^([^/]+\.app)\//)
  if (bareApp !== undefined) {
    throw new UserError(
      `${label} has ${bareApp} at its root but no Payload/ folder: an .ipa is a zip of Payload/${bareApp}; put the .app in a folder named Payload and zip that folder.`
    )
  }
  if (names.some((name) => name.startsWith(PAYLOAD))) {
    throw new UserError(
      `${label} has a Payload/ folder but no .app bundle inside it; export the app again from Xcode (Product › Archive › Distribute App).`
    )
  }
  throw new UserError(
    `${label} holds no Payload/ folder: an .ipa is a zip with Payload/<App>.app/ inside; give the .ipa that Xcode (or fastlane gym) exported.`
  )
}

function firstMatch(names: readonly string[], pattern: RegExp): string | undefined {
  for (const name of names) {
    const found = pattern.exec(name)?.[1]
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * Reads the app's identity from its Info.plist. `source` names the plist in errors, e.g.
 * "Payload/App.app/Info.plist".
 */
export function appInfo(plist: PlistDict, bundlePath: string, source: string): AppInfo {
  const bundleId = text(plist, 'CFBundleIdentifier')
  if (bundleId === undefined) {
    throw new UserError(
      `${source} has no CFBundleIdentifier; set the bundle identifier in Xcode (target › General › Identity) and build again.`
    )
  }
  const shortVersion = text(plist, 'CFBundleShortVersionString')
  const buildNumber = text(plist, 'CFBundleVersion')
  const version = shortVersion ?? buildNumber
  if (version === undefined) {
    throw new UserError(
      `${source} has neither CFBundleShortVersionString nor CFBundleVersion; set Version and Build in Xcode (target › General › Identity) and build again.`
    )
  }
  const executable = text(plist, 'CFBundleExecutable')
  const platform = text(plist, 'DTPlatformName')
  const supportedPlatforms = texts(plist.CFBundleSupportedPlatforms)
  return {
    bundleId,
    version,
    ...(shortVersion === undefined && { versionMissing: true as const }),
    build: buildNumber ?? version,
    name: displayName(plist) ?? bundleFolderName(bundlePath),
    executable,
    minimumOsVersion: text(plist, 'MinimumOSVersion') ?? text(plist, 'LSMinimumSystemVersion'),
    platform,
    supportedPlatforms,
    deviceFamilies: deviceFamilies(plist.UIDeviceFamily),
    simulator:
      platform?.toLowerCase().endsWith('simulator') === true ||
      supportedPlatforms.some((name) => name.toLowerCase().endsWith('simulator')),
    sdk: text(plist, 'DTSDKName'),
    xcode: text(plist, 'DTXcode'),
    bundlePath,
    usageDescriptions: usageDescriptions(plist),
    urlSchemes: urlSchemes(plist.CFBundleURLTypes)
  }
}

/** The permission texts: NS…UsageDescription keys with a string value, in key order. */
function usageDescriptions(plist: PlistDict): Record<string, string> {
  const found: Record<string, string> = {}
  for (const key of Object.keys(plist).sort()) {
    const value = plist[key]
    if (/^NS\w*UsageDescription$/.test(key) && typeof value === 'string') found[key] = value
  }
  return found
}

/** CFBundleURLTypes is an array of dictionaries, each with a CFBundleURLSchemes array. */
function urlSchemes(value: PlistValue | undefined): string[] {
  const types = Array.isArray(value) ? value : []
  const schemes = types.flatMap((type) => (isPlistDict(type) ? texts(type.CFBundleURLSchemes) : []))
  return [...new Set(schemes)].sort()
}

/**
 * App extensions (PlugIns/*.appex) and watch apps (Watch/*.app) directly inside the bundle; more
 * than MAX_EXTENSIONS of either is refused before any of their Info.plists is read.
 */
export function findBundledApps(
  names: readonly string[],
  bundlePath: string
): Array<Pick<BundledApp, 'kind' | 'path'>> {
  const found = new Map<string, BundledApp['kind']>()
  const counts = { extension: 0, watch: 0 }
  for (const name of names) {
    if (!name.startsWith(bundlePath)) continue
    const [folder, bundle] = name.slice(bundlePath.length).split('/')
    if (bundle === undefined) continue
    const kind =
      folder === 'PlugIns' && bundle.endsWith('.appex')
        ? 'extension'
        : folder === 'Watch' && bundle.endsWith('.app')
          ? 'watch'
          : undefined
    const key = `${folder}/${bundle}`
    if (kind === undefined || found.has(key)) continue
    found.set(key, kind)
    checkLimit(kind, ++counts[kind], bundlePath)
  }
  return [...found].map(([relative, kind]) => ({ kind, path: `${bundlePath}${relative}/` }))
}

/** A bundled app described by its own Info.plist, when it has one. */
export function bundledApp(
  found: Pick<BundledApp, 'kind' | 'path'>,
  plist: PlistDict | undefined
): BundledApp {
  return {
    ...found,
    bundleId: plist ? text(plist, 'CFBundleIdentifier') : undefined,
    name: plist ? displayName(plist) : undefined
  }
}

function displayName(plist: PlistDict): string | undefined {
  return (
    text(plist, 'CFBundleDisplayName') ??
    text(plist, 'CFBundleName') ??
    text(plist, 'CFBundleExecutable')
  )
}

/** "Payload/My App.app/" → "My App". */
function bundleFolderName(bundlePath: string): string {
  return (
    bundlePath
      .slice(0, -1)
      .split('/')
      .pop()
      ?.replace(/\.app$/, '') ?? bundlePath
  )
}

/** A non-empty string value; numbers are tolerated because hand-edited plists hold them. */
function text(plist: PlistDict, key: string): string | undefined {
  const value = Object.hasOwn(plist, key) ? plist[key] : undefined
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function texts(value: PlistValue | undefined): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return items.filter((item): item is string => typeof item === 'string' && item !== '')
}

/** UIDeviceFamily is an array of integers, but a lone integer or numeric strings occur too. */
function deviceFamilies(value: PlistValue | undefined): number[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value]
  const families = items
    .map((item) => (typeof item === 'string' ? Number(item.trim()) : item))
    .filter((item): item is number => typeof item === 'number' && Number.isInteger(item))
  return [...new Set(families)]
}
