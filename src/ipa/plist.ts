import { DOMParser } from '@xmldom/xmldom'
import { parse as parseXmlPlist } from 'plist'
import { UserError } from '../errors.js'

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

/** Thrown by the binary parser; `parsePlist` turns it into a UserError naming the file. */
export class PlistError extends Error {
  override name = 'PlistError'
}

const BINARY_MAGIC = 'bplist00'

export function isBinaryPlist(data: Uint8Array): boolean {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    .subarray(0, BINARY_MAGIC.length)
    .equals(Buffer.from(BINARY_MAGIC, 'latin1'))
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

/** Limits that keep a hostile binary plist from hanging or exhausting memory. */
const MAX_DEPTH = 256
/** Objects produced in total, shared references counted each time they are used. */
const MAX_VISITS = 1_000_000

const TRAILER_SIZE = 32
const APPLE_EPOCH_MS = Date.UTC(2001, 0, 1)

/**
 * Reads a bplist00. Written by hand because the npm parsers (bplist-parser, plist's parseBinary)
 * trust the file: on libplist's fuzzer corpus they overflow the stack on reference cycles, accept
 * out-of-range offsets and references, take non-string dictionary keys (prototype pollution via
 * "__proto__") and allocate what the header claims. This one checks every offset and reference
 * against the file, refuses cycles (a set of the objects on the current path), bounds depth and
 * the total number of objects produced, and only allocates what the file actually holds.
 */
export function parseBinaryPlist(input: Uint8Array): PlistValue {
  const data = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
  if (data.length < BINARY_MAGIC.length + TRAILER_SIZE + 1 || !isBinaryPlist(data)) {
    throw new PlistError('not a binary plist or too short')
  }
  const trailer = data.length - TRAILER_SIZE
  const offsetSize = data[trailer + 6] ?? 0
  const refSize = data[trailer + 7] ?? 0
  const objectCount = readUint(data, trailer + 8, 8)
  const topObject = readUint(data, trailer + 16, 8)
  const offsetTable = readUint(data, trailer + 24, 8)
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) {
    throw new PlistError('invalid offset or reference size in the trailer')
  }
  // Objects live between the header and the offset table, and each takes at least one byte.
  if (offsetTable < BINARY_MAGIC.length + 1 || offsetTable > trailer) {
    throw new PlistError('offset table outside the file')
  }
  if (objectCount < 1 || objectCount > offsetTable - BINARY_MAGIC.length) {
    throw new PlistError('invalid object count')
  }
  if (offsetTable + objectCount * offsetSize > trailer) {
    throw new PlistError('offset table runs into the trailer')
  }
  if (topObject >= objectCount) throw new PlistError('top object out of range')
  const objectsEnd = offsetTable

  const scalars = new Map<number, PlistValue>()
  const onPath = new Set<number>()
  let visits = 0

  const objectOffset = (ref: number): number => {
    if (ref >= objectCount) throw new PlistError(`object reference ${ref} out of range`)
    const offset = readUint(data, offsetTable + ref * offsetSize, offsetSize)
    if (offset < BINARY_MAGIC.length || offset >= objectsEnd) {
      throw new PlistError(`object ${ref} starts outside the object area`)
    }
    return offset
  }

  /** Checks that `length` bytes from `start` lie inside the object area. */
  const need = (start: number, length: number): void => {
    if (!Number.isSafeInteger(length) || length < 0 || start + length > objectsEnd) {
      throw new PlistError('object runs past the end of the object area')
    }
  }

  /** The count in a marker's low nibble, or the int object after it when the nibble is 0xF. */
  const readLength = (marker: number, at: number): { length: number; start: number } => {
    const nibble = marker & 0x0f
    if (nibble !== 0x0f) return { length: nibble, start: at }
    need(at, 1)
    const intMarker = data[at] ?? 0
    if (intMarker >> 4 !== 0x1 || (intMarker & 0x0f) > 3) {
      throw new PlistError('invalid length marker')
    }
    const size = 1 << (intMarker & 0x0f)
    need(at + 1, size)
    return { length: readUint(data, at + 1, size), start: at + 1 + size }
  }

  const readRefs = (start: number, count: number): number[] => {
    need(start, count * refSize)
    const refs: number[] = []
    for (let i = 0; i < count; i++) refs.push(readUint(data, start + i * refSize, refSize))
    return refs
  }

  const parseObject = (ref: number, depth: number): PlistValue => {
    if (++visits > MAX_VISITS) throw new PlistError('too many objects')
    if (depth > MAX_DEPTH) throw new PlistError('nested too deeply')
    const cached = scalars.get(ref)
    if (cached !== undefined) return cached
    if (onPath.has(ref)) throw new PlistError(`object ${ref} contains itself`)
    const offset = objectOffset(ref)
    const marker = data[offset] ?? 0
    const body = offset + 1
    const type = marker >> 4

    if (type === 0xa || type === 0xc || type === 0xd) {
      const { length, start } = readLength(marker, body)
      onPath.add(ref)
      try {
        if (type === 0xd) {
          const keyRefs = readRefs(start, length)
          const valueRefs = readRefs(start + length * refSize, length)
          const dict: PlistDict = Object.create(null) as PlistDict
          keyRefs.forEach((keyRef, i) => {
            const key = parseObject(keyRef, depth + 1)
            if (typeof key !== 'string') throw new PlistError('dictionary key is not a string')
            // defineProperty rather than assignment: a "__proto__" key stays an ordinary key.
            Object.defineProperty(dict, key, {
              value: parseObject(valueRefs[i] ?? 0, depth + 1),
              enumerable: true,
              writable: true,
              configurable: true
            })
          })
          return dict
        }
        // 0xA array, 0xC set: both decode to an array.
        return readRefs(start, length).map((itemRef) => parseObject(itemRef, depth + 1))
      } finally {
        onPath.delete(ref)
      }
    }

    const value = parseScalar(marker, body)
    scalars.set(ref, value)
    return value
  }

  const parseScalar = (marker: number, body: number): PlistValue => {
    const nibble = marker & 0x0f
    switch (marker >> 4) {
      case 0x0:
        if (marker === 0x08) return false
        if (marker === 0x09) return true
        throw new PlistError(`unsupported object marker 0x${marker.toString(16)}`)
      case 0x1: {
        if (nibble > 4) throw new PlistError('invalid integer size')
        const size = 1 << nibble
        need(body, size)
        return readInt(data, body, size)
      }
      case 0x2: {
        if (nibble !== 2 && nibble !== 3) throw new PlistError('invalid real size')
        need(body, 1 << nibble)
        return nibble === 2 ? data.readFloatBE(body) : data.readDoubleBE(body)
      }
      case 0x3: {
        if (marker !== 0x33) throw new PlistError('invalid date marker')
        need(body, 8)
        return new Date(APPLE_EPOCH_MS + data.readDoubleBE(body) * 1000)
      }
      case 0x4: {
        const { length, start } = readLength(marker, body)
        need(start, length)
        return new Uint8Array(data.subarray(start, start + length))
      }
      case 0x5: {
        const { length, start } = readLength(marker, body)
        need(start, length)
        return data.toString('utf8', start, start + length)
      }
      case 0x6: {
        const { length, start } = readLength(marker, body)
        need(start, length * 2)
        return new TextDecoder('utf-16be').decode(data.subarray(start, start + length * 2))
      }
      case 0x8: {
        need(body, nibble + 1)
        const uid = readUint(data, body, nibble + 1)
        return { CF$UID: uid } satisfies PlistUid
      }
      default:
        throw new PlistError(`unsupported object marker 0x${marker.toString(16)}`)
    }
  }

  return parseObject(topObject, 0)
}

/** An unsigned big-endian integer of 1–8 bytes; values beyond 2^53 are refused as impossible. */
function readUint(data: Buffer, at: number, size: number): number {
  if (at < 0 || at + size > data.length) throw new PlistError('read past the end of the file')
  const value = readSmallUint(data, at, size)
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new PlistError('number too large')
  return Number(value)
}

function readSmallUint(data: Buffer, at: number, size: number): bigint {
  let value = 0n
  for (let i = 0; i < size; i++) value = (value << 8n) | BigInt(data[at + i] ?? 0)
  return value
}

/**
 * bplist integers: 1, 2 and 4 bytes are unsigned, 8 bytes signed, and 16 bytes signed (written
 * for unsigned values ≥ 2^63). Returns a number when exact, else a bigint.
 */
function readInt(data: Buffer, at: number, size: number): number | bigint {
  let value = readSmallUint(data, at, size)
  if (size >= 8) value = BigInt.asIntN(size * 8, value)
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value
}
