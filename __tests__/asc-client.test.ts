/**
 * The App Store Connect client and token against the stand-in, and the stand-in's own checks:
 * a check that cannot fail would let any request through.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAscClient } from '../src/asc/client.js'
import { readP8, signToken, tokenSource, TOKEN_LIFETIME_S } from '../src/asc/jwt.js'
import { UserError } from '../src/errors.js'
import { clientFor } from './support/asc-client.js'
import { ascCorpus } from './support/asc-openapi.js'
import { checkToken, ISSUER_ID, KEY_ID, startAsc, type AscStandIn } from './support/asc-server.js'

const key = (privateKey: string) => ({ keyId: KEY_ID, issuerId: ISSUER_ID, privateKey })
const pair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
const pem = (k: KeyObject) => k.export({ type: 'pkcs8', format: 'pem' }).toString()

describe('the token', () => {
  const { privateKey, publicKey } = pair()
  const now = 1_800_000_000
  const bearer = (token: string) => `Bearer ${token}`
  /** A token with a header or payload changed, signed properly with the key. */
  const forged = (header: object, payload: object) => {
    const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')
    const h = part({ alg: 'ES256', kid: KEY_ID, typ: 'JWT', ...header })
    const p = part({
      iss: ISSUER_ID,
      iat: now,
      exp: now + 600,
      aud: 'appstoreconnect-v1',
      ...payload
    })
    const sig = sign('sha256', Buffer.from(`${h}.${p}`), {
      key: privateKey,
      dsaEncoding: 'ieee-p1363'
    })
    return `${h}.${p}.${sig.toString('base64url')}`
  }

  it('is ES256 with kid, iss, aud appstoreconnect-v1 and lives at most 1200 s', () => {
    const token = signToken(key(pem(privateKey)), privateKey, now)
    expect(checkToken(bearer(token), publicKey, now)).toBeUndefined()
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as unknown
    expect(payload).toEqual({
      iss: ISSUER_ID,
      iat: now,
      exp: now + TOKEN_LIFETIME_S,
      aud: 'appstoreconnect-v1'
    })
    expect(TOKEN_LIFETIME_S).toBeLessThanOrEqual(1200)
  })

  it('is refused by the stand-in when any rule is broken', () => {
    const other = pair()
    expect(
      checkToken(
        bearer(signToken(key(pem(other.privateKey)), other.privateKey, now)),
        publicKey,
        now
      )
    ).toMatch(/signature/)
    expect(checkToken(bearer(forged({ kid: 'OTHER' }, {})), publicKey, now)).toMatch(/kid/)
    expect(checkToken(bearer(forged({ alg: 'HS256' }, {})), publicKey, now)).toMatch(/alg/)
    expect(checkToken(bearer(forged({}, {})), publicKey, now)).toBeUndefined()
    expect(checkToken(bearer(forged({}, { aud: 'appstoreconnect-v2' })), publicKey, now)).toMatch(
      /aud/
    )
    expect(checkToken(bearer(forged({}, { iss: 'someone' })), publicKey, now)).toMatch(/iss/)
    expect(checkToken(bearer(forged({}, { exp: now + 1201 })), publicKey, now)).toMatch(
      /1201 s, over 1200/
    )
    expect(
      checkToken(bearer(forged({}, { iat: undefined, exp: now + 1300 })), publicKey, now)
    ).toMatch(/more than 1200 s/)
    const [h, p] = forged({}, {}).split('.')
    expect(checkToken(bearer(`${h}.${p}.AAAA`), publicKey, now)).toMatch(/signature/)
    expect(checkToken(undefined, publicKey, now)).toMatch(/no bearer/)
    expect(
      checkToken(bearer(signToken(key(pem(privateKey)), privateKey, now - 1200)), publicKey, now)
    ).toMatch(/expired/)
  })

  it('is renewed before it expires, and reused until then', () => {
    let clock = now * 1000
    const next = tokenSource(key(pem(privateKey)), () => clock)
    const first = next()
    clock += 600_000
    expect(next()).toBe(first)
    clock += (TOKEN_LIFETIME_S - 600 - 60) * 1000
    const renewed = next()
    expect(renewed).not.toBe(first)
    expect(checkToken(bearer(renewed), publicKey, Math.floor(clock / 1000))).toBeUndefined()
  })

  it('refuses a key that is not a .p8 P-256 key with one line', () => {
    expect(() => readP8('not a key')).toThrow(UserError)
    expect(() => readP8('not a key')).toThrow(
      /^Input asc-private-key is not a private key: paste the whole/
    )
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey
    expect(() => readP8(pem(rsa))).toThrow(/not an App Store Connect API key/)
    // Secrets pasted with literal \n still work.
    expect(() => readP8(pem(privateKey).replaceAll('\n', '\\n'))).not.toThrow()
  })
})

