import { describe, expect, it } from 'vitest'
import { clean, cleanStrings, logLine, logText, oneLine } from '../src/text.js'

/** Every bidi control, and other invisible format characters (soft hyphen, BOM, a tag). */
const INVISIBLE = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u00AD',
  '\uFEFF',
  '\u2060',
  '\u{E0041}'
]

describe('clean', () => {
  it.each(INVISIBLE.map((char) => [char.codePointAt(0)!.toString(16), char]))(
    'removes U+%s',
    (_, char) => {
      expect(clean(`App${char}Name`)).toBe('AppName')
    }
  )

  it('removes controls and lone surrogates, keeps tabs, newlines, joiners and emoji', () => {
    expect(clean('a\u0000b\u0007c\u009Bd\uD800e')).toBe('abcde')
    expect(clean('one\ttwo\r\nthree\rfour\u2028five')).toBe('one\ttwo\nthree\nfour\nfive')
    const family = '👨\u200D👩\u200D👧'
    expect(clean(`${family} می\u200Cخواهم 🇫🇷`)).toBe(`${family} می\u200Cخواهم 🇫🇷`)
  })
})

describe('cleanStrings', () => {
  it('cleans every string of a record, nested, and leaves other values', () => {
    const record = {
      name: 'evil\u202Egnp.exe',
      n: 2,
      ok: true,
      list: ['a\u2066b'],
      deep: { x: 'c\u200Fd' }
    }
    expect(cleanStrings(record)).toEqual({
      name: 'evilgnp.exe',
      n: 2,
      ok: true,
      list: ['ab'],
      deep: { x: 'cd' }
    })
    expect(record.name).toBe('evil\u202Egnp.exe')
  })
})

describe('oneLine', () => {
  it('joins lines, collapses spaces and drops controls', () => {
    expect(oneLine('App\r\n\u202Eevil\u0007\t end ')).toBe('App evil end')
  })
})

describe('logLine', () => {
  it('keeps the constant and puts each value on the line without a runner command', () => {
    const name = '::error title=Owned::Pwned\n::add-mask::x'
    const line = logLine`Read ${name} 1.0`
    expect(line).toBe('Read : :error title=Owned: :Pwned : :add-mask: :x 1.0')
    expect(line).not.toContain('::')
    expect(line).not.toContain('\n')
  })

  it.each([
    ['::stop-commands::token123', ': :stop-commands: :token123'],
    ['::token123::', ': :token123: :'],
    ['a:::b', 'a: : :b'],
    ['##[error]Pwned', '# #[error]Pwned'],
    ['ok: fine #1', 'ok: fine #1']
  ])('logText(%j) is %j', (text, expected) => {
    expect(logText(text)).toBe(expected)
    expect(logText(text)).not.toMatch(/::|##\[/)
  })

  it('cleans bidi controls from values', () => {
    expect(logLine`App ${'\u202Eppa'} built`).toBe('App ppa built')
  })

  it('refuses a template that starts with a value, so no line of the log starts with data', () => {
    expect(() => logLine`${'::error::x'} read`).toThrow(/must start with constant text/)
    expect(() => logLine` ${'x'}`).toThrow(/must start with constant text/)
    expect(() => logLine`::${'x'}`).toThrow(/must start with constant text/)
  })
})
