import { UserError } from '../errors.js'

export type Fetch = typeof fetch

const PROBE_TIMEOUT_MS = 30_000

/**
 * HEADs each URL the way iOS's installer fetches it (no redirect following) and throws a UserError
 * listing every URL that does not answer 200. The caller decides which URLs; this check does not
 * require https so tests can point it at a loopback http server (the host requires an https
 * public base URL on its own).
 */
export async function verifyPublicUrls(urls: string[], fetchFn: Fetch = fetch): Promise<void> {
  const problems = (await Promise.all(urls.map((url) => probe(url, fetchFn)))).filter(
    (problem): problem is string => problem !== undefined
  )
  if (problems.length === 0) return
  throw new UserError(
    `iOS cannot install this build: ${problems.join('; ')}. The installer does not follow redirects, so the manifest and IPA URLs must answer 200 over https with a trusted certificate: make the objects publicly readable (bucket policy, s3-acl: public-read or a CDN) and set public-base-url to the address that serves them directly.`
  )
}

async function probe(url: string, fetchFn: Fetch): Promise<string | undefined> {
  let response: Response
  try {
    response = await fetchFn(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS)
    })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return `${url} could not be fetched (${cause?.code ?? cause?.message ?? String(error)})`
  }
  if (response.status === 200) return undefined
  const location = response.headers.get('location')
  return location
    ? `${url} answered ${response.status} redirecting to ${location}`
    : `${url} answered ${response.status}`
}
