import { describe, expect, it } from 'vitest'
import { backoffMs } from '../src/hosts/backoff.js'
import { retryDelayMs } from '../src/hosts/pages/store.js'

describe('backoffMs', () => {
  it('backs off with full jitter, growing and capped', () => {
    expect(backoffMs(1, () => 0.5)).toBe(500)
    expect(backoffMs(3, () => 0.5)).toBe(2000)
    expect(backoffMs(10, () => 0.999)).toBe(14_985)
    expect(backoffMs(2, () => 0)).toBe(0)
  })
})

describe('retryDelayMs (Pages push retries)', () => {
  it('waits a quarter as long after a lost race as after a network failure, under the same cap', () => {
    expect(retryDelayMs('race', 1, () => 0.999)).toBe(249)
    expect(retryDelayMs('transient', 1, () => 0.999)).toBe(999)
    expect(retryDelayMs('race', 3, () => 0.5)).toBe(500)
    expect(retryDelayMs('transient', 3, () => 0.5)).toBe(2000)
    expect(retryDelayMs('race', 12, () => 0.999)).toBe(14_985)
  })
})
