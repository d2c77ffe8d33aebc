import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'plist'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { readIpa } from '../src/ipa/read.js'
import { buildSite, type SiteOptions } from '../src/ota/site.js'
import type { BuildSite, SiteFile } from '../src/ota/types.js'
import { corpusFolder } from './support/corpus.js'
import { ipaInfo } from './support/ota-fixtures.js'

const run = promisify(execFile)
const corpus = corpusFolder('ipa/signed')
const CORPUS = corpus.dir
const HOST = 'https://builds.example.test'

let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'ota-site-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

function options(overrides: Partial<SiteOptions> = {}): SiteOptions {
  return {
    urlFor: (path) => `${HOST}/${path}`,
    root: 'ota',
    channel: 'feature/Login',
    buildId: '34-1',
    source: { serverUrl: 'https://github.com', repository: 'acme/app', runNumber: 34 },
    qr: 'page',
    now: new Date('2024-05-06T07:08:09Z'),
    ...overrides
  }
}

function fileAt(site: BuildSite, name: string): SiteFile {
  const found = site.files.find((file) => file.path === `${site.dir}/${name}`)
  if (found === undefined) throw new Error(`no ${name} in ${site.files.map((f) => f.path).join()}`)
  return found
}

function bytes(file: SiteFile): Buffer {
  if (!Buffer.isBuffer(file.content)) throw new Error(`${file.path} is not in memory`)
  return file.content
}

async function decodeQr(png: Buffer): Promise<string> {
  const path = join(tmp, `qr-${Math.random().toString(36).slice(2)}.png`)
  await writeFile(path, png)
  const { stdout } = await run('zbarimg', ['--raw', '-q', path])
  return stdout.replace(/\n$/, '')
}

