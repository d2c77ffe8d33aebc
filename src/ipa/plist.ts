import { DOMParser } from '@xmldom/xmldom'
import { parse as parseXmlPlist } from 'plist'
import { UserError } from '../errors.js'
import { isBinaryPlist, MAX_DEPTH, parseBinaryPlist, PlistError } from './bplist.js'

export { isBinaryPlist, parseBinaryPlist, PlistError } from './bplist.js'

/** A decoded property-list value. Integers beyond ±2^53 come back as bigint so none is rounded. */
export type PlistValue =
  string | number | bigint | boolean | Date | Uint8Array | null | PlistValue[] | PlistDict

/** A plist dictionary; keyed access always goes through own properties (see `parseBinaryPlist`). */
export interface PlistDict {
  [key: string]: PlistValue
}

/** A keyed-archiver UID, shaped as in XML plists so both formats decode it alike. */
export interface PlistUid extends PlistDict {
  CF$UID: number
}

/**
 * Parses an XML or binary (bplist00) property list. `source` names the file in the error, e.g.
 * "Payload/App.app/Info.plist".
 */
export function parsePlist(data: Uint8Array, source: string): PlistValue {
  try {
    if (isBinaryPlist(data)) return parseBinaryPlist(data)
    const xml = decodeXml(data)
    assertXmlDepth(xml)
    assertQuietXml(xml)
    return parseXmlPlist(xml)
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new UserError(
      `${source} is not a valid property list (${reason}); rebuild the app so Xcode writes it again.`
    )
  }
}

/** Like `parsePlist`, for files whose top level must be a dictionary (Info.plist, profiles). */
export function parsePlistDict(data: Uint8Array, source: string): PlistDict {
  const value = parsePlist(data, source)
  if (!isPlistDict(value)) {
    throw new UserError(
      `${source} is not a dictionary property list; rebuild the app so Xcode writes it again.`
    )
  }
  return value
}

export function isPlistDict(value: PlistValue | undefined): value is PlistDict {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  )
}

/**
 * The XML parser and plist both recurse once per level, so a deeply nested document (40 000
 * levels fit in the 1 MiB cap) costs hundreds of MB and seconds before it overflows the stack.
 * Counting container tags first refuses it at once; a tag hidden in a comment or CDATA can only
 * make the count too high, and the parser still refuses anything this lets through.
 */
function assertXmlDepth(xml: string): void {
  let depth = 0
  for (const [, close, selfClosing] of xml.matchAll(/<(\/?)(?:array|dict)\b[^>]*?(\/?)>/g)) {
    if (close) depth--
    else if (!selfClosing) depth++
    if (depth > MAX_DEPTH) throw new PlistError('nested too deeply')
  }
}

/**
 * plist's parse gives xmldom no error handler, so xmldom prints every problem it meets to stderr,
 * beside our one-line error. A first parse with a handler refuses whatever it would print, so the
 * one plist makes is silent. Costs a second parse of a few kilobytes.
 */
function assertQuietXml(xml: string): void {
  let problem: string | undefined
  const onError = (_level: string, message: string): never => {
    problem = message.trim()
    throw new PlistError(problem)
  }
  try {
    new DOMParser({ onError }).parseFromString(xml, 'text/xml')
  } catch (error) {
    throw problem === undefined ? error : new PlistError(problem)
  }
}

/** XML plists are UTF-8 unless they start with a UTF-16 byte-order mark. */
function decodeXml(data: Uint8Array): string {
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data)
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data)
  return new TextDecoder('utf-8').decode(data)
}
