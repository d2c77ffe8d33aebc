/**
 * A tiny zip WRITER for synthetic fixtures made in code, including archives no real tool would
 * write (lying sizes, an encrypted flag on plain data). It is for tests only.
 *
 *   zipBuffer([{ name: 'Payload/App.app/Info.plist', data: xml }])           // in memory
 *   await writeZip(path, [{ name: 'Payload/App.app/big', zeros: 5 * 2 ** 30 }]) // sparse file
 *
 * Entry options:
 *   name          archive path; ends in "/" for a directory. Non-ASCII names get the UTF-8 flag.
 *   data          contents (string = UTF-8).
 *   zeros         contents of that many zero bytes, stored; `writeZip` leaves them as a hole so a
 *                 multi-GB entry costs no disk (the CRC is computed, which takes ~0.25 s per GB).
 *   method        'deflate' (default for data) or 'store' (default for zeros and directories).
 *   declaredSize  the uncompressed size written in the headers instead of the real one (a lie).
 *   encrypted     sets the traditional-encryption flag and prefixes the 12-byte encryption
 *                 header; the contents are not really encrypted.
 *   symlinkTo     makes the entry a Unix symbolic link to this target (the data is the target).
 * Archive options:
 *   zip64         true writes ZIP64 records for every entry and the end of the central directory;
 *                 without it they are written only where a size or offset needs them.
 */
import { open } from 'node:fs/promises'
import { crc32, deflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  data?: Buffer | string
  zeros?: number
  method?: 'store' | 'deflate'
  declaredSize?: number
  encrypted?: boolean
  symlinkTo?: string
}

export interface ZipOptions {
  zip64?: boolean
}

/** Builds the whole archive in memory (zeros entries are allocated: keep them small). */
export function zipBuffer(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  const { pieces, size } = layout(entries, options)
  const out = Buffer.alloc(size)
  for (const piece of pieces) piece.data.copy(out, piece.offset)
  return out
}

/** Writes the archive to `path` as a sparse file: zeros entries become holes. Returns its size. */
export async function writeZip(
  path: string,
  entries: readonly ZipEntry[],
  options: ZipOptions = {}
): Promise<number> {
  const { pieces, size } = layout(entries, options)
  const file = await open(path, 'w')
  try {
    for (const run of contiguous(pieces)) await file.write(run.data, 0, run.data.length, run.offset)
    await file.truncate(size)
  } finally {
    await file.close()
  }
  return size
}

interface Piece {
  offset: number
  data: Buffer
}

/**
 * Pieces that follow each other joined into writes of up to 8 MiB: one write per entry made an
 * archive of 30,000 small entries take seconds. A hole (zeros) still starts a new write.
 */
function* contiguous(pieces: readonly Piece[]): Generator<Piece> {
  let run: Piece[] = []
  let end = 0
  let length = 0
  const joined = (): Piece => ({
    offset: run[0]!.offset,
    data: Buffer.concat(run.map((p) => p.data))
  })
  for (const piece of pieces) {
    if (run.length > 0 && (piece.offset !== end || length >= 8 * 2 ** 20)) {
      yield joined()
      run = []
      length = 0
    }
    run.push(piece)
    length += piece.data.length
    end = piece.offset + piece.data.length
  }
  if (run.length > 0) yield joined()
}

const MAX32 = 0xffffffff
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1 // 2024-01-01
const UTF8_FLAG = 0x800
const ENCRYPTED_FLAG = 0x1
const UNIX = 3 << 8
const S_IFLNK = 0o120000
const S_IFREG = 0o100000
const S_IFDIR = 0o040000

