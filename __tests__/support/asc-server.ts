/**
 * A stand-in App Store Connect API on 127.0.0.1. Every request is checked against Apple's OpenAPI
 * description (asc-openapi.ts) and the JWT rules, then answered by a small model of a team
 * (asc-team.ts). Problems land in `violations`; tests assert it is empty.
 */
import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkAscBody, checkAscQuery, matchAscRoute } from './asc-openapi.js'
import { createTeam, type Team, type TeamRequest, type TeamReply } from './asc-team.js'

export const KEY_ID = 'TESTKEY123'
export const ISSUER_ID = '69a6de7e-0000-47e3-e053-5b8c7c11a4d1'

export interface AscStandIn {
  url: string
  /** The .p8 text of the team's API key. */
  privateKey: string
  team: Team
  /** Every request as `METHOD /path?query`, in order. */
  requests: string[]
  violations: string[]
  /** Why each 401 was given. */
  refusals: string[]
  /** Answer the next request (after the checks) with one 429, as Apple's rate limit does. */
  rateLimitNext(): void
  /** Answer the next request (after the checks) with this error instead. */
  failNext(status: number, code: string, detail?: string): void
  close(): Promise<void>
}

const error = (status: number, code: string, title: string, detail?: string): TeamReply => ({
  status,
  body: { errors: [{ id: `${status}-${code}`, status: String(status), code, title, detail }] }
})

/** One function on purpose: the request handler shares the recorded state with the returned object. */
export async function startAsc(): Promise<AscStandIn> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const requests: string[] = []
  const violations: string[] = []
  const refusals: string[] = []
  let nextFault: TeamReply | undefined
  let url = ''
  const team = await createTeam(() => url)

  async function answer(incoming: IncomingMessage): Promise<TeamReply> {
    const method = incoming.method ?? 'GET'
    const target = new URL(incoming.url ?? '/', 'http://stand-in')
    requests.push(`${method} ${target.pathname}${target.search}`)
    const line = `${method} ${target.pathname}`
    const problem = checkToken(incoming.headers.authorization, publicKey)
    if (problem) {
      refusals.push(`${line}: ${problem}`)
      return error(
        401,
        'NOT_AUTHORIZED',
        'Authentication credentials are missing or invalid.',
        problem
      )
    }
    const match = matchAscRoute(method, target.pathname)
    if (typeof match === 'string') {
      violations.push(`${line}: ${match}`)
      return error(404, 'NOT_FOUND', 'The specified resource does not exist')
    }
    const text = await readText(incoming)
    let body: unknown
    try {
      body = text === '' ? undefined : JSON.parse(text)
    } catch {
      violations.push(`${line}: the body is not JSON`)
      return error(400, 'PARAMETER_ERROR.INVALID', 'A parameter has an invalid value')
    }
    const problems = [...checkAscQuery(match, target.searchParams), ...checkAscBody(match, body)]
    if (problems.length > 0) {
      violations.push(`${line} (${match.route.operationId}): ${problems.join('; ')}`)
      return error(400, 'PARAMETER_ERROR.INVALID', 'A parameter has an invalid value', problems[0])
    }
    const fault = nextFault
    nextFault = undefined
    if (fault) return fault
    const request: TeamRequest = {
      operationId: match.route.operationId,
      params: match.params,
      query: target.searchParams,
      path: target.pathname,
      body
    }
    const handled = await team.handle(request)
    if (!handled)
      violations.push(`${line}: the stand-in has no handler for ${match.route.operationId}`)
    return handled ?? error(501, 'NOT_IMPLEMENTED', 'Not in the stand-in')
  }

  const server = createServer((incoming, response) => {
    void answer(incoming)
      .catch((e: unknown): TeamReply => {
        violations.push(`${incoming.method} ${incoming.url}: the stand-in failed: ${String(e)}`)
        return error(500, 'UNEXPECTED_ERROR', String(e))
      })
      .then((reply) => {
        const json = reply.body === undefined ? undefined : JSON.stringify(reply.body)
        response.writeHead(reply.status, json ? { 'content-type': 'application/json' } : {})
        response.end(json)
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    team,
    requests,
    violations,
    refusals,
    rateLimitNext: () => {
      nextFault = error(429, 'RATE_LIMIT_EXCEEDED', 'The request rate limit has been reached.')
    },
    failNext: (status, code, detail) => {
      nextFault = error(status, code, 'An error occurred', detail)
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()))
        server.closeAllConnections()
      })
  }
}

/** Apple's rules for the bearer token; a problem as text, or undefined when it is valid. */
export function checkToken(
  authorization: string | undefined,
  publicKey: KeyObject,
  nowS = Math.floor(Date.now() / 1000)
): string | undefined {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1]
  if (!token) return 'no bearer token'
  const [h = '', p = '', s = ''] = token.split('.')
  let header: Record<string, unknown>
  let payload: Record<string, unknown>
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>
    payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>
  } catch {
    return 'the token is not a JWT'
  }
  if (header.alg !== 'ES256') return `alg is ${String(header.alg)}, not ES256`
  if (header.kid !== KEY_ID) return `kid is ${String(header.kid)}, not the key's id`
  const signature = Buffer.from(s, 'base64url')
  const data = Buffer.from(`${h}.${p}`)
  if (!verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)) {
    return 'the ES256 signature does not verify with the key'
  }
  if (payload.iss !== ISSUER_ID) return `iss is ${String(payload.iss)}, not the issuer id`
  if (payload.aud !== 'appstoreconnect-v1') return `aud is ${String(payload.aud)}`
  const { iat, exp } = payload
  if (typeof exp !== 'number') return 'no exp'
  if (typeof iat === 'number' && exp - iat > 1200) return `lives ${exp - iat} s, over 1200 s`
  if (exp - nowS > 1200) return 'exp is more than 1200 s away'
  if (exp <= nowS) return 'the token has expired'
  return undefined
}

async function readText(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}
