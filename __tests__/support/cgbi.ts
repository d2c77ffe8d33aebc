import { crc32, deflateRawSync } from 'node:zlib'

/** Straight-alpha RGBA pixels, row by row. */
export interface RgbaImage {
  width: number
  height: number
  data: Uint8Array
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** The CgBI chunk body Xcode writes for RGBA icons. */
const CGBI_FLAGS = Buffer.from([0x50, 0x00, 0x20, 0x06])

/** Adam7 passes: start column, start row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2]
] as const

/**
 * Encodes pixels the way Xcode's pngcrush does: a CgBI chunk first, BGRA with premultiplied alpha,
 * and a raw deflate stream (no zlib header). Rows cycle through all five filter types so a decoder
 * must undo each; `interlaced` writes the Adam7 passes.
 */
export function encodeCgbi(image: RgbaImage, options: { interlaced?: boolean } = {}): Buffer {
  const { width, height } = image
  const crushed = premultipliedBgra(image.data)
  const rows: Buffer[] = []
  const passes = options.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const)
  for (const [x0, y0, dx, dy] of passes) {
    let previous: Buffer | undefined
    for (let y = y0; y < height; y += dy) {
      const row: number[] = []
      for (let x = x0; x < width; x += dx) {
        const at = (y * width + x) * 4
        row.push(...crushed.subarray(at, at + 4))
      }
      if (row.length === 0) break
      const raw = Buffer.from(row)
      rows.push(filterRow(raw, previous, rows.length % 5))
      previous = raw
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, options.interlaced ? 1 : 0], 8)
  return Buffer.concat([
    SIGNATURE,
    chunk('CgBI', CGBI_FLAGS),
    chunk('IHDR', header),
    chunk('IDAT', deflateRawSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** A PNG chunk with its length and CRC. */
export function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))))
  return Buffer.concat([head, data, crc])
}

function premultipliedBgra(rgba: Uint8Array): Buffer {
  const out = Buffer.alloc(rgba.length)
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    const alpha = rgba[i + 3] ?? 0
    const premultiply = (value: number | undefined): number =>
      Math.round(((value ?? 0) * alpha) / 255)
    out[i] = premultiply(rgba[i + 2])
    out[i + 1] = premultiply(rgba[i + 1])
    out[i + 2] = premultiply(rgba[i])
    out[i + 3] = alpha
  }
  return out
}

/** PNG filter `type` (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth) over 4-byte pixels. */
function filterRow(row: Buffer, previous: Buffer | undefined, type: number): Buffer {
  const out = Buffer.alloc(row.length + 1)
  out[0] = type
  for (let i = 0; i < row.length; i++) {
    const left = i >= 4 ? (row[i - 4] ?? 0) : 0
    const up = previous?.[i] ?? 0
    const upLeft = i >= 4 ? (previous?.[i - 4] ?? 0) : 0
    const predictor = [0, left, up, Math.floor((left + up) / 2), paeth(left, up, upLeft)][
      type
    ] as number
    out[i + 1] = ((row[i] ?? 0) - predictor) & 0xff
  }
  return out
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft
  const toLeft = Math.abs(estimate - left)
  const toUp = Math.abs(estimate - up)
  const toUpLeft = Math.abs(estimate - upLeft)
  if (toLeft <= toUp && toLeft <= toUpLeft) return left
  return toUp <= toUpLeft ? up : upLeft
}
