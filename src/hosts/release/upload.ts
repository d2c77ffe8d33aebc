import type { Readable } from 'node:stream'
import { Readable as NodeReadable } from 'node:stream'
import { HttpClient } from '@actions/http-client'
import { request } from 'undici'
import type { Dispatcher } from 'undici'

/**
 * A fetch for Octokit's asset upload that streams the body with backpressure. Node's fetch keeps
 * every chunk of a streamed request body in memory until the response arrives
 * (nodejs/undici#4058): a 1 GB IPA would cost 1 GB. undici's request() does not. The proxy
 * settings (HTTPS_PROXY, NO_PROXY) are honoured as @actions/github honours them for its fetch.
 */
export const streamingFetch: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input)
  const response = await request(url, {
    method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
    headers: init?.headers as Record<string, string> | undefined,
    body: init?.body as Readable | Buffer | string | null | undefined,
    signal: init?.signal ?? undefined,
    dispatcher: new HttpClient().getAgentDispatcher(url)
  })
  const headers = new Headers()
  for (const [name, value] of Object.entries(response.headers)) {
    for (const each of [value ?? []].flat()) headers.append(name, each)
  }
  const empty = response.statusCode === 204 || response.statusCode === 304
  if (empty) await response.body.dump()
  return new Response(
    empty ? null : (NodeReadable.toWeb(response.body) as ReadableStream<Uint8Array>),
    { status: response.statusCode, headers }
  )
}
