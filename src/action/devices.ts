import * as core from '@actions/core'
import { inputRoots, readInputText } from '../input-files.js'
import type { ProfileInfo } from '../ipa/types.js'
import { checkDevices, parseDeviceList, type DeviceCheck } from '../ota/devices.js'

/** Which devices of the devices-file list the profile provisions; a bad line is a warning. */
export async function readDevices(
  path: string | undefined,
  profile: ProfileInfo | undefined
): Promise<DeviceCheck | undefined> {
  if (path === undefined || profile === undefined) return undefined
  const text = await readInputText(path, 'devices-file', {
    roots: inputRoots(),
    hint: 'give the path of the device list exported from the developer portal, or leave the input empty'
  })
  return checkDevices(parseDeviceList(text, `devices-file ${path}`, core.warning), profile)
}
