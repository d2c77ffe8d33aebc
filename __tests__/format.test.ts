import { describe, expect, it } from 'vitest'
import { formatBytes } from '../src/format.js'

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
