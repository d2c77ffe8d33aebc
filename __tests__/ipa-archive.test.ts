import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { DEFAULT_ENTRY_CAP, openArchive, sha256File } from '../src/ipa/archive.js'
import { writeZip, zipBuffer } from './support/zip.js'
import type { ZipEntry } from './support/zip.js'

let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ipa-archive-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

let counter = 0
async function zipFile(
  entries: readonly ZipEntry[],
  options?: { zip64?: boolean }
): Promise<string> {
  const path = join(work, `a${counter++}.zip`)
  await writeZip(path, entries, options)
  return path
}

describe('openArchive', () => {
  it('lists entries, leaves out __MACOSX/ and reads stored and deflated entries', async () => {
    const text = 'hello '.repeat(1000)
    const path = await zipFile([
      { name: 'Payload/' },
      { name: 'Payload/A.app/stored.txt', data: 'plain', method: 'store' },
      { name: 'Payload/A.app/deflated.txt', data: text, method: 'deflate' },
      { name: '__MACOSX/Payload/A.app/._stored.txt', data: 'fork' }
    ])
    const archive = await openArchive(path)
    try {
      expect(archive.names).toEqual([
        'Payload/',
        'Payload/A.app/stored.txt',
        'Payload/A.app/deflated.txt'
      ])
      expect(archive.has('__MACOSX/Payload/A.app/._stored.txt')).toBe(false)
      expect(archive.sizeOf('Payload/A.app/deflated.txt')).toBe(text.length)
      expect(archive.sizeOf('nope')).toBeUndefined()
      expect((await archive.read('Payload/A.app/stored.txt')).toString()).toBe('plain')
      expect((await archive.read('Payload/A.app/deflated.txt')).toString()).toBe(text)
    } finally {
      archive.close()
    }
  })

  it('reads Unicode entry names', async () => {
    const path = await zipFile([{ name: 'Payload/Ünïcødé 应用.app/Info.plist', data: 'x' }])
    const archive = await openArchive(path)
    expect(archive.names).toEqual(['Payload/Ünïcødé 应用.app/Info.plist'])
    expect((await archive.read('Payload/Ünïcødé 应用.app/Info.plist')).toString()).toBe('x')
    archive.close()
  })

  it('lists an asset-heavy archive of 30,000 entries and reads entries on both sides of it', async () => {
    // The central directory spans many of the reader's blocks; every record must come out whole.
    const assets = Array.from({ length: 30_000 }, (_, i) => ({
      name: `Payload/Big.app/Assets/image-${i}.png`,
      data: `png ${i}`,
      method: 'store' as const
    }))
    const path = await zipFile([
      { name: 'Payload/Big.app/Info.plist', data: 'first' },
      ...assets,
      { name: 'Payload/Big.app/embedded.mobileprovision', data: 'last' }
    ])
    const archive = await openArchive(path)
    expect(archive.names).toHaveLength(30_002)
    expect(archive.names[15_001]).toBe('Payload/Big.app/Assets/image-15000.png')
    expect((await archive.read('Payload/Big.app/Info.plist')).toString()).toBe('first')
    expect((await archive.read('Payload/Big.app/Assets/image-29999.png')).toString()).toBe(
      'png 29999'
    )
    expect((await archive.read('Payload/Big.app/embedded.mobileprovision')).toString()).toBe('last')
    archive.close()
  })

  it('reads ZIP64 records', async () => {
    const path = await zipFile([{ name: 'a.txt', data: 'zip64 works' }], { zip64: true })
    const archive = await openArchive(path)
    expect((await archive.read('a.txt')).toString()).toBe('zip64 works')
    archive.close()
  })

  it('refuses an entry whose declared size is beyond the cap without inflating it', async () => {
    const path = await zipFile([
      { name: 'bomb', data: Buffer.alloc(DEFAULT_ENTRY_CAP + 1), method: 'deflate' }
    ])
    const archive = await openArchive(path, 'app.ipa')
    await expect(archive.read('bomb')).rejects.toThrowError(
      'bomb in app.ipa inflates to more than 16 MiB, far more than such a file ever holds (a zip bomb or a damaged archive); build the .ipa again.'
    )
    await expect(archive.read('bomb', 1024)).rejects.toThrowError(/more than 0 MiB/)
    archive.close()
  })

  it('refuses a zip bomb that lies about its size as soon as it inflates past it', async () => {
    const path = await zipFile([
      { name: 'bomb', data: Buffer.alloc(64 * 1024 * 1024), method: 'deflate', declaredSize: 100 }
    ])
    const archive = await openArchive(path, 'app.ipa')
    expect(archive.sizeOf('bomb')).toBe(100)
    await expect(archive.read('bomb')).rejects.toThrowError(
      /^bomb in app\.ipa cannot be read \(too many bytes in the stream.*\): the archive is damaged/
    )
    archive.close()
  })

  it('refuses an archive with an encrypted entry', async () => {
    const path = await zipFile([
      { name: 'Payload/A.app/Info.plist', data: 'secret', encrypted: true }
    ])
    await expect(openArchive(path, 'app.ipa')).rejects.toThrowError(
      'app.ipa has an encrypted entry (Payload/A.app/Info.plist): an .ipa must not be password-protected; zip the Payload folder again without a password.'
    )
  })

  it('refuses to read a symbolic link as a file', async () => {
    const path = await zipFile([{ name: 'Payload/A.app/Info.plist', symlinkTo: '/etc/passwd' }])
    const archive = await openArchive(path, 'app.ipa')
    await expect(archive.read('Payload/A.app/Info.plist')).rejects.toThrowError(
      /^Payload\/A\.app\/Info\.plist in app\.ipa is a symbolic link/
    )
    archive.close()
  })

  it('refuses two entries with the same name', async () => {
    const path = await zipFile([
      { name: 'Payload/A.app/Info.plist', data: 'one' },
      { name: 'Payload/A.app/Info.plist', data: 'two' }
    ])
    await expect(openArchive(path, 'app.ipa')).rejects.toThrowError(
      /^app\.ipa holds two entries named Payload\/A\.app\/Info\.plist/
    )
  })

  it('refuses a stored entry whose sizes disagree', async () => {
    const path = await zipFile([{ name: 'a', data: 'abc', method: 'store', declaredSize: 2 }])
    await expect(openArchive(path, 'app.ipa')).rejects.toThrowError(
      /^app\.ipa is a damaged zip archive \(compressed\/uncompressed size mismatch/
    )
  })

  it('says a text file is not a zip archive', async () => {
    const path = join(work, 'text.ipa')
    writeFileSync(path, 'this is not a zip at all')
    await expect(openArchive(path, 'text.ipa')).rejects.toThrowError(
      'text.ipa is not a zip archive: an .ipa is a zip with a Payload/ folder holding the .app; give the .ipa that Xcode (or fastlane gym) exported.'
    )
    const empty = join(work, 'empty.ipa')
    writeFileSync(empty, '')
    await expect(openArchive(empty, 'empty.ipa')).rejects.toThrowError(/^empty\.ipa is not a zip/)
  })

  it.each([0.5, 0.9])('says a zip cut at %s of its length is truncated', async (fraction) => {
    const path = await zipFile([
      { name: 'Payload/A.app/Info.plist', data: 'x'.repeat(5000), method: 'store' },
      { name: 'Payload/A.app/other', data: 'y'.repeat(5000), method: 'store' }
    ])
    const size = readFileSync(path).length
    truncateSync(path, Math.floor(size * fraction))
    await expect(openArchive(path, 'cut.ipa')).rejects.toThrowError(
      'cut.ipa is truncated: it starts like a zip but its end (the central directory) is missing; upload or download the complete .ipa again.'
    )
  })

  it('says a zip whose central directory points past the data is damaged', async () => {
    const zip = zipBuffer([{ name: 'a.txt', data: 'abc' }])
    // Central directory offset (end record, bytes 16–19) pointing past the end of the file.
    zip.writeUInt32LE(zip.length + 100, zip.length - 6)
    const path = join(work, 'bad-offset.ipa')
    writeFileSync(path, zip)
    await expect(openArchive(path, 'bad.ipa')).rejects.toThrowError(
      /^bad\.ipa is a damaged zip archive \(.+\); build or download the \.ipa again\.$/
    )
  })

  it('says an entry whose data was cut off cannot be read', async () => {
    const zip = zipBuffer([{ name: 'a.txt', data: 'abc'.repeat(100), method: 'deflate' }])
    // Local header offset (central record bytes 42–45) moved inside the end record.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    zip.writeUInt32LE(central - 10, central + 42)
    const path = join(work, 'bad-local.ipa')
    writeFileSync(path, zip)
    const archive = await openArchive(path, 'bad.ipa')
    await expect(archive.read('a.txt')).rejects.toThrowError(
      /^a\.txt in bad\.ipa cannot be read \(invalid local file header signature.*\)/
    )
    archive.close()
  })

  it('errors with a UserError, never a bare Error', async () => {
    const path = join(work, 'garbage.ipa')
    writeFileSync(path, Buffer.from('PK\x03\x04garbage'))
    await expect(openArchive(path)).rejects.toBeInstanceOf(UserError)
  })
})

describe('openArchive limits', () => {
  it('refuses more entries than the limit before reading any, naming the limit', async () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({ name: `Payload/A.app/${i}`, data: 'x' }))
    const path = await zipFile(entries)
    await expect(openArchive(path, 'Big.ipa', { maxEntries: 4 })).rejects.toThrow(
      new UserError(
        'Big.ipa holds 5 entries, more than the 4 an .ipa may hold here (a zip bomb or a damaged archive); build the .ipa again, or open an issue if your app really has that many files.'
      )
    )
    const archive = await openArchive(path, 'Big.ipa', { maxEntries: 5 })
    expect(archive.names).toHaveLength(5)
    expect((await archive.read('Payload/A.app/4')).toString()).toBe('x')
    archive.close()
  })
})

describe('sha256File', () => {
  it('hashes the whole file', async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 17, 7)
    const path = join(work, 'hash.bin')
    writeFileSync(path, data)
    expect(await sha256File(path)).toBe(createHash('sha256').update(data).digest('hex'))
  })
})

describe('openArchive on a path it cannot open', () => {
  it('says so with a UserError', async () => {
    await expect(openArchive(work, 'folder.ipa')).rejects.toThrowError(
      /^folder\.ipa cannot be opened \(.*EISDIR.*\); check the path and its permissions\.$/
    )
  })
})
