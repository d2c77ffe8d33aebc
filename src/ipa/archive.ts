import { createHash } from 'node:crypto'
import { closeSync, createReadStream, fstat, open } from 'node:fs'
import { open as openFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { UserError } from '../errors.js'
import { formatMiB } from '../format.js'
import { BlockReader } from './block-reader.js'
import { EntryTable } from './entry-table.js'

/** The most any single entry may inflate to unless the caller says otherwise: beyond is a zip bomb. */
export const DEFAULT_ENTRY_CAP = 16 * 1024 * 1024

/**
 * The most entries an archive may hold: asset-heavy apps hold tens of thousands of files. The
 * action publishing an IPA of 250,000 entries peaked at 232 MB, too near its 250 MB bound; at
 * this many it stays well under it (hardening-memory.test.ts).
 */
export const MAX_ENTRIES = 200_000

/** Finder's resource-fork shadows; they are not part of the app. */
const MAC_METADATA = '__MACOSX/'

const S_IFMT = 0o170000
const S_IFLNK = 0o120000

/**
 * A zip opened for random access: only the central directory is read up front, and `read`
 * inflates one entry on demand, so time and memory depend on the entries read, not the file size.
 */
export interface ZipArchive {
  /** Entry names in central-directory order, `__MACOSX/` left out; directories end in "/". */
  readonly names: readonly string[]
  has(name: string): boolean
  /** The inflated size the central directory declares, or undefined when there is no such entry. */
  sizeOf(name: string): number | undefined
  /** The bytes the entry takes in the archive (compressed), or undefined when there is none. */
  compressedSizeOf(name: string): number | undefined
  /** Inflates one entry, refusing it when it is (or turns out to be) larger than `maxBytes`. */
  read(name: string, maxBytes?: number): Promise<Buffer>
  close(): void
}

/**
 * Opens `path` as a zip. `label` names the file in error messages (default: `path`). Refuses
 * files that are not zips, truncated zips, encrypted entries, duplicate names, and more than
 * `maxEntries` entries (counted from the end record, before any is read).
 */
export async function openArchive(
  path: string,
  label: string = path,
  { maxEntries = MAX_ENTRIES }: { maxEntries?: number } = {}
): Promise<ZipArchive> {
  let zip: ZipFile
  try {
    zip = await openZip(path)
  } catch (error) {
    throw await openError(path, label, error)
  }
  if (zip.entryCount > maxEntries) {
    zip.close()
    throw new UserError(
      `${label} holds ${zip.entryCount} entries, more than the ${maxEntries} an .ipa may hold here (a zip bomb or a damaged archive); build the .ipa again, or open an issue if your app really has that many files.`
    )
  }
  const entries = new EntryTable(zip.entryCount)
  try {
    await eachEntry(zip, (entry) => {
      if (entry.fileName.startsWith(MAC_METADATA)) return
      if (entry.isEncrypted()) {
        throw new UserError(
          `${label} has an encrypted entry (${entry.fileName}): an .ipa must not be password-protected; zip the Payload folder again without a password.`
        )
      }
      if (!entries.add(entry)) {
        throw new UserError(
          `${label} holds two entries named ${entry.fileName}, so it is ambiguous which one iOS would install; build the .ipa again.`
        )
      }
    })
  } catch (error) {
    zip.close()
    throw error instanceof UserError ? error : damaged(label, error)
  }
  return new YauzlArchive(zip, entries, label)
}

async function openZip(path: string): Promise<ZipFile> {
  const fd = await promisify(open)(path, 'r')
  try {
    const { size } = await promisify(fstat)(fd)
    return await yauzl.fromRandomAccessReaderPromise(new BlockReader(fd, size), size, {
      lazyEntries: true,
      autoClose: false
    })
  } catch (error) {
    closeSync(fd)
    throw error
  }
}

/**
 * Calls `onEntry` for every central-directory entry, in order; rejects with the first error
 * yauzl or `onEntry` throws. yauzl's own eachEntry() settles a promise per entry, a third of the
 * time an IPA of 50,000 files took. BlockReader answers most reads at once, so yauzl emits the
 * next entry inside readEntry(): the loop asks for it only after that call returns, so the stack
 * does not grow by an entry each time.
 */
function eachEntry(zip: ZipFile, onEntry: (entry: Entry) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let wanted = false
    let reading = false
    const next = (): void => {
      wanted = true
      if (reading) return
      reading = true
      while (wanted) {
        wanted = false
        zip.readEntry()
      }
      reading = false
    }
    zip.on('entry', (entry: Entry) => {
      try {
        onEntry(entry)
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)))
        return
      }
      next()
    })
    zip.once('end', resolve)
    zip.once('error', reject)
    next()
  })
}

