/** Registers a device with App Store Connect, idempotently, and counts the slots left. */
import { AscError } from './errors.js'
import type { AscClient } from './client.js'
import { createDevice, enableDevice, listDevices, type Device } from './resources.js'
import type { DeviceRequest } from './device-request.js'

export type Outcome = 'registered' | 'already registered' | 'enabled again'

/** Apple's yearly limit per device class (iPhone, iPad, Apple Watch…) of a membership. */
export const DEVICE_LIMIT = 100

export async function registerDevice(
  asc: AscClient,
  request: DeviceRequest
): Promise<{ device: Device; outcome: Outcome }> {
  const known = await findDevice(asc, request.udid, true)
  if (known) return reuse(asc, known)
  try {
    return { device: await createDevice(asc, request), outcome: 'registered' }
  } catch (error) {
    // 409: registered meanwhile, or listed under another spelling of the UDID.
    if (!(error instanceof AscError && error.status === 409)) throw error
    const found = await findDevice(asc, request.udid, false)
    if (!found) throw error
    return reuse(asc, found)
  }
}

async function reuse(
  asc: AscClient,
  device: Device
): Promise<{ device: Device; outcome: Outcome }> {
  if (device.status === 'ENABLED') return { device, outcome: 'already registered' }
  return { device: await enableDevice(asc, device.id), outcome: 'enabled again' }
}

/** By Apple's UDID filter, or through the whole list ignoring case (the filter is exact). */
async function findDevice(
  asc: AscClient,
  udid: string,
  filtered: boolean
): Promise<Device | undefined> {
  const devices = await listDevices(asc, filtered ? { udid } : {})
  return devices.find((d) => d.udid.toLowerCase() === udid.toLowerCase())
}

/**
 * Devices of the class listed in the team. Apple counts every device registered in the
 * membership year, disabled ones too, so this is the least that is used.
 */
export async function slotsUsed(asc: AscClient, deviceClass: string | undefined): Promise<number> {
  const devices = await listDevices(asc)
  return devices.filter((d) => d.deviceClass === deviceClass).length
}
