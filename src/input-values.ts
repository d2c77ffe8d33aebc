/**
 * How one action input is read: each reader returns the typed value or throws a UserError that
 * names the input and says how to fix it. Shared by inputs.ts and host-inputs.ts.
 */
import * as core from '@actions/core'
import { parseBaseUrl } from './base-url.js'
import { UserError } from './errors.js'

export function optional(name: string): string | undefined {
  return core.getInput(name) || undefined
}

export function oneOf<T extends string>(name: string, allowed: readonly T[]): T {
  const value = core.getInput(name) || allowed[0]
  if (!allowed.includes(value as T)) {
    throw new UserError(
      `Input ${name} is "${value}", which is not one of ${allowed.join(', ')}: use one of those.`
    )
  }
  return value as T
}

export function integer(name: string, min: number): number {
  const raw = core.getInput(name)
  const value = Number(raw)
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new UserError(`Input ${name} is "${raw}": it must be a whole number of at least ${min}.`)
  }
  return value
}

export function boolean(name: string): boolean {
  const raw = core.getInput(name).toLowerCase()
  if (raw === 'true') return true
  if (raw === 'false' || raw === '') return false
  throw new UserError(`Input ${name} is "${raw}": use true or false.`)
}

const units: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3
}

export function byteSize(name: string): number {
  const raw = core.getInput(name)
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw)
  const unit = match ? units[match[2]!.toLowerCase()] : undefined
  if (!match || unit === undefined) {
    throw new UserError(`Input ${name} is "${raw}": give a size such as 900MB or 1GB.`)
  }
  return Math.round(Number(match[1]) * unit)
}

/** An https site address, normalised (see parseBaseUrl). */
export function optionalUrl(name: string): string | undefined {
  const value = optional(name)
  return value === undefined ? undefined : parseBaseUrl(`Input ${name}`, value)
}
