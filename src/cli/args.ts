import { UserError } from '../errors.js'

export const usage = `Usage:
  ipa-ota inspect <ipa> [--json] [--sha256]
      Print what the action reads from the IPA and whether a device can install it over the air.
  ipa-ota site <ipa> --base-url <https url> [--out dir] [--path ota] [--channel c] [--build-id id]
                [--title t] [--notes text] [--qr page|link] [--keep n] [--profile-check error|warn|off]
      Write the same site as the action (host: directory) and print the install link and QR code.
  ipa-ota diff <old.ipa> <new.ipa> [--json]
      Print what the new build changes against the old one, as the pull-request comment shows it.`

export function warn(message: string): void {
  process.stderr.write(`warning: ${message}\n`)
}

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new UserError(`${flag} is "${value}": use one of ${allowed.join(', ')}.`)
  return value as T
}

export function onePath(positionals: string[]): string {
  if (positionals.length !== 1) throw new UserError(`Give exactly one .ipa path.\n${usage}`)
  return positionals[0]!
}
