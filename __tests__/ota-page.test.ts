import { mkdir } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IpaInfo } from '../src/ipa/types.js'
import { renderIndexes } from '../src/ota/indexes.js'
import { buildSite, type SiteOptions } from '../src/ota/site.js'
import type { BuildSite } from '../src/ota/types.js'
import { launchChromium, openPage, serveFiles, type StaticServer } from './support/browser.js'
import { ipaInfo, profile } from './support/ota-fixtures.js'

const ARTIFACTS = '__tests__/artifacts'

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const MAC_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15'
const IPHONE_INSTAGRAM =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 325.0.0.35.91 (iPhone15,3; iOS 17_4; en_US; en; scale=3.00; 1290x2796; 591200316)'

const iphone = {
  userAgent: IPHONE_SAFARI,
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true
}
// iPadOS Safari asks for desktop sites with a Mac user agent; only its touch points give it away.
const ipadAsMac = {
  userAgent: MAC_SAFARI,
  viewport: { width: 820, height: 1180 },
  hasTouch: true,
  initScript: "Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5 })"
}
const desktop = { userAgent: MAC_SAFARI, viewport: { width: 1280, height: 900 } }
const instagram = { ...iphone, userAgent: IPHONE_INSTAGRAM }

const PAYLOAD_SCRIPT = '<script>window.__pwned = 1</script>'
const PAYLOAD_IMG = '"><img src=x onerror="window.__pwned = 2">'

let browser: Browser
const servers: StaticServer[] = []

