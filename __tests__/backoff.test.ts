import { describe, expect, it } from 'vitest'
import { backoffMs } from '../src/hosts/backoff.js'

describe('backoffMs', () => {
  it('backs off with full jitter, growing and capped', () => {
    expect(backoffMs(1, () => 0.5)).toBe(500)
    expect(backoffMs(3, () => 0.5)).toBe(2000)
    expect(backoffMs(10, () => 0.999)).toBe(14_985)
    expect(backoffMs(2, () => 0)).toBe(0)
  })
})