describe.skipIf(ascCorpus.skip)(`the client on the stand-in${ascCorpus.reason}`, () => {
  let asc: AscStandIn
  beforeEach(async () => {
    asc = await startAsc()
  })
  afterEach(async () => {
    await asc.close()
  })

  it('turns 401 NOT_AUTHORIZED into one line naming the three inputs', async () => {
    const client = clientFor(asc, [], pem(pair().privateKey))
    const error = await client.list('/v1/devices').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(
      /^App Store Connect answered 401 to GET \/v1\/devices \(NOT_AUTHORIZED: the ES256 signature does not verify with the key\): check that asc-key-id, asc-issuer-id and asc-private-key belong to the same key/
    )
    expect((error as Error).message).not.toContain('\n')
    expect(asc.refusals).toHaveLength(1)
  })

  it('pages through links.next and stays on the API origin', async () => {
    for (let i = 0; i < 5; i++)
      asc.team.addDevice(`00008030-00000000000000${i}E`.padEnd(25, '0'), `Phone ${i}`)
    const devices = await clientFor(asc).list('/v1/devices')
    expect(devices).toHaveLength(5)
    expect(asc.requests.filter((r) => r.startsWith('GET /v1/devices'))).toHaveLength(3)
    expect(asc.violations).toEqual([])
  })

  it('retries 429 and gives up after the retries with a line saying to run again later', async () => {
    const log: string[] = []
    asc.rateLimitNext()
    await clientFor(asc, log).list('/v1/certificates')
    expect(log).toEqual([
      expect.stringMatching(
        /^App Store Connect answered 429 to GET \/v1\/certificates; retrying in \d+ ms\.$/
      )
    ])
    const client = createAscClient({
      baseUrl: asc.url,
      token: tokenSource(key(asc.privateKey)),
      retries: 0
    })
    asc.rateLimitNext()
    await expect(client.list('/v1/certificates')).rejects.toThrow(
      /answered 429 .*RATE_LIMIT_EXCEEDED.*run again later/
    )
  })

  it('flags undeclared query parameters, bad values and bodies that break the schema', async () => {
    const client = clientFor(asc)
    await expect(client.list('/v1/devices', { 'filter[colour]': 'red' })).rejects.toThrow(/400/)
    await expect(client.list('/v1/devices', { 'filter[platform]': ['ANDROID'] })).rejects.toThrow(
      /400/
    )
    await expect(
      client.post('/v1/devices', { data: { type: 'devices', attributes: { name: 'x' } } })
    ).rejects.toThrow(/400/)
    await expect(client.delete('/v1/devices/1')).rejects.toThrow(/404/)
    expect(asc.violations).toEqual([
      expect.stringMatching(/query parameter filter\[colour\] is not declared/),
      expect.stringMatching(
        /query filter\[platform\]\/0 must be equal to one of the allowed values/
      ),
      expect.stringMatching(/body\/data\/attributes must have required property 'udid'/),
      expect.stringMatching(/DELETE \/v1\/devices\/1: no DELETE on this path/)
    ])
  })

  it('names the role for 403 and retries 5xx answers', async () => {
    asc.failNext(403, 'FORBIDDEN_ERROR', 'The API key in use does not allow this request')
    await expect(clientFor(asc).list('/v1/profiles')).rejects.toThrow(
      /^App Store Connect answered 403 to GET \/v1\/profiles \(FORBIDDEN_ERROR: The API key in use does not allow this request\): give the API key the Admin or App Manager role/
    )
    const log: string[] = []
    asc.failNext(503, 'UNEXPECTED_ERROR')
    expect(await clientFor(asc, log).list('/v1/certificates')).toHaveLength(2)
    expect(log).toEqual([expect.stringMatching(/answered 503 to GET \/v1\/certificates; retrying/)])
  })

  it('answers 409 for a UDID already registered, as one line', async () => {
    asc.team.addDevice('00008030-001A2B3C4D5E802E', 'Phone')
    const body = {
      data: {
        type: 'devices',
        attributes: { name: 'Again', udid: '00008030-001A2B3C4D5E802E', platform: 'IOS' }
      }
    }
    await expect(clientFor(asc).post('/v1/devices', body)).rejects.toThrow(
      /^App Store Connect answered 409 to POST \/v1\/devices \(ENTITY_ERROR.ATTRIBUTE.INVALID: A device with number '00008030-001A2B3C4D5E802E' already exists on this team\.\): fix the value Apple names\.$/
    )
    expect(asc.violations).toEqual([])
  })
})
