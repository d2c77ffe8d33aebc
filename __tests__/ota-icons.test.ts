import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { iconFiles, resizePng } from '../src/ota/icons.js'
import { twoColourPng } from './support/ota-fixtures.js'

function pixel(png: PNG, x: number, y: number): number[] {
  const at = (y * png.width + x) * 4
  return [...png.data.subarray(at, at + 4)]
}

describe('resizePng', () => {
  it('makes the manifest sizes from a 180 px icon and keeps the original', () => {
    const original = twoColourPng(180, [255, 0, 0, 255], [0, 0, 255, 255])
    const files = iconFiles(original)
    expect(files.original).toBe(original)
    const display = PNG.sync.read(files.display)
    const full = PNG.sync.read(files.fullSize)
    expect([display.width, display.height]).toEqual([57, 57])
    expect([full.width, full.height]).toEqual([512, 512])
    for (const image of [display, full]) {
      expect(pixel(image, 0, 0)).toEqual([255, 0, 0, 255])
      expect(pixel(image, image.width - 1, image.height - 1)).toEqual([0, 0, 255, 255])
    }
    // The column straddling the edge blends both colours instead of picking one.
    const [red, , blue] = pixel(display, 28, 10)
    expect(red).toBeGreaterThan(0)
    expect(blue).toBeGreaterThan(0)
  })

  it('averages the covered area when shrinking (one-pixel stripes turn grey)', () => {
    const stripes = new PNG({ width: 114, height: 114 })
    for (let y = 0; y < 114; y++) {
      for (let x = 0; x < 114; x++) {
        const value = x % 2 === 0 ? 0 : 255
        stripes.data.set([value, value, value, 255], (y * 114 + x) * 4)
      }
    }
    const small = PNG.sync.read(resizePng(PNG.sync.write(stripes), 57))
    for (const x of [0, 20, 56]) expect(pixel(small, x, 30)).toEqual([128, 128, 128, 255])
  })

  it('does not bleed the colour of transparent pixels into the edge', () => {
    const png = twoColourPng(100, [0, 255, 0, 0], [255, 0, 0, 255])
    const small = PNG.sync.read(resizePng(png, 57))
    const edge = pixel(small, 28, 28)
    expect(edge[1]).toBe(0)
    expect(edge[0]).toBe(255)
    expect(edge[3]).toBeGreaterThan(0)
    expect(edge[3]).toBeLessThan(255)
    expect(pixel(small, 0, 0)[3]).toBe(0)
  })

  it('refuses bytes that are not a PNG', () => {
    expect(() => resizePng(Buffer.from('not a png'), 57)).toThrow()
  })
})
