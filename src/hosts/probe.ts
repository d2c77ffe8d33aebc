export type Fetch = typeof fetch

const PROBE_TIMEOUT_MS = 30_000

/** What a URL answered, or why nothing answered (a network error code or message). */
export type ProbeResult = { status: number; location?: string } | { failure: string }

/**
 * HEADs `url` the way iOS's installer fetches it: without following redirects, so a redirect
 * comes back as its own status and location. Never throws; gives up after 30 s.
 */
export async function probe(url: string, fetchFn: Fetch = fetch): Promise<ProbeResult> {
  try {
    const response = await fetchFn(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS)
    })
    const location = response.headers.get('location')
    return location === null ? { status: response.status } : { status: response.status, location }
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return { failure: cause?.code ?? cause?.message ?? String(error) }
  }
}
