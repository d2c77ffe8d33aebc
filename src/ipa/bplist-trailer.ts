/**
 * The frame of a bplist00 file: the magic at the start, the 32-byte trailer at the end, and the
 * offset table it points at, which gives where each object starts. Every field is checked against
 * the file before it is used; bplist.ts decodes the objects themselves.
 */

/** Thrown by the binary parser; `parsePlist` turns it into a UserError naming the file. */
export class PlistError extends Error {
  override name = 'PlistError'
}

const BINARY_MAGIC = 'bplist00'
const TRAILER_SIZE = 32

export function isBinaryPlist(data: Uint8Array): boolean {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    .subarray(0, BINARY_MAGIC.length)
    .equals(Buffer.from(BINARY_MAGIC, 'latin1'))
}

/** The trailer's fields, each checked against the file. */
export interface Trailer {
  offsetSize: number
  refSize: number
  objectCount: number
  topObject: number
  /** Where the offset table starts, which is also where the object area ends. */
  offsetTable: number
}

export function readTrailer(data: Buffer): Trailer {
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
  return { offsetSize, refSize, objectCount, topObject, offsetTable }
}

/** Where object `ref` starts, from the offset table; always inside the object area. */
export function objectOffset(data: Buffer, trailer: Trailer, ref: number): number {
  const { objectCount, offsetTable, offsetSize } = trailer
  if (ref >= objectCount) throw new PlistError(`object reference ${ref} out of range`)
  const offset = readUint(data, offsetTable + ref * offsetSize, offsetSize)
  if (offset < BINARY_MAGIC.length || offset >= offsetTable) {
    throw new PlistError(`object ${ref} starts outside the object area`)
  }
  return offset
}

/** An unsigned big-endian integer of 1–8 bytes; values beyond 2^53 are refused as impossible. */
export function readUint(data: Buffer, at: number, size: number): number {
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
export function readInt(data: Buffer, at: number, size: number): number | bigint {
  let value = readSmallUint(data, at, size)
  if (size >= 8) value = BigInt.asIntN(size * 8, value)
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value
}
