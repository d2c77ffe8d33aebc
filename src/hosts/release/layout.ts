import { UserError } from '../../errors.js'

/** Where a site path lives on GitHub Releases. */
export type ReleasePlace =
  /** A file of a build folder: an asset of the build's release. */
  | { kind: 'asset'; channel: string; buildId: string; file: string; tag: string; asset: string }
  /** A build folder: a group of assets sharing the build id prefix. */
  | { kind: 'build'; channel: string; buildId: string; tag: string }
  /** A channel folder or its index page. */
  | { kind: 'channel'; channel: string }
  /** The site folder itself or its index page. */
  | { kind: 'root' }

export interface ReleaseLayout {
  /** `path` input: the site folder, e.g. "ota". */
  path: string
  /** `release-tag` input, e.g. "ota-{channel}". */
  tagTemplate: string
}

const PLACEHOLDER = /\{(channel|build-id)\}/g
/** Channels and build ids are slugs (see ota/layout.ts). */
const SLUG = '[a-z0-9._-]+'

/** The release tag of a build: the template with {channel} and {build-id} replaced. */
export function releaseTag(template: string, channel: string, buildId: string): string {
  const tag = template.replace(PLACEHOLDER, (_, name: string) =>
    name === 'channel' ? channel : buildId
  )
  // git check-ref-format's rules, restricted to what is also safe in a download URL.
  if (
    !/^[A-Za-z0-9._/-]+$/.test(tag) ||
    /\.\.|\/\/|^[/.-]|[/.]$|\.lock$|\/\./.test(tag) ||
    /[{}]/.test(template.replace(PLACEHOLDER, ''))
  ) {
    throw new UserError(
      `Input release-tag "${template}" does not make a valid tag ("${tag}"): use letters, digits, ".", "-", "_" and "/" with the placeholders {channel} and {build-id}, e.g. ota-{channel}.`
    )
  }
  return tag
}

/** Which tags the template can produce, with the channel and build id they hold, if any. */
export function parseReleaseTag(
  template: string,
  tag: string
): { channel?: string; buildId?: string } | undefined {
  const parts = template.split(PLACEHOLDER)
  // split() with a capture group alternates literal text and placeholder names.
  const pattern = parts
    .map((part, index) =>
      index % 2 === 0
        ? part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
        : `(?<${part === 'channel' ? 'channel' : 'buildId'}>${SLUG})`
    )
    .join('')
  let match: RegExpExecArray | null
  try {
    match = new RegExp(`^${pattern}$`).exec(tag)
  } catch {
    // A placeholder used twice makes a duplicate group name: only a literal match can be ours.
    return template === tag ? {} : undefined
  }
  return match ? { ...match.groups } : undefined
}

/**
 * The asset name of a build file. Assets are flat, so the build id prefixes the name and several
 * builds share a release; GitHub renames other characters itself, so they are replaced here to
 * keep the URL we announce equal to the one GitHub serves.
 */
export function assetName(buildId: string, file: string): string {
  return `${buildId}-${file}`.replace(/[^A-Za-z0-9._-]/g, '.')
}

/** Places a site path such as "ota/pr-1/7-1/manifest.plist" on the releases. */
export function releasePlace(layout: ReleaseLayout, sitePath: string): ReleasePlace {
  const root = layout.path.split('/').filter(Boolean)
  const parts = sitePath.split('/').filter(Boolean)
  if (root.some((segment, index) => parts[index] !== segment)) {
    throw new Error(`Site path "${sitePath}" is outside the site folder "${layout.path}"`)
  }
  const relative = parts.slice(root.length)
  const [channel, buildId, ...rest] = relative
  if (channel === undefined || relative.join('/') === 'index.html') return { kind: 'root' }
  if (buildId === undefined || (relative.length === 2 && buildId === 'index.html')) {
    return { kind: 'channel', channel }
  }
  const tag = releaseTag(layout.tagTemplate, channel, buildId)
  if (rest.length === 0) return { kind: 'build', channel, buildId, tag }
  const file = rest.join('/')
  return { kind: 'asset', channel, buildId, file, tag, asset: assetName(buildId, file) }
}

/**
 * The public URL of a site path: build files are release downloads; HTML (which a release would
 * serve only as a download) and folders point at the release page or the list of releases.
 */
export function releaseUrl(
  layout: ReleaseLayout & { serverUrl: string; owner: string; repo: string },
  sitePath: string
): string {
  const repository = `${layout.serverUrl.replace(/\/$/, '')}/${encodeURIComponent(layout.owner)}/${encodeURIComponent(layout.repo)}`
  const tagPath = (tag: string) => tag.split('/').map(encodeURIComponent).join('/')
  const place = releasePlace(layout, sitePath)
  switch (place.kind) {
    case 'asset':
      return place.file.endsWith('.html')
        ? `${repository}/releases/tag/${tagPath(place.tag)}`
        : `${repository}/releases/download/${tagPath(place.tag)}/${encodeURIComponent(place.asset)}`
    case 'build':
      return `${repository}/releases/tag/${tagPath(place.tag)}`
    case 'channel':
      // One release per channel has a page; per-build releases are found in the list.
      return layout.tagTemplate.includes('{build-id}')
        ? `${repository}/releases`
        : `${repository}/releases/tag/${tagPath(releaseTag(layout.tagTemplate, place.channel, ''))}`
    case 'root':
      return `${repository}/releases`
  }
}
