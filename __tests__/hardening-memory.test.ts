/**
 * Memory: archives made to exhaust it, and an oversized build.json already on the site, through
 * the bundled action (host: directory). Each is read under the bound or refused in one line
 * naming the limit; peak RSS is measured in the action's process (scripts/hardening-rss.mjs).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitHub, type GitHubStandIn } from './support/github-server.js'
import { runAction } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'
import { writeLargeZip } from './support/zip.js'

/** The target: any IPA is read in under 250 MB, or refused in one line. */
const MAX_RSS_MB = 250
const RSS_PRELOAD = resolve('scripts/hardening-rss.mjs')
const BASE = 'https://builds.example.com'

const infoPlist = (bundleId: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>CFBundleIdentifier</key><string>${bundleId}</string><key>CFBundleShortVersionString</key><string>1.0</string><key>CFBundleVersion</key><string>1</string><key>CFBundleExecutable</key><string>App</string></dict></plist>`
  )

let work: string
let github: GitHubStandIn

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hardening-memory-'))
  // The pushes hold no pull request. (Without an API that answers, each published run would
  // retry its pull request lookup for 14 s.)
  github = await startGitHub()
  github.handle('repos/list-pull-requests-associated-with-commit', () => ({
    status: 200,
    body: []
  }))
})

afterAll(async () => {
  expect(github.violations).toEqual([])
  await github.close()
  await rm(work, { recursive: true, force: true })
})

/** Publishes `ipa` to a folder site; the run, its peak RSS in MB and the site folder. */
async function publish(
  ipa: string,
  site = join(work, `site-${Math.random().toString(36).slice(2)}`)
) {
  const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}`)
  const run = await runAction({
    inputs: {
      ipa,
      host: 'directory',
      'base-url': BASE,
      'output-dir': site,
      'profile-check': 'off'
    },
    cwd: work,
    env: {
      GITHUB_API_URL: github.url,
      NODE_OPTIONS: `--import=${RSS_PRELOAD}`,
      HARDENING_RSS_FILE: rssFile
    }
  })
  const usage = JSON.parse(await readFile(rssFile, 'utf8')) as { maxRssKb: number }
  return { run, rssMb: usage.maxRssKb / 1024, site }
}

/** An app with `count` entries in all: its Info.plist, then `name(i)` for the others. */
async function archive(file: string, count: number, name: (i: number) => string): Promise<string> {
  const path = join(work, file)
  await writeLargeZip(path, count, (i) =>
    i === 0
      ? { name: 'Payload/App.app/Info.plist', data: infoPlist('dev.ipa-ota.memory') }
      : { name: name(i), data: Buffer.from('x') }
  )
  return path
}

describe('archives made to exhaust memory', () => {
  it('600,000 entries are refused in one line naming the limit, before they are read', async () => {
    const ipa = await archive('entries.ipa', 600_000, (i) => `Payload/App.app/Assets/f${i}.png`)
    const { run, rssMb, site } = await publish(ipa)
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([
      `::error::${ipa} holds 600000 entries, more than the 200000 an .ipa may hold here (a zip bomb or a damaged archive); build the .ipa again, or open an issue if your app really has that many files.`
    ])
    expect(rssMb).toBeLessThan(MAX_RSS_MB)
    await expect(readFile(join(site, 'ota', 'index.html'))).rejects.toThrow(/ENOENT/)
  })

  it('199,999 entries, just under the limit, are published under the bound', async () => {
    const ipa = await archive('many.ipa', 199_999, (i) => `Payload/App.app/Assets/f${i}.png`)
    const { run, rssMb, site } = await publish(ipa)
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(rssMb).toBeLessThan(MAX_RSS_MB)
    const record = JSON.parse(await readFile(join(site, 'ota/main/17-1/build.json'), 'utf8')) as {
      app: { components: unknown[] }
    }
    expect(record.app.components).toEqual([
      expect.objectContaining({ kind: 'resources', name: 'Other resources' })
    ])
  })

  it('100,000 extensions are refused in one line naming the limit, none of them read', async () => {
    const ipa = await archive(
      'extensions.ipa',
      100_001,
      (i) => `Payload/App.app/PlugIns/Extension${i}.appex/Info.plist`
    )
    const { run, rssMb } = await publish(ipa)
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([
      '::error::Payload/App.app/ holds more than 100 extensions (in PlugIns/), the most an app may hold here (a damaged or made-up archive); build the .ipa again.'
    ])
    expect(rssMb).toBeLessThan(MAX_RSS_MB)
  })
})

describe('a build.json on the site over the size limit', () => {
  it('is skipped with a warning, left in place, and the build is published', async () => {
    const site = join(work, 'site-oversized')
    const planted = join(site, 'ota', 'main', '1-1', 'build.json')
    await mkdir(join(planted, '..'), { recursive: true })
    await writeFile(planted, `{"schema":1,"notes":"${'x'.repeat(5 * 2 ** 20)}"}`)
    const ipa = join(work, 'Sample.ipa')
    await writeSampleIpa(ipa)
    const { run, rssMb } = await publish(ipa, site)
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      `::warning::Ignoring ${planted}: it is larger than 4 MiB, far more than an ipa-ota build.json holds.`
    )
    expect(rssMb).toBeLessThan(MAX_RSS_MB)
    expect((await readFile(planted)).length).toBeGreaterThan(5 * 2 ** 20)
    expect(await readFile(join(site, 'ota/main/17-1/build.json'), 'utf8')).toContain('"schema": 1')
  })
})
