import { describe, expect, it } from 'vitest'
import { formatBytes, formatMiB } from '../src/format.js'

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [999, '999 bytes'],
    [1000, '1.0 kB'],
    [12_345_678, '12.3 MB'],
    [123_456_789, '123 MB'],
    [999_950, '1.0 MB'],
    [999_999_999, '1.0 GB'],
    [2_500_000_000_000, '2500 GB']
  ])('%i bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })
})

describe('formatMiB', () => {
  it.each([
    [0, '0 MiB'],
    [64 * 2 ** 20, '64 MiB'],
    [1.55 * 2 ** 20, '1.5 MiB'],
    [100 * 2 ** 20 - 1, '99.9 MiB']
  ])('%i bytes → %s', (bytes, text) => {
    expect(formatMiB(bytes)).toBe(text)
  })
})
