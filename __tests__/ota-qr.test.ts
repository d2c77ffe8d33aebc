import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installLink } from '../src/ota/manifest.js'
import { renderQr } from '../src/ota/qr.js'

const run = promisify(execFile)
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ota-qr-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Decodes a PNG with zbar, an independent QR reader. */
async function decode(png: Buffer, name: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, png)
  const { stdout } = await run('zbarimg', ['--raw', '-q', path])
  return stdout.replace(/\n$/, '')
}

const pageUrl = 'https://builds.example.com/ota/pr-12/34-1/index.html'

describe('renderQr', () => {
  it('encodes the install page URL in a large PNG with a quiet zone', async () => {
    const { png, svg } = await renderQr(pageUrl)
    expect(await decode(png, 'page.png')).toBe(pageUrl)
    const image = PNG.sync.read(png)
    expect(image.width).toBeGreaterThanOrEqual(300)
    expect(image.height).toBe(image.width)
    // The quiet zone: 4 modules of white around the code.
    const modules = QRCode.create(pageUrl, { errorCorrectionLevel: 'M' }).modules.size
    const moduleWidth = image.width / (modules + 8)
    const quiet = Math.floor(4 * moduleWidth) - 1
    for (let i = 0; i < image.width; i++) {
      for (const [x, y] of [
        [i, quiet],
        [quiet, i]
      ] as const) {
        expect(image.data[(y * image.width + x) * 4]).toBe(255)
      }
    }
    expect(svg).toMatch(new RegExp(`^<svg[^>]+viewBox="0 0 ${modules + 8} ${modules + 8}"`))
  })

  it('encodes the itms-services link itself with qr: link', async () => {
    const link = installLink('https://builds.example.com/ota/pr-12/34-1/manifest.plist')
    const { png } = await renderQr(link)
    expect(await decode(png, 'link.png')).toBe(link)
  })
})
