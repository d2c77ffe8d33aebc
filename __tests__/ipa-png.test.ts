import { readFileSync } from 'node:fs'
import { crc32, deflateRawSync, deflateSync } from 'node:zlib'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { normalizePng } from '../src/ipa/png.js'
import { chunk, encodeCgbi, type RgbaImage } from './support/cgbi.js'
import { corpusFolder } from './support/corpus.js'

const pngs = corpusFolder('png')
const PNGS = pngs.dir

/** Decodes a plain reference PNG with pngjs directly (one reference has a wrong IDAT CRC). */
function reference(file: string): PNG {
  return PNG.sync.read(readFileSync(`${PNGS}/${file}`), { checkCRC: false })
}

function decode(png: Buffer): PNG {
  return PNG.sync.read(png)
}

/**
 * How far two RGBA images are apart, comparing premultiplied colour (what is seen), so that the
 * colour of a nearly transparent pixel, which premultiplication rounds away, does not count.
 */
function distance(a: PNG, b: PNG, rows = a.height): { mean: number; within8: number } {
  let sum = 0
  let counted = 0
  let close = 0
  for (let i = 0; i < a.width * rows * 4; i += 4) {
    if (a.data[i + 3] === 0 && b.data[i + 3] === 0) continue
    let d = Math.abs(a.data[i + 3]! - b.data[i + 3]!)
    for (let c = 0; c < 3; c++) {
      d = Math.max(
        d,
        Math.abs(a.data[i + c]! * a.data[i + 3]! - b.data[i + c]! * b.data[i + 3]!) / 255
      )
    }
    sum += d
    counted++
    if (d <= 8) close++
  }
  return { mean: sum / counted, within8: close / counted }
}

describe.skipIf(pngs.skip)(`normalizePng on the corpus${pngs.reason}`, () => {
  it('converts cgbi.png to exactly png.png', () => {
    const converted = normalizePng(readFileSync(`${PNGS}/cgbi.png`))
    expect(converted).toMatchObject({ width: 120, height: 120, crushed: true })
    expect(distance(decode(converted.png), reference('png.png')).mean).toBeLessThan(0.5)
  })

  it.each([
    // png2.png was colour-managed (iCCP) when it was made, so its colours drift a little.
    ['cgbi2.png', 'png2.png', 180, 1, 4, 0.85],
    ['cgbi-image.png', 'png-image.png', 180, 1, 2, 0.93],
    // 026026565.png is the same icon with another label: compare the logo, the top half.
    ['AppIcon60x60@3x.png', '026026565.png', 180, 0.5, 1, 0.97]
  ])('converts %s to match %s', (crushed, plain, size, part, maxMean, minWithin) => {
    const converted = normalizePng(readFileSync(`${PNGS}/${crushed}`))
    expect(converted).toMatchObject({ width: size, height: size, crushed: true })
    const { mean, within8 } = distance(decode(converted.png), reference(plain), size * part)
    expect(mean).toBeLessThan(maxMean)
    expect(within8).toBeGreaterThan(minWithin)
  })

  it.each([
    ['icon.png', 60],
    ['iphone.png', 29],
    ['ipad--AppIcon29x29~ipad.png', 29],
    ['ipad--AppIcon76x76@2x~ipad.png', 152],
    ['ipad--AppIcon83.5x83.5@2x~ipad.png', 167],
    ['Example--AppIcon60x60@2x.png', 120],
    ['Example--AppIcon76x76@2x~ipad.png', 152]
  ])('converts the CgBI icon %s to a standard %i px PNG', (file, size) => {
    const converted = normalizePng(readFileSync(`${PNGS}/${file}`))
    expect(converted).toMatchObject({ width: size, height: size, crushed: true })
    const image = decode(converted.png)
    expect([image.width, image.height]).toEqual([size, size])
  })

  it('passes a standard PNG through with its pixels unchanged', () => {
    const data = readFileSync(`${PNGS}/test_icon.png`)
    const converted = normalizePng(data)
    expect(converted).toMatchObject({ width: 1024, height: 1024, crushed: false })
    expect(distance(decode(converted.png), decode(data)).mean).toBe(0)
  })
})

