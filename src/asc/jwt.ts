/**
 * The App Store Connect API's bearer token: a JWT signed ES256 with the team's .p8 key, made with
 * Node's own crypto (a JWT library would add a dependency for ~20 lines of base64url and one sign
 * call). Apple refuses tokens that live longer than 20 minutes.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto'
import { UserError } from '../errors.js'

export interface AscKey {
  /** The key's id (Users and Access › Integrations), the JWT header's `kid`. */
  keyId: string
  /** The issuer id shown above the keys, the JWT's `iss`. */
  issuerId: string
  /** The .p8 file's text (PKCS#8 PEM of a P-256 key). */
  privateKey: string
}

/** Seconds a token lives: under Apple's 1200 s ceiling, so a slow clock cannot push it over. */
export const TOKEN_LIFETIME_S = 1140
/** A token with less than this left is replaced before a request. */
const RENEW_BEFORE_S = 120

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Reads the .p8 text; pasted secrets sometimes carry literal "\n" instead of line breaks. */
export function readP8(text: string): KeyObject {
  let key: KeyObject
  try {
    key = createPrivateKey(text.includes('\\n') ? text.replaceAll('\\n', '\n') : text)
  } catch {
    throw new UserError(
      'Input asc-private-key is not a private key: paste the whole AuthKey_<key id>.p8 file, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.'
    )
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new UserError(
      'Input asc-private-key is not an App Store Connect API key (those are P-256 EC keys): use the .p8 file downloaded from Users and Access › Integrations › App Store Connect API.'
    )
  }
  return key
}

/** Signs one token valid from `nowS` (seconds since the epoch). */
export function signToken(key: AscKey, privateKey: KeyObject, nowS: number): string {
  const header = base64url({ alg: 'ES256', kid: key.keyId, typ: 'JWT' })
  const payload = base64url({
    iss: key.issuerId,
    iat: nowS,
    exp: nowS + TOKEN_LIFETIME_S,
    aud: 'appstoreconnect-v1'
  })
  // JWS wants the raw r||s signature, not DER.
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363'
  })
  return `${header}.${payload}.${signature.toString('base64url')}`
}

/** A source of valid tokens: one is reused until it nears its expiry, then renewed. */
export function tokenSource(key: AscKey, now: () => number = Date.now): () => string {
  const privateKey = readP8(key.privateKey)
  let current: { token: string; expiresS: number } | undefined
  return () => {
    const nowS = Math.floor(now() / 1000)
    if (!current || current.expiresS - nowS < RENEW_BEFORE_S) {
      current = { token: signToken(key, privateKey, nowS), expiresS: nowS + TOKEN_LIFETIME_S }
    }
    return current.token
  }
}
