/**
 * The command line's rough edges of issue 20, one test each, through the bundled dist/cli.js
 * (run `npm run bundle` first) as a user meets it.
 */
import { execFile } from 'node:child_process'
import { readdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'plist'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSampleIpa } from './support/sample-ipa.js'

const CLI = resolve('dist/cli.js')

interface Result {
  code: number
  stdout: string
  stderr: string
}

function run(args: string[], cwd = work): Promise<Result> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      done({ code, stdout, stderr })
    })
  })
}
const cli = (...args: string[]) => run([CLI, ...args])

let work: string
let sample: string
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-edges-'))
  sample = join(work, 'Sample.ipa')
  await writeSampleIpa(sample)
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const site = (ipa: string, out: string, ...more: string[]) =>
  cli('site', ipa, '--base-url', 'https://builds.example.com', '--out', join(work, out), ...more)

it('no arguments: the usage on stderr and exit status 2, so a script notices', async () => {
  const result = await cli()
  expect(result.code).toBe(2)
  expect(result.stdout).toBe('')
  expect(result.stderr).toContain('Usage: ipa-ota <command> [options]')
})

it('diff of two different apps names both bundle ids, in text and JSON', async () => {
  const other = join(work, 'Other.ipa')
  await writeSampleIpa(other, { bundleId: 'dev.ipa-ota.other' })
  const text = await cli('diff', sample, other)
  expect(text.code).toBe(0)
  expect(text.stdout).toContain(
    'Bundle id: dev.ipa-ota.sample → dev.ipa-ota.other (two different apps)'
  )
  const json = await cli('diff', sample, other, '--json')
  expect(JSON.parse(json.stdout)).toMatchObject({
    bundleId: { before: 'dev.ipa-ota.sample', after: 'dev.ipa-ota.other' }
  })
  expect((await cli('diff', sample, sample)).stdout).not.toContain('Bundle id')
})

it('inspect prints DTXcode 0941 as Xcode 9.4.1 and 1500 as 15.0', async () => {
  const old = join(work, 'Old.ipa')
  await writeSampleIpa(old, { xcode: '0941' })
  expect((await cli('inspect', old)).stdout).toMatch(
    /^Built with: +SDK iphoneos18\.0, Xcode 9\.4\.1$/m
  )
  const current = join(work, 'Current.ipa')
  await writeSampleIpa(current, { xcode: '1500' })
  expect((await cli('inspect', current)).stdout).toMatch(/, Xcode 15\.0$/m)
})

it('inspect mentions Assets.car only when the IPA has one', async () => {
  const bare = join(work, 'NoIcon.ipa')
  await writeSampleIpa(bare, { icon: false })
  expect((await cli('inspect', bare)).stdout).toMatch(/^Icon: +none found$/m)
  const catalog = join(work, 'Catalog.ipa')
  await writeSampleIpa(catalog, { icon: false, assetsCar: true })
  expect((await cli('inspect', catalog)).stdout).toMatch(/^Icon: +none found outside Assets\.car$/m)
})

describe('a loopback --base-url is refused with the fix, before the IPA is read', () => {
  it.each([
    'https://localhost',
    'https://localhost:8443/ota',
    'https://app.localhost/',
    'https://127.0.0.1/',
    'https://127.1/',
    'https://[::1]:8443/',
    'https://0.0.0.0/'
  ])('%s', async (url) => {
    const result = await cli('site', '/nowhere/App.ipa', '--base-url', url)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /^ipa-ota: site: --base-url is ".*": that address is the computer itself, which no iPhone or iPad can reach; give the https address the site will be served from/
    )
  })
})

it('an IPA that is not one names no action in its message', async () => {
  const text = join(work, 'text.ipa')
  await writeFile(text, 'not a zip')
  const result = await cli('inspect', text)
  expect(result.code).toBe(1)
  expect(result.stderr).toContain('give the .ipa that Xcode (or fastlane gym) exported')
  expect(result.stderr).not.toMatch(/\baction\b/)
})