describe('normalizePng on CgBI images made in code', () => {
  /** A 13×9 image (odd sizes exercise every Adam7 pass) with opaque, half and nearly transparent pixels. */
  function sample(): RgbaImage {
    const width = 13
    const height = 9
    const data = new Uint8Array(width * height * 4)
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4
        data.set([(x * 19) % 256, (y * 29) % 256, 200, [255, 128, 64, 3][(x + y) % 4]!], i)
      }
    }
    return { width, height, data }
  }

  it.each([false, true])('round-trips pixels (interlaced: %s)', (interlaced) => {
    const image = sample()
    const converted = normalizePng(encodeCgbi(image, { interlaced }))
    expect(converted).toMatchObject({ width: 13, height: 9, crushed: true })
    const decoded = decode(converted.png)
    const original = Object.assign(new PNG({ width: 13, height: 9 }), {
      data: Buffer.from(image.data)
    })
    // Premultiplying to 8 bits loses colour at low alpha; what is seen stays within rounding.
    expect(distance(decoded, original).mean).toBeLessThan(0.6)
    for (let i = 0; i < image.data.length; i += 4) {
      expect(decoded.data[i + 3]).toBe(image.data[i + 3])
      if (image.data[i + 3] === 255)
        expect([...decoded.data.subarray(i, i + 3)]).toEqual([...image.data.subarray(i, i + 3)])
    }
  })

  it.each([
    ['not a PNG', Buffer.from('GIF89a, not a PNG at all')],
    ['a truncated PNG', encodeCgbi(sample()).subarray(0, 60)],
    ['a PNG with a flipped byte', flipByte(encodeCgbi(sample()), 70)]
  ])('refuses %s', (_, data) => {
    expect(() => normalizePng(data)).toThrow(/PNG/)
  })

  it.each([
    ['a CgBI', true],
    ['an interlaced standard', false]
  ])('refuses %s PNG whose pixel data inflates past 64 MiB', (_, crushed) => {
    const header = Buffer.alloc(13)
    header.writeUInt32BE(16, 0)
    header.writeUInt32BE(16, 4)
    header.set([8, 6, 0, 0, 1], 8)
    const zeros = Buffer.alloc(65 * 1024 * 1024)
    const bomb = Buffer.concat([
      PNG_SIGNATURE,
      ...(crushed ? [chunk('CgBI', Buffer.from([0x50, 0x00, 0x20, 0x06]))] : []),
      chunk('IHDR', header),
      chunk('IDAT', crushed ? deflateRawSync(zeros) : deflateSync(zeros)),
      chunk('IEND', Buffer.alloc(0))
    ])
    expect(() => normalizePng(bomb)).toThrow(/inflates past 64 MiB/)
  })

  it('refuses an image larger than any icon before inflating it', () => {
    const huge = encodeCgbi(sample())
    // IHDR starts at byte 24 (after the signature and the 16-byte CgBI chunk); its width 8 later.
    huge.writeUInt32BE(100_000, 32)
    expect(() => normalizePng(fixCrc(huge, 24))).toThrow(/100000×9 pixels/)
  })
})

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function flipByte(data: Buffer, at: number): Buffer {
  const copy = Buffer.from(data)
  copy[at] = copy[at]! ^ 0xff
  return copy
}

/** Recomputes the CRC of the chunk starting at `offset`, after its data was edited. */
function fixCrc(data: Buffer, offset: number): Buffer {
  const length = data.readUInt32BE(offset)
  const end = offset + 8 + length
  data.writeUInt32BE(crc32(data.subarray(offset + 4, end)), end)
  return data
}
