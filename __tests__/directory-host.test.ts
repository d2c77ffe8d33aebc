import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserError } from '../src/errors.js'
import { createDirectoryHost } from '../src/hosts/directory.js'
import { publishBuild } from '../src/publish.js'
import { ipaInfo, record } from './support/ota-fixtures.js'

let scratch: string

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'directory-host-'))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await rm(scratch, { recursive: true, force: true })
})

async function plant(dir: string, buildId: string, text: string): Promise<string> {
  const folder = join(dir, 'ota', 'main', buildId)
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'build.json'), text)
  return join(folder, 'build.json')
}

async function publish(dir: string, buildId: string, warn: (message: string) => void = () => {}) {
  const ipa = join(scratch, 'Demo.ipa')
  await writeFile(ipa, 'ipa bytes')
  return publishBuild(
    ipaInfo({ file: { path: ipa, size: 9 } }),
    createDirectoryHost({ dir, baseUrl: 'https://builds.example.test/', warn }),
    {
      root: 'ota',
      channel: 'main',
      buildId,
      source: { serverUrl: 'https://github.com' },
      qr: 'page',
      now: new Date('2025-06-01T12:00:00Z'),
      retention: { keep: 10 }
    }
  )
}

describe('directory host: build.json read back from the folder', () => {
  it('skips a planted, a non-JSON and an incomplete build.json with a warning, keeps them, and still publishes', async () => {
    const site = join(scratch, 'site')
    const good = record('main', '1-1', '2025-05-01T00:00:00.000Z')
    await plant(site, '1-1', JSON.stringify(good))
    const bad = [
      await plant(site, '2-1', '{"schema":1}'),
      await plant(site, '3-1', 'not json'),
      await plant(site, '4-1', JSON.stringify({ ...good, buildId: '4-1', urls: undefined }))
    ]
    const warnings: string[] = []

    const { plan } = await publish(site, '5-1', (message) => warnings.push(message))
    warnings.sort()

    expect(warnings).toEqual([
      expect.stringContaining(`Ignoring ${bad[0]}: channel is missing`),
      expect.stringContaining(`Ignoring ${bad[1]}: it is not JSON`),
      expect.stringContaining(`Ignoring ${bad[2]}: urls is missing`)
    ])
    expect(plan.removed).toEqual([])
    expect(await readdir(join(site, 'ota', 'main'))).toEqual(
      expect.arrayContaining(['1-1', '2-1', '3-1', '4-1', '5-1'])
    )
    expect(await readFile(bad[1]!, 'utf8')).toBe('not json')
    const index = await readFile(join(site, 'ota', 'main', 'index.html'), 'utf8')
    expect(index).toContain('Build 1-1')
    expect(index).toContain('Build 5-1')
    expect(index).not.toContain('Build 4-1')
  })
})

describe('directory host: file-system failures', () => {
  it('an output folder that is an existing file fails with a UserError naming it and the fix', async () => {
    const file = join(scratch, 'site.txt')
    await writeFile(file, 'not a folder')

    const failure = publish(file, '1-1')

    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      `Could not read ${join(file, 'ota')} in the site folder ${file} (a file is in the way where a folder is needed): set output-dir (--out for the CLI) to a folder you can write to that holds only the site, or remove what is in the way.`
    )
    expect(await readFile(file, 'utf8')).toBe('not a folder')
  })

  it('a file where a channel folder goes fails with a UserError naming the file being written', async () => {
    const site = join(scratch, 'site')
    await mkdir(join(site, 'ota'), { recursive: true })
    await writeFile(join(site, 'ota', 'main'), 'in the way')

    const failure = publish(site, '1-1')

    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      new RegExp(
        `^Could not write ${join(site, 'ota', 'main', '1-1')}/\\S+ in the site folder ${site} \\(a file is in the way where a folder is needed\\): set output-dir`
      )
    )
  })
})

describe('directory host: what it never touches', () => {
  const DAY = 24 * 60 * 60 * 1000

  function site(dir: string, now?: () => Date) {
    return createDirectoryHost({
      dir,
      baseUrl: 'https://builds.example.test/',
      warn: () => {},
      now
    })
  }

  it('sweeps a build folder left without build.json for over a day, and nothing else', async () => {
    const dir = join(scratch, 'site')
    await plant(dir, '1-1', JSON.stringify(record('main', '1-1', '2025-05-01T00:00:00.000Z')))
    const abandoned = join(dir, 'ota', 'main', '2-1')
    await mkdir(abandoned, { recursive: true })
    await writeFile(join(abandoned, 'App.ipa'), 'half an upload')
    // Not a build's files: never swept.
    const other = join(dir, 'ota', 'main', 'notes')
    await mkdir(other)
    await writeFile(join(other, 'todo.md'), 'notes')
    const nothing = () => ({ write: [], removeDirs: [] })

    // Within a day the upload may still be running in another job.
    await site(dir, () => new Date(Date.now() + DAY - 60_000)).store.update('ota', nothing, 'x')
    expect((await readdir(join(dir, 'ota', 'main'))).sort()).toEqual(['1-1', '2-1', 'notes'])

    await site(dir, () => new Date(Date.now() + DAY + 60_000)).store.update('ota', nothing, 'x')
    expect((await readdir(join(dir, 'ota', 'main'))).sort()).toEqual(['1-1', 'notes'])
  })

  it('refuses to write through a symbolic link to a folder outside output-dir', async () => {
    const dir = join(scratch, 'site')
    const outside = join(scratch, 'outside')
    await mkdir(join(dir, 'ota'), { recursive: true })
    await mkdir(outside)
    await symlink(outside, join(dir, 'ota', 'main'))

    const failure = publish(dir, '1-1')

    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      `${join(dir, 'ota', 'main')} in the site folder ${dir} is a symbolic link`
    )
    expect(await readdir(outside)).toEqual([])
  })

  it('replaces a symbolic link where a file goes, leaving its target as it was', async () => {
    const dir = join(scratch, 'site')
    const outside = join(scratch, 'outside.html')
    await writeFile(outside, 'not the site')
    await mkdir(join(dir, 'ota'), { recursive: true })
    await symlink(outside, join(dir, 'ota', 'index.html'))

    await publish(dir, '1-1')

    expect(await readFile(outside, 'utf8')).toBe('not the site')
    expect((await lstat(join(dir, 'ota', 'index.html'))).isFile()).toBe(true)
    expect(await readFile(join(dir, 'ota', 'index.html'), 'utf8')).toContain('main')
  })
})
