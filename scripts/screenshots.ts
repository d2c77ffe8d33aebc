/**
 * The README's screenshots, made with the project's own code: the sample IPA, its OTA site from
 * buildSite, the PR comment from renderComment rendered the way GitHub renders Markdown, all shown
 * in headless Chromium. `npm run screenshots` (scripts/screenshots.mjs) writes them to docs/;
 * __tests__/docs-screenshots.test.ts opens the same pages and checks what they show.
 *
 * Everything that could change between runs is pinned: the clock (in the build records and in the
 * browser), the locale and time zone, the viewports. Only the fonts depend on the machine; on
 * Debian, install fonts-noto-color-emoji first, or the comment's emoji render as boxes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { readIpa } from '../src/ipa/read.js'
import { judge } from '../src/ipa/verdict.js'
import { renderIndexes } from '../src/ota/indexes.js'
import type { BundleComponent, IpaInfo } from '../src/ipa/types.js'
import { checkDevices, type ListedDevice } from '../src/ota/devices.js'
import { buildSite, prepareSite } from '../src/ota/site.js'
import type { BuildRecord, BuildSite, SourceInfo } from '../src/ota/types.js'
import { checkInstallable } from '../src/profile-check.js'
import { renderComment } from '../src/report/comment.js'
import {
  launchChromium,
  serveFiles,
  type OpenedPage,
  type PageProblems,
  type StaticServer
} from '../__tests__/support/browser.js'
import { writeSampleIpa } from '../__tests__/support/sample-ipa.js'

/** When the shown build was made; earlier builds are hours before it. */
export const NOW = new Date('2025-06-02T09:30:00Z')
/** Where the site claims to live; Chromium routes it to the local server. */
export const BASE_URL = 'https://builds.example.com'

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1'
const MAC_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15'

export type View = 'iphone' | 'desktop' | 'comment'

interface ViewSpec {
  file: string
  context: BrowserContextOptions & {
    viewport: { width: number; height: number }
    deviceScaleFactor: number
  }
}

/** Each screenshot: its file under docs/ and the browser it is taken in (a viewport-sized PNG). */
export const VIEWS: Record<View, ViewSpec> = {
  iphone: {
    file: 'install-page.png',
    context: {
      userAgent: IPHONE_SAFARI,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true
    }
  },
  desktop: {
    file: 'install-page-desktop.png',
    context: { userAgent: MAC_SAFARI, viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 }
  },
  comment: {
    file: 'pr-comment.png',
    context: { userAgent: MAC_SAFARI, viewport: { width: 820, height: 1240 }, deviceScaleFactor: 2 }
  }
}

/** The size in pixels of a view's screenshot. */
export function pngSize(view: View): { width: number; height: number } {
  const { viewport, deviceScaleFactor } = VIEWS[view].context
  return {
    width: viewport.width * deviceScaleFactor,
    height: viewport.height * deviceScaleFactor
  }
}

interface SampleBuild {
  build: string
  sha: string
  hoursAgo: number
}

