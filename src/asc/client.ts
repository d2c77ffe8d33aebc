/**
 * A small App Store Connect API client on fetch: a fresh JWT per request, every page of a list
 * through `links.next`, retries of 429 and 5xx answers with backoff, and Apple's errors as one line.
 */
import { backoffMs, defaultSleep } from '../hosts/backoff.js'
import { UserError } from '../errors.js'
import { isRecord } from '../guards.js'
import { explainAscError } from './errors.js'

export const APPLE_API_URL = 'https://api.appstoreconnect.apple.com'

/** A JSON:API resource as Apple sends it. */
export interface Resource<A = Record<string, unknown>> {
  type: string
  id: string
  attributes: A
}

export type Query = Record<string, string | number | readonly string[] | undefined>

export interface AscClientOptions {
  /** API root, e.g. https://api.appstoreconnect.apple.com (checked by the inputs). */
  baseUrl: string
  /** A valid JWT for each request. */
  token: () => string
  retries?: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** Where retries are logged. */
  log?: (message: string) => void
}

export interface AscClient {
  get<A>(path: string, query?: Query): Promise<Resource<A>>
  /** Every resource of a collection, following `links.next` to the last page. */
  list<A>(path: string, query?: Query): Promise<Resource<A>[]>
  post<A>(path: string, body: unknown): Promise<Resource<A>>
  patch<A>(path: string, body: unknown): Promise<Resource<A>>
  delete(path: string): Promise<void>
}

const MAX_PAGES = 100

type Send = (method: string, url: URL, body?: unknown) => Promise<unknown>

/** The methods share `send` (token, retries, errors) and the API root. */
export function createAscClient(options: AscClientOptions): AscClient {
  const base = new URL(options.baseUrl)
  const send = createSend(options)
  return {
    async get<A>(path: string, query?: Query) {
      return dataOf<A>(await send('GET', urlOf(base, path, query)))
    },
    list: <A>(path: string, query?: Query) => listAll<A>(send, base, path, query),
    async post<A>(path: string, body: unknown) {
      return dataOf<A>(await send('POST', urlOf(base, path), body))
    },
    async patch<A>(path: string, body: unknown) {
      return dataOf<A>(await send('PATCH', urlOf(base, path), body))
    },
    async delete(path: string) {
      await send('DELETE', urlOf(base, path))
    }
  }
}

/** One request with a fresh token, retried on network errors, 429 and 5xx with backoff. */
function createSend(options: AscClientOptions): Send {
  const retries = options.retries ?? 4
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random

  return async function send(method, url, body) {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${options.token()}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' })
        },
        body: body === undefined ? undefined : JSON.stringify(body)
      }).catch((error: unknown) => {
        if (attempt > retries) throw unreachable(url, error)
        return undefined
      })
      if (!response) {
        await sleep(backoffMs(attempt, random))
        continue
      }
      const text = await response.text()
      const parsed = parseJson(text)
      if (response.ok) return parsed
      const retryable = response.status === 429 || response.status >= 500
      if (!retryable || attempt > retries) {
        throw explainAscError(method, url.pathname, response.status, parsed)
      }
      const wait = backoffMs(attempt, random)
      options.log?.(
        `App Store Connect answered ${response.status} to ${method} ${url.pathname}; retrying in ${wait} ms.`
      )
      await sleep(wait)
    }
  }
}

function unreachable(url: URL, error: unknown): UserError {
  const { cause } = error as { cause?: { code?: string; message?: string } }
  const why = cause?.code ?? cause?.message ?? String(error)
  return new UserError(
    `App Store Connect at ${url.origin} cannot be reached (${why}): check asc-api-url and the runner's network.`
  )
}

function urlOf(base: URL, path: string, query: Query = {}): URL {
  const url = new URL(path, base)
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue
    // Apple's arrays are comma-separated (OpenAPI style: form, explode: false).
    url.searchParams.set(name, Array.isArray(value) ? value.join(',') : String(value))
  }
  return url
}

async function listAll<A>(
  send: Send,
  base: URL,
  path: string,
  query?: Query
): Promise<Resource<A>[]> {
  const all: Resource<A>[] = []
  let next: URL | undefined = urlOf(base, path, { limit: 200, ...query })
  for (let page = 0; next; page++) {
    if (page === MAX_PAGES) throw new Error(`${path} has more than ${MAX_PAGES} pages`)
    const body = await send('GET', next)
    const data = isRecord(body) && Array.isArray(body.data) ? body.data : []
    all.push(...(data as Resource<A>[]))
    next = nextPage(body, base)
  }
  return all
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function dataOf<A>(body: unknown): Resource<A> {
  if (!isRecord(body) || !isRecord(body.data)) {
    throw new Error('App Store Connect sent an answer without a data object')
  }
  return body.data as unknown as Resource<A>
}

/** `links.next`, only on the API's own origin: the token must never go anywhere else. */
function nextPage(body: unknown, base: URL): URL | undefined {
  const links = isRecord(body) && isRecord(body.links) ? body.links : {}
  if (typeof links.next !== 'string') return undefined
  const next = new URL(links.next, base)
  if (next.origin !== base.origin) {
    throw new Error(`App Store Connect's next page ${next.origin} is not on ${base.origin}`)
  }
  return next
}
