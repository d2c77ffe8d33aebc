/**
 * The App Store Connect API key inputs, read by inputs.ts. Kept outside src/asc/ so that reading
 * the inputs of a publish run loads nothing of the App Store Connect code.
 */
import * as core from '@actions/core'
import { UserError } from './errors.js'

export interface AscSettings {
  keyId: string
  issuerId: string
  /** The .p8 text (registered with core.setSecret). */
  privateKey: string
  /** API root: https, or http on a loopback address. */
  apiUrl: string
}

/** The API key inputs: all three or none, and required by the App Store Connect modes. */
export function readAsc(mode: string): AscSettings | undefined {
  const privateKey = core.getInput('asc-private-key')
  if (privateKey) core.setSecret(privateKey)
  // The runner may mask a multi-line value only as a whole: mask each line of the key too.
  for (const line of privateKey.split(/\r?\n|\\n/)) {
    if (line.trim().length >= 16 && !line.startsWith('-----')) core.setSecret(line.trim())
  }
  const [keyId, issuerId] = [core.getInput('asc-key-id'), core.getInput('asc-issuer-id')]
  if (!keyId || !issuerId || !privateKey) {
    if (mode === 'provision' || mode === 'register-device' || keyId || issuerId || privateKey) {
      throw new UserError(
        `Inputs asc-key-id, asc-issuer-id and asc-private-key are needed together${mode === 'provision' || mode === 'register-device' ? ` with mode: ${mode}` : ''}: pass the App Store Connect API key's id, its issuer id and the .p8 text from secrets.`
      )
    }
    return undefined
  }
  const raw = core.getInput('asc-api-url') || 'https://api.appstoreconnect.apple.com'
  let url: URL | undefined
  try {
    url = new URL(raw)
  } catch {
    url = undefined
  }
  const loopback = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(url?.hostname ?? '')
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new UserError(
      `Input asc-api-url is "${raw}": the API key's tokens go only over https (or http to a loopback address, for tests); leave it unset for Apple's server.`
    )
  }
  return { keyId, issuerId, privateKey, apiUrl: url.origin }
}
