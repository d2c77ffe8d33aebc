/**
 * The `devices-file` input: Apple's device list as the developer portal exports it and fastlane
 * reads it, and which of those devices the build's provisioning profile can install on.
 */
import { createHash } from 'node:crypto'

export interface ListedDevice {
  /** The UDID as listed. */
  id: string
  name: string
  platform?: string
}

/** Which listed devices can install the build. */
export interface DeviceCheck {
  /** Enterprise profiles ("all devices") install on any device; the lists are then empty. */
  anyDevice: boolean
  included: ListedDevice[]
  missing: ListedDevice[]
}

/** Old 40-hex UDIDs and the newer 00008xxx-xxxxxxxxxxxxxxxx form. */
const UDID = /^(?:[0-9a-f]{40}|[0-9a-f]{8}-[0-9a-f]{16})$/i

/**
 * The devices of a tab-separated list (Device ID, Device Name, Device Platform; the header line is
 * optional). A line that is not a device is skipped with a warning naming it, never an error: a
 * typo in the list must not stop a build from being published.
 */
export function parseDeviceList(
  text: string,
  source: string,
  warn: (message: string) => void
): ListedDevice[] {
  const devices: ListedDevice[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    const [id = '', name = '', platform = ''] = line.split('\t').map((cell) => cell.trim())
    if (index === 0 && /^device id$/i.test(id)) return
    if (!UDID.test(id) || name === '') {
      const shown = line.length > 80 ? `${line.slice(0, 79)}…` : line
      warn(
        `${source} line ${index + 1} (${JSON.stringify(shown)}) is not "<device id><tab><device name>[<tab><platform>]", so it is skipped; fix it as the developer portal exports the list (Devices › Export).`
      )
      return
    }
    devices.push({ id, name, ...(platform === '' ? {} : { platform }) })
  })
  return devices
}

/** Splits the listed devices into those the profile provisions and those it misses. */
export function checkDevices(
  devices: readonly ListedDevice[],
  profile: { devices: readonly string[]; provisionsAllDevices: boolean }
): DeviceCheck {
  if (profile.provisionsAllDevices) return { anyDevice: true, included: [], missing: [] }
  const provisioned = new Set(profile.devices.map((id) => id.toLowerCase()))
  const check: DeviceCheck = { anyDevice: false, included: [], missing: [] }
  for (const device of devices) {
    ;(provisioned.has(device.id.toLowerCase()) ? check.included : check.missing).push(device)
  }
  return check
}

/**
 * A device as build.json records it: the first 16 hex digits of the SHA-256 of the lower-cased
 * UDID. build.json is public and a UDID identifies a person's phone, so the record keeps only a
 * key that matches a UDID one already knows (to tell which devices are new since a build), never
 * the UDID itself. 64 bits of key make a clash among a team's devices practically impossible.
 */
export function deviceKey(udid: string): string {
  return createHash('sha256').update(udid.toLowerCase()).digest('hex').slice(0, 16)
}

/**
 * The most device keys a record holds. Apple allows about 100 devices per device type in a
 * profile, so 1000 is never reached by a real one; it bounds what a build.json read back may hold.
 */
export const MAX_RECORDED_DEVICES = 1000

/**
 * The sorted keys of a development or ad hoc profile's devices, for build.json; undefined for
 * other profiles and above MAX_RECORDED_DEVICES, where a partial list would mark devices as new
 * that are not.
 */
export function recordedDeviceKeys(profile: {
  type: string
  devices: readonly string[]
  provisionsAllDevices: boolean
}): string[] | undefined {
  if (profile.provisionsAllDevices || !['development', 'ad-hoc'].includes(profile.type)) {
    return undefined
  }
  if (profile.devices.length > MAX_RECORDED_DEVICES) return undefined
  return [...new Set(profile.devices.map(deviceKey))].sort()
}