describe("site takes the inputs of the action's site", () => {
  it('--notes-file puts the file on the page; with --notes it is a usage error', async () => {
    const notes = join(work, 'notes.txt')
    await writeFile(notes, 'Fixed the <login> crash\n')
    const result = await site(sample, 'notes', '--notes-file', notes, '--build-id', '1')
    expect(result.code).toBe(0)
    const page = await readFile(join(work, 'notes/ota/local/1/index.html'), 'utf8')
    expect(page).toContain('Fixed the &lt;login&gt; crash')
    const both = await site(sample, 'notes', '--notes', 'x', '--notes-file', notes)
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/--notes and --notes-file are both given/)
    const missing = await site(sample, 'notes', '--notes-file', join(work, 'none.txt'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^ipa-ota: --notes-file ".*none\.txt" cannot be read \(ENOENT\)/)
  })

  it('--devices-file: the devices the profile misses are printed and on the page', async () => {
    const list = join(work, 'devices.txt')
    await writeFile(
      list,
      'Device ID\tDevice Name\tDevice Platform\n00008110-000A1B2C3D4E5F60\tJane’s iPhone\tIOS\n00008030-00FFEEDDCCBBAA99\tOld iPad\tIOS\n'
    )
    const result = await site(sample, 'devices', '--devices-file', list, '--build-id', '1')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Devices: 1 of 2 listed can install')
    expect(result.stdout).toContain('  missing: Old iPad (00008030-00FFEEDDCCBBAA99)')
    const page = await readFile(join(work, 'devices/ota/local/1/index.html'), 'utf8')
    expect(page).toContain('Old iPad')
  })

  it("--compare-to compares with that channel; by default with the build's own; none: not at all", async () => {
    const older = join(work, 'Older.ipa')
    await writeSampleIpa(older, { version: '0.9', build: '1' })
    const newer = join(work, 'Newer.ipa')
    await writeSampleIpa(newer, { version: '1.0', build: '2' })
    expect((await site(older, 'cmp', '--channel', 'main', '--build-id', '1')).code).toBe(0)
    const first = await site(newer, 'cmp', '--channel', 'feature', '--build-id', '2')
    expect(first.stdout).toContain('Changes: none to show (first build of this channel)')
    const against = await site(
      newer,
      'cmp',
      '--channel',
      'pr',
      '--compare-to',
      'main',
      '--build-id',
      '3'
    )
    expect(against.stdout).toMatch(
      /^Changes since main 0\.9 \(1\):\n {2}Size: .*\n {2}Version: 0\.9 \(1\) → 1\.0 \(2\)$/m
    )
    const none = await site(
      newer,
      'cmp',
      '--channel',
      'pr',
      '--compare-to',
      'none',
      '--build-id',
      '4'
    )
    expect(none.stdout).not.toContain('Changes')
    const bad = await site(newer, 'cmp', '--compare-to', '../x')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^ipa-ota: site: --compare-to: /)
  })
})

it('a missing CFBundleShortVersionString is reported as missing; the manifest uses the build number, with a warning', async () => {
  const ipa = join(work, 'NoVersion.ipa')
  await writeSampleIpa(ipa, { version: null, build: '42' })
  const inspect = await cli('inspect', ipa)
  expect(inspect.stdout).toMatch(/^App: +Sample, version not declared \(build 42\)$/m)
  expect(inspect.stdout).toMatch(
    /^ {2}Warning: +The Info\.plist has no CFBundleShortVersionString, so the manifest and pages show the build number 42 as the version/m
  )
  const result = await site(ipa, 'noversion', '--build-id', '1')
  expect(result.code).toBe(0)
  expect(result.stderr).toMatch(/^warning: The Info\.plist has no CFBundleShortVersionString/m)
  const manifest = parse(
    await readFile(join(work, 'noversion/ota/local/1/manifest.plist'), 'utf8')
  ) as { items: Array<{ metadata: Record<string, string> }> }
  expect(manifest.items[0]!.metadata['bundle-version']).toBe('42')
})

it('npm run demo leaves no IPA at the site root', async () => {
  const cwd = await mkdtemp(join(work, 'demo-'))
  const result = await run([resolve('scripts/demo.mjs')], cwd)
  expect(result.code).toBe(0)
  expect(await readdir(join(cwd, 'ota-site'))).toEqual(['ota'])
  expect(result.stdout).toContain('Install link: itms-services://')
})

it('site --unlisted: a new random folder each run, named in no index page', async () => {
  const runs = [
    await site(sample, 'unlisted', '--unlisted'),
    await site(sample, 'unlisted', '--unlisted')
  ]
  const folders = runs.map(
    (result) =>
      /Install page: https:\/\/builds\.example\.com\/ota\/local\/([^/]+)\//.exec(result.stdout)![1]!
  )
  expect(folders[0]).toMatch(/-[a-z2-7]{26}$/)
  expect(folders[1]).not.toBe(folders[0])
  const root = await readdir(join(work, 'unlisted/ota'))
  expect(root).toEqual(['index.html', 'local'])
  const local = await readdir(join(work, 'unlisted/ota/local'))
  expect(local.sort()).toEqual([...folders].sort())
  const index = await readFile(join(work, 'unlisted/ota/index.html'), 'utf8')
  for (const folder of folders) expect(index).not.toContain(folder)
})
