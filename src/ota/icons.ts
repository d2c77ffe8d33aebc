import { PNG } from 'pngjs'

/** The icon sizes the OTA manifest asks for: display-image and full-size-image. */
const DISPLAY_IMAGE_SIZE = 57
const FULL_SIZE_IMAGE_SIZE = 512

/**
 * Per output pixel along one axis: the source pixels it reads and their weights (summing to 1).
 * Shrinking averages the covered source area (box filter with partial edge pixels); enlarging
 * interpolates linearly between the two nearest source pixel centres.
 */
function axisWeights(from: number, to: number): { index: number; weight: number }[][] {
  const scale = from / to
  const taps: { index: number; weight: number }[][] = []
  for (let out = 0; out < to; out++) {
    const pixelTaps: { index: number; weight: number }[] = []
    if (scale > 1) {
      const start = out * scale
      const end = start + scale
      for (let index = Math.floor(start); index < Math.min(Math.ceil(end), from); index++) {
        const covered = Math.min(end, index + 1) - Math.max(start, index)
        if (covered > 0) pixelTaps.push({ index, weight: covered / scale })
      }
    } else {
      const centre = Math.min(Math.max((out + 0.5) * scale - 0.5, 0), from - 1)
      const left = Math.floor(centre)
      const right = Math.min(left + 1, from - 1)
      const fraction = centre - left
      pixelTaps.push({ index: left, weight: 1 - fraction })
      if (fraction > 0) pixelTaps.push({ index: right, weight: fraction })
    }
    taps.push(pixelTaps)
  }
  return taps
}

/** Buffers wrap around at 256, so float rounding error must not reach it. */
function toByte(value: number): number {
  return Math.min(255, Math.max(0, Math.round(value)))
}

/**
 * Resizes a PNG to a square of `size` pixels. pngjs only reads and writes PNGs and the good
 * resizers (sharp) are native modules a JavaScript action cannot ship, so the resampling is done
 * here: separable area averaging / bilinear, on premultiplied alpha so transparent pixels do not
 * bleed their colour into the edges.
 */
export function resizePng(png: Buffer, size: number): Buffer {
  const source = PNG.sync.read(png)
  const { width, height, data } = source
  const columns = axisWeights(width, size)
  const rows = axisWeights(height, size)

  // Horizontal pass: height × size, premultiplied RGBA floats.
  const across = new Float64Array(height * size * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < size; x++) {
      const target = (y * size + x) * 4
      for (const { index, weight } of columns[x] ?? []) {
        const from = (y * width + index) * 4
        const alpha = (data[from + 3] ?? 0) * weight
        across[target] = (across[target] ?? 0) + (data[from] ?? 0) * alpha
        across[target + 1] = (across[target + 1] ?? 0) + (data[from + 1] ?? 0) * alpha
        across[target + 2] = (across[target + 2] ?? 0) + (data[from + 2] ?? 0) * alpha
        across[target + 3] = (across[target + 3] ?? 0) + alpha
      }
    }
  }

  // Vertical pass, then back to straight alpha.
  const result = new PNG({ width: size, height: size })
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let red = 0
      let green = 0
      let blue = 0
      let alpha = 0
      for (const { index, weight } of rows[y] ?? []) {
        const from = (index * size + x) * 4
        red += (across[from] ?? 0) * weight
        green += (across[from + 1] ?? 0) * weight
        blue += (across[from + 2] ?? 0) * weight
        alpha += (across[from + 3] ?? 0) * weight
      }
      const target = (y * size + x) * 4
      result.data[target] = alpha > 0 ? toByte(red / alpha) : 0
      result.data[target + 1] = alpha > 0 ? toByte(green / alpha) : 0
      result.data[target + 2] = alpha > 0 ? toByte(blue / alpha) : 0
      result.data[target + 3] = toByte(alpha)
    }
  }
  return PNG.sync.write(result)
}

export interface IconFiles {
  /** The app icon as found in the IPA. */
  original: Buffer
  /** 57×57 for the manifest's display-image. */
  display: Buffer
  /** 512×512 for the manifest's full-size-image. */
  fullSize: Buffer
}

/** The three icon files of a build folder from the app icon (a standard PNG). */
export function iconFiles(png: Buffer): IconFiles {
  return {
    original: png,
    display: resizePng(png, DISPLAY_IMAGE_SIZE),
    fullSize: resizePng(png, FULL_SIZE_IMAGE_SIZE)
  }
}
