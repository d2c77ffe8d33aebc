/**
 * What a tester sees, in Chromium: a build no device can install shows why, at the top, and no
 * Install button; every build page leads to its channel and says when a newer build exists; the
 * channel page starts with the newest build (the stable "latest" link); the root page names each
 * channel's app, icon, newest version and date.
 */
import { mkdir } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { judge } from '../src/ipa/verdict.js'
import type { IpaInfo } from '../src/ipa/types.js'
import { planPublish } from '../src/ota/plan.js'
import { buildSite } from '../src/ota/site.js'
import type { BuildRecord } from '../src/ota/types.js'
import { launchChromium, openPage, serveFiles, type StaticServer } from './support/browser.js'
import { ipaInfo, profile } from './support/ota-fixtures.js'

const IPHONE = {
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true
}
const DESKTOP = { viewport: { width: 1280, height: 900 } }
const ARTIFACTS = '__tests__/artifacts'
const HOSTILE = '<img src=x onerror="window.__pwned = 1">'

const at = (hour: number) => new Date(Date.UTC(2025, 0, 1, hour))

let browser: Browser
let server: StaticServer
let origin: string
/** The site: pr-12 with a fine build then a newer one; pr-13 whose newest build has expired. */
const files = new Map<string, Buffer>()
let current: BuildRecord[] = []

/** Publishes like the action: the build's files, then the plan's removals and index pages. */
async function publish(info: IpaInfo, channel: string, buildId: string, now: Date) {
  // profile-check: warn publishes what the verdict refuses, with the reasons on its pages.
  const blockers = judge(info, now).errors
  const site = await buildSite(info, {
    urlFor: (path) => `https://builds.example.test/${path}`,
    root: 'ota',
    channel,
    buildId,
    source: { serverUrl: 'https://github.com', repository: 'acme/app', pr: 12 },
    qr: 'page',
    now,
    blockers
  })
  const plan = planPublish(site, current, { keep: 5 }, 'ota')
  for (const file of plan.write) {
    if (Buffer.isBuffer(file.content)) files.set(file.path, file.content)
  }
  current = plan.kept
  return site.record
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true })
  browser = await launchChromium()
  await publish(ipaInfo({}, { version: '1.0', build: '1' }), 'pr-12', '1-1', at(1))
  await publish(ipaInfo({}, { version: '1.1', build: '2' }), 'pr-12', '2-1', at(2))
  const expired = profile({ name: HOSTILE, expires: new Date('2024-06-01T00:00:00Z') })
  await publish(
    ipaInfo({ profile: expired, icon: undefined }, { name: 'Widgets', version: '9.0', build: '7' }),
    'pr-13',
    '5-1',
    at(3)
  )
  // Fine when published, expired by the time anyone looks (the browser's clock is today's).
  const lapsed = profile({ expires: new Date('2025-01-02T00:00:00Z') })
  await publish(ipaInfo({ profile: lapsed }), 'pr-14', '1-1', at(4))
  server = await serveFiles(files)
  origin = server.origin
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function visit(path: string, device: object, check: (page: OpenedPage) => Promise<void>) {
  const opened = await openPage(browser, `${origin}/${path}`, device)
  try {
    await check(opened.page)
    expect(opened.problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] })
  } finally {
    await opened.context.close()
  }
}
type OpenedPage = Awaited<ReturnType<typeof openPage>>['page']

describe('the page of a build no device can install', () => {
  it('shows a red banner with the reason and the fix at the top, and no Install button or QR code', async () => {
    for (const device of [IPHONE, DESKTOP]) {
      await visit('ota/pr-13/5-1/index.html', device, async (page) => {
        const banner = page.locator('#blocked')
        expect(await banner.isVisible()).toBe(true)
        const text = await banner.innerText()
        expect(text).toContain('This build cannot be installed')
        expect(text).toContain(`The provisioning profile "${HOSTILE}" expired on`)
        expect(text).toContain('renew the profile')
        expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(
          /^rgb\((1[7-9]\d|2\d\d), 0, \d{1,2}\)$/
        )
        // Above the app's name, so it is the first thing read.
        const bannerTop = (await banner.boundingBox())!.y
        expect(bannerTop).toBeLessThan((await page.locator('h1').boundingBox())!.y)
        expect(await page.locator('#install-button').count()).toBe(0)
        expect(await page.locator('a[href^="itms-services:"]').count()).toBe(0)
        expect(await page.locator('img[src="qr.svg"]').count()).toBe(0)
        // Nor advice on installing it ("only the registered devices can install…").
        expect(await page.locator('.note').count()).toBe(0)
        expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
        if (device === IPHONE) await page.screenshot({ path: `${ARTIFACTS}/ota-page-blocked.png` })
      })
    }
  })

  it('is shown the same way on its channel page, which offers no Install button either', async () => {
    await visit('ota/pr-13/index.html', IPHONE, async (page) => {
      expect(await page.locator('.latest .banner').innerText()).toContain('expired on')
      expect(await page.locator('a[href^="itms-services:"]').count()).toBe(0)
    })
  })
})

