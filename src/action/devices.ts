import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.js'
import type { ProfileInfo } from '../ipa/types.js'
import { checkDevices, parseDeviceList, type DeviceCheck } from '../ota/devices.js'

/** Which devices of the devices-file list the profile provisions; a bad line is a warning. */
export async function readDevices(
  path: string | undefined,
  profile: ProfileInfo | undefined
): Promise<DeviceCheck | undefined> {
  if (path === undefined || profile === undefined) return undefined
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UserError(
      `Input devices-file "${path}" cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): give the path of the device list exported from the developer portal, or leave the input empty.`
    )
  }
  return checkDevices(parseDeviceList(text, `devices-file ${path}`, core.warning), profile)
}