describe('buildSite', () => {
  it('makes every file of the build folder, in upload order', async () => {
    const info = ipaInfo({}, { name: 'My Demo App' })
    const site = await buildSite(info, options())
    expect(site.dir).toBe('ota/feature-login/34-1')
    expect(site.files.map((file) => file.path.slice(site.dir.length + 1))).toEqual([
      'my-demo-app.ipa',
      'icon.png',
      'icon-57.png',
      'icon-512.png',
      'qr.png',
      'qr.svg',
      'manifest.plist',
      'manifest.xml',
      'build.json',
      'index.html'
    ])
    expect(site.files.every((file) => file.immutable)).toBe(true)
    expect(fileAt(site, 'my-demo-app.ipa')).toEqual({
      path: 'ota/feature-login/34-1/my-demo-app.ipa',
      content: { file: info.file.path },
      size: info.file.size,
      contentType: 'application/octet-stream',
      immutable: true
    })
    for (const file of site.files) {
      if (Buffer.isBuffer(file.content)) expect(file.size).toBe(file.content.length)
    }
    expect(fileAt(site, 'index.html').contentType).toBe('text/html; charset=utf-8')
    expect(fileAt(site, 'manifest.plist').contentType).toBe('application/xml')
  })

  it('records every URL from urlFor and the install link', async () => {
    const site = await buildSite(ipaInfo(), options())
    const base = `${HOST}/ota/feature-login/34-1`
    expect(site.record.urls).toEqual({
      page: `${base}/index.html`,
      manifest: `${base}/manifest.plist`,
      ipa: `${base}/demo.ipa`,
      qr: `${base}/qr.png`,
      qrSvg: `${base}/qr.svg`,
      icon: `${base}/icon.png`,
      buildJson: `${base}/build.json`,
      install: `itms-services://?action=download-manifest&url=${encodeURIComponent(`${base}/manifest.plist`)}`,
      channel: `${HOST}/ota/feature-login/index.html`
    })
  })

  it('writes a manifest (plist and xml, same bytes) pointing at the IPA and icons', async () => {
    const site = await buildSite(ipaInfo(), options({ title: 'Demo (beta)' }))
    const plistBytes = bytes(fileAt(site, 'manifest.plist'))
    expect(bytes(fileAt(site, 'manifest.xml')).equals(plistBytes)).toBe(true)
    const base = `${HOST}/ota/feature-login/34-1`
    expect(parse(plistBytes.toString('utf8'))).toEqual({
      items: [
        {
          assets: [
            { kind: 'software-package', url: `${base}/demo.ipa` },
            { kind: 'display-image', url: `${base}/icon-57.png` },
            { kind: 'full-size-image', url: `${base}/icon-512.png` }
          ],
          metadata: {
            'bundle-identifier': 'com.example.demo',
            'bundle-version': '1.2.3',
            kind: 'software',
            title: 'Demo (beta)',
            subtitle: '1.2.3 (45)'
          }
        }
      ]
    })
    expect(site.record.app.name).toBe('Demo (beta)')
  })

  it('writes build.json as the record, its size counting every byte of the folder', async () => {
    const site = await buildSite(ipaInfo(), options({ notes: 'Line 1\nLine 2' }))
    const json: unknown = JSON.parse(bytes(fileAt(site, 'build.json')).toString('utf8'))
    expect(json).toEqual(site.record)
    expect(site.record.size).toBe(site.files.reduce((sum, file) => sum + file.size, 0))
    expect(site.record).toMatchObject({
      schema: 1,
      channel: 'feature-login',
      buildId: '34-1',
      createdAt: '2024-05-06T07:08:09.000Z',
      notes: 'Line 1\nLine 2',
      app: {
        bundleId: 'com.example.demo',
        version: '1.2.3',
        build: '45',
        name: 'Demo',
        minimumOsVersion: '15.0',
        platform: 'iphoneos',
        ipaSize: 12_345_678,
        sha256: 'ab'.repeat(32)
      },
      profile: {
        type: 'ad-hoc',
        name: 'Demo Ad Hoc',
        teamName: 'Example Team',
        teamId: 'ABCDE12345',
        expires: '2030-01-01T00:00:00.000Z',
        devices: 2,
        provisionsAllDevices: false
      }
    })
  })

  it('records the attempt with the run, which orders builds (1 when the run did not say)', async () => {
    const source = { serverUrl: 'https://github.com', runId: '8812345601' }
    const site = await buildSite(ipaInfo(), options({ source }))
    expect(site.record.source).toEqual({ ...source, runAttempt: 1 })
    const third = await buildSite(ipaInfo(), options({ source: { ...source, runAttempt: 3 } }))
    expect(third.record.source.runAttempt).toBe(3)
    // Outside a workflow there is no run, and no attempt.
    expect((await buildSite(ipaInfo(), options())).record.source).not.toHaveProperty('runAttempt')
  })

  it('cleans bidi controls from the name and notes in build.json, the page and the manifest', async () => {
    const site = await buildSite(
      ipaInfo(
        {},
        { name: 'Safe\u202Eppa.exe', usageDescriptions: { NSCameraUsageDescription: 'x\u2066y' } }
      ),
      options({ notes: 'Fixed\u200F it' })
    )
    expect(site.record.app.name).toBe('Safeppa.exe')
    expect(site.record.app.usageDescriptions).toEqual({ NSCameraUsageDescription: 'xy' })
    expect(site.record.notes).toBe('Fixed it')
    for (const name of ['build.json', 'index.html', 'manifest.plist']) {
      const text = bytes(fileAt(site, name)).toString('utf8')
      expect(text).toContain('Safeppa.exe')
      expect(text).not.toMatch(/[\u200F\u202E\u2066]/)
    }
  })

  it('resizes the icon for the manifest', async () => {
    const site = await buildSite(ipaInfo(), options())
    expect(PNG.sync.read(bytes(fileAt(site, 'icon-57.png'))).width).toBe(57)
    expect(PNG.sync.read(bytes(fileAt(site, 'icon-512.png'))).width).toBe(512)
    expect(bytes(fileAt(site, 'icon.png')).equals(ipaInfo().icon?.png ?? Buffer.alloc(0))).toBe(
      true
    )
  })

  it('encodes the page URL in the QR code, or the install link with qr: link', async () => {
    const page = await buildSite(ipaInfo(), options())
    expect(await decodeQr(bytes(fileAt(page, 'qr.png')))).toBe(page.record.urls.page)
    const link = await buildSite(ipaInfo(), options({ qr: 'link' }))
    expect(await decodeQr(bytes(fileAt(link, 'qr.png')))).toBe(link.record.urls.install)
  })

  it('publishes without icon files when the IPA has no usable icon', async () => {
    const warnings: string[] = []
    for (const icon of [undefined, { ...ipaInfo().icon!, png: Buffer.from('broken') }]) {
      const site = await buildSite(ipaInfo({ icon }), options({ warn: (m) => warnings.push(m) }))
      const names = site.files.map((file) => file.path.split('/').pop())
      expect(names).not.toContain('icon.png')
      expect(names).not.toContain('icon-57.png')
      expect(site.record.urls.icon).toBeUndefined()
      const manifest = parse(bytes(fileAt(site, 'manifest.plist')).toString('utf8')) as {
        items: { assets: { kind: string }[] }[]
      }
      expect(manifest.items[0]?.assets.map((asset) => asset.kind)).toEqual(['software-package'])
    }
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/is not a PNG that can be resized .*published without an icon/)
  })

  it('refuses a host URL that is not https', async () => {
    const build = buildSite(ipaInfo(), options({ urlFor: (path) => `http://example.test/${path}` }))
    await expect(build).rejects.toThrow(UserError)
    await expect(build).rejects.toThrow(/not https/)
  })

  it('refuses a channel or build id that would leave its folder', async () => {
    await expect(buildSite(ipaInfo(), options({ channel: '../x' }))).rejects.toThrow(UserError)
    await expect(buildSite(ipaInfo(), options({ buildId: '..' }))).rejects.toThrow(UserError)
  })
})

describe('buildSite over the corpus', () => {
  it.skipIf(corpus.skip)(
    `publishes every installable corpus IPA read by readIpa${corpus.reason}`,
    async () => {
      const names = corpus.list().filter((name) => name.endsWith('.ipa'))
      expect(names.length).toBeGreaterThanOrEqual(7)
      for (const name of names) {
        const info = await readIpa(join(CORPUS, name))
        const site = await buildSite(info, options({ buildId: '1-1' }))
        const ipa = site.files[0]
        expect(ipa?.content).toEqual({ file: join(CORPUS, name) })
        expect(ipa?.path).toMatch(/^ota\/feature-login\/1-1\/[a-z0-9._-]+\.ipa$/)
        const manifest = parse(bytes(fileAt(site, 'manifest.plist')).toString('utf8')) as {
          items: { assets: { kind: string; url: string }[]; metadata: Record<string, string> }[]
        }
        expect(manifest.items[0]?.metadata['bundle-identifier']).toBe(info.app.bundleId)
        expect(manifest.items[0]?.assets[0]?.url).toBe(`${HOST}/${ipa?.path}`)
        expect(site.record.profile?.type).toBe(info.profile?.type)
        const page = bytes(fileAt(site, 'index.html')).toString('utf8')
        expect(page).toContain(`href="${site.record.urls.install.replaceAll('&', '&amp;')}"`)
        expect(site.files.some((file) => file.path.endsWith('/icon-512.png'))).toBe(
          info.icon !== undefined
        )
      }
    }
  )
})
