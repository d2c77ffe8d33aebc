/**
 * A tester's device request, from the device issue form (.github/ISSUE_TEMPLATE/device.yml) or an
 * `/ipa-ota add-device <udid> <name>` comment. Everything in it is untrusted text.
 */
import { oneLine } from '../text.js'

export interface DeviceRequest {
  udid: string
  name: string
  /** The form's device type (iPhone, iPad…); informational. */
  deviceType?: string
}

/** 00008030-001A2B3C4D5E802E (25 characters, since 2018) or 40 hex digits (older devices). */
const UDID = /^(?:[0-9A-F]{8}-[0-9A-F]{16}|[0-9A-F]{40})$/i
/** Apple's limit for a device name. */
const MAX_NAME = 50

export const UDID_HELP =
  'a UDID is 25 characters like 00008030-001A2B3C4D5E802E, or 40 hexadecimal digits on older devices; find it in Finder (click the device’s serial number line) or in Xcode › Devices and Simulators'

/** The form's headings, as GitHub renders an issue form into the issue body. */
const FORM = { udid: 'UDID', name: 'Device name', deviceType: 'Device type' } as const

export const COMMAND = '/ipa-ota add-device'

/** Whether the text is a device request at all (other issues and comments are left alone). */
export function looksLikeRequest(body: string, source: 'form' | 'comment'): boolean {
  return source === 'form'
    ? new RegExp(`^###\\s+${FORM.udid}\\s*$`, 'm').test(body)
    : body.split(/\r?\n/).some((line) => line.trim().startsWith(`${COMMAND} `))
}

/** The request, or a problem sentence to reply with. */
export function readDeviceRequest(
  body: string,
  source: 'form' | 'comment'
): DeviceRequest | { problem: string } {
  const fields = source === 'form' ? formFields(body) : commandFields(body)
  const udid = (fields.udid ?? '').trim()
  if (!UDID.test(udid)) {
    return {
      problem: `${udid === '' ? 'No UDID was given' : `"${oneLine(udid).slice(0, 60)}" is not a UDID`}: ${UDID_HELP}.`
    }
  }
  const name = oneLine(fields.name ?? '')
    .slice(0, MAX_NAME)
    .trim()
  if (name === '')
    return { problem: 'No device name was given: name the device, e.g. "Jane’s iPhone 15".' }
  const deviceType = oneLine(fields.deviceType ?? '').slice(0, 30) || undefined
  return { udid: udid.length === 40 ? udid.toLowerCase() : udid.toUpperCase(), name, deviceType }
}

function formFields(body: string): Partial<Record<keyof typeof FORM, string>> {
  const sections = new Map<string, string>()
  for (const part of body
    .replace(/\r\n?/g, '\n')
    .split(/^###\s+/m)
    .slice(1)) {
    const newline = part.indexOf('\n')
    const heading = (newline === -1 ? part : part.slice(0, newline)).trim()
    const value = newline === -1 ? '' : part.slice(newline + 1).trim()
    sections.set(heading.toLowerCase(), value === '_No response_' ? '' : value)
  }
  return {
    udid: sections.get(FORM.udid.toLowerCase()),
    name: sections.get(FORM.name.toLowerCase()),
    deviceType: sections.get(FORM.deviceType.toLowerCase())
  }
}

function commandFields(body: string): Partial<Record<keyof typeof FORM, string>> {
  const line = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.startsWith(`${COMMAND} `))
  const match = /^\S+\s+add-device\s+(\S+)\s*(.*)$/.exec(line ?? '')
  return { udid: match?.[1], name: match?.[2] }
}
