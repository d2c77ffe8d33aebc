/** An App Store Connect client of the action pointed at the stand-in, with retries that do not wait. */
import { createAscClient, type AscClient } from '../../src/asc/client.js'
import { tokenSource } from '../../src/asc/jwt.js'
import { ISSUER_ID, KEY_ID, type AscStandIn } from './asc-server.js'

export function clientFor(
  asc: AscStandIn,
  log: string[] = [],
  privateKey = asc.privateKey
): AscClient {
  return createAscClient({
    baseUrl: asc.url,
    token: tokenSource({ keyId: KEY_ID, issuerId: ISSUER_ID, privateKey }),
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    log: (line) => log.push(line)
  })
}
