import * as core from '@actions/core'
import type { BuildRecord } from './types.js'

type Kind = 'string' | 'number' | 'object'

/** Each field the index pages and the publish plan read, with its type; `?` marks optional fields. */
const FIELDS: ReadonlyArray<readonly [path: string, kind: Kind]> = [
  ['channel', 'string'],
  ['buildId', 'string'],
  ['createdAt', 'string'],
  ['app', 'object'],
  ['app.bundleId', 'string'],
  ['app.version', 'string'],
  ['app.build', 'string'],
  ['app.name', 'string'],
  ['app.ipaSize', 'number'],
  ['app.minimumOsVersion?', 'string'],
  ['app.platform?', 'string'],
  ['app.sha256?', 'string'],
  ['profile?', 'object'],
  ['notes?', 'string'],
  ['source', 'object'],
  ['urls', 'object'],
  ['urls.page', 'string'],
  ['urls.manifest', 'string'],
  ['urls.ipa', 'string'],
  ['urls.qr', 'string'],
  ['urls.qrSvg', 'string'],
  ['urls.icon?', 'string'],
  ['urls.buildJson', 'string'],
  ['urls.install', 'string'],
  ['size', 'number']
]

const NOUNS: Record<Kind, string> = {
  string: 'a string',
  number: 'a size in bytes',
  object: 'an object'
}

/**
 * What is wrong with a parsed build.json, or undefined when every field the index pages and the
 * plan read has its type (sizes finite and not negative). Written by hand: the action bundles no
 * schema validator, and these few checks do not warrant one.
 */
export function buildRecordProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'it is not a JSON object'
  if (value.schema !== 1) return `its schema is ${JSON.stringify(value.schema) ?? 'missing'}, not 1`
  for (const [field, kind] of FIELDS) {
    const optional = field.endsWith('?')
    const path = optional ? field.slice(0, -1) : field
    const found = path
      .split('.')
      .reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), value)
    if (found === undefined && optional) continue
    const ok =
      kind === 'object'
        ? isObject(found)
        : kind === 'number'
          ? typeof found === 'number' && Number.isFinite(found) && found >= 0
          : typeof found === kind
    if (!ok) return `${path} is ${found === undefined ? 'missing' : `not ${NOUNS[kind]}`}`
  }
  return undefined
}

/**
 * A build.json read back from a site, or undefined (with a warning naming `source`) when it is not
 * JSON or not a complete ipa-ota record: one bad file must not break every later publish. The
 * file is left where it is; the caller only skips it.
 */
export function parseBuildRecord(
  text: string,
  source: string,
  warn: (message: string) => void = core.warning
): BuildRecord | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = undefined
  }
  const problem = value === undefined ? 'it is not JSON' : buildRecordProblem(value)
  if (problem === undefined) return value as BuildRecord
  warn(
    `Ignoring ${source}: ${problem}, so it is not an ipa-ota build.json. It is left in place but not listed or counted; delete it or publish that build again.`
  )
  return undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
