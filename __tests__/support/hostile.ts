/**
 * The hostile archive corpus: IPAs that are broken by accident (truncated downloads, the wrong
 * file) or on purpose (zip bombs, lying headers, path traversal, plist recursion). Each is written
 * to a folder with the words the action's one error line must contain. The real-world malformed
 * fixtures are listed separately (`malformedFixtures`), by path, never copied.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'plist'
import { writeSampleIpa } from './sample-ipa.js'
import { writeZip, zipBuffer, type ZipEntry } from './zip.js'

export interface HostileArchive {
  /** File name in the corpus folder; it says what is wrong. */
  name: string
  path: string
  /** What the one error line must say about it. */
  error: RegExp
}

const APP = 'Payload/Hostile.app/'
const INFO = `${APP}Info.plist`
const GIB = 2 ** 30

/** An Info.plist; a key given as undefined is left out. */
function infoXml(extra: Record<string, unknown> = {}): string {
  const fields: Record<string, unknown> = {
    CFBundleIdentifier: 'dev.ipa-ota.hostile',
    CFBundleShortVersionString: '1.0',
    CFBundleVersion: '1',
    CFBundleExecutable: 'Hostile',
    ...extra
  }
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete fields[key]
  return build(fields as Parameters<typeof build>[0])
}

/** An app that reads fine up to whatever `entries` break. */
const app = (...entries: ZipEntry[]): ZipEntry[] => [
  { name: 'Payload/', data: '' },
  { name: APP, data: '' },
  ...entries
]

/**
 * A bplist00 of one-byte offsets and references: `objects` are the encoded objects in order,
 * object 0 is the top.
 */
function bplist(objects: Buffer[], refSize = 1, offsetSize = 1): Buffer {
  const parts: Buffer[] = [Buffer.from('bplist00')]
  const offsets: number[] = []
  let offset = 8
  for (const object of objects) {
    offsets.push(offset)
    parts.push(object)
    offset += object.length
  }
  const table = Buffer.alloc(offsets.length * offsetSize)
  offsets.forEach((o, i) => table.writeUIntBE(o, i * offsetSize, offsetSize))
  const trailer = Buffer.alloc(32)
  trailer[6] = offsetSize
  trailer[7] = refSize
  trailer.writeBigUInt64BE(BigInt(objects.length), 8)
  trailer.writeBigUInt64BE(0n, 16)
  trailer.writeBigUInt64BE(BigInt(offset), 24)
  return Buffer.concat([...parts, table, trailer])
}

const ref = (n: number, size: number): Buffer => {
  const b = Buffer.alloc(size)
  b.writeUIntBE(n, 0, size)
  return b
}

/** { "A": <itself> }: a dictionary whose value is the dictionary. */
const cyclicBplist = (): Buffer =>
  bplist([Buffer.from([0xd1, 0x01, 0x00]), Buffer.from([0x51, 0x41])])

/** { "A": [[[[…]]]] } nested `depth` arrays deep, each one object referring to the next. */
function deepBplist(depth: number): Buffer {
  const size = 4
  const objects = [Buffer.concat([Buffer.from([0xd1]), ref(1, size), ref(2, size)])]
  objects.push(Buffer.from([0x51, 0x41]))
  for (let i = 0; i < depth; i++) {
    objects.push(Buffer.concat([Buffer.from([0xa1]), ref(objects.length + 1, size)]))
  }
  objects.push(Buffer.from([0xa0]))
  return bplist(objects, size, size)
}

