import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { Worker } from 'node:worker_threads'
import { build } from 'esbuild'
import { parse as parseXml } from 'plist'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import {
  isBinaryPlist,
  parseBinaryPlist,
  parsePlist,
  parsePlistDict,
  PlistError
} from '../src/ipa/plist.js'
import type { PlistValue } from '../src/ipa/plist.js'
import { corpusFolder } from './support/corpus.js'

const run = promisify(execFile)
const corpus = corpusFolder('bplist')
const BPLIST = corpus.dir

/** Assembles a bplist00 from raw object bytes (1-byte offsets and references). */
function bplist(objects: readonly number[][], top = 0): Buffer {
  const header = Buffer.from('bplist00', 'latin1')
  const offsets: number[] = []
  let position = header.length
  for (const object of objects) {
    offsets.push(position)
    position += object.length
  }
  const trailer = Buffer.alloc(32)
  trailer[6] = 1
  trailer[7] = 1
  trailer.writeBigUInt64BE(BigInt(objects.length), 8)
  trailer.writeBigUInt64BE(BigInt(top), 16)
  trailer.writeBigUInt64BE(BigInt(position), 24)
  return Buffer.concat([
    header,
    ...objects.map((o) => Buffer.from(o)),
    Buffer.from(offsets),
    trailer
  ])
}

/** ASCII string object. */
const ascii = (text: string): number[] => [0x50 | text.length, ...Buffer.from(text, 'latin1')]

