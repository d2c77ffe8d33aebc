import { stat } from 'node:fs/promises'
import { UserError } from '../errors.js'
import { DEFAULT_ENTRY_CAP, openArchive, sha256File } from './archive.js'
import type { ZipArchive } from './archive.js'
import { appInfo, bundledApp, findBundledApps, locateApp } from './bundle.js'
import { bundleComponents } from './components.js'
import { iconCandidates } from './icon.js'
import { parsePlistDict } from './plist.js'
import type { BundledApp, IconInfo, IpaInfo, ProfileInfo } from './types.js'

/** Info.plist files are a few KiB; a megabyte is generous and keeps extensions cheap to read. */
const PLIST_CAP = 1024 * 1024

export interface ReadIpaOptions {
  /** Also stream the whole file through SHA-256 (one more pass over it). */
  sha256?: boolean
  /** Receives diagnostics, e.g. why an icon candidate was skipped (the action passes core.debug). */
  debug?: (message: string) => void
}

/**
 * Reads what the action needs from an .ipa without extracting it: the central directory once,
 * then only Info.plist, the extensions' Info.plists, embedded.mobileprovision and one icon. Sizes
 * by component come from the central directory, so nothing else is inflated.
 */
export async function readIpa(path: string, options: ReadIpaOptions = {}): Promise<IpaInfo> {
  const size = await fileSize(path)
  const archive = await openArchive(path)
  try {
    const bundlePath = locateApp(archive.names, path)
    const infoPath = `${bundlePath}Info.plist`
    if (!archive.has(infoPath)) {
      throw new UserError(
        `${path} has no ${infoPath}, so the app bundle is incomplete; export the app again from Xcode (Product › Archive › Distribute App).`
      )
    }
    const infoPlist = parsePlistDict(await archive.read(infoPath, PLIST_CAP), infoPath)
    const app = appInfo(infoPlist, bundlePath, infoPath)
    const bundled = await readBundledApps(archive, bundlePath)
    const profile = await readProfile(
      archive,
      `${bundlePath}embedded.mobileprovision`,
      app.bundleId
    )
    const icon = await readIcon(
      archive,
      iconCandidates(infoPlist, bundlePath, archive.names),
      options.debug
    )
    const sizes = bundleComponents(
      archive.names,
      (name) => {
        const installed = archive.sizeOf(name)
        const compressed = archive.compressedSizeOf(name)
        return installed === undefined || compressed === undefined
          ? undefined
          : { installed, compressed }
      },
      bundlePath,
      app.executable
    )
    return {
      file: { path, size, ...(options.sha256 ? { sha256: await sha256File(path) } : {}) },
      app,
      bundled,
      ...(profile ? { profile } : {}),
      ...sizes,
      codeSigned: archive.has(`${bundlePath}_CodeSignature/CodeResources`),
      ...(icon ? { icon } : {})
    }
  } finally {
    archive.close()
  }
}

async function fileSize(path: string): Promise<number> {
  try {
    const stats = await stat(path)
    if (stats.isFile()) return stats.size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(`${path} does not exist; check the path to the .ipa.`)
    }
    throw new UserError(
      `${path} cannot be read (${(error as Error).message}); check the path and its permissions.`
    )
  }
  throw new UserError(`${path} is not a file; give the path of the .ipa itself.`)
}

async function readBundledApps(archive: ZipArchive, bundlePath: string): Promise<BundledApp[]> {
  const apps: BundledApp[] = []
  for (const found of findBundledApps(archive.names, bundlePath)) {
    const infoPath = `${found.path}Info.plist`
    const plist = archive.has(infoPath)
      ? parsePlistDict(await archive.read(infoPath, PLIST_CAP), infoPath)
      : undefined
    apps.push(bundledApp(found, plist))
  }
  return apps
}

async function readProfile(
  archive: ZipArchive,
  profilePath: string,
  bundleId: string
): Promise<ProfileInfo | undefined> {
  if (!archive.has(profilePath)) return undefined
  const data = await archive.read(profilePath, DEFAULT_ENTRY_CAP)
  // Loaded when there is a profile: the CMS reader (asn1js) is most of the IPA reader's code.
  const { parseProfile } = await import('./profile.js')
  try {
    return await parseProfile(data, bundleId)
  } catch (error) {
    // parseProfile's own messages already say how to fix the profile; only name where it is.
    if (error instanceof UserError) throw new UserError(`${profilePath}: ${error.message}`)
    throw new UserError(
      `${profilePath} is not a readable provisioning profile (${String(error)}); sign the build again with a profile downloaded from the Apple Developer portal.`
    )
  }
}

/** The first candidate that is a PNG we can decode; icons kept only in Assets.car give none. */
async function readIcon(
  archive: ZipArchive,
  candidates: readonly string[],
  debug: ((message: string) => void) | undefined
): Promise<IconInfo | undefined> {
  const found = candidates.filter((path) => archive.has(path))
  if (found.length === 0) return undefined
  // Loaded when there is an icon to decode (pngjs).
  const { normalizePng } = await import('./png.js')
  for (const path of found) {
    try {
      return { path, ...normalizePng(await archive.read(path, DEFAULT_ENTRY_CAP)) }
    } catch (error) {
      debug?.(`Skipping icon ${path}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return undefined
}