/** Offset of the last occurrence of a 4-byte little-endian signature. */
function lastSignature(buffer: Buffer, signature: number): number {
  const sig = Buffer.alloc(4)
  sig.writeUInt32LE(signature)
  const at = buffer.lastIndexOf(sig)
  if (at < 0) throw new Error(`signature ${signature.toString(16)} not found`)
  return at
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const ZIP64_END = 0x06064b50

/** Every hostile archive made in code, written under `dir`. Takes a few seconds (10 GB CRCs). */
export async function writeHostileCorpus(dir: string): Promise<HostileArchive[]> {
  const corpus: HostileArchive[] = []
  const add = async (name: string, content: Buffer | ZipEntry[], error: RegExp): Promise<void> => {
    const path = join(dir, name)
    if (Buffer.isBuffer(content)) await writeFile(path, content)
    else await writeZip(path, content)
    corpus.push({ name, path, error })
  }
  const NOT_ZIP = /is not a zip archive/
  const TRUNCATED = /is truncated|is a damaged zip archive/
  const DAMAGED = /is a damaged zip archive|cannot be read/
  const TOO_LARGE = /inflates to more than \d+ MiB/

  // The wrong file entirely.
  await add('empty.ipa', Buffer.alloc(0), NOT_ZIP)
  await add(
    'random.ipa',
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    NOT_ZIP
  )
  await add(
    'html-error-page.ipa',
    Buffer.from('<html><body>404 Not Found</body></html>\n'),
    NOT_ZIP
  )

  // A download cut short, at several offsets of a real-looking IPA.
  const samplePath = join(dir, 'sample.source')
  await writeSampleIpa(samplePath)
  const sample = await readFile(samplePath)
  for (const [label, at] of [
    ['local-header', 10],
    ['first-entry', 100],
    ['middle', Math.floor(sample.length / 2)],
    ['central-directory', sample.length - 200],
    ['end-record', sample.length - 10]
  ] as const) {
    await add(`truncated-${label}.ipa`, sample.subarray(0, at), TRUNCATED)
  }

  // The end record points the central directory past the end of the file.
  const pastEnd = Buffer.from(sample)
  pastEnd.writeUInt32LE(sample.length + 4096, lastSignature(pastEnd, END_OF_CENTRAL_DIRECTORY) + 16)
  await add('central-directory-past-end.ipa', pastEnd, DAMAGED)
  // … and claims more entries than the central directory holds.
  const moreEntries = Buffer.from(sample)
  const eocd = lastSignature(moreEntries, END_OF_CENTRAL_DIRECTORY)
  moreEntries.writeUInt16LE(60_000, eocd + 8)
  moreEntries.writeUInt16LE(60_000, eocd + 10)
  await add('entry-count-lies.ipa', moreEntries, DAMAGED)

  // Zip bombs: 10 GB of zeros that honestly say so (sparse on disk), the same declared as 400
  // bytes, 64 MiB of deflated zeros declared as 400 bytes, and a profile of 10 GB.
  await add('bomb-10gb-info-plist.ipa', app({ name: INFO, zeros: 10 * GIB }), TOO_LARGE)
  await add(
    'bomb-10gb-lying-size.ipa',
    app({ name: INFO, zeros: 10 * GIB, declaredSize: 400 }),
    DAMAGED
  )
  await add(
    'bomb-deflate-lying-size.ipa',
    app({ name: INFO, data: Buffer.alloc(64 * 2 ** 20), declaredSize: 400 }),
    DAMAGED
  )
  await add(
    'bomb-10gb-profile.ipa',
    app(
      { name: INFO, data: infoXml() },
      { name: `${APP}embedded.mobileprovision`, zeros: 10 * GIB }
    ),
    TOO_LARGE
  )
  // ZIP64 records claiming a terabyte for a 300-byte Info.plist.
  await add(
    'zip64-lying-size.ipa',
    (() => {
      const entries = app({ name: INFO, data: infoXml(), declaredSize: 2 ** 40 })
      return zipBuffer(entries, { zip64: true })
    })(),
    TOO_LARGE
  )
  // ZIP64 end record pointing the central directory far past the end.
  const zip64 = zipBuffer(app({ name: INFO, data: infoXml() }), { zip64: true })
  zip64.writeBigUInt64LE(2n ** 40n, lastSignature(zip64, ZIP64_END) + 48)
  await add('zip64-directory-past-end.ipa', zip64, DAMAGED)

  // Plists built to exhaust the parser.
  await add(
    'plist-50mb.ipa',
    app({ name: INFO, data: infoXml({ Padding: 'A'.repeat(50 * 2 ** 20) }) }),
    TOO_LARGE
  )
  const depth = 40_000
  await add(
    'plist-xml-deeply-nested.ipa',
    app({
      name: INFO,
      data: `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>A</key>${'<array>'.repeat(depth)}${'</array>'.repeat(depth)}</dict></plist>`
    }),
    /Info\.plist.*nested too deeply/
  )
  await add(
    'plist-binary-deeply-nested.ipa',
    app({ name: INFO, data: deepBplist(100_000) }),
    /Info\.plist.*nested too deeply/
  )
  await add('plist-binary-cycle.ipa', app({ name: INFO, data: cyclicBplist() }), /Info\.plist/)
  await add(
    'plist-not-a-plist.ipa',
    app({ name: INFO, data: 'CFBundleIdentifier = evil;' }),
    /Info\.plist/
  )
  await add(
    'plist-top-is-array.ipa',
    app({ name: INFO, data: build(['dev.ipa-ota.hostile']) }),
    /Info\.plist/
  )
  await add(
    'plist-no-bundle-id.ipa',
    app({ name: INFO, data: infoXml({ CFBundleIdentifier: undefined }) }),
    /no CFBundleIdentifier/
  )

  // Entry names that would escape an extraction folder, or hide.
  await add(
    'name-dot-dot.ipa',
    app({ name: INFO, data: infoXml() }, { name: `${APP}../../../../tmp/evil`, data: 'x' }),
    DAMAGED
  )
  await add(
    'name-dot-dot-app.ipa',
    [{ name: '../Payload/Hostile.app/Info.plist', data: infoXml() }],
    DAMAGED
  )
  await add('name-absolute.ipa', [{ name: `/${INFO}`, data: infoXml() }], DAMAGED)
  await add(
    'name-absolute-extra.ipa',
    app({ name: INFO, data: infoXml() }, { name: '/etc/cron.d/evil', data: 'x' }),
    DAMAGED
  )
  // yauzl reads Windows separators as "/", so this is Payload/../../evil.
  await add(
    'name-backslash-dot-dot.ipa',
    app({ name: INFO, data: infoXml() }, { name: 'Payload\\..\\..\\evil', data: 'x' }),
    DAMAGED
  )
  await add('name-nul.ipa', app({ name: `${INFO}\0.txt`, data: infoXml() }), /Info\.plist/)

  // Ambiguous or indirect entries.
  await add(
    'duplicate-info-plist.ipa',
    app(
      { name: INFO, data: infoXml() },
      { name: INFO, data: infoXml({ CFBundleIdentifier: 'evil' }) }
    ),
    /two entries named/
  )
  await add(
    'symlink-info-plist.ipa',
    app({ name: INFO, symlinkTo: '/etc/passwd' }),
    /symbolic link/
  )
  await add(
    'symlink-profile.ipa',
    app(
      { name: INFO, data: infoXml() },
      { name: `${APP}embedded.mobileprovision`, symlinkTo: '../../../../etc/shadow' }
    ),
    /symbolic link/
  )
  await add(
    'encrypted-info-plist.ipa',
    app({ name: INFO, data: infoXml(), encrypted: true }),
    /encrypted/
  )

  // Well-formed zips that are not one installable app.
  await add(
    'two-apps.ipa',
    [
      ...app({ name: INFO, data: infoXml() }),
      { name: 'Payload/Other.app/Info.plist', data: infoXml() }
    ],
    /holds 2 apps/
  )
  await add(
    'profile-garbage.ipa',
    app(
      { name: INFO, data: infoXml() },
      { name: `${APP}embedded.mobileprovision`, data: 'not a profile' }
    ),
    /embedded\.mobileprovision/
  )
  return corpus
}

/** The real-world malformed IPAs of the shared fixtures (`../shared/fixtures/ipa/malformed`). */
export async function malformedFixtures(folder: string): Promise<HostileArchive[]> {
  const names = (await readdir(folder)).sort()
  return names.map((name) => ({
    name,
    path: join(folder, name),
    // Each names the file and says what to do; the specific reasons are checked in ipa-corpus.
    error: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  }))
}
