/**
 * Choosing the app icon the way iOS does. Info.plist names icons by base name ("AppIcon60x60",
 * "Icon.png", or the asset catalog's "AppIcon"); the files in the bundle add the size, scale and
 * device: AppIcon60x60@3x.png, AppIcon76x76@2x~ipad.png. No library does this, hence by hand.
 */

import { isRecord } from '../guards.js'

const ICON_DICTIONARIES = ['CFBundleIcons', 'CFBundleIcons~ipad']
/**
 * What may follow a listed name in a file name: a size ("60x60", or "-72" in old icon sets), then
 * scale and device. Anything else is another image: "AppIcon-Dark60x60@3x.png" is an alternate
 * icon, not the primary "AppIcon".
 */
const ICON_SUFFIX = /^(?:\d+(?:\.\d+)?x\d+(?:\.\d+)?|-\d+)?(?:@\d+x)?(?:~ipad|~iphone)?\.png$/
/** Used when Info.plist names no icon at all (very old or hand-made bundles). */
const CONVENTIONAL_NAMES = ['AppIcon', 'Icon']

/**
 * Archive paths of the app's icons, best (largest) first, chosen the way iOS does from the Info.plist
 * keys and the bundle's file names. `bundlePath` is e.g. "Payload/App.app/", `entryNames` every
 * archive path in the IPA. Never throws: odd values in Info.plist are skipped.
 */
export function iconCandidates(
  infoPlist: Record<string, unknown>,
  bundlePath: string,
  entryNames: readonly string[]
): string[] {
  const named = iconBaseNames(infoPlist)
  const baseNames = named.length > 0 ? named : CONVENTIONAL_NAMES
  const files = entryNames.filter(
    (name) =>
      name.startsWith(bundlePath) &&
      !name.slice(bundlePath.length).includes('/') &&
      name.toLowerCase().endsWith('.png')
  )
  const matching = files.filter((path) => {
    const file = path.slice(bundlePath.length).toLowerCase()
    return baseNames.some((base) => {
      const name = base.toLowerCase()
      return file.startsWith(name) && ICON_SUFFIX.test(file.slice(name.length))
    })
  })
  return matching
    .map((path) => ({ path, pixels: pixelSize(path.slice(bundlePath.length)) }))
    .sort((a, b) => b.pixels - a.pixels || a.path.localeCompare(b.path))
    .map(({ path }) => path)
}

/** Base names from every icon key, extensions removed; strings accepted where arrays belong. */
function iconBaseNames(plist: Record<string, unknown>): string[] {
  const names: unknown[] = [plist.CFBundleIconFiles, plist.CFBundleIconFile, plist.CFBundleIconName]
  for (const key of ICON_DICTIONARIES) {
    const icons = plist[key]
    if (!isRecord(icons)) continue
    const primary = icons.CFBundlePrimaryIcon
    if (isRecord(primary)) names.push(primary.CFBundleIconFiles, primary.CFBundleIconName)
    else names.push(primary)
  }
  return [
    ...new Set(
      names
        .flatMap((value): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]))
        .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
        .map((value) => value.trim().replace(/(?:@\d+x)?(?:~ipad|~iphone)?\.png$/i, ''))
    )
  ]
}

/**
 * Pixels a side from the file name: points × scale, e.g. AppIcon83.5x83.5@2x~ipad.png → 167,
 * Icon-72.png → 72, Icon@2x.png → 2 × 57 (the original iPhone icon). Unknown sizes sort last.
 */
function pixelSize(file: string): number {
  const stem = file.replace(/\.png$/i, '')
  const scale = Number(/@(\d)x/.exec(stem)?.[1] ?? 1)
  const points =
    /(\d+(?:\.\d+)?)x\1/.exec(stem)?.[1] ?? /-(\d+)(?:@|~|$)/.exec(stem)?.[1] ?? undefined
  if (points !== undefined) return Number(points) * scale
  return /^icon(@\dx)?(~ipad)?$/i.test(stem) ? 57 * scale : 0
}
