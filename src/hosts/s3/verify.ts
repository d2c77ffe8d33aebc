import { UserError } from '../../errors.js'

import { probe } from '../probe.js'
import type { Fetch } from '../probe.js'

/**
 * HEADs each URL the way iOS's installer fetches it (no redirect following) and throws a UserError
 * listing every URL that does not answer 200. The caller decides which URLs; this check does not
 * require https so tests can point it at a loopback http server (the host requires an https
 * public base URL on its own).
 */
export async function verifyPublicUrls(urls: string[], fetchFn: Fetch = fetch): Promise<void> {
  const problems = (await Promise.all(urls.map((url) => problem(url, fetchFn)))).filter(
    (problem): problem is string => problem !== undefined
  )
  if (problems.length === 0) return
  throw new UserError(
    `iOS cannot install this build: ${problems.join('; ')}. The installer does not follow redirects, so the manifest and IPA URLs must answer 200 over https with a trusted certificate: make the objects publicly readable (bucket policy, s3-acl: public-read or a CDN) and set public-base-url to the address that serves them directly.`
  )
}

async function problem(url: string, fetchFn: Fetch): Promise<string | undefined> {
  const result = await probe(url, fetchFn)
  if ('failure' in result) return `${url} could not be fetched (${result.failure})`
  if (result.status === 200) return undefined
  return result.location
    ? `${url} answered ${result.status} redirecting to ${result.location}`
    : `${url} answered ${result.status}`
}
