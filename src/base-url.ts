import { UserError } from './errors.js'

/**
 * Validates and normalises the https address a site is served from (the base-url and
 * public-base-url inputs, the CLI's --base-url). `label` names the setting in errors, e.g.
 * `Input base-url` or `--base-url`. Every build URL is this address plus a path, so a query or
 * fragment would end up in the middle of each link, and credentials would be published.
 */
export function parseBaseUrl(label: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UserError(`${label} is "${value}", which is not a URL: give an https:// address.`)
  }
  if (url.protocol !== 'https:') {
    throw new UserError(
      `${label} is "${value}": iOS installs only over https with a trusted certificate, so give an https:// address.`
    )
  }
  // The raw text is checked too: new URL drops an empty "?" or "#".
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
    throw new UserError(
      `${label} is "${value}": a query or fragment would end up inside every build link; give the address of the site's folder only, e.g. ${url.origin}${url.pathname}.`
    )
  }
  if (url.username !== '' || url.password !== '') {
    throw new UserError(
      `${label} contains a user name or password, which would be published in every link: give the address without them.`
    )
  }
  return url.href
}
