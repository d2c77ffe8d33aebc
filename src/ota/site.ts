import type { IpaInfo } from '../ipa/types.js'
import { iconFiles, type IconFiles } from './icons.js'
import {
  BUILD_FILES,
  buildPlace,
  buildRecord,
  buildUrls,
  manifestBytes,
  type BuildPlace
} from './build-folder.js'
import { channelSlug } from './layout.js'
import { renderPage } from './page.js'
import { renderQr, type QrFiles, type QrTarget } from './qr.js'
import type { BuildRecord, BuildSite, SiteFile, SourceInfo } from './types.js'
import { changesSince, type BuildChanges } from './compare.js'
import type { DeviceCheck } from './devices.js'
import { renderPageChanges } from './page-changes.js'

export interface SiteOptions {
  /** The public URL of a site path; the host's answer, checked here for https. */
  urlFor: (sitePath: string) => string
  /** The `path` input, e.g. "ota". */
  root: string
  channel: string
  buildId: string
  source: SourceInfo
  /** Shown instead of the app name. */
  title?: string
  /** Release notes, plain text. */
  notes?: string
  /** What the QR code encodes: the install page URL, or the itms-services link itself. */
  qr: QrTarget
  now: Date
  /** Why no device can install the build (profile-check: warn): shown instead of Install. */
  blockers?: readonly string[]
  /** Where to report a problem that does not stop publishing (the action: core.warning). */
  warn?: (message: string) => void
  /** The channel whose newest build this one is compared with; absent: no comparison. */
  compareWith?: string
  /** Which devices of the devices-file list the profile provisions, for the page. */
  devices?: DeviceCheck
  /** Publish in no index, with a random part added to the build id (see unlistedBuildId). */
  unlisted?: boolean
}

/** A build's site before the builds already on the site are known. */
export interface PreparedSite {
  dir: string
  record: Omit<BuildRecord, 'size'>
  /**
   * The files, with the changes since the base build found in `current` on the page. Pure and
   * synchronous, so a host that loses a race can assemble again on the fresh state.
   */
  assemble(current: readonly BuildRecord[]): { site: BuildSite; changes?: BuildChanges }
}

function file(path: string, content: Buffer, contentType: string): SiteFile {
  return { path, content, size: content.length, contentType, immutable: true }
}

/** An icon that will not decode must not stop the build from being published. */
function tryIconFiles(info: IpaInfo, warn: (message: string) => void): IconFiles | undefined {
  if (info.icon === undefined) return undefined
  try {
    return iconFiles(info.icon.png)
  } catch (error) {
    warn(
      `The app icon ${info.icon.path} is not a PNG that can be resized (${error instanceof Error ? error.message : String(error)}), so the build is published without an icon.`
    )
    return undefined
  }
}

/**
 * build.json holds the folder's total size, its own bytes included; the number's length changes
 * those bytes, so settle on a size that counts itself.
 */
function settleBuildJson(record: Omit<BuildRecord, 'size'>, otherBytes: number): Buffer {
  let size = otherBytes
  for (;;) {
    const json = Buffer.from(`${JSON.stringify({ ...record, size }, null, 2)}\n`, 'utf8')
    if (otherBytes + json.length === size) return json
    size = otherBytes + json.length
  }
}

/**
 * Every file of one build's folder (the IPA by reference, the rest in memory) and its build.json
 * record. Files come in upload order: the IPA and images before the manifest and page that point
 * at them.
 */
export async function buildSite(info: IpaInfo, options: SiteOptions): Promise<BuildSite> {
  return (await prepareSite(info, options)).assemble([]).site
}

/** The files that do not depend on the other builds, in upload order: the IPA and images first. */
function fixedFiles(
  info: IpaInfo,
  place: BuildPlace,
  icons: IconFiles | undefined,
  qr: QrFiles,
  manifest: Buffer
): SiteFile[] {
  const { at } = place
  const files: SiteFile[] = [
    {
      path: at(place.ipaName),
      content: { file: info.file.path },
      size: info.file.size,
      contentType: 'application/octet-stream',
      immutable: true
    }
  ]
  if (icons !== undefined) {
    files.push(
      file(at(BUILD_FILES.icon), icons.original, 'image/png'),
      file(at(BUILD_FILES.displayImage), icons.display, 'image/png'),
      file(at(BUILD_FILES.fullSizeImage), icons.fullSize, 'image/png')
    )
  }
  files.push(
    file(at(BUILD_FILES.qrPng), qr.png, 'image/png'),
    file(at(BUILD_FILES.qrSvg), Buffer.from(qr.svg, 'utf8'), 'image/svg+xml'),
    file(at(BUILD_FILES.manifest), manifest, 'application/xml'),
    file(at(BUILD_FILES.manifestXml), manifest, 'application/xml')
  )
  return files
}

/** What assembleSite needs of the prepared build besides the builds already on the site. */
interface Prepared {
  place: BuildPlace
  record: Omit<BuildRecord, 'size'>
  title: string
  hasIcon: boolean
  files: readonly SiteFile[]
}

/** The page (with the changes since the base build in `current`) and build.json, added. */
function assembleSite(
  prepared: Prepared,
  options: SiteOptions,
  current: readonly BuildRecord[]
): { site: BuildSite; changes?: BuildChanges } {
  const { place, record } = prepared
  const changes =
    options.compareWith === undefined
      ? undefined
      : changesSince(current, record, channelSlug(options.compareWith))
  const page = renderPage({
    record,
    title: prepared.title,
    hasIcon: prepared.hasIcon,
    files: { qrImage: BUILD_FILES.qrSvg, ipa: place.ipaName, manifest: BUILD_FILES.manifest },
    qr: options.qr,
    extra: renderPageChanges({
      changes,
      devices: options.devices,
      profile: record.profile,
      now: options.now
    })
  })
  const all = [
    ...prepared.files,
    file(place.at(BUILD_FILES.page), Buffer.from(page, 'utf8'), 'text/html; charset=utf-8')
  ]
  const otherBytes = all.reduce((sum, each) => sum + each.size, 0)
  const buildJson = settleBuildJson(record, otherBytes)
  all.splice(
    all.length - 1,
    0,
    file(place.at(BUILD_FILES.buildJson), buildJson, 'application/json')
  )
  const site = {
    dir: place.dir,
    record: { ...record, size: otherBytes + buildJson.length },
    files: all
  }
  return { site, ...(changes === undefined ? {} : { changes }) }
}

/** Everything of the build's site that does not depend on the other builds (icons, QR code). */
export async function prepareSite(info: IpaInfo, options: SiteOptions): Promise<PreparedSite> {
  const place = buildPlace(info, options)
  const icons = tryIconFiles(info, options.warn ?? (() => {}))
  const hasIcon = icons !== undefined
  const urls = buildUrls(place, options, hasIcon)
  const title = options.title?.trim() || info.app.name
  const record = buildRecord(info, options, place, title, urls)
  const manifest = manifestBytes(info, place, urls, title, hasIcon)
  const qr = await renderQr(options.qr === 'page' ? urls.page : urls.install)
  const files = fixedFiles(info, place, icons, qr, manifest)
  const prepared: Prepared = { place, record, title, hasIcon, files }
  return {
    dir: place.dir,
    record,
    assemble: (current) => assembleSite(prepared, options, current)
  }
}
