import yauzl from 'yauzl'
import type { Entry } from 'yauzl'

/**
 * The central directory kept small: yauzl's Entry objects hold buffers and parsed extra fields,
 * about 1.2 kB each (730 MB for 600,000 entries); this keeps a name and five numbers per entry in
 * typed arrays, and makes an Entry again for the few entries that are read.
 */
export class EntryTable {
  readonly names: string[] = []
  private readonly index = new Map<string, number>()
  private readonly sizes: Float64Array
  private readonly codes: Uint32Array

  constructor(capacity: number) {
    // Per entry: compressed size, uncompressed size, local header offset (zip64: beyond 2^32).
    this.sizes = new Float64Array(capacity * 3)
    // Per entry: compression method, general purpose flags, Unix mode (external attributes >> 16).
    this.codes = new Uint32Array(capacity * 3)
  }

  has(name: string): boolean {
    return this.index.has(name)
  }

  /** Adds an entry; false, adding nothing, when one of that name is there already. */
  add(entry: Entry): boolean {
    if (this.index.has(entry.fileName)) return false
    const i = this.names.length
    this.index.set(entry.fileName, i)
    this.names.push(entry.fileName)
    const at = i * 3
    this.sizes[at] = entry.compressedSize
    this.sizes[at + 1] = entry.uncompressedSize
    this.sizes[at + 2] = entry.relativeOffsetOfLocalHeader
    this.codes[at] = entry.compressionMethod
    this.codes[at + 1] = entry.generalPurposeBitFlag
    this.codes[at + 2] = entry.externalFileAttributes >>> 16
    return true
  }

  /** Field `field` (0 compressed size, 1 uncompressed size) of the entry, if there is one. */
  size(name: string, field: 0 | 1): number | undefined {
    const i = this.index.get(name)
    return i === undefined ? undefined : this.sizes[i * 3 + field]
  }

  /** The entry's Unix mode (file type and permissions), or undefined when there is none. */
  mode(name: string): number | undefined {
    const i = this.index.get(name)
    return i === undefined ? undefined : this.codes[i * 3 + 2]
  }

  /** An Entry with the fields yauzl's openReadStream reads. */
  entry(name: string): Entry | undefined {
    const i = this.index.get(name)
    if (i === undefined) return undefined
    return Object.assign(new yauzl.Entry(), {
      fileName: name,
      compressedSize: this.sizes[i * 3]!,
      uncompressedSize: this.sizes[i * 3 + 1]!,
      relativeOffsetOfLocalHeader: this.sizes[i * 3 + 2]!,
      compressionMethod: this.codes[i * 3]!,
      generalPurposeBitFlag: this.codes[i * 3 + 1]!,
      extraFields: []
    })
  }
}
