/**
 * A stand-in for the GitHub REST API on 127.0.0.1. Every request is recorded and checked against
 * GitHub's OpenAPI description; tests register handlers per operation and assert `violations` is
 * empty, so our code is tested against real HTTP and real Octokit, with the real request shapes.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkBody, checkParameters, hasOperation, matchRoute } from './github-openapi.js'
import { permits, type Grant } from './github-permissions.js'

export interface RecordedRequest {
  method: string
  /** e.g. /repos/o/r/issues/1/comments (no query). */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** e.g. issues/create-comment; undefined when no route matched. */
  operationId?: string
  /** Path parameters, decoded, e.g. { owner: 'o', repo: 'r', issue_number: '1' }. */
  params: Record<string, string>
  /**
   * Parsed JSON; a Buffer for other bodies (uploads) up to MAX_BUFFERED_BODY bytes; an
   * UploadDigest for larger ones; undefined when there is no body.
   */
  body: unknown
}

/** What is kept of a raw body too large to hold in memory. */
export interface UploadDigest {
  size: number
  /** Hex. */
  sha256: string
}

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}
export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>

export interface GitHubStandIn {
  /** The API root for Octokit's baseUrl, e.g. http://127.0.0.1:1234 (also serves uploads). */
  url: string
  /** Every request, in order. */
  requests: RecordedRequest[]
  /** Requests that do not match the OpenAPI description, one line each. */
  violations: string[]
  /** Operations refused because the token's `permissions` do not cover them, e.g. "pulls/list". */
  refused: string[]
  handle(operationId: string, handler: Handler): void
  close(): Promise<void>
}

export interface StartOptions {
  /** When set, requests without `authorization: token <t>` or `Bearer <t>` get 401. */
  token?: string
  /** Answers instead of the handler when it returns a reply (502s, 403 rate limits…). */
  fault?: (req: RecordedRequest, index: number) => Reply | undefined
  /**
   * The job's `permissions:` as a workflow grants them to GITHUB_TOKEN: an operation they cannot
   * answer gets GitHub's 403 (see github-permissions.ts). Absent: every operation is allowed.
   */
  permissions?: Grant
}

/** Raw bodies up to this size are kept as a Buffer; larger ones (1 GB IPAs) only as a digest. */
export const MAX_BUFFERED_BODY = 8 * 1024 * 1024

const DOCS = 'https://docs.github.com/rest'

export async function startGitHub(options: StartOptions = {}): Promise<GitHubStandIn> {
  const handlers = new Map<string, Handler>()
  const requests: RecordedRequest[] = []
  const violations: string[] = []
  const refused: string[] = []

  const server = createServer((incoming, response) => {
    // Both branches end in a reply, so the chain cannot reject.
    void answer(incoming)
      .catch((error: unknown): Reply => {
        violations.push(`${incoming.method} ${incoming.url}: the stand-in failed: ${String(error)}`)
        return { status: 500, body: { message: String(error) } }
      })
      .then((reply) => {
        const json = reply.body === undefined ? undefined : JSON.stringify(reply.body)
        response.writeHead(reply.status, {
          'x-github-request-id': randomUUID().toUpperCase(),
          ...(json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
          ...reply.headers
        })
        response.end(json)
      })
  })

  async function answer(incoming: IncomingMessage): Promise<Reply> {
    const method = incoming.method ?? 'GET'
    const url = new URL(incoming.url ?? '/', 'http://stand-in')
    const { match, otherMethods } = matchRoute(method, url.pathname)
    const line = `${method} ${url.pathname}`
    const jsonBody = match
      ? match.route.bodyType === 'application/json'
      : /\bjson\b/.test(incoming.headers['content-type'] ?? '')
    const raw = await readBody(incoming, jsonBody)
    const req: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      operationId: match?.route.operationId,
      params: match?.params ?? {},
      body: raw.body
    }
    const index = requests.push(req) - 1

    if (options.token !== undefined && !authorized(incoming.headers, options.token)) {
      return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS } }
    }
    if (!match) {
      violations.push(
        otherMethods.length > 0
          ? `${line}: GitHub has no ${method} on this path (only ${[...new Set(otherMethods)].join(', ')})`
          : `${line}: no such route in GitHub's REST API`
      )
      return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } }
    }
    const where = `${line} (${match.route.operationId})`
    if (raw.invalidJson) {
      violations.push(`${where}: the body is not valid JSON`)
      return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } }
    }
    const problems = [
      ...checkParameters(match, url.searchParams),
      ...checkBody(match.route, req.body)
    ]
    if (problems.length > 0) {
      violations.push(`${where}: ${problems.join('; ')}`)
      return {
        status: 422,
        body: { message: `Invalid request.\n\n${problems.join('\n')}`, documentation_url: DOCS }
      }
    }
    if (options.permissions !== undefined) {
      const allowed = permits(options.permissions, match.route.operationId)
      if (allowed === undefined) violations.push(`${where}: no permission rule in the stand-in`)
      if (allowed !== true) {
        if (allowed !== 'never') refused.push(match.route.operationId)
        return {
          status: 403,
          body: { message: 'Resource not accessible by integration', documentation_url: DOCS }
        }
      }
    }
    const fault = options.fault?.(req, index)
    if (fault) return fault
    const handler = handlers.get(match.route.operationId)
    if (!handler) {
      violations.push(`${where}: no handler registered in the test`)
      return { status: 501, body: { message: `No handler for ${match.route.operationId}` } }
    }
    return handler(req)
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    refused,
    handle(operationId, handler) {
      if (!hasOperation(operationId)) {
        throw new Error(`${operationId} is not an operation of GitHub's REST API`)
      }
      handlers.set(operationId, handler)
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
}

function authorized(headers: IncomingHttpHeaders, token: string): boolean {
  const value = headers.authorization ?? ''
  return value === `token ${token}` || value === `Bearer ${token}`
}

/**
 * Reads the body as it streams: JSON is parsed; raw bytes are hashed and kept only while small,
 * so a 1 GB upload costs no memory.
 */
async function readBody(
  incoming: IncomingMessage,
  json: boolean
): Promise<{ body: unknown; invalidJson?: boolean }> {
  const hash = createHash('sha256')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length
    hash.update(chunk)
    if (json || size <= MAX_BUFFERED_BODY) chunks.push(chunk)
    else chunks.length = 0
  }
  if (size === 0) return { body: undefined }
  if (!json) {
    const digest: UploadDigest = { size, sha256: hash.digest('hex') }
    return { body: size <= MAX_BUFFERED_BODY ? Buffer.concat(chunks) : digest }
  }
  try {
    return { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }
  } catch {
    return { body: Buffer.concat(chunks), invalidJson: true }
  }
}

export { installCommentsFake, type CommentsFake, type FakeComment } from './github-comments.js'
