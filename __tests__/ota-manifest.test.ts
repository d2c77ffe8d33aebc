import { execFile } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { installLink, renderManifest } from '../src/ota/manifest.js'

/** Parses with Python's plistlib (an independent parser) and returns the result as JSON. */
async function parseWithPython(xml: string): Promise<unknown> {
  const script = [
    'import json, plistlib, sys',
    'data = plistlib.loads(sys.stdin.buffer.read())',
    'sys.stdout.write(json.dumps(data, ensure_ascii=True))'
  ].join('\n')
  const child = execFile('python3', ['-c', script], { encoding: 'utf8' })
  const output = new Promise<string>((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: string) => (stdout += chunk))
    child.stderr?.on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(stderr))))
  })
  child.stdin?.end(xml)
  return JSON.parse(await output)
}

const base = 'https://builds.example.com/ota/pr-1/7-1'

describe('renderManifest', () => {
  it('holds exactly the assets and metadata iOS reads', async () => {
    const xml = renderManifest({
      ipaUrl: `${base}/demo.ipa`,
      displayImageUrl: `${base}/icon-57.png`,
      fullSizeImageUrl: `${base}/icon-512.png`,
      bundleId: 'com.example.demo',
      version: '1.2.3',
      title: 'Demo',
      subtitle: '1.2.3 (45)'
    })
    expect(await parseWithPython(xml)).toEqual({
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
            title: 'Demo',
            subtitle: '1.2.3 (45)'
          }
        }
      ]
    })
  })

  it('leaves the images out when there is no icon', async () => {
    const xml = renderManifest({
      ipaUrl: `${base}/demo.ipa`,
      bundleId: 'com.example.demo',
      version: '1',
      title: 'Demo'
    })
    const parsed = (await parseWithPython(xml)) as {
      items: { assets: unknown[]; metadata: Record<string, string> }[]
    }
    expect(parsed.items[0]?.assets).toEqual([{ kind: 'software-package', url: `${base}/demo.ipa` }])
    expect(parsed.items[0]?.metadata).not.toHaveProperty('subtitle')
  })

  it('keeps hostile and unusual text intact', async () => {
    const title = '</string><key>x</key> & "quotes" \'single\' ]]> <![CDATA[ 😀🇫🇷 火'
    const url = `${base}/my%20app.ipa?sig=a&b=<c>`
    const xml = renderManifest({
      ipaUrl: url,
      bundleId: 'com.example.<&>',
      version: '1.0 "beta"',
      title,
      subtitle: ']]>&amp;'
    })
    const parsed = (await parseWithPython(xml)) as {
      items: { assets: { url: string }[]; metadata: Record<string, string> }[]
    }
    const item = parsed.items[0]
    expect(item?.metadata).toEqual({
      'bundle-identifier': 'com.example.<&>',
      'bundle-version': '1.0 "beta"',
      kind: 'software',
      title,
      subtitle: ']]>&amp;'
    })
    expect(item?.assets[0]?.url).toBe(url)
  })

  it('drops characters XML cannot hold instead of failing', async () => {
    const xml = renderManifest({
      ipaUrl: `${base}/demo.ipa`,
      bundleId: 'com.example.demo',
      version: '1',
      title: 'Bell\u0007 and \uD800 lone surrogate'
    })
    const parsed = (await parseWithPython(xml)) as {
      items: { metadata: Record<string, string> }[]
    }
    expect(parsed.items[0]?.metadata.title).toBe('Bell and  lone surrogate')
  })

  it('removes bidi controls from the title and subtitle iOS shows in its install prompt', async () => {
    const xml = renderManifest({
      ipaUrl: `${base}/demo.ipa`,
      bundleId: 'com.example.demo',
      version: '1',
      title: 'Safe\u202Eppa.exe\u2066',
      subtitle: '1.0\u200F (1)'
    })
    const parsed = (await parseWithPython(xml)) as {
      items: { metadata: Record<string, string> }[]
    }
    expect(parsed.items[0]?.metadata.title).toBe('Safeppa.exe')
    expect(parsed.items[0]?.metadata.subtitle).toBe('1.0 (1)')
  })

  it.each([
    ['http://builds.example.com/a.ipa', /not https/],
    ['ftp://builds.example.com/a.ipa', /not https/],
    ['//builds.example.com/a.ipa', /not a valid absolute URL/],
    ['ota/a.ipa', /not a valid absolute URL/],
    ['https://user:secret@builds.example.com/a.ipa', /user name or password/]
  ])('refuses the IPA URL %s', (ipaUrl, message) => {
    const render = () =>
      renderManifest({ ipaUrl, bundleId: 'com.example.demo', version: '1', title: 'Demo' })
    expect(render).toThrow(UserError)
    expect(render).toThrow(message)
  })

  it('refuses a non-https image URL and never echoes credentials', () => {
    const render = () =>
      renderManifest({
        ipaUrl: `${base}/demo.ipa`,
        displayImageUrl: 'http://token123@builds.example.com/icon-57.png',
        bundleId: 'com.example.demo',
        version: '1',
        title: 'Demo'
      })
    expect(render).toThrow(/display image URL .* not https/)
    expect(render).not.toThrow(/token123/)
  })
})

describe('installLink', () => {
  it('percent-encodes the manifest URL', () => {
    const manifest = 'https://example.com/a b/manifest.plist?x=1&y=2#frag'
    const link = installLink(manifest)
    expect(link).toBe(
      'itms-services://?action=download-manifest&url=https%3A%2F%2Fexample.com%2Fa%20b%2Fmanifest.plist%3Fx%3D1%26y%3D2%23frag'
    )
    expect(new URL(link).searchParams.get('url')).toBe(manifest)
    expect(new URL(link).searchParams.get('action')).toBe('download-manifest')
  })

  it('refuses a manifest that is not https', () => {
    expect(() => installLink('http://example.com/manifest.plist')).toThrow(UserError)
  })
})

// Keeps the helper honest: plistlib must reject a broken document rather than guess.
it('the Python parser rejects malformed XML', async () => {
  await expect(parseWithPython('<plist><dict><key>a</key></plist>')).rejects.toThrow()
})