describe('a build whose profile expired after it was published', () => {
  it('hides its Install button and shows the expiry banner when viewed', async () => {
    expect(current.find((record) => record.channel === 'pr-14')?.blockers).toBeUndefined()
    for (const path of ['ota/pr-14/1-1/index.html', 'ota/pr-14/index.html']) {
      await visit(path, IPHONE, async (page) => {
        expect(await page.locator('#expired').isVisible()).toBe(true)
        expect(await page.locator('#install-button').isVisible()).toBe(false)
      })
    }
  })
})

describe('a fine build', () => {
  it('links its channel and says a newer build is available, leading to it', async () => {
    await visit('ota/pr-12/1-1/index.html', IPHONE, async (page) => {
      expect(await page.locator('#install-button').isVisible()).toBe(true)
      expect(await page.locator('#blocked, #expired').isVisible()).toBe(false)
      const newer = page.locator('#newer-link')
      await newer.waitFor({ state: 'visible' })
      expect(await newer.innerText()).toBe('Newer build available: 1.1 (2) ›')
      await page.screenshot({ path: `${ARTIFACTS}/ota-page-newer.png` })
      await newer.click()
      await page.waitForURL(`${origin}/ota/pr-12/2-1/index.html`)
      expect(await page.locator('.muted').first().innerText()).toBe('Version 1.1 (2)')
      await page.getByRole('link', { name: 'All builds of pr-12' }).click()
      await page.waitForURL(`${origin}/ota/pr-12/index.html`)
    })
  })

  it('the newest build says nothing of a newer one', async () => {
    await visit('ota/pr-12/2-1/index.html', IPHONE, async (page) => {
      await page.waitForLoadState('networkidle')
      expect(await page.locator('#newer').isVisible()).toBe(false)
    })
  })
})

describe('the channel page, the stable "latest" address', () => {
  it('starts with the newest build: its Install button on an iPhone, its QR code on a desktop', async () => {
    await visit('ota/pr-12/index.html', IPHONE, async (page) => {
      expect(await page.locator('.latest header h2').innerText()).toBe('Demo 1.1 (2)')
      const install = page.locator('#install-button')
      expect(await install.isVisible()).toBe(true)
      expect(await install.getAttribute('href')).toBe(
        `itms-services://?action=download-manifest&url=${encodeURIComponent('https://builds.example.test/ota/pr-12/2-1/manifest.plist')}`
      )
      expect(await page.locator('#desktop').isVisible()).toBe(false)
      expect(await page.locator('li .title').allInnerTexts()).toEqual(['Demo 1.0 (1)'])
      await page.screenshot({ path: `${ARTIFACTS}/ota-channel-iphone.png`, fullPage: true })
    })
    await visit('ota/pr-12/index.html', DESKTOP, async (page) => {
      const qr = page.locator('#desktop img')
      expect(await qr.isVisible()).toBe(true)
      expect(await qr.getAttribute('src')).toBe('2-1/qr.svg')
      expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
      expect(await page.locator('#install-button').isVisible()).toBe(false)
    })
  })
})

describe('the root page', () => {
  it("names each channel's app, icon, newest version and date", async () => {
    await visit('ota/index.html', DESKTOP, async (page) => {
      const items = page.locator('li.app')
      const texts = await items.allInnerTexts()
      expect(texts).toHaveLength(3)
      const pr12 = texts.find((text) => text.startsWith('pr-12'))!
      expect(pr12).toContain('Demo 1.1 (2)')
      expect(pr12).toContain('2 builds · latest')
      expect(pr12).toContain(String(at(2).getFullYear()))
      expect(texts.find((text) => text.startsWith('pr-13'))).toContain('Widgets 9.0 (7)')
      const icon = page.locator('li.app img').first()
      expect(await icon.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
      // Widgets has no icon: no broken image.
      expect(await page.locator('li.app img').count()).toBe(2)
      await page.screenshot({ path: `${ARTIFACTS}/ota-root.png` })
    })
  })
})
