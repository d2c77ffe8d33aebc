import {
  objectOffset,
  PlistError,
  readInt,
  readTrailer,
  readUint,
  type Trailer
} from './bplist-trailer.js'
import type { PlistDict, PlistUid, PlistValue } from './plist.js'

export { isBinaryPlist, PlistError } from './bplist-trailer.js'

/** Limits that keep a hostile binary plist from hanging or exhausting memory. */
export const MAX_DEPTH = 256
/** Objects produced in total, shared references counted each time they are used. */
const MAX_VISITS = 1_000_000

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
  const trailer = readTrailer(data)
  return new ObjectReader(data, trailer).parseObject(trailer.topObject, 0)
}

/** Decodes objects by reference, holding the bounds that span one parse. */
class ObjectReader {
  private readonly scalars = new Map<number, PlistValue>()
  private readonly onPath = new Set<number>()
  private visits = 0
  private readonly objectsEnd: number

  constructor(
    private readonly data: Buffer,
    private readonly trailer: Trailer
  ) {
    this.objectsEnd = trailer.offsetTable
  }

  parseObject(ref: number, depth: number): PlistValue {
    if (++this.visits > MAX_VISITS) throw new PlistError('too many objects')
    if (depth > MAX_DEPTH) throw new PlistError('nested too deeply')
    const cached = this.scalars.get(ref)
    if (cached !== undefined) return cached
    if (this.onPath.has(ref)) throw new PlistError(`object ${ref} contains itself`)
    const offset = objectOffset(this.data, this.trailer, ref)
    const marker = this.data[offset] ?? 0
    const body = offset + 1
    const type = marker >> 4

    if (type === 0xa || type === 0xc || type === 0xd) {
      this.onPath.add(ref)
      try {
        return this.parseContainer(marker, body, depth)
      } finally {
        this.onPath.delete(ref)
      }
    }

    const value = this.parseScalar(marker, body)
    this.scalars.set(ref, value)
    return value
  }

  /** 0xD dictionary; 0xA array and 0xC set both decode to an array. */
  private parseContainer(marker: number, body: number, depth: number): PlistValue {
    const { length, start } = this.readLength(marker, body)
    if (marker >> 4 !== 0xd) {
      return this.readRefs(start, length).map((itemRef) => this.parseObject(itemRef, depth + 1))
    }
    const keyRefs = this.readRefs(start, length)
    const valueRefs = this.readRefs(start + length * this.trailer.refSize, length)
    const dict: PlistDict = Object.create(null) as PlistDict
    keyRefs.forEach((keyRef, i) => {
      const key = this.parseObject(keyRef, depth + 1)
      if (typeof key !== 'string') throw new PlistError('dictionary key is not a string')
      // defineProperty rather than assignment: a "__proto__" key stays an ordinary key.
      Object.defineProperty(dict, key, {
        value: this.parseObject(valueRefs[i] ?? 0, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true
      })
    })
    return dict
  }

  private parseScalar(marker: number, body: number): PlistValue {
    const { data } = this
    const nibble = marker & 0x0f
    switch (marker >> 4) {
      case 0x0:
        if (marker === 0x08) return false
        if (marker === 0x09) return true
        throw new PlistError(`unsupported object marker 0x${marker.toString(16)}`)
      case 0x1: {
        if (nibble > 4) throw new PlistError('invalid integer size')
        const size = 1 << nibble
        this.need(body, size)
        return readInt(data, body, size)
      }
      case 0x2: {
        if (nibble !== 2 && nibble !== 3) throw new PlistError('invalid real size')
        this.need(body, 1 << nibble)
        return nibble === 2 ? data.readFloatBE(body) : data.readDoubleBE(body)
      }
      case 0x3: {
        if (marker !== 0x33) throw new PlistError('invalid date marker')
        this.need(body, 8)
        return new Date(APPLE_EPOCH_MS + data.readDoubleBE(body) * 1000)
      }
      case 0x8: {
        this.need(body, nibble + 1)
        const uid = readUint(data, body, nibble + 1)
        return { CF$UID: uid } satisfies PlistUid
      }
      default:
        return this.parseSized(marker, body)
    }
  }

  /** Data (0x4), ASCII (0x5) and UTF-16 (0x6) strings: a length, then that many units. */
  private parseSized(marker: number, body: number): PlistValue {
    const { data } = this
    const type = marker >> 4
    if (type !== 0x4 && type !== 0x5 && type !== 0x6) {
      throw new PlistError(`unsupported object marker 0x${marker.toString(16)}`)
    }
    const { length, start } = this.readLength(marker, body)
    if (type === 0x6) {
      this.need(start, length * 2)
      return new TextDecoder('utf-16be').decode(data.subarray(start, start + length * 2))
    }
    this.need(start, length)
    return type === 0x4
      ? new Uint8Array(data.subarray(start, start + length))
      : data.toString('utf8', start, start + length)
  }

  /** Checks that `length` bytes from `start` lie inside the object area. */
  private need(start: number, length: number): void {
    if (!Number.isSafeInteger(length) || length < 0 || start + length > this.objectsEnd) {
      throw new PlistError('object runs past the end of the object area')
    }
  }

  /** The count in a marker's low nibble, or the int object after it when the nibble is 0xF. */
  private readLength(marker: number, at: number): { length: number; start: number } {
    const nibble = marker & 0x0f
    if (nibble !== 0x0f) return { length: nibble, start: at }
    this.need(at, 1)
    const intMarker = this.data[at] ?? 0
    if (intMarker >> 4 !== 0x1 || (intMarker & 0x0f) > 3) {
      throw new PlistError('invalid length marker')
    }
    const size = 1 << (intMarker & 0x0f)
    this.need(at + 1, size)
    return { length: readUint(this.data, at + 1, size), start: at + 1 + size }
  }

  private readRefs(start: number, count: number): number[] {
    const { refSize } = this.trailer
    this.need(start, count * refSize)
    const refs: number[] = []
    for (let i = 0; i < count; i++) refs.push(readUint(this.data, start + i * refSize, refSize))
    return refs
  }
}