beforeAll(async () => {
  browser = await launchChromium()
  await mkdir(ARTIFACTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await Promise.all(servers.map((server) => server.close()))
})

function options(overrides: Partial<SiteOptions> = {}): SiteOptions {
  return {
    urlFor: (path) => `https://builds.example.test/${path}`,
    root: 'ota',
    channel: 'pr-12',
    buildId: '34-1',
    source: {
      serverUrl: 'https://github.com',
      repository: 'acme/app',
      event: 'pull_request',
      ref: 'feature/login',
      refType: 'branch',
      pr: 12,
      sha: '0123456789abcdef0123456789abcdef01234567',
      runId: '987654',
      runNumber: 34,
      runAttempt: 1,
      workflow: 'iOS build'
    },
    notes: 'Fixed the login screen.\nAdded dark mode.',
    qr: 'page',
    now: new Date('2024-05-06T07:08:09Z'),
    ...overrides
  }
}

/** Builds the site and serves its in-memory files; returns the page URL on the local server. */
async function serve(
  info: IpaInfo,
  siteOptions: SiteOptions
): Promise<{ site: BuildSite; url: string }> {
  const site = await buildSite(info, siteOptions)
  const files = new Map<string, Buffer>()
  // With the channel's index and latest.json, which the page links and fetches.
  for (const file of [...site.files, ...renderIndexes(siteOptions.root, [site.record])]) {
    if (Buffer.isBuffer(file.content)) files.set(file.path, file.content)
  }
  const server = await serveFiles(files)
  servers.push(server)
  return { site, url: `${server.origin}/${site.dir}/index.html` }
}

describe('install page', () => {
  let site: BuildSite
  let url: string
  beforeAll(async () => {
    ;({ site, url } = await serve(ipaInfo(), options()))
  })

  it('offers the Install button on an iPhone, with nothing loaded from elsewhere', async () => {
    const { page, context, problems } = await openPage(browser, url, iphone)
    try {
      const button = page.locator('#install-button')
      await expect(button.isVisible()).resolves.toBe(true)
      expect(await button.getAttribute('href')).toBe(site.record.urls.install)
      expect(site.record.urls.install).toBe(
        `itms-services://?action=download-manifest&url=${encodeURIComponent('https://builds.example.test/ota/pr-12/34-1/manifest.plist')}`
      )
      expect(await page.locator('#desktop').isVisible()).toBe(false)
      expect(await page.locator('#in-app').isVisible()).toBe(false)
      expect(
        await page.locator('header img').evaluate((img: HTMLImageElement) => img.naturalWidth)
      ).toBe(180)
      await page.screenshot({ path: `${ARTIFACTS}/ota-page-iphone.png`, fullPage: true })
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] })
    } finally {
      await context.close()
    }
  })

  it('treats an iPad that claims to be a Mac as iOS', async () => {
    const { page, context, problems } = await openPage(browser, url, ipadAsMac)
    try {
      expect(await page.evaluate(() => navigator.maxTouchPoints)).toBe(5)
      expect(await page.locator('#install-button').isVisible()).toBe(true)
      expect(await page.locator('#desktop').isVisible()).toBe(false)
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] })
    } finally {
      await context.close()
    }
  })

  it('shows the QR code instead of the button on a desktop', async () => {
    const { page, context, problems } = await openPage(browser, url, desktop)
    try {
      expect(await page.locator('#install-button').isVisible()).toBe(false)
      const qr = page.locator('#desktop img')
      expect(await qr.isVisible()).toBe(true)
      expect(await qr.getAttribute('src')).toBe('qr.svg')
      expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
      await page.screenshot({ path: `${ARTIFACTS}/ota-page-desktop.png`, fullPage: true })
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] })
    } finally {
      await context.close()
    }
  })

  it('asks an in-app browser to open the page in Safari', async () => {
    const { page, context, problems } = await openPage(browser, url, instagram)
    try {
      const message = page.locator('#in-app')
      expect(await message.isVisible()).toBe(true)
      expect(await message.innerText()).toContain('Open this page in Safari')
      expect(await page.locator('#install-button').isVisible()).toBe(false)
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] })
    } finally {
      await context.close()
    }
  })

  it('shows the app, profile, source and release notes', async () => {
    const { page, context } = await openPage(browser, url, iphone)
    try {
      const text = await page.locator('main').innerText()
      for (const expected of [
        'Demo',
        'Version 1.2.3 (45)',
        'com.example.demo',
        '12.3 MB',
        'iOS 15.0 or later',
        'Ad Hoc',
        // The page is never rewritten: the days are counted from the build's date, and say so.
        'expires in 2066 days (as of publishing)',
        'Only the 2 registered devices of the provisioning profile',
        'Developer Mode',
        'Settings › Privacy & Security › Developer Mode',
        'acme/app',
        '#12',
        'feature/login',
        '0123456',
        'iOS build #34'
      ]) {
        expect(text).toContain(expected)
      }
      expect(await page.locator('.notes').innerText()).toBe(
        'Fixed the login screen.\nAdded dark mode.'
      )
      const hrefs = await page
        .locator('a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
      expect(hrefs).toEqual(
        expect.arrayContaining([
          'https://github.com/acme/app',
          'https://github.com/acme/app/pull/12',
          'https://github.com/acme/app/tree/feature/login',
          'https://github.com/acme/app/commit/0123456789abcdef0123456789abcdef01234567',
          'https://github.com/acme/app/actions/runs/987654'
        ])
      )
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex')
      const csp = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content')
      expect(csp).toContain("default-src 'none'")
      expect(csp).not.toContain('unsafe-inline')
    } finally {
      await context.close()
    }
  })

  it('follows the system colour scheme', async () => {
    for (const [colorScheme, background] of [
      ['light', 'rgb(242, 242, 247)'],
      ['dark', 'rgb(0, 0, 0)']
    ] as const) {
      const { page, context } = await openPage(browser, url, { ...iphone, colorScheme })
      try {
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
          background
        )
        if (colorScheme === 'dark') {
          await page.screenshot({ path: `${ARTIFACTS}/ota-page-iphone-dark.png` })
        }
      } finally {
        await context.close()
      }
    }
  })

  it('flags an expired profile when the page is viewed', async () => {
    const expired = ipaInfo({ profile: profile({ expires: new Date('2020-01-01T00:00:00Z') }) })
    const served = await serve(expired, options({ buildId: 'expired' }))
    const { page, context } = await openPage(browser, served.url, iphone)
    try {
      expect(await page.getByText('(expired)').isVisible()).toBe(true)
    } finally {
      await context.close()
    }
    const { page: fresh, context: freshContext } = await openPage(browser, url, iphone)
    try {
      expect(await fresh.getByText('(expired)').isVisible()).toBe(false)
    } finally {
      await freshContext.close()
    }
  })
})