/** A pull request's third build… */
const SHOWN: SampleBuild = {
  build: '43',
  sha: '4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d',
  hoursAgo: 0
}
/** …and the two before it, newest first, for the comment's history. */
const EARLIER: SampleBuild[] = [
  { build: '42', sha: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d', hoursAgo: 3 },
  { build: '41', sha: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b', hoursAgo: 26 }
]

const NOTES = 'Dark mode for the settings screen.\nFixed the crash when signing out offline.'

const PERMISSIONS = { NSPhotoLibraryUsageDescription: 'Choose a picture for your profile.' }
const ADDED_PERMISSION = {
  NSCameraUsageDescription: 'Scan the code on your TV to sign in there.'
}

/** The testers' devices: two of them in the sample profile, one not. */
const DEVICES: ListedDevice[] = [
  { id: '00008110-000A1B2C3D4E5F60', name: 'Alice’s iPhone 15', platform: 'ios' },
  { id: 'a'.repeat(40), name: 'Bob’s iPad', platform: 'ios' },
  { id: '00008120-001122334455667E', name: 'Carol’s iPhone', platform: 'ios' }
]

/**
 * The sample IPA is a few kilobytes; the screenshots give it the sizes of a typical app, so the
 * "Changes since" section reads as it does on a real build.
 */
const COMPONENTS: BundleComponent[] = [
  { kind: 'executable', name: 'Sample', compressed: 7_900_000, installed: 18_400_000 },
  { kind: 'assets', name: 'Assets.car', compressed: 5_800_000, installed: 6_200_000 },
  { kind: 'framework', name: 'Analytics.framework', compressed: 1_300_000, installed: 3_100_000 },
  { kind: 'extension', name: 'Widgets.appex', compressed: 900_000, installed: 2_000_000 },
  { kind: 'resources', name: 'Other resources', compressed: 1_100_000, installed: 1_900_000 }
]

function withSizes(info: IpaInfo, components: BundleComponent[]): IpaInfo {
  const total = (key: 'compressed' | 'installed') =>
    components.reduce((sum, component) => sum + component[key], 0)
  return {
    ...info,
    file: { ...info.file, size: total('compressed') },
    installedSize: total('installed'),
    components
  }
}

/** main's build 1.3 (41): the sample before this pull request, without the camera, smaller. */
function mainBuild(info: IpaInfo): IpaInfo {
  const before = COMPONENTS.map((c) =>
    c.kind === 'executable'
      ? { ...c, compressed: 7_100_000, installed: 16_600_000 }
      : c.kind === 'assets'
        ? { ...c, compressed: 5_500_000, installed: 5_900_000 }
        : c
  )
  const smaller = withSizes(info, before)
  return {
    ...smaller,
    app: { ...info.app, version: '1.3', build: '41', usageDescriptions: PERMISSIONS }
  }
}

function source(build: SampleBuild): SourceInfo {
  return {
    serverUrl: 'https://github.com',
    repository: 'acme/sample-app',
    event: 'pull_request',
    ref: 'feature/dark-mode',
    refType: 'branch',
    pr: 17,
    sha: build.sha,
    runId: `1520${build.build}0417`,
    runNumber: Number(build.build),
    runAttempt: 1,
    workflow: 'iOS build',
    actor: 'octocat'
  }
}

/** Markdown as GitHub renders comments: raw HTML allowed, bare URLs linked. */
const markdown = new MarkdownIt({ html: true, linkify: true })

/**
 * A small stand-in for github-markdown-css and the frame of a comment in a PR's timeline. Unlike
 * GitHub's, the font stack names no emoji font: on Linux, Chromium then draws digits and spaces
 * with it; emoji still come from the system's fallback.
 */
const GITHUB_CSS = `
body { margin: 0; padding: 16px; background: #fff; color: #1f2328;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; }
.comment-header { display: flex; align-items: center; gap: 8px; padding: 8px 16px; color: #59636e;
  background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; }
.comment-header strong { color: #1f2328; }
.avatar { width: 20px; height: 20px; border-radius: 50%; background: #2f81f7; }
.bot { padding: 0 6px; font-size: 12px; border: 1px solid #d1d9e0; border-radius: 2em; }
.markdown-body { padding: 16px; overflow-wrap: break-word; }
.markdown-body > :first-child { margin-top: 0; }
.markdown-body > :last-child { margin-bottom: 0; }
.markdown-body h3 { margin: 24px 0 16px; font-size: 1.25em; font-weight: 600; line-height: 1.25; }
.markdown-body p, .markdown-body ul, .markdown-body pre, .markdown-body blockquote,
.markdown-body details, .markdown-body table { margin: 0 0 16px; }
.markdown-body ul { padding-left: 2em; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body img { max-width: 100%; vertical-align: middle; }
.markdown-body code, .markdown-body pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 85%; }
.markdown-body code { padding: .2em .4em; background: rgba(129, 139, 152, .12); border-radius: 6px; }
.markdown-body pre { padding: 16px; overflow: auto; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; font-size: 100%; background: transparent; }
.markdown-body blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
.markdown-body table { border-collapse: collapse; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body summary { cursor: pointer; }
`

/** A standalone page showing a comment body (Markdown) as it appears on a pull request. */
export function commentDocument(body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pull request comment</title><style>${GITHUB_CSS}</style></head>
<body><div class="comment">
<div class="comment-header"><span class="avatar"></span><strong>github-actions</strong><span class="bot">bot</span> commented</div>
<div class="markdown-body">${markdown.render(body)}</div>
</div></body></html>
`
}

export interface Screens {
  /** The shown build. */
  site: BuildSite
  /** Its two earlier builds, newest first. */
  history: BuildRecord[]
  /** The comment's Markdown, as the action would post it. */
  comment: string
  /**
   * Opens a view: the build's install page, or the comment, with every https URL of the site
   * answered by the local server.
   */
  open(browser: Browser, view: View): Promise<OpenedPage>
  close(): Promise<void>
}

/** Makes the sample IPA, the site of its three builds and the comment, and serves them locally. */
export async function prepareScreens(): Promise<Screens> {
  const work = await mkdtemp(join(tmpdir(), 'ipa-ota-screens-'))
  try {
    const ipa = join(work, 'Sample.ipa')
    await writeSampleIpa(ipa, { name: 'Sample', version: '1.4', build: SHOWN.build, now: NOW })
    const read = await readIpa(ipa)
    const info = withSizes(
      { ...read, app: { ...read.app, usageDescriptions: { ...PERMISSIONS, ...ADDED_PERMISSION } } },
      COMPONENTS
    )
    const ipaBytes = await readFile(ipa)

    const options = (build: SampleBuild) =>
      ({
        urlFor: (path: string) => `${BASE_URL}/${path}`,
        root: 'ota',
        channel: 'pr-17',
        buildId: `${build.build}-1`,
        source: source(build),
        notes: NOTES,
        qr: 'page',
        now: new Date(NOW.getTime() - build.hoursAgo * 3_600_000)
      }) as const
    const siteOf = (build: SampleBuild) =>
      buildSite({ ...info, app: { ...info.app, build: build.build } }, options(build))
    // The shown build compared with main's newest build: one permission more, a larger app.
    const main = await buildSite(mainBuild(info), {
      ...options(SHOWN),
      channel: 'main',
      buildId: '41-1',
      now: new Date(NOW.getTime() - 30 * 3_600_000)
    })
    const devices = checkDevices(DEVICES, read.profile!)
    const prepared = await prepareSite(
      { ...info, app: { ...info.app, build: SHOWN.build } },
      { ...options(SHOWN), compareWith: 'main', devices }
    )
    const { site, changes } = prepared.assemble([main.record])
    const earlier = await Promise.all(EARLIER.map(siteOf))
    const history = earlier.map((each) => each.record)
    const warnings = checkInstallable(judge(info, NOW), 'error')
    const comment = renderComment({
      key: info.app.bundleId,
      record: site.record,
      history,
      warnings,
      now: NOW,
      changes,
      devices
    })

    const files = new Map<string, Buffer | string>([['comment.html', commentDocument(comment)]])
    const indexes = renderIndexes('ota', [site.record, ...history])
    for (const file of [...[site, ...earlier].flatMap((each) => each.files), ...indexes]) {
      files.set(file.path, Buffer.isBuffer(file.content) ? file.content : ipaBytes)
    }
    const server = await serveFiles(files)
    return {
      site,
      history,
      comment,
      open: (browser, view) =>
        openAtNow(
          browser,
          server,
          view === 'comment' ? 'comment.html' : `${site.dir}/index.html`,
          VIEWS[view].context
        ),
      close: async () => {
        await server.close()
        await rm(work, { recursive: true, force: true })
      }
    }
  } catch (error) {
    await rm(work, { recursive: true, force: true })
    throw error
  }
}

/**
 * Like openPage of the test support, but the browser's clock stands at NOW (the page shows local
 * times and whether the profile has expired) and BASE_URL is routed to the local server; both
 * must be set before the page loads, which openPage does not allow. Requests anywhere else count
 * as foreign.
 */
async function openAtNow(
  browser: Browser,
  server: StaticServer,
  path: string,
  options: BrowserContextOptions
): Promise<OpenedPage> {
  const context = await browser.newContext({ ...options, locale: 'en-US', timezoneId: 'UTC' })
  try {
    await context.clock.setFixedTime(NOW)
    await context.route(`${BASE_URL}/**`, async (route) => {
      const local = `${server.origin}${new URL(route.request().url()).pathname}`
      await route.fulfill({ response: await route.fetch({ url: local }) })
    })
    const page = await context.newPage()
    const problems: PageProblems = { consoleErrors: [], pageErrors: [], foreignRequests: [] }
    page.on('console', (message) => {
      if (message.type() === 'error') problems.consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => problems.pageErrors.push(error.message))
    page.on('request', (request) => {
      const url = request.url()
      const origin = url.startsWith('data:') ? server.origin : new URL(url).origin
      if (origin !== server.origin && origin !== BASE_URL) problems.foreignRequests.push(url)
    })
    await page.goto(`${server.origin}/${path}`, { waitUntil: 'load' })
    return { page, context, problems }
  } catch (error) {
    await context.close()
    throw error
  }
}

/** Brings a view to the state its screenshot shows: the comment with its history unfolded. */
export async function stage(page: Page, view: View): Promise<void> {
  if (view === 'comment')
    for (const summary of await page.locator('details summary').all()) await summary.click()
}

/** Writes the three screenshots into `outDir`; returns their paths. */
export async function writeScreenshots(outDir: string): Promise<string[]> {
  const browser = await launchChromium()
  const screens = await prepareScreens()
  try {
    const written: string[] = []
    for (const view of Object.keys(VIEWS) as View[]) {
      const { page, context } = await screens.open(browser, view)
      try {
        await stage(page, view)
        const path = join(outDir, VIEWS[view].file)
        await writeFile(path, await page.screenshot({ animations: 'disabled', caret: 'hide' }))
        written.push(path)
      } finally {
        await context.close()
      }
    }
    return written
  } finally {
    await screens.close()
    await browser.close()
  }
}
