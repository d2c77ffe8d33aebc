import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundledPackages, packageDir, permissive } from '../scripts/licenses.mjs'
import { listFiles } from './support/files.js'

describe('dist/licenses.txt', () => {
  // project.test.ts holds dist/ equal to a fresh bundle, so this reads what ships.
  it('lists every package bundled into dist/, with its version', async () => {
    const scripts = (await listFiles('dist')).filter((file) => file.endsWith('.js'))
    // esbuild names the source file above each module it bundles: "// node_modules/undici/index.js".
    const sources = new Set<string>()
    for (const file of scripts) {
      for (const [, path] of (await readFile(join('dist', file), 'utf8')).matchAll(
        /^\/\/ (\S*node_modules\/\S+)$/gm
      ))
        sources.add(packageDir(path!)!)
    }
    expect(sources.size).toBeGreaterThan(20)
    const licenses = await readFile('dist/licenses.txt', 'utf8')
    for (const dir of sources) {
      const { name, version } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
        name: string
        version: string
      }
      expect(licenses, `${dir} is bundled but not in dist/licenses.txt`).toMatch(
        new RegExp(`^${literal(`${name} ${version} (`)}`, 'm')
      )
    }
  })
})

describe('bundledPackages', () => {
  const planted = async (packages: Record<string, object>, files: Record<string, string> = {}) => {
    const root = await mkdtemp(join(tmpdir(), 'licenses-'))
    for (const [name, manifest] of Object.entries(packages)) {
      await mkdir(join(root, 'node_modules', name), { recursive: true })
      await writeFile(join(root, 'node_modules', name, 'package.json'), JSON.stringify(manifest))
    }
    for (const [path, text] of Object.entries(files)) await writeFile(join(root, path), text)
    const inputs = Object.fromEntries(
      Object.keys(packages).map((name) => [`node_modules/${name}/index.js`, {}])
    )
    return { root, metafiles: [{ inputs: { 'src/main.ts': {}, ...inputs } }] }
  }

  it('lists each package once with its licence texts, our own sources left out', async () => {
    const { root, metafiles } = await planted(
      { one: { name: 'one', version: '1.0.0', license: 'MIT' } },
      { 'node_modules/one/LICENSE': 'MIT text\n', 'node_modules/one/NOTICE': 'notice\n' }
    )
    try {
      expect(bundledPackages([...metafiles, ...metafiles], root)).toEqual([
        { name: 'one', version: '1.0.0', license: 'MIT', texts: ['MIT text', 'notice'] }
      ])
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it('refuses a package with no licence or a licence that is not permissive', async () => {
    const { root, metafiles } = await planted({
      copyleft: { name: 'copyleft', version: '2.0.0', license: 'GPL-3.0-only' },
      '@scope/bare': { name: '@scope/bare', version: '0.1.0' }
    })
    try {
      expect(() => bundledPackages(metafiles, root)).toThrow(
        'Bundled packages without a permissive licence: copyleft@2.0.0 (GPL-3.0-only), @scope/bare@0.1.0 (no licence).'
      )
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it('refuses a package that ships no licence file unless its licence text is generic', async () => {
    const { root, metafiles } = await planted({
      quiet: { name: 'quiet', version: '1.0.0', license: 'MIT' }
    })
    try {
      expect(() => bundledPackages(metafiles, root)).toThrow(
        'quiet@1.0.0 ships no licence file to copy into dist/.'
      )
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})

describe('permissive', () => {
  it.each([
    ['MIT', true],
    ['(MIT OR GPL-3.0-only)', true],
    ['Apache-2.0 AND BSD-3-Clause', true],
    ['MIT AND GPL-3.0-only', false],
    ['GPL-3.0-only', false],
    ['SEE LICENSE IN LICENSE.txt', false],
    ['UNLICENSED', false]
  ])('%s → %s', (license, expected) => {
    expect(permissive(license)).toBe(expected)
  })
})

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
