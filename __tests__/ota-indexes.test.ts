import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderIndexes } from '../src/ota/indexes.js'
import { planPublish } from '../src/ota/plan.js'
import { buildSite } from '../src/ota/site.js'
import type { SiteFile } from '../src/ota/types.js'
import { launchChromium, openPage, serveFiles, type StaticServer } from './support/browser.js'
import { ipaInfo, record } from './support/ota-fixtures.js'

const at = (hour: number) => new Date(Date.UTC(2024, 0, 1, hour)).toISOString()

function text(files: SiteFile[], path: string): string {
  const file = files.find((each) => each.path === path)
  if (file === undefined || !Buffer.isBuffer(file.content)) throw new Error(`no ${path}`)
  return file.content.toString('utf8')
}

describe('renderIndexes', () => {
  const records = [
    record('main', '9-1', at(1)),
    record('main', '10-1', at(1)),
    record('pr-3', '11-1', at(5)),
    record('main', '8-1', at(0))
  ]

  it('writes a root index, and a page and latest.json per channel, none of them immutable', () => {
    const files = renderIndexes('ota', records)
    expect(files.map((file) => file.path)).toEqual([
      'ota/index.html',
      'ota/pr-3/index.html',
      'ota/pr-3/latest.json',
      'ota/main/index.html',
      'ota/main/latest.json'
    ])
    for (const file of files) {
      expect(file.immutable).toBe(false)
      expect(file.contentType).toBe(
        file.path.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8'
      )
      expect(file.size).toBe((file.content as Buffer).length)
    }
    // The newest build of the channel, and only what the "newer build" notice shows.
    expect(JSON.parse(text(files, 'ota/main/latest.json'))).toEqual({
      schema: 1,
      buildId: '10-1',
      createdAt: at(1),
      version: records[1]!.app.version,
      build: records[1]!.app.build
    })
  })

  it('lists channels by their newest build with counts, and builds newest first', () => {
    const files = renderIndexes('ota', records)
    const root = text(files, 'ota/index.html')
    expect([...root.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'pr-3/index.html',
      'main/index.html'
    ])
    expect(root).toContain('1 build ·')
    expect(root).toContain('3 builds ·')
    const main = text(files, 'ota/main/index.html')
    // Same second: 10-1 sorts after 9-1 numerically, so it is newer.
    expect([...main.matchAll(/href="([^"]+)\/index\.html">Details/g)].map((m) => m[1])).toEqual([
      '10-1',
      '9-1',
      '8-1'
    ])
    expect(main).toContain(`href="${records[1]?.urls.install.replaceAll('&', '&amp;')}"`)
    expect(main).toContain('href="../index.html"')
  })

  it('counts the days to each profile expiry from the build date, as the pages say', () => {
    const profile = {
      type: 'ad-hoc' as const,
      name: 'Demo',
      devices: 2,
      provisionsAllDevices: false
    }
    const expiring = {
      ...record('main', '2-1', at(0)),
      profile: { ...profile, expires: '2024-01-13T00:00:00Z' }
    }
    const expired = {
      ...record('main', '1-1', at(0)),
      profile: { ...profile, expires: '2023-12-29T00:00:00Z' }
    }
    const files = renderIndexes('ota', [expiring, expired, record('pr-3', '3-1', at(5))])
    const main = text(files, 'ota/main/index.html')
    expect(main).toContain('profile expires in 12 days (as of publishing)')
    expect(main).toContain('profile expired 3 days ago (as of publishing)')
    const root = text(files, 'ota/index.html')
    expect(root).toContain('profile expires in 12 days (as of publishing)')
    // A build without a profile says nothing of one.
    expect(text(files, 'ota/pr-3/index.html')).not.toContain('as of publishing')
  })

  it('puts the indexes at the site root when the root is empty', () => {
    expect(renderIndexes('', records).map((file) => file.path)).toEqual([
      'index.html',
      'pr-3/index.html',
      'pr-3/latest.json',
      'main/index.html',
      'main/latest.json'
    ])
  })

  it('escapes names and drops install links that are not itms-services', () => {
    const hostile = record('main', '1-1', at(1))
    hostile.app.name = '<img src=x onerror=alert(1)>'
    hostile.urls.install = 'javascript:alert(1)'
    const page = text(renderIndexes('ota', [hostile]), 'ota/main/index.html')
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(page).not.toContain('<img')
    expect(page).not.toContain('javascript:')
  })
})

describe('index pages in a browser', () => {
  let browser: Browser
  let server: StaticServer

  beforeAll(async () => {
    browser = await launchChromium()
    const urlFor = (path: string) => `https://builds.example.test/${path}`
    const common = { urlFor, root: 'ota', qr: 'page' as const }
    const older = await buildSite(ipaInfo(), {
      ...common,
      channel: 'main',
      buildId: '1-1',
      source: { serverUrl: 'https://github.com' },
      now: new Date(at(1))
    })
    const newer = await buildSite(ipaInfo({}, { version: '2.0' }), {
      ...common,
      channel: 'main',
      buildId: '2-1',
      source: { serverUrl: 'https://github.com' },
      now: new Date(at(2))
    })
    const plan = planPublish(newer, [older.record], { keep: 5 }, 'ota')
    const files = new Map<string, Buffer>()
    for (const file of [...older.files, ...plan.write]) {
      if (Buffer.isBuffer(file.content)) files.set(file.path, file.content)
    }
    server = await serveFiles(files)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('link to each other and to the build pages by relative paths', async () => {
    const { page, context, problems } = await openPage(browser, `${server.origin}/ota/index.html`, {
      viewport: { width: 390, height: 844 }
    })
    try {
      await page.getByRole('link', { name: 'main' }).click()
      await page.waitForURL(`${server.origin}/ota/main/index.html`)
      expect(await page.locator('.latest header h2').innerText()).toBe('Demo 2.0 (45)')
      expect(await page.locator('li .title').allInnerTexts()).toEqual(['Demo 1.2.3 (45)'])
      await page.getByRole('link', { name: 'Details' }).first().click()
      await page.waitForURL(`${server.origin}/ota/main/2-1/index.html`)
      expect(await page.locator('h1').innerText()).toBe('Demo')
      await page.goto(`${server.origin}/ota/main/index.html`)
      await page.getByRole('link', { name: 'All channels' }).click()
      await page.waitForURL(`${server.origin}/ota/index.html`)
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] })
    } finally {
      await context.close()
    }
  })
})