describe('install page advice per profile', () => {
  it.each([
    ['development', 'development build', 'Turn on Developer Mode'],
    [
      'enterprise',
      'trust the developer',
      'Settings › General › VPN & Device Management › Example Team › Trust'
    ],
    ['app-store', 'signed for the App Store', 'TestFlight']
  ] as const)('%s', async (type, first, second) => {
    const info = ipaInfo({
      profile: profile({ type, provisionsAllDevices: type === 'enterprise' })
    })
    const { url } = await serve(info, options({ buildId: type }))
    const { page, context, problems } = await openPage(browser, url, iphone)
    try {
      const note = await page.locator('.note').innerText()
      expect(note).toContain(first)
      expect(note).toContain(second)
      expect(problems.consoleErrors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('says a build without a profile cannot be installed, and works without an icon', async () => {
    const info = ipaInfo({ profile: undefined, icon: undefined })
    const { url } = await serve(info, options({ buildId: 'bare' }))
    const { page, context, problems } = await openPage(browser, url, iphone)
    try {
      expect(await page.locator('.note').innerText()).toContain('no provisioning profile')
      expect(await page.locator('header img').count()).toBe(0)
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] })
    } finally {
      await context.close()
    }
  })
})

describe('install page with hostile input', () => {
  it('renders markup from the IPA and inputs as text and runs none of it', async () => {
    const info = ipaInfo(
      {
        profile: profile({ type: 'enterprise', name: PAYLOAD_IMG, teamName: PAYLOAD_SCRIPT })
      },
      { name: PAYLOAD_IMG, bundleId: `com.x${PAYLOAD_SCRIPT}`, version: PAYLOAD_IMG, build: '1' }
    )
    const { url } = await serve(
      info,
      options({
        buildId: 'xss',
        title: PAYLOAD_SCRIPT,
        notes: `${PAYLOAD_IMG}\n${PAYLOAD_SCRIPT}`,
        source: {
          serverUrl: 'javascript:window.__pwned=3//',
          repository: PAYLOAD_IMG,
          ref: PAYLOAD_SCRIPT,
          sha: PAYLOAD_IMG,
          actor: PAYLOAD_SCRIPT,
          workflow: PAYLOAD_IMG,
          runId: '1'
        }
      })
    )
    for (const device of [iphone, desktop]) {
      const { page, context, problems } = await openPage(browser, url, device)
      try {
        expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
        expect(await page.locator('h1').innerText()).toBe(PAYLOAD_SCRIPT)
        expect(await page.locator('.notes').innerText()).toBe(`${PAYLOAD_IMG}\n${PAYLOAD_SCRIPT}`)
        expect(await page.locator('img[src="x"]').count()).toBe(0)
        expect(await page.locator('main script').count()).toBe(0)
        expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)
        const text = await page.locator('main').innerText()
        expect(text).toContain(`com.x${PAYLOAD_SCRIPT}`)
        expect(text).toContain(`Repository\n${PAYLOAD_IMG}`)
        // A CSP violation would be logged as an error: none means nothing tried to run.
        expect(problems).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [] })
        // One picture for the artifacts (a second, of the same name, would only overwrite it).
        if (device === desktop) {
          await page.screenshot({ path: `${ARTIFACTS}/ota-page-hostile.png`, fullPage: true })
        }
      } finally {
        await context.close()
      }
    }
  })
})
