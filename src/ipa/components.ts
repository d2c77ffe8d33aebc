import { UserError } from '../errors.js'
import type { BundleComponent } from './types.js'

/**
 * The most frameworks, and extensions plus watch apps, an app may hold here. Real apps hold tens of
 * frameworks and a handful of extensions; each is a line of build.json, the page and the comment,
 * so an archive of 100,000 made-up ones must not reach them (it wrote a 13 MB build.json).
 */
export const MAX_FRAMEWORKS = 1_000
export const MAX_EXTENSIONS = 100

const LIMITS: Partial<Record<BundleComponent['kind'], { max: number; what: string }>> = {
  framework: { max: MAX_FRAMEWORKS, what: 'frameworks (in Frameworks/)' },
  extension: { max: MAX_EXTENSIONS, what: 'extensions (in PlugIns/)' },
  watch: { max: MAX_EXTENSIONS, what: 'watch apps (in Watch/)' }
}

export interface EntrySizes {
  /** Bytes in the archive. */
  compressed: number
  /** Bytes once unpacked. */
  installed: number
}

/**
 * The app bundle by component, from entry names and the sizes the central directory declares, so
 * the cost does not depend on the IPA's size: the executable, each framework (or loose dylib) in
 * Frameworks/, each extension in PlugIns/, each watch app in Watch/, Assets.car, and everything
 * else as "Other resources". Entries outside the bundle (Symbols/, SwiftSupport/) are not
 * installed and are left out. Largest installed first.
 */
export function bundleComponents(
  names: readonly string[],
  sizeOf: (name: string) => EntrySizes | undefined,
  bundlePath: string,
  executable: string | undefined
): { installedSize: number; components: BundleComponent[] } {
  const byKey = new Map<string, BundleComponent>()
  const counts = new Map<BundleComponent['kind'], number>()
  let installedSize = 0
  for (const name of names) {
    if (!name.startsWith(bundlePath) || name.endsWith('/')) continue
    const sizes = sizeOf(name)
    if (sizes === undefined) continue
    installedSize += sizes.installed
    const { kind, label } = componentOf(name.slice(bundlePath.length), executable)
    const key = `${kind}/${label}`
    let component = byKey.get(key)
    if (component === undefined) {
      component = { kind, name: label, compressed: 0, installed: 0 }
      checkLimit(kind, (counts.get(kind) ?? 0) + 1, bundlePath)
      counts.set(kind, (counts.get(kind) ?? 0) + 1)
    }
    component.compressed += sizes.compressed
    component.installed += sizes.installed
    byKey.set(key, component)
  }
  const components = [...byKey.values()].sort(
    (a, b) => b.installed - a.installed || a.name.localeCompare(b.name)
  )
  return { installedSize, components }
}

/** Refuses the `count`th component of `kind` when that is more than its limit. */
export function checkLimit(kind: BundleComponent['kind'], count: number, bundlePath: string): void {
  const limit = LIMITS[kind]
  if (limit !== undefined && count > limit.max) {
    throw new UserError(
      `${bundlePath} holds more than ${limit.max} ${limit.what}, the most an app may hold here (a damaged or made-up archive); build the .ipa again.`
    )
  }
}

const NESTED: Record<string, BundleComponent['kind']> = {
  Frameworks: 'framework',
  PlugIns: 'extension',
  Watch: 'watch'
}

function componentOf(
  relative: string,
  executable: string | undefined
): { kind: BundleComponent['kind']; label: string } {
  if (relative === executable) return { kind: 'executable', label: relative }
  if (relative === 'Assets.car') return { kind: 'assets', label: relative }
  const slash = relative.indexOf('/')
  const kind = slash > 0 ? NESTED[relative.slice(0, slash)] : undefined
  if (kind !== undefined) {
    const rest = relative.slice(slash + 1)
    const end = rest.indexOf('/')
    return { kind, label: end === -1 ? rest : rest.slice(0, end) }
  }
  return { kind: 'resources', label: 'Other resources' }
}
