import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.js'
import { terminalSafe } from '../ipa/inspect.js'
import { describeChanges, noBaseText } from '../ota/changes-text.js'
import type { BuildChanges } from '../ota/compare.js'
import { parseDeviceList, type DeviceCheck, type ListedDevice } from '../ota/devices.js'
import { warn } from './args.js'

/** The files `ipa-ota site` reads besides the IPA, and the lines it prints about them. */

async function readText(flag: string, path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new UserError(`${flag} "${path}" cannot be read (${code}): give the path of ${what}.`)
  }
}

/** --notes-file: the text, trimmed; an empty file is no notes. */
export async function readNotes(path: string): Promise<string | undefined> {
  return (await readText('--notes-file', path, 'a text file')).trim() || undefined
}

/** --devices-file: the devices of the list; a line that is not one is skipped with a warning. */
export async function readDeviceList(path: string): Promise<ListedDevice[]> {
  const text = await readText(
    '--devices-file',
    path,
    'the device list exported from the developer portal (Devices › Export)'
  )
  return parseDeviceList(text, `--devices-file ${path}`, warn)
}

/** "Changes since …" as the pull-request comment shows it, or why there is nothing to compare. */
export function changeLines(changes: BuildChanges | undefined): string[] {
  if (changes === undefined) return []
  if (changes.base === undefined) return [`Changes: none to show (${noBaseText(changes)})`]
  const { title, lines } = describeChanges(changes.base.comparison)
  return [`${title}:`, ...lines.map((line) => `  ${line.label}: ${line.text}`)].map(terminalSafe)
}

/** Which listed devices the profile provisions, naming those it misses. */
export function deviceLines(devices: DeviceCheck | undefined): string[] {
  if (devices === undefined) return []
  if (devices.anyDevice) return ['Devices: the profile installs on any device (enterprise)']
  const total = devices.included.length + devices.missing.length
  return [
    `Devices: ${devices.included.length} of ${total} listed can install`,
    ...devices.missing.map((device) => terminalSafe(`  missing: ${device.name} (${device.id})`))
  ]
}
