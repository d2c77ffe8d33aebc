import { build } from 'plist'
import { UserError } from '../errors.js'
import { clean } from '../text.js'

export interface ManifestInput {
  ipaUrl: string
  /** 57×57 PNG shown while installing. */
  displayImageUrl?: string
  /** 512×512 PNG. */
  fullSizeImageUrl?: string
  bundleId: string
  version: string
  title: string
  subtitle?: string
}

/**
 * iOS only installs over HTTPS, and a URL with a user name or password in it would publish that
 * secret in the manifest, the page and the PR comment.
 */
export function assertPublicHttpsUrl(url: string, what: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UserError(
      `The ${what} URL is not a valid absolute URL; the host must serve the build at an absolute https:// URL.`
    )
  }
  if (parsed.protocol !== 'https:') {
    throw new UserError(
      `The ${what} URL "${parsed.origin}${parsed.pathname}" is not https://; iOS installs only over HTTPS, so serve the site over HTTPS.`
    )
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new UserError(
      `The ${what} URL holds a user name or password; remove the credentials from the site URL.`
    )
  }
  return url
}

// XML 1.0 cannot carry control characters or lone surrogates, and plist's builder throws on them.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Removes the characters XML 1.0 cannot hold (control characters, lone surrogates). */
function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '')
}

/** The OTA manifest (manifest.plist) that `itms-services` downloads. */
export function renderManifest(input: ManifestInput): string {
  const assets: Record<string, string>[] = [
    { kind: 'software-package', url: assertPublicHttpsUrl(input.ipaUrl, 'IPA') }
  ]
  if (input.displayImageUrl !== undefined) {
    assets.push({
      kind: 'display-image',
      url: assertPublicHttpsUrl(input.displayImageUrl, 'display image')
    })
  }
  if (input.fullSizeImageUrl !== undefined) {
    assets.push({
      kind: 'full-size-image',
      url: assertPublicHttpsUrl(input.fullSizeImageUrl, 'full-size image')
    })
  }
  const metadata: Record<string, string> = {
    'bundle-identifier': xmlSafe(input.bundleId),
    'bundle-version': xmlSafe(input.version),
    kind: 'software',
    // iOS shows the title (and subtitle) in its install prompt: no bidi control may reorder it.
    title: xmlSafe(clean(input.title))
  }
  if (input.subtitle !== undefined) metadata.subtitle = xmlSafe(clean(input.subtitle))
  return build({ items: [{ assets, metadata }] })
}

/** `itms-services://?action=download-manifest&url=<manifest URL, percent-encoded>`. */
export function installLink(manifestUrl: string): string {
  const url = assertPublicHttpsUrl(manifestUrl, 'manifest')
  return `itms-services://?action=download-manifest&url=${encodeURIComponent(url)}`
}
