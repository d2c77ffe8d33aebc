import { UserError } from './errors.js'

/**
 * Validates and normalises the https address a site is served from (the base-url and
 * public-base-url inputs, the CLI's --base-url). `label` names the setting in errors, e.g.
 * `Input base-url` or `--base-url`. Every build URL is this address plus a path, so a query or
 * fragment would end up in the middle of each link, credentials would be published, and a loopback
 * host is one no phone can reach.
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
  if (isLoopback(url.hostname)) {
    throw new UserError(
      `${label} is "${value}": that address is the computer itself, which no iPhone or iPad can reach; give the https address the site will be served from, e.g. a host name on your network with a trusted certificate or an https tunnel to this computer.`
    )
  }
  return url.href
}

/** localhost (and its subdomains, RFC 6761), 127.0.0.0/8, ::1 and 0.0.0.0: the machine itself. */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '[::]' ||
    host.startsWith('[::ffff:7f')
  )
}
