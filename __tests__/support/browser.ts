import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname } from 'node:path'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page
} from 'playwright-core'

/**
 * Debian's Chromium, headless. The background-networking flags stop it from calling Google
 * services, which would hang or log errors on this closed network.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.plist': 'application/xml',
  '.xml': 'application/xml'
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string
  /** Paths requested so far, e.g. "/ota/main/1-1/icon.png". */
  requested: string[]
  close(): Promise<void>
}

/** Serves in-memory files (site path → bytes) over HTTP on 127.0.0.1; anything else is a 404. */
export async function serveFiles(
  files: ReadonlyMap<string, Buffer | string>
): Promise<StaticServer> {
  const requested: string[] = []
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    requested.push(path)
    const body = files.get(path.replace(/^\//, ''))
    if (body === undefined) {
      response.writeHead(404).end()
      return
    }
    response
      .writeHead(200, {
        'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream'
      })
      .end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve()))
      )
  }
}

/** What went wrong while a page was open. */
export interface PageProblems {
  consoleErrors: string[]
  /** Uncaught exceptions in the page. */
  pageErrors: string[]
  /** Requests to any origin other than the page's own (data: URLs aside). */
  foreignRequests: string[]
}

export interface OpenedPage {
  page: Page
  context: BrowserContext
  problems: PageProblems
}

/**
 * Opens `url` in a fresh context (device emulation in `options`, plus an optional script run
 * before the page's own) and records console errors, exceptions and requests to other origins.
 * Close it with `context.close()`.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions & { initScript?: string } = {}
): Promise<OpenedPage> {
  const { initScript, ...contextOptions } = options
  const context = await browser.newContext(contextOptions)
  if (initScript !== undefined) await context.addInitScript(initScript)
  const page = await context.newPage()
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], foreignRequests: [] }
  const origin = new URL(url).origin
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => problems.pageErrors.push(error.message))
  page.on('request', (request) => {
    const requestUrl = request.url()
    if (!requestUrl.startsWith('data:') && new URL(requestUrl).origin !== origin) {
      problems.foreignRequests.push(requestUrl)
    }
  })
  await page.goto(url, { waitUntil: 'load' })
  return { page, context, problems }
}

/**
 * Renders a standalone HTML document (e.g. a PR comment rendered to HTML) from a throwaway local
 * server, so relative links and CSP behave as on a real host. Close with `close()`.
 */
export async function openHtml(
  browser: Browser,
  html: string,
  options: BrowserContextOptions & { initScript?: string } = {}
): Promise<OpenedPage & { close(): Promise<void> }> {
  const server = await serveFiles(new Map([['index.html', html]]))
  const opened = await openPage(browser, `${server.origin}/index.html`, options)
  return {
    ...opened,
    close: async () => {
      await opened.context.close()
      await server.close()
    }
  }
}
