import { crc32, deflateSync, inflateRawSync, inflateSync } from 'node:zlib'
import { PNG } from 'pngjs'
import { formatMiB } from '../format.js'

/** Larger than any app icon (the App Store one is 1024×1024); keeps a hostile IPA from using GBs. */
const MAX_PNG_SIDE = 4096
/** Cap on the inflated IDAT stream: a small compressed file must not inflate without bound. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const IHDR_LENGTH = 13

interface Chunk {
  type: string
  data: Buffer
}

/**
 * Turns a PNG (standard or Apple CgBI) into a standard 8-bit RGBA PNG. Throws on a broken PNG.
 *
 * No maintained library reads CgBI (the npm converters neither un-premultiply nor handle Adam7,
 * and pngjs refuses the CgBI chunk and the headerless deflate stream), so this walks the chunks by
 * hand, re-wraps the pixel stream as a standard PNG, and leaves filters and interlacing to pngjs.
 */
export function normalizePng(data: Buffer): {
  png: Buffer
  width: number
  height: number
  crushed: boolean
} {
  const chunks = readChunks(data)
  const header = chunks[0]?.type === 'CgBI' ? chunks[1] : chunks[0]
  if (header?.type !== 'IHDR' || header.data.length !== IHDR_LENGTH) {
    throw new Error('PNG does not start with an IHDR chunk')
  }
  const width = header.data.readUInt32BE(0)
  const height = header.data.readUInt32BE(4)
  if (width < 1 || height < 1 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    throw new Error(
      `PNG is ${width}×${height} pixels; icons of 1 to ${MAX_PNG_SIDE} pixels a side are read`
    )
  }
  const crushed = chunks.some((chunk) => chunk.type === 'CgBI')
  const compressed = Buffer.concat(
    chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)
  )
  // pngjs inflates interlaced images without a limit, so every stream is inflated here first.
  const inflated = inflateCapped(compressed, crushed)

  // Re-wrapping the pixel stream also drops what pngjs refuses in some real icons (bytes after
  // the zlib stream); CgBI keeps IHDR, PLTE and tRNS standard, only the stream and channels differ.
  const standard = writePng([
    header,
    ...chunks.filter((chunk) => chunk.type === 'PLTE' || chunk.type === 'tRNS'),
    // Stored, not compressed: pngjs inflates it again at once, and only its own output is kept.
    { type: 'IDAT', data: deflateSync(inflated, { level: 0 }) },
    { type: 'IEND', data: Buffer.alloc(0) }
  ])
  const image = PNG.sync.read(standard)
  if (crushed) unpremultiplyBgra(image.data)
  return { png: PNG.sync.write(image), width, height, crushed }
}

/** Chunks up to IEND, each length and CRC checked against the file. */
function readChunks(data: Buffer): Chunk[] {
  if (data.length < SIGNATURE.length || !data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new Error('not a PNG file (no PNG signature)')
  }
  const chunks: Chunk[] = []
  let offset = SIGNATURE.length
  for (;;) {
    if (offset + 12 > data.length) throw new Error('PNG is truncated (no IEND chunk)')
    const length = data.readUInt32BE(offset)
    const end = offset + 8 + length
    if (end + 4 > data.length) throw new Error('PNG is truncated inside a chunk')
    const type = data.toString('latin1', offset + 4, offset + 8)
    if (crc32(data.subarray(offset + 4, end)) !== data.readUInt32BE(end)) {
      throw new Error(`PNG chunk ${JSON.stringify(type)} has a wrong CRC`)
    }
    if (type === 'IEND') return chunks
    chunks.push({ type, data: data.subarray(offset + 8, end) })
    offset = end + 4
  }
}

function inflateCapped(compressed: Buffer, raw: boolean): Buffer {
  try {
    const options = { maxOutputLength: MAX_INFLATED_BYTES }
    return raw ? inflateRawSync(compressed, options) : inflateSync(compressed, options)
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Error(`PNG pixel data inflates past ${formatMiB(MAX_INFLATED_BYTES)}`)
    }
    throw new Error(`PNG pixel data is not a valid deflate stream (${(error as Error).message})`)
  }
}

function writePng(chunks: Chunk[]): Buffer {
  const parts: Buffer[] = [SIGNATURE]
  for (const { type, data } of chunks) {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))))
    parts.push(head, data, crc)
  }
  return Buffer.concat(parts)
}

/** In place: BGRA with premultiplied alpha → RGBA with straight alpha. */
function unpremultiplyBgra(pixels: Buffer): void {
  for (let i = 0; i + 3 < pixels.length; i += 4) {
    const blue = pixels[i] ?? 0
    const green = pixels[i + 1] ?? 0
    const red = pixels[i + 2] ?? 0
    const alpha = pixels[i + 3] ?? 0
    const scale = alpha === 0 || alpha === 255 ? 1 : 255 / alpha
    pixels[i] = Math.min(255, Math.round(red * scale))
    pixels[i + 1] = Math.min(255, Math.round(green * scale))
    pixels[i + 2] = Math.min(255, Math.round(blue * scale))
  }
}
