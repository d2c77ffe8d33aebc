import { describe, expect, it } from 'vitest'
import { graphemeCount, truncate } from '../src/report/markdown.js'

const FAMILY = '👨\u200D👩\u200D👧'
const E_ACUTE = 'e\u0301'

describe('graphemeCount', () => {
  it('counts what a reader sees as one character once', () => {
    expect(graphemeCount('')).toBe(0)
    expect(graphemeCount(`a${FAMILY}${E_ACUTE}🇫🇷\r\n`)).toBe(5)
  })
})

describe('truncate', () => {
  it.each([
    ['short', 5, 'short'],
    ['shorter', 5, 'shor…'],
    [`${FAMILY}${FAMILY}${FAMILY}`, 2, `${FAMILY}…`],
    [`${E_ACUTE.repeat(4)}`, 4, E_ACUTE.repeat(4)],
    [`${E_ACUTE.repeat(4)}`, 3, `${E_ACUTE.repeat(2)}…`],
    ['abc', 1, '…'],
    ['abc', 0, '…']
  ])('truncate(%j, %i) is %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected)
  })

  it('cuts a long text to the same result the whole segmentation gives', () => {
    const text = `${'ab'.repeat(5000)}${FAMILY}${'é🇫🇷'.repeat(5000)}`
    const all = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text))
    for (const max of [1, 9_999, 10_000, 10_001, 10_002, 20_000]) {
      const expected =
        all.length <= max
          ? text
          : `${all
              .slice(0, max - 1)
              .map((s) => s.segment)
              .join('')}…`
      expect(truncate(text, max)).toBe(expected)
    }
  })
})
