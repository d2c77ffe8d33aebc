/**
 * unlisted: a build only holders of its link can find. It is in no index page and no latest.json,
 * and its folder name carries 128 random bits, new on every run.
 */
import { describe, expect, it } from 'vitest'
import { planPublish } from '../src/ota/plan.js'
import { parseBuildRecord } from '../src/ota/record.js'
import { buildSite, type SiteOptions } from '../src/ota/site.js'
import { isSlug, unlistedBuildId } from '../src/ota/layout.js'
import type { BuildRecord, SiteFile } from '../src/ota/types.js'
import { ipaInfo, record } from './support/ota-fixtures.js'

const at = (hour: number) => new Date(Date.UTC(2024, 0, 1, hour))

function options(overrides: Partial<SiteOptions> = {}): SiteOptions {
  return {
    urlFor: (path) => `https://builds.example.com/${path}`,
    root: 'ota',
    channel: 'pr-7',
    buildId: '99-1',
    source: { serverUrl: 'https://github.com', runId: '99', runAttempt: 1 },
    qr: 'page',
    now: at(5),
    ...overrides
  }
}

function text(file: SiteFile): string {
  if (!Buffer.isBuffer(file.content)) throw new Error(`${file.path} is not in memory`)
  return file.content.toString('utf8')
}

/** Every index page and latest.json of a plan, as text. */
function indexTexts(files: SiteFile[]): string {
  return files
    .filter((file) => !file.immutable)
    .map((file) => `${file.path}\n${text(file)}`)
    .join('\n')
}

describe('unlisted builds', () => {
  it('get a folder name with 26 random base32 characters, different on every run', async () => {
    const dirs = new Set<string>()
    for (let run = 0; run < 8; run++) {
      const site = await buildSite(ipaInfo(), options({ unlisted: true }))
      expect(site.dir).toMatch(/^ota\/pr-7\/99-1-[a-z2-7]{26}$/)
      expect(site.record).toMatchObject({ unlisted: true, buildId: site.dir.split('/')[2] })
      expect(site.record.urls.page).toBe(`https://builds.example.com/${site.dir}/index.html`)
      expect(site.record.urls.channel).toBeUndefined()
      dirs.add(site.dir)
    }
    expect(dirs.size).toBe(8)
    const listed = await buildSite(ipaInfo(), options())
    expect(listed.dir).toBe('ota/pr-7/99-1')
    expect(listed.record.unlisted).toBeUndefined()
  })

  it('keep a long build id within a folder name the site reads back', () => {
    const id = unlistedBuildId('x'.repeat(80))
    expect(isSlug(id)).toBe(true)
    expect(id).toMatch(/^x+-[a-z2-7]{26}$/)
  })

  it('appear in no root page, channel page or latest.json; listed builds still do', async () => {
    const current: BuildRecord[] = [record('main', '1-1', at(1).toISOString())]
    const site = await buildSite(ipaInfo(), options({ unlisted: true, channel: 'main' }))
    const plan = planPublish(site, current, { keep: 10 }, 'ota')
    const pages = indexTexts(plan.write)
    expect(pages).not.toContain(site.record.buildId)
    expect(pages).toContain('1-1')
    const latest = plan.write.find((file) => file.path === 'ota/main/latest.json')!
    expect(JSON.parse(text(latest))).toMatchObject({ buildId: '1-1' })
    // Kept and counted for retention like any build.
    expect(plan.kept.map((each) => each.buildId)).toContain(site.record.buildId)
  })

  it('leave a channel of unlisted builds only without index page or latest.json', async () => {
    const current: BuildRecord[] = [record('pr-7', '1-1', at(1).toISOString())]
    const site = await buildSite(ipaInfo(), options({ unlisted: true }))
    // keep: 1 removes the listed build, so only the unlisted one is left in pr-7.
    const plan = planPublish(site, current, { keep: 1 }, 'ota')
    const paths = plan.write.map((file) => file.path)
    expect(paths).not.toContain('ota/pr-7/index.html')
    expect(paths).not.toContain('ota/pr-7/latest.json')
    expect(plan.removeFiles).toEqual(['ota/pr-7/index.html', 'ota/pr-7/latest.json'])
    expect(indexTexts(plan.write)).not.toContain('pr-7')
  })

  it('stay unlisted when their build.json is read back', async () => {
    const site = await buildSite(ipaInfo(), options({ unlisted: true }))
    const json = site.files.find((file) => file.path.endsWith('/build.json'))!
    const back = parseBuildRecord(text(json), 'build.json', () => {})!
    expect(back.unlisted).toBe(true)
    const again = planPublish(
      await buildSite(ipaInfo(), options({ buildId: '100-1' })),
      [back],
      { keep: 10 },
      'ota'
    )
    expect(indexTexts(again.write)).not.toContain(back.buildId)
  })
})
