/**
 * The team's registered devices as the devices mechanism's list (src/ota/devices.ts), so a publish
 * job with the API key names who can install without a devices-file.
 */
import type { AscSettings } from '../asc-inputs.js'
import { describeError } from '../errors.js'
import type { ProfileInfo } from '../ipa/types.js'
import { checkDevices, type DeviceCheck, type ListedDevice } from '../ota/devices.js'
import { createAscClient, type AscClient } from './client.js'
import { tokenSource } from './jwt.js'
import { listDevices } from './resources.js'

/** Every enabled device of the team, UDID and name as registered. */
export async function teamDevices(asc: AscClient): Promise<ListedDevice[]> {
  const devices = await listDevices(asc, { status: 'ENABLED' })
  return devices.map((d) => ({ id: d.udid, name: d.name, platform: d.platform }))
}

/**
 * Which of the team's devices the profile includes. The names are a nicety: when Apple cannot be
 * asked, the build is still published, with a warning and no names.
 */
export async function teamDeviceCheck(
  asc: AscSettings,
  profile: ProfileInfo,
  warn: (message: string) => void,
  client: AscClient = createAscClient({ baseUrl: asc.apiUrl, token: tokenSource(asc), retries: 2 })
): Promise<DeviceCheck | undefined> {
  try {
    return checkDevices(await teamDevices(client), profile)
  } catch (error) {
    warn(`The team's device names are left out: ${describeError(error, () => undefined)}`)
    return undefined
  }
}
