import { formatBytes, formatDate } from '../format.js'
import { expiryText } from '../expiry.js'
import type { IpaInfo, ProfileInfo, Verdict } from './types.js'

/** UIDeviceFamily values by the name people know them by. */
export const DEVICE_FAMILIES: Record<number, string> = {
  1: 'iPhone',
  2: 'iPad',
  3: 'Apple TV',
  4: 'Apple Watch',
  6: 'Mac',
  7: 'Apple Vision'
}

/** What `ipa-ota inspect --json` prints: dates as ISO strings, icon bytes left out. */
export interface InspectJson {
  file: IpaInfo['file']
  app: IpaInfo['app']
  bundled: IpaInfo['bundled']
  installedSize: number
  components: IpaInfo['components']
  codeSigned: boolean
  profile?: Omit<ProfileInfo, 'created' | 'expires' | 'certificates'> & {
    created?: string
    expires: string
    certificates: Array<{ subject: string; commonName?: string; notAfter: string }>
  }
  icon?: { path: string; width: number; height: number; crushed: boolean; bytes: number }
  verdict: Verdict
}

export function inspectJson(info: IpaInfo, verdict: Verdict): InspectJson {
  const { profile, icon } = info
  return {
    file: info.file,
    app: info.app,
    bundled: info.bundled,
    installedSize: info.installedSize,
    components: info.components,
    codeSigned: info.codeSigned,
    ...(profile && {
      profile: {
        ...profile,
        created: profile.created?.toISOString(),
        expires: profile.expires.toISOString(),
        certificates: profile.certificates.map((certificate) => ({
          ...certificate,
          notAfter: certificate.notAfter.toISOString()
        }))
      }
    }),
    ...(icon && {
      icon: {
        path: icon.path,
        width: icon.width,
        height: icon.height,
        crushed: icon.crushed,
        bytes: icon.png.length
      }
    }),
    verdict
  }
}

/** Writes one "Label:   value" line of the report. */
type AddLine = (label: string, value: string) => void

/** A human-readable report of the IPA for a terminal, one fact a line. */
export function formatInspect(info: IpaInfo, verdict: Verdict, now: Date = new Date()): string {
  const lines: string[] = []
  const add: AddLine = (label, value) => {
    lines.push(`${`${label}:`.padEnd(14)} ${terminalSafe(value)}`)
  }
  addAppLines(add, info)
  if (info.profile) addProfileLines(add, info.profile, now)
  else add('Profile', 'none (no embedded.mobileprovision)')
  addIconAndVerdictLines(add, info, verdict)
  return lines.join('\n')
}

/** The app itself: identity, size and components, platform, bundle contents, signing. */
function addAppLines(add: AddLine, info: IpaInfo): void {
  const { app } = info
  add(
    'App',
    app.versionMissing
      ? `${app.name}, version not declared (build ${app.build})`
      : `${app.name} ${app.version} (${app.build})`
  )
  add('Bundle id', app.bundleId)
  add('File', `${info.file.path} (${formatBytes(info.file.size)})`)
  add('Installed', formatBytes(info.installedSize))
  for (const component of info.components.slice(0, 10)) {
    add(
      `  ${component.kind}`,
      `${component.name}: ${formatBytes(component.installed)} installed, ${formatBytes(component.compressed)} in the IPA`
    )
  }
  if (info.components.length > 10) add('  …', `${info.components.length - 10} more components`)
  if (info.file.sha256) add('SHA-256', info.file.sha256)
  const platforms = app.supportedPlatforms.length ? ` (${app.supportedPlatforms.join(', ')})` : ''
  add(
    'Platform',
    `${app.platform ?? 'not declared'}${platforms}${app.simulator ? ', built for the simulator' : ''}`
  )
  add('Minimum OS', app.minimumOsVersion ?? 'not declared')
  add(
    'Devices',
    app.deviceFamilies.length
      ? app.deviceFamilies.map((family) => DEVICE_FAMILIES[family] ?? `family ${family}`).join(', ')
      : 'not declared'
  )
  if (app.sdk || app.xcode)
    add('Built with', `SDK ${app.sdk ?? '?'}, Xcode ${app.xcode ? xcodeVersion(app.xcode) : '?'}`)
  add('Bundle', app.bundlePath)
  for (const [key, text] of Object.entries(app.usageDescriptions))
    add('Permission', `${key}: "${text}"`)
  if (app.urlSchemes.length > 0) add('URL schemes', app.urlSchemes.join(', '))
  for (const bundled of info.bundled) {
    add(
      bundled.kind === 'watch' ? 'Watch app' : 'Extension',
      `${bundled.name ?? bundled.path} (${bundled.bundleId ?? 'no bundle id'})`
    )
  }
  add('Code signed', info.codeSigned ? 'yes (_CodeSignature/CodeResources)' : 'no')
}

