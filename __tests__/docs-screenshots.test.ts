import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Locator, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BASE_URL,
  pngSize,
  prepareScreens,
  stage,
  VIEWS,
  type Screens,
  type View
} from '../scripts/screenshots.js'
import { launchChromium, type OpenedPage } from './support/browser.js'

const run = promisify(execFile)

let browser: Browser
let screens: Screens

beforeAll(async () => {
  browser = await launchChromium()
  screens = await prepareScreens()
})
afterAll(async () => {
  await screens?.close()
  await browser?.close()
})

/** Opens a view as its screenshot shows it, runs `check`, and expects no errors on the way. */
async function inView(view: View, check: (page: Page) => Promise<void>): Promise<void> {
  const opened: OpenedPage = await screens.open(browser, view)
  try {
    await stage(opened.page, view)
    await check(opened.page)
    expect(opened.problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] })
  } finally {
    await opened.context.close()
  }
}

/** Whether the element lies wholly inside the viewport, i.e. in the screenshot. */
async function inScreenshot(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const viewport = page.viewportSize()
  if (box === null || viewport === null) return false
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width &&
    box.y + box.height <= viewport.height
  )
}

function naturalWidth(locator: Locator): Promise<number> {
  return locator.evaluate((img: HTMLImageElement) => img.naturalWidth)
}

describe('what the screenshots show', () => {
  it('install-page.png: the Install button with the itms-services link, on an iPhone', async () => {
    const { urls } = screens.site.record
    expect(urls.install).toBe(
      `itms-services://?action=download-manifest&url=${encodeURIComponent(`${BASE_URL}/ota/pr-17/43-1/manifest.plist`)}`
    )
    await inView('iphone', async (page) => {
      const button = page.locator('#install-button')
      expect(await button.isVisible()).toBe(true)
      expect(await button.textContent()).toBe('Install')
      expect(await button.getAttribute('href')).toBe(urls.install)
      expect(await inScreenshot(page, button)).toBe(true)
      expect(await page.locator('#desktop').isVisible()).toBe(false)
      expect(await page.locator('h1').textContent()).toBe('Sample')
      expect(await page.locator('#changes h2').textContent()).toBe('Changes since main 1.3 (41)')
      // The browser's clock stands at the build's time, so the year-long profile has not expired.
      expect(await page.locator('[data-expires]').isVisible()).toBe(false)
    })
  })

  it('install-page-desktop.png: the QR code to scan, on a desktop', async () => {
    await inView('desktop', async (page) => {
      const qr = page.locator('#desktop img')
      expect(await qr.isVisible()).toBe(true)
      expect(await naturalWidth(qr)).toBeGreaterThan(0)
      expect(await inScreenshot(page, qr)).toBe(true)
      expect(await page.locator('#install-button').isVisible()).toBe(false)
    })
  })

  it('pr-comment.png: the QR image and Install link of the https build, and two earlier builds', async () => {
    const { urls } = screens.site.record
    expect(urls.qr).toBe(`${BASE_URL}/ota/pr-17/43-1/qr.png`)
    expect(urls.page).toBe(`${BASE_URL}/ota/pr-17/43-1/index.html`)
    await inView('comment', async (page) => {
      const qr = page.locator(`.markdown-body img[src="${urls.qr}"]`)
      expect(await qr.isVisible()).toBe(true)
      // Routed from the https URL to the local server and decoded.
      expect(await naturalWidth(qr)).toBeGreaterThan(0)
      expect(await qr.getAttribute('alt')).toBe('QR code to install Sample')

      const install = page.locator('.markdown-body a').filter({ hasText: /^📲 Install$/ })
      expect(await install.count()).toBe(1)
      expect(await install.getAttribute('href')).toBe(urls.page)
      expect(await inScreenshot(page, install)).toBe(true)

      expect(await page.locator('pre code').textContent()).toBe(`${urls.install}\n`)

      const earlier = page.locator('details li a')
      expect(await earlier.allTextContents()).toEqual(['1.4 (42)', '1.4 (41)'])
      expect(
        await earlier.evaluateAll((links) => links.map((a) => a.getAttribute('href')))
      ).toEqual(screens.history.map((record) => record.urls.page))
      expect(await earlier.first().isVisible()).toBe(true)
      // The changes since main and the testers' devices, in the screenshot.
      const changes = page.locator('h4').filter({ hasText: 'Changes since main 1.3 (41)' })
      expect(await inScreenshot(page, changes)).toBe(true)
      const added = page
        .locator('li')
        .filter({ hasText: /^Permission added: NSCameraUsageDescription/ })
      expect(await inScreenshot(page, added)).toBe(true)
      const missing = page.locator('li').filter({ hasText: /Not in this profile: Carol’s iPhone/ })
      expect(await inScreenshot(page, missing)).toBe(true)
      // The whole comment fits in the screenshot.
      expect(await inScreenshot(page, page.locator('.comment'))).toBe(true)
    })
  })
})

describe('the committed screenshots', () => {
  it.each(Object.keys(VIEWS) as View[])('of the %s view are PNGs of its size', async (view) => {
    const png = PNG.sync.read(await readFile(join('docs', VIEWS[view].file)))
    expect({ width: png.width, height: png.height }).toEqual(pngSize(view))
  })

  it('are what npm run screenshots writes, by name and size', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ipa-ota-docs-'))
    try {
      await run(process.execPath, ['scripts/screenshots.mjs', out])
      expect((await readdir(out)).sort()).toEqual(
        Object.values(VIEWS)
          .map((v) => v.file)
          .sort()
      )
      for (const view of Object.keys(VIEWS) as View[]) {
        const png = PNG.sync.read(await readFile(join(out, VIEWS[view].file)))
        expect({ width: png.width, height: png.height }).toEqual(pngSize(view))
      }
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })
})