class YauzlArchive implements ZipArchive {
  readonly names: readonly string[]

  constructor(
    private readonly zip: ZipFile,
    private readonly entries: EntryTable,
    private readonly label: string
  ) {
    this.names = entries.names
  }

  has(name: string): boolean {
    return this.entries.has(name)
  }

  sizeOf(name: string): number | undefined {
    return this.entries.size(name, 1)
  }

  compressedSizeOf(name: string): number | undefined {
    return this.entries.size(name, 0)
  }

  async read(name: string, maxBytes: number = DEFAULT_ENTRY_CAP): Promise<Buffer> {
    const entry = this.entries.entry(name)
    if (!entry) throw new UserError(`${this.label} has no ${name}; build the .ipa again.`)
    if ((this.entries.mode(name)! & S_IFMT) === S_IFLNK) {
      throw new UserError(
        `${name} in ${this.label} is a symbolic link where a file is expected; build the .ipa again without linking it.`
      )
    }
    if (entry.uncompressedSize > maxBytes) throw this.tooLarge(name, maxBytes)
    try {
      // yauzl's validateEntrySizes (on by default) fails the stream as soon as the data inflates
      // past the declared size, so a lying header cannot get past the check above.
      const stream = await this.zip.openReadStreamPromise(entry)
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    } catch (error) {
      throw new UserError(
        `${name} in ${this.label} cannot be read (${reason(error)}): the archive is damaged or uses an unsupported zip feature; build or download the .ipa again.`
      )
    }
  }

  close(): void {
    this.zip.close()
  }

  private tooLarge(name: string, maxBytes: number): UserError {
    return new UserError(
      `${name} in ${this.label} inflates to more than ${formatMiB(maxBytes)}, far more than such a file ever holds (a zip bomb or a damaged archive); build the .ipa again.`
    )
  }
}

/** Streams the whole file through SHA-256 (hex), in constant memory. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash)
  return hash.digest('hex')
}

/** yauzl says "not found" both for a non-zip and for a truncated zip; the first bytes tell which. */
async function openError(path: string, label: string, error: unknown): Promise<UserError> {
  const message = reason(error)
  if ((error as NodeJS.ErrnoException).code !== undefined) {
    return new UserError(
      `${label} cannot be opened (${message}); check the path and its permissions.`
    )
  }
  if (!/end of central directory record signature not found/i.test(message)) {
    return damaged(label, error)
  }
  const head = Buffer.alloc(4)
  const file = await openFile(path, 'r')
  try {
    await file.read(head, 0, 4, 0)
  } finally {
    await file.close()
  }
  if (head.readUInt32LE(0) === 0x04034b50) {
    return new UserError(
      `${label} is truncated: it starts like a zip but its end (the central directory) is missing; upload or download the complete .ipa again.`
    )
  }
  return new UserError(
    `${label} is not a zip archive: an .ipa is a zip with a Payload/ folder holding the .app; give the .ipa that Xcode (or fastlane gym) exported.`
  )
}

function damaged(label: string, error: unknown): UserError {
  return new UserError(
    `${label} is a damaged zip archive (${reason(error)}); build or download the .ipa again.`
  )
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return (text.split('\n')[0] ?? text).replace(/\.$/, '')
}