function addProfileLines(add: AddLine, profile: NonNullable<IpaInfo['profile']>, now: Date): void {
  add('Profile', `${profile.type}, "${profile.name}" (${profile.uuid})`)
  if (profile.teamName || profile.teamId) {
    add(
      '  Team',
      [profile.teamName, profile.teamId && `(${profile.teamId})`].filter(Boolean).join(' ')
    )
  }
  add('  Expires', `${formatDate(profile.expires)} (${expiryText(profile.expires, now)})`)
  add(
    '  Devices',
    profile.provisionsAllDevices ? 'all (enterprise)' : `${profile.devices.length} provisioned`
  )
  if (profile.appId) {
    const match =
      profile.appIdMatches === undefined
        ? ''
        : profile.appIdMatches
          ? ' (matches)'
          : ' (does NOT match the bundle id)'
    add('  App id', `${profile.appId}${match}`)
  }
  add('  Platforms', profile.platforms.join(', ') || 'not declared')
  add('  Entitlements', profile.entitlements.join(', ') || 'none')
  add('  Signature', profile.signature)
  for (const certificate of profile.certificates) {
    add(
      '  Certificate',
      `${certificate.commonName ?? certificate.subject}, expires ${formatDate(certificate.notAfter)}`
    )
  }
}

function addIconAndVerdictLines(add: AddLine, info: IpaInfo, verdict: Verdict): void {
  const { icon } = info
  add(
    'Icon',
    icon
      ? `${icon.path} (${icon.width}×${icon.height}${icon.crushed ? ', converted from CgBI' : ''})`
      : info.components.some((component) => component.kind === 'assets')
        ? 'none found outside Assets.car'
        : 'none found'
  )
  add('Verdict', verdict.installable ? 'installable over the air' : 'NOT installable over the air')
  for (const error of verdict.errors) add('  Error', error)
  for (const warning of verdict.warnings) add('  Warning', warning)
}

/**
 * DTXcode as Xcode's About box shows it: "0941" is 9.4.1, "1500" is 15.0 (two digits of major,
 * one of minor, one of patch, the patch left out when 0). Anything else is shown as written.
 */
export function xcodeVersion(dtXcode: string): string {
  const match = /^(\d{2})(\d)(\d)$/.exec(dtXcode)
  if (!match) return dtXcode
  const [, major, minor, patch] = match
  return `${Number(major)}.${minor}${patch === '0' ? '' : `.${patch}`}`
}

/**
 * Control characters from the IPA (escape sequences included) must not reach the terminal, nor
 * invisible format characters (bidi overrides) that make it read differently: both are shown as
 * escapes, so the reader sees they are there. Zero-width joiners stay for emoji (see text.ts).
 */
export function terminalSafe(text: string): string {
  return text.replace(/(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}]/gu, (char) => {
    const code = char.codePointAt(0)!.toString(16)
    return code.length > 4 ? `\\u{${code}}` : `\\u${code.padStart(4, '0')}`
  })
}
