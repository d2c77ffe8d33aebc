/**
 * Where a build's files go and what points at them: the folder's file names and public URLs, its
 * build.json record and its manifest (the first steps of prepareSite in site.ts).
 */
import type { IpaInfo } from '../ipa/types.js'
import { cleanStrings } from '../text.js'
import { buildFacts } from './facts.js'
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
import type { SiteOptions } from './site.js'
import type { BuildRecord, BuildUrls } from './types.js'

/** The fixed file names of a build folder (the IPA's name comes from the app name). */
export const BUILD_FILES = {
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

/** Where a build's files go: what the steps of prepareSite share. */
export interface BuildPlace {
  channel: string
  buildId: string
  dir: string
  ipaName: string
  /** The site path of a file of the build folder. */
  at: (name: string) => string
  /** The public URL of a file of the build folder, checked for https. */
  urlOf: (name: string) => string
}

export function buildPlace(info: IpaInfo, options: SiteOptions): BuildPlace {
  const channel = channelSlug(options.channel)
  const buildId = options.unlisted ? unlistedBuildId(options.buildId) : buildIdSlug(options.buildId)
  const dir = buildDir(options.root, channel, buildId)
  const at = (name: string) => sitePath(dir, name)
  const urlOf = (name: string) => assertPublicHttpsUrl(options.urlFor(at(name)), 'published build')
  return { channel, buildId, dir, ipaName: ipaFileName(info.app.name), at, urlOf }
}

export function buildUrls(place: BuildPlace, options: SiteOptions, hasIcon: boolean): BuildUrls {
  const { urlOf } = place
  const manifestUrl = urlOf(BUILD_FILES.manifest)
  return {
    page: urlOf(BUILD_FILES.page),
    manifest: manifestUrl,
    ipa: urlOf(place.ipaName),
    qr: urlOf(BUILD_FILES.qrPng),
    qrSvg: urlOf(BUILD_FILES.qrSvg),
    ...(hasIcon ? { icon: urlOf(BUILD_FILES.icon) } : {}),
    buildJson: urlOf(BUILD_FILES.buildJson),
    install: installLink(manifestUrl),
    // The channel page never shows an unlisted build, so it is no "latest" link for it.
    ...(!options.unlisted && {
      channel: assertPublicHttpsUrl(
        options.urlFor(sitePath(channelDir(options.root, place.channel), 'index.html')),
        'channel index'
      )
    })
  }
}

export function buildRecord(
  info: IpaInfo,
  options: SiteOptions,
  place: BuildPlace,
  title: string,
  urls: BuildUrls
): Omit<BuildRecord, 'size'> {
  const notes = options.notes?.trim() ? options.notes : undefined
  // Cleaned once here, so build.json and every page and comment made from it hold the same text.
  return cleanStrings({
    schema: 1,
    channel: place.channel,
    buildId: place.buildId,
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
}

export function manifestBytes(
  info: IpaInfo,
  place: BuildPlace,
  urls: BuildUrls,
  title: string,
  hasIcon: boolean
): Buffer {
  const { app } = info
  const manifest = renderManifest({
    ipaUrl: urls.ipa,
    ...(hasIcon
      ? {
          displayImageUrl: place.urlOf(BUILD_FILES.displayImage),
          fullSizeImageUrl: place.urlOf(BUILD_FILES.fullSizeImage)
        }
      : {}),
    bundleId: app.bundleId,
    version: app.version,
    title,
    subtitle: `${app.version} (${app.build})`
  })
  return Buffer.from(manifest, 'utf8')
}