/** Computes every header and where it goes; contents of zeros entries are left out (holes). */
function layout(
  entries: readonly ZipEntry[],
  options: ZipOptions
): { pieces: Piece[]; size: number } {
  const pieces: Piece[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const content =
      entry.symlinkTo !== undefined
        ? Buffer.from(entry.symlinkTo, 'utf8')
        : typeof entry.data === 'string'
          ? Buffer.from(entry.data, 'utf8')
          : (entry.data ?? Buffer.alloc(0))
    const realSize = entry.zeros ?? content.length
    const isDirectory = entry.name.endsWith('/')
    const method =
      entry.method ??
      (entry.zeros !== undefined || isDirectory || realSize === 0 ? 'store' : 'deflate')
    let body =
      entry.zeros !== undefined
        ? Buffer.alloc(0)
        : method === 'deflate'
          ? deflateRawSync(content)
          : content
    let compressedSize = entry.zeros !== undefined ? entry.zeros : body.length
    if (entry.encrypted) {
      body = Buffer.concat([Buffer.alloc(12, 0xa5), body])
      compressedSize += 12
    }
    const uncompressedSize = entry.declaredSize ?? realSize
    const crc = entry.zeros !== undefined ? zerosCrc(entry.zeros) : crc32(content)
    const zip64 =
      options.zip64 === true ||
      uncompressedSize >= MAX32 ||
      compressedSize >= MAX32 ||
      offset >= MAX32
    const flags =
      (/[^\x20-\x7e]/.test(entry.name) ? UTF8_FLAG : 0) | (entry.encrypted ? ENCRYPTED_FLAG : 0)
    const methodCode = method === 'deflate' ? 8 : 0
    const version = zip64 ? 45 : 20

    const localExtra = zip64 ? zip64Extra([uncompressedSize, compressedSize]) : Buffer.alloc(0)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(version, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(methodCode, 8)
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(zip64 ? MAX32 : compressedSize, 18)
    local.writeUInt32LE(zip64 ? MAX32 : uncompressedSize, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(localExtra.length, 28)
    const header = Buffer.concat([local, name, localExtra])
    pieces.push({ offset, data: Buffer.concat([header, body]) })

    const mode =
      entry.symlinkTo !== undefined
        ? S_IFLNK | 0o755
        : isDirectory
          ? S_IFDIR | 0o755
          : S_IFREG | 0o644
    const centralExtra = zip64
      ? zip64Extra([uncompressedSize, compressedSize, offset])
      : Buffer.alloc(0)
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(UNIX | version, 4)
    record.writeUInt16LE(version, 6)
    record.writeUInt16LE(flags, 8)
    record.writeUInt16LE(methodCode, 10)
    record.writeUInt16LE(0, 12)
    record.writeUInt16LE(DOS_DATE, 14)
    record.writeUInt32LE(crc, 16)
    record.writeUInt32LE(zip64 ? MAX32 : compressedSize, 20)
    record.writeUInt32LE(zip64 ? MAX32 : uncompressedSize, 24)
    record.writeUInt16LE(name.length, 28)
    record.writeUInt16LE(centralExtra.length, 30)
    record.writeUInt32LE(((mode << 16) | (isDirectory ? 0x10 : 0)) >>> 0, 38)
    record.writeUInt32LE(zip64 ? MAX32 : offset, 42)
    central.push(record, name, centralExtra)

    offset += header.length + compressedSize
  }

  const directory = Buffer.concat(central)
  const directoryOffset = offset
  pieces.push({ offset, data: directory })
  offset += directory.length
  const zip64End = options.zip64 === true || directoryOffset >= MAX32 || entries.length >= 0xffff

  if (zip64End) {
    const record = Buffer.alloc(56)
    record.writeUInt32LE(0x06064b50, 0)
    record.writeBigUInt64LE(44n, 4)
    record.writeUInt16LE(UNIX | 45, 12)
    record.writeUInt16LE(45, 14)
    record.writeBigUInt64LE(BigInt(entries.length), 24)
    record.writeBigUInt64LE(BigInt(entries.length), 32)
    record.writeBigUInt64LE(BigInt(directory.length), 40)
    record.writeBigUInt64LE(BigInt(directoryOffset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeBigUInt64LE(BigInt(offset), 8)
    locator.writeUInt32LE(1, 16)
    pieces.push({ offset, data: Buffer.concat([record, locator]) })
    offset += 76
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(zip64End ? 0xffff : entries.length, 8)
  end.writeUInt16LE(zip64End ? 0xffff : entries.length, 10)
  end.writeUInt32LE(zip64End ? MAX32 : directory.length, 12)
  end.writeUInt32LE(zip64End ? MAX32 : directoryOffset, 16)
  pieces.push({ offset, data: end })
  return { pieces, size: offset + end.length }
}

function zip64Extra(values: readonly number[]): Buffer {
  const extra = Buffer.alloc(4 + values.length * 8)
  extra.writeUInt16LE(0x0001, 0)
  extra.writeUInt16LE(values.length * 8, 2)
  values.forEach((value, i) => extra.writeBigUInt64LE(BigInt(value), 4 + i * 8))
  return extra
}

const ZERO_CHUNK = Buffer.alloc(4 * 1024 * 1024)

function zerosCrc(length: number): number {
  let crc = 0
  for (let done = 0; done < length; done += ZERO_CHUNK.length) {
    crc = crc32(ZERO_CHUNK.subarray(0, Math.min(ZERO_CHUNK.length, length - done)), crc)
  }
  return crc
}

/**
 * Writes an archive of `count` stored entries, entry `i` being `entry(i)`, in about a second per
 * 100,000 entries: headers are packed into megabyte buffers instead of several buffers per entry,
 * which makes `writeZip` take minutes (and gigabytes) for the 600,000 entries of a memory test.
 * The archive must stay under 4 GiB (no ZIP64 sizes); its end record is ZIP64 past 65,534 entries.
 */
export async function writeLargeZip(
  path: string,
  count: number,
  entry: (index: number) => { name: string; data?: Buffer }
): Promise<void> {
  const file = await open(path, 'w')
  const central = new Packer()
  const local = new Packer()
  let offset = 0
  try {
    for (let i = 0; i < count; i++) {
      const { name, data = Buffer.alloc(0) } = entry(i)
      const nameBytes = Buffer.from(name, 'utf8')
      const crc = crc32(data)
      const header = local.take(30 + nameBytes.length + data.length)
      header.writeUInt32LE(0x04034b50, 0)
      header.writeUInt16LE(20, 4)
      header.writeUInt16LE(DOS_DATE, 12)
      header.writeUInt32LE(crc, 14)
      header.writeUInt32LE(data.length, 18)
      header.writeUInt32LE(data.length, 22)
      header.writeUInt16LE(nameBytes.length, 26)
      nameBytes.copy(header, 30)
      data.copy(header, 30 + nameBytes.length)
      const record = central.take(46 + nameBytes.length)
      record.writeUInt32LE(0x02014b50, 0)
      record.writeUInt16LE(UNIX | 20, 4)
      record.writeUInt16LE(20, 6)
      record.writeUInt16LE(DOS_DATE, 14)
      record.writeUInt32LE(crc, 16)
      record.writeUInt32LE(data.length, 20)
      record.writeUInt32LE(data.length, 24)
      record.writeUInt16LE(nameBytes.length, 28)
      record.writeUInt32LE(((S_IFREG | 0o644) << 16) >>> 0, 38)
      record.writeUInt32LE(offset, 42)
      nameBytes.copy(record, 46)
      offset += header.length
      if (offset >= MAX32) throw new Error('writeLargeZip: the archive would exceed 4 GiB')
      for (const full of local.full()) await file.write(full)
    }
    for (const rest of local.flush()) await file.write(rest)
    const directoryOffset = offset
    let directorySize = 0
    for (const chunk of central.flush()) {
      await file.write(chunk)
      directorySize += chunk.length
    }
    const end = Buffer.alloc(56 + 20 + 22)
    end.writeUInt32LE(0x06064b50, 0)
    end.writeBigUInt64LE(44n, 4)
    end.writeUInt16LE(UNIX | 45, 12)
    end.writeUInt16LE(45, 14)
    end.writeBigUInt64LE(BigInt(count), 24)
    end.writeBigUInt64LE(BigInt(count), 32)
    end.writeBigUInt64LE(BigInt(directorySize), 40)
    end.writeBigUInt64LE(BigInt(directoryOffset), 48)
    end.writeUInt32LE(0x07064b50, 56)
    end.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 64)
    end.writeUInt32LE(1, 72)
    end.writeUInt32LE(0x06054b50, 76)
    end.writeUInt16LE(Math.min(count, 0xffff), 84)
    end.writeUInt16LE(Math.min(count, 0xffff), 86)
    end.writeUInt32LE(directorySize, 88)
    end.writeUInt32LE(directoryOffset, 92)
    await file.write(count >= 0xffff ? end : end.subarray(76))
  } finally {
    await file.close()
  }
}

/** Hands out slices of megabyte buffers; `full` and `flush` give back the filled parts. */
class Packer {
  private done: Buffer[] = []
  private buffer = Buffer.alloc(0)
  private used = 0

  take(length: number): Buffer {
    if (this.used + length > this.buffer.length) {
      if (this.used > 0) this.done.push(this.buffer.subarray(0, this.used))
      this.buffer = Buffer.alloc(Math.max(length, 1024 * 1024))
      this.used = 0
    }
    const slice = this.buffer.subarray(this.used, this.used + length)
    this.used += length
    return slice
  }

  /** The buffers filled so far (handed over: they are not returned again). */
  full(): Buffer[] {
    const done = this.done
    this.done = []
    return done
  }

  /** Every filled part, the current buffer's included. */
  flush(): Buffer[] {
    const all = [...this.full(), this.buffer.subarray(0, this.used)]
    this.buffer = Buffer.alloc(0)
    this.used = 0
    return all
  }
}