describe('XML plists', () => {
  it('parses an XML Info.plist', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
  <key>CFBundleIdentifier</key><string>com.example.app</string>
  <key>UIDeviceFamily</key><array><integer>1</integer><integer>2</integer></array>
  <key>Flag</key><true/>
</dict></plist>`
    expect(parsePlist(Buffer.from(xml), 'Info.plist')).toEqual({
      CFBundleIdentifier: 'com.example.app',
      UIDeviceFamily: [1, 2],
      Flag: true
    })
  })

  it('decodes a UTF-16 XML plist by its byte-order mark', () => {
    const xml = '<plist><dict><key>CFBundleName</key><string>天翼阅读</string></dict></plist>'
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])
    const utf16be = Buffer.from(utf16le).swap16()
    expect(parsePlist(utf16le, 'a.plist')).toEqual({ CFBundleName: '天翼阅读' })
    expect(parsePlist(utf16be, 'b.plist')).toEqual({ CFBundleName: '天翼阅读' })
  })

  it('refuses broken XML with a UserError naming the file', () => {
    const broken = Buffer.from('<plist><dict><key>a</key><string>1</string>')
    expect(() => parsePlist(broken, 'Payload/A.app/Info.plist')).toThrowError(UserError)
    expect(() => parsePlist(broken, 'Payload/A.app/Info.plist')).toThrowError(
      /^Payload\/A\.app\/Info\.plist is not a valid property list \(.*unclosed.*\); rebuild/
    )
  })

  it('refuses a "__proto__" key in XML instead of polluting prototypes', () => {
    const xml =
      '<plist><dict><key>__proto__</key><dict><key>x</key><string>1</string></dict></dict></plist>'
    expect(() => parsePlist(Buffer.from(xml), 'Info.plist')).toThrowError(UserError)
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('parsePlistDict refuses a plist whose top level is not a dictionary', () => {
    const xml = Buffer.from('<plist><array><string>a</string></array></plist>')
    expect(() => parsePlistDict(xml, 'Info.plist')).toThrowError(
      'Info.plist is not a dictionary property list; rebuild the app so Xcode writes it again.'
    )
  })
})

describe('binary plists made in code', () => {
  it('reads scalars, containers and a UID', () => {
    const data = bplist([
      [0xd3, 1, 2, 3, 4, 5, 6], // dict of 3
      ascii('n'),
      ascii('b'),
      ascii('u'),
      [0x11, 0x01, 0x00], // 256
      [0xa2, 7, 8], // [true, false]
      [0x80, 0x2a], // UID 42
      [0x09],
      [0x08]
    ])
    expect(isBinaryPlist(data)).toBe(true)
    expect(parseBinaryPlist(data)).toEqual({ n: 256, b: [true, false], u: { CF$UID: 42 } })
  })

  it('keeps a "__proto__" key as an ordinary key', () => {
    const parsed = parseBinaryPlist(bplist([[0xd1, 1, 2], ascii('__proto__'), ascii('x')]))
    expect(Object.keys(parsed as object)).toEqual(['__proto__'])
    expect((parsed as Record<string, PlistValue>)['__proto__']).toBe('x')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('refuses an array that contains itself', () => {
    expect(() => parseBinaryPlist(bplist([[0xa1, 0]]))).toThrowError('object 0 contains itself')
  })

  it('refuses a dictionary cycle through another dictionary', () => {
    const data = bplist([[0xd1, 2, 1], [0xd1, 2, 0], ascii('k')])
    expect(() => parseBinaryPlist(data)).toThrowError(/contains itself/)
  })

  it('bounds shared references that would expand exponentially', () => {
    // Each array holds the next one twice: 2^60 objects if expanded naively.
    const objects: number[][] = []
    for (let i = 0; i < 60; i++) objects.push([0xa2, i + 1, i + 1])
    objects.push([0x09])
    expect(() => parseBinaryPlist(bplist(objects))).toThrowError('too many objects')
  })

  it('bounds nesting depth', () => {
    const objects: number[][] = []
    for (let i = 0; i < 300; i++) objects.push([0xa1, i + 1])
    objects.push([0x09])
    // 301 objects need 2-byte references: write them by hand.
    const header = Buffer.from('bplist00', 'latin1')
    const bodies = objects.map((o, i) =>
      o[0] === 0xa1 ? Buffer.from([0xa1, (i + 1) >> 8, (i + 1) & 0xff]) : Buffer.from(o)
    )
    const offsets = Buffer.alloc(bodies.length * 2)
    let position = header.length
    bodies.forEach((body, i) => {
      offsets.writeUInt16BE(position, i * 2)
      position += body.length
    })
    const trailer = Buffer.alloc(32)
    trailer[6] = 2
    trailer[7] = 2
    trailer.writeBigUInt64BE(BigInt(bodies.length), 8)
    trailer.writeBigUInt64BE(BigInt(position), 24)
    const data = Buffer.concat([header, ...bodies, offsets, trailer])
    expect(() => parseBinaryPlist(data)).toThrowError('nested too deeply')
  })

  it('refuses references, offsets and lengths outside the file', () => {
    expect(() => parseBinaryPlist(bplist([[0xa1, 9]]))).toThrowError(/reference 9 out of range/)
    expect(() => parseBinaryPlist(bplist([[0x5f, 0x10, 0xff, 0x41]]))).toThrowError(
      /past the end of the object area/
    )
    const badTop = bplist([[0x09]], 3)
    expect(() => parseBinaryPlist(badTop)).toThrowError('top object out of range')
    expect(() => parseBinaryPlist(Buffer.from('bplist00'))).toThrowError(PlistError)
  })

  it('refuses a dictionary key that is not a string', () => {
    expect(() =>
      parseBinaryPlist(
        bplist([
          [0xd1, 1, 1],
          [0x10, 0x41]
        ])
      )
    ).toThrowError('dictionary key is not a string')
  })

  it('parsePlist wraps binary errors in a UserError naming the file', () => {
    expect(() => parsePlist(bplist([[0xa1, 0]]), 'Payload/A.app/Info.plist')).toThrowError(
      'Payload/A.app/Info.plist is not a valid property list (object 0 contains itself); rebuild the app so Xcode writes it again.'
    )
  })
})

/** Serialises a decoded plist so values from XML and binary compare alike. */
function normalise(value: PlistValue): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item === 'bigint') return item.toString()
      if (item instanceof Uint8Array) return Buffer.from(item).toString('base64')
      return item
    }),
    // XML dates have whole seconds.
    (_key, item: unknown) =>
      typeof item === 'string' && /^\d{4}-\d\d-\d\dT.*Z$/.test(item) ? item.slice(0, 19) : item
  )
}

describe.skipIf(corpus.skip)(`bplist corpus${corpus.reason}`, () => {
  const dir = (sub: string) => corpus.list(sub)
  const valid = (name: string): PlistValue =>
    parseBinaryPlist(readFileSync(join(BPLIST, 'valid', name)))

  it.each(
    ['off', 'dictref'].flatMap((kind) =>
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `${kind}${n}byte${n > 1 ? 's' : ''}.bplist`)
    )
  )('reads %s (1–8 byte offsets and references)', (name) => {
    expect(valid(name)).toEqual({ A: 'B' })
  })

  it('reads signed and unsigned 64-bit integers exactly', () => {
    expect(valid('int64.bplist')).toEqual({
      zero: 0,
      int32itemsigned: -1234567890,
      int64item: 12345678901234567890n,
      int32item: 1234567890
    })
    expect(valid('signedunsigned.bplist')).toEqual([
      -1,
      18446744073709551615n,
      9223372036854775807n,
      -9223372036854775808n,
      9223372036854775808n
    ])
    expect(valid('signed.bplist')).toBe(-1)
    expect(valid('unsigned.bplist')).toBe(18446744073709551615n)
  })

  it('reads UIDs as CF$UID dictionaries, as XML plists write them', () => {
    expect(valid('libimobiledevice--uid.bplist')).toEqual({ CF$UID: 7 })
    const archive = valid('uid.bplist') as Record<string, PlistValue>
    expect(archive.$version).toBe(100000)
    expect((archive.$objects as PlistValue[])[1]).toMatchObject({
      'NS.keys': [{ CF$UID: 2 }, { CF$UID: 3 }, { CF$UID: 4 }]
    })
  })

  it('reads UTF-16 strings, Chinese included', () => {
    expect(valid('utf16.bplist')).toMatchObject({
      CFBundleName: 'sellStuff',
      NSHumanReadableCopyright: '©2008-2012, sellStuff, Inc.'
    })
    expect(valid('utf16_chinese.plist')).toMatchObject({ CFBundleName: '天翼阅读' })
  })

  it('refuses recursion.bplist, which refers to itself', () => {
    expect(() => valid('recursion.bplist')).toThrowError(PlistError)
  })

  it('refuses malformed_dict.bplist, whose dictionary key is a dictionary', () => {
    // It sits in valid/ of the corpus, but libplist (whose test data it is) and CPython's plistlib
    // refuse it too: a dictionary key must be a string.
    expect(() => valid('malformed_dict.bplist')).toThrowError('dictionary key is not a string')
  })

  describe('agrees with plistutil', () => {
    let work: string
    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'plist-'))
    })
    afterAll(() => rmSync(work, { recursive: true, force: true }))

    const comparable = dir('valid').filter(
      (name) =>
        // plistutil refuses these two; the integer files are checked exactly above (XML loses bits).
        ![
          'recursion.bplist',
          'malformed_dict.bplist',
          'int64.bplist',
          'signedunsigned.bplist',
          'unsigned.bplist'
        ].includes(name)
    )
    it.each(comparable)('%s', async (name) => {
      const out = join(work, `${name}.xml`)
      await run('plistutil', ['-i', join(BPLIST, 'valid', name), '-o', out, '-f', 'xml'])
      const expected = parseXml(readFileSync(out, 'utf8')) as PlistValue
      expect(normalise(valid(name))).toEqual(normalise(expected))
    })
  })

  describe('malformed fuzzer cases are refused, each in a guarded worker', () => {
    let bundle: string
    let work: string
    beforeAll(async () => {
      // A worker cannot load TypeScript: bundle the parser once.
      work = mkdtempSync(join(tmpdir(), 'plist-worker-'))
      bundle = join(work, 'plist.mjs')
      await build({
        entryPoints: ['src/ipa/plist.ts'],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: bundle,
        logLevel: 'error'
      })
    })
    afterAll(() => rmSync(work, { recursive: true, force: true }))

    /** Parses in a worker with little heap; a hang or a huge allocation fails this case alone. */
    function parseGuarded(file: string): Promise<{ ok: boolean; message: string }> {
      const source = `
        import { workerData, parentPort } from 'node:worker_threads'
        import { readFileSync } from 'node:fs'
        const { parseBinaryPlist } = await import(workerData.bundle)
        try {
          parseBinaryPlist(readFileSync(workerData.file))
          parentPort.postMessage({ ok: true, message: 'parsed' })
        } catch (error) {
          parentPort.postMessage({ ok: false, message: String(error && error.message) })
        }`
      const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
        workerData: { bundle: pathToFileURL(bundle).href, file },
        resourceLimits: { maxOldGenerationSizeMb: 64, stackSizeMb: 4 }
      })
      return new Promise((resolvePromise, reject) => {
        const guard = setTimeout(() => {
          void worker.terminate()
          reject(new Error(`${file}: the parser did not finish within 30 s`))
        }, 30_000) // a hang guard, generous so a busy machine cannot trip it
        worker.once('message', (result: { ok: boolean; message: string }) => {
          clearTimeout(guard)
          void worker.terminate()
          resolvePromise(result)
        })
        worker.once('error', (error: Error) => {
          clearTimeout(guard)
          reject(error)
        })
      })
    }

    it.each(dir('malformed'))('%s', async (name) => {
      const result = await parseGuarded(join(BPLIST, 'malformed', name))
      expect(result.ok, result.message).toBe(false)
      expect(result.message).toMatch(/^[a-z].{5,}/)
    })
  })
})
