import { close, read } from 'node:fs'
import { Readable } from 'node:stream'
import yauzl from 'yauzl'

/** yauzl reads each central-directory record with its own small reads; an IPA of tens of thousands
 * of files (asset-heavy apps) then costs seconds of system calls. This serves them from 1 MiB blocks. */
const BLOCK_SIZE = 1024 * 1024

export class BlockReader extends yauzl.RandomAccessReader {
  private block: { start: number; data: Buffer } | undefined

  constructor(
    private readonly fd: number,
    private readonly size: number
  ) {
    super()
  }

  // Not fs.createReadStream({ fd }): destroying it, as yauzl does, closes the shared descriptor.
  override _readStreamForRange(start: number, end: number): Readable {
    const fd = this.fd
    let position = start
    return new Readable({
      read(size) {
        const length = Math.min(size, end - position)
        if (length <= 0) return void this.push(null)
        const chunk = Buffer.allocUnsafe(length)
        read(fd, chunk, 0, length, position, (error, bytesRead) => {
          if (error) return void this.destroy(error)
          position += bytesRead
          this.push(bytesRead === 0 ? null : chunk.subarray(0, bytesRead))
        })
      }
    })
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | null, bytesRead?: number) => void
  ): void {
    const cached = this.block
    if (
      cached &&
      position >= cached.start &&
      position + length <= cached.start + cached.data.length
    ) {
      const from = position - cached.start
      cached.data.copy(buffer, offset, from, from + length)
      return callback(null, length)
    }
    if (length > BLOCK_SIZE) {
      return read(this.fd, buffer, offset, length, position, (error, bytesRead) =>
        callback(error, bytesRead)
      )
    }
    const data = Buffer.allocUnsafe(Math.max(0, Math.min(BLOCK_SIZE, this.size - position)))
    read(this.fd, data, 0, data.length, position, (error, bytesRead) => {
      if (error) return callback(error)
      this.block = { start: position, data: data.subarray(0, bytesRead) }
      const copied = data.copy(buffer, offset, 0, Math.min(length, bytesRead))
      callback(null, copied)
    })
  }

  override close(callback: (error: Error | null) => void): void {
    close(this.fd, callback)
  }
}
