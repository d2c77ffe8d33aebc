import type { IpaInfo } from '../ipa/types.js'
import { iconFiles, type IconFiles } from './icons.js'
import {
  buildDir,
  buildIdSlug,
  channelDir,
  channelSlug,
  ipaFileName,
  sitePath,
  unlistedBuildId
} from './layout.js'
import { assertPublicHttpsUrl, installLink, renderManifest } from './manifest.js'
import { renderPage } from './page.js'
import { renderQr, type QrTarget } from './qr.js'
import type { BuildRecord, BuildSite, BuildUrls, SiteFile, SourceInfo } from './types.js'
import { changesSince, type BuildChanges } from './compare.js'
import { buildFacts } from './facts.js'
import type { DeviceCheck } from './devices.js'
import { renderPageChanges } from './page-changes.js'
import { cleanStrings } from '../text.js'

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

/** The fixed file names of a build folder (the IPA's name comes from the app name). */
const BUILD_FILES = {
  page: 'index.html',
  manifest: 'manifest.plist',
  manifestXml: 'manifest.xml',
  qrPng: 'qr.png',
  qrSvg: 'qr.svg',
  icon: 'icon.png',
  displayImage: 'icon-57.png',
  fullSizeImage: 'icon-512.png',
  buildJson: 'build.json'
} as const

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

/** Everything of the build's site that does not depend on the other builds (icons, QR code). */
export async function prepareSite(info: IpaInfo, options: SiteOptions): Promise<PreparedSite> {
  const channel = channelSlug(options.channel)
  const buildId = options.unlisted ? unlistedBuildId(options.buildId) : buildIdSlug(options.buildId)
  const dir = buildDir(options.root, channel, buildId)
  const ipaName = ipaFileName(info.app.name)
  const urlOf = (name: string) =>
    assertPublicHttpsUrl(options.urlFor(sitePath(dir, name)), 'published build')

  const icons = tryIconFiles(info, options.warn ?? (() => {}))
  const manifestUrl = urlOf(BUILD_FILES.manifest)
  const urls: BuildUrls = {
    page: urlOf(BUILD_FILES.page),
    manifest: manifestUrl,
    ipa: urlOf(ipaName),
    qr: urlOf(BUILD_FILES.qrPng),
    qrSvg: urlOf(BUILD_FILES.qrSvg),
    ...(icons === undefined ? {} : { icon: urlOf(BUILD_FILES.icon) }),
    buildJson: urlOf(BUILD_FILES.buildJson),
    install: installLink(manifestUrl),
    // The channel page never shows an unlisted build, so it is no "latest" link for it.
    ...(!options.unlisted && {
      channel: assertPublicHttpsUrl(
        options.urlFor(sitePath(channelDir(options.root, channel), 'index.html')),
        'channel index'
      )
    })
  }

  const title = options.title?.trim() || info.app.name
  const notes = options.notes?.trim() ? options.notes : undefined
  const { app } = info
  // Cleaned once here, so build.json and every page and comment made from it hold the same text.
  const record: Omit<BuildRecord, 'size'> = cleanStrings({
    schema: 1,
    channel,
    buildId,
    createdAt: options.now.toISOString(),
    ...buildFacts(info, title),
    ...(notes === undefined ? {} : { notes }),
    ...(options.blockers?.length ? { blockers: [...options.blockers] } : {}),
    // The run and its attempt order builds everywhere (order.ts): a run id is never without one.
    source:
      options.source.runId === undefined || options.source.runAttempt !== undefined
        ? options.source
        : { ...options.source, runAttempt: 1 },
    urls,
    ...(options.unlisted && { unlisted: true as const })
  })

  const manifest = Buffer.from(
    renderManifest({
      ipaUrl: urls.ipa,
      ...(icons === undefined
        ? {}
        : {
            displayImageUrl: urlOf(BUILD_FILES.displayImage),
            fullSizeImageUrl: urlOf(BUILD_FILES.fullSizeImage)
          }),
      bundleId: app.bundleId,
      version: app.version,
      title,
      subtitle: `${app.version} (${app.build})`
    }),
    'utf8'
  )
  const qr = await renderQr(options.qr === 'page' ? urls.page : urls.install)

  const at = (name: string) => sitePath(dir, name)
  const files: SiteFile[] = [
    {
      path: at(ipaName),
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

  const assemble = (current: readonly BuildRecord[]) => {
    const changes =
      options.compareWith === undefined
        ? undefined
        : changesSince(current, record, channelSlug(options.compareWith))
    const page = renderPage({
      record,
      title,
      hasIcon: icons !== undefined,
      files: { qrImage: BUILD_FILES.qrSvg, ipa: ipaName, manifest: BUILD_FILES.manifest },
      qr: options.qr,
      extra: renderPageChanges({
        changes,
        devices: options.devices,
        profile: record.profile,
        now: options.now
      })
    })
    const all = [
      ...files,
      file(at(BUILD_FILES.page), Buffer.from(page, 'utf8'), 'text/html; charset=utf-8')
    ]
    const otherBytes = all.reduce((sum, each) => sum + each.size, 0)
    const buildJson = settleBuildJson(record, otherBytes)
    all.splice(all.length - 1, 0, file(at(BUILD_FILES.buildJson), buildJson, 'application/json'))
    const site = { dir, record: { ...record, size: otherBytes + buildJson.length }, files: all }
    return { site, ...(changes === undefined ? {} : { changes }) }
  }
  return { dir, record, assemble }
}
