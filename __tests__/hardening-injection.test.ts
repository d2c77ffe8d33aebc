/**
 * Injection: an app name, version and build from the IPA, and notes and a channel from the inputs,
 * all hostile, through the bundled action. Each comes out escaped and intact in the manifest
 * (read by Python's plistlib), the install page (Chromium: nothing runs), the comment and the job
 * summary (rendered by markdown-it with HTML on: nothing active, nobody pinged, no forged marker).
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import MarkdownIt from 'markdown-it'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openHtml, openPage, serveFiles } from './support/browser.js'
import {
  installCommentsFake,
  startGitHub,
  type CommentsFake,
  type GitHubStandIn
} from './support/github-server.js'
import { runAction, type ActionRun } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'

const TOKEN = 'ghs_hardeningInject0123456789abcdefgh'
const BASE = 'https://builds.example.com'

/**
 * Every trick at once. The name holds a C1 control (CSI, which XML allows) and direction
 * overrides; the notes hold C0 controls (BEL, ESC), which only an input can carry.
 */
const NAME =
  'Evil <script>window.__pwned=1</script></string>]]> @octocat [x](javascript:window.__pwned=2) ![i](https://evil.example/i.png) <!-- ipa-ota:com.other.app --> \u009B31m\u202Eevil\u202C 🦄𝕏'
const VERSION = '1.0</string><key>x</key>'
const BUILD = '42]]><script>'
const NOTES =
  'Fixes @octocat and @github/security \u0007\u001b[2J\n<img src=x onerror="window.__pwned=3">\n[click](javascript:window.__pwned=4) ![x](https://evil.example/n.png)\n<!-- ipa-ota:dev.ipa-ota.evil -->\n```\n</details><script>window.__pwned=5</script>'
const CHANNEL = '<b>@octocat</b> 🦄'
/**
 * An app name that, at the start of a log line (it holds line breaks), is an annotation and stops
 * command processing.
 */
const COMMANDS_NAME = '::error title=Owned::Pwned\n::stop-commands::tok\r\n::tok:: ##[warning]Pwned'

/** What the visible text must hold: everything but the controls. */
const TEXT_PARTS = [
  '<script>window.__pwned=1</script></string>]]>',
  '[x](javascript:window.__pwned=2)',
  '<!-- ipa-ota:com.other.app -->',
  '🦄𝕏'
]

/** What the comment and summary must show: the name is cut at 100 characters there. */
const MARKDOWN_PARTS = [
  '<script>window.__pwned=1</script></string>]]>',
  '[x](javascript:window.__pwned=2)',
  VERSION,
  'Fixes @octocat and @github/security',
  '<img src=x onerror="window.__pwned=3">',
  '[click](javascript:window.__pwned=4)',
  '<!-- ipa-ota:dev.ipa-ota.evil -->',
  '</details><script>window.__pwned=5</script>'
]

let work: string
let ipa: string
let github: GitHubStandIn
let comments: CommentsFake
let browser: Browser
let run: ActionRun
let site: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hardening-injection-'))
  ipa = join(work, 'Evil.ipa')
  await writeSampleIpa(ipa, {
    name: NAME,
    version: VERSION,
    build: BUILD,
    bundleId: 'dev.ipa-ota.evil'
  })
  await writeSampleIpa(join(work, 'Commands.ipa'), {
    name: COMMANDS_NAME,
    bundleId: 'dev.ipa-ota.commands'
  })
  github = await startGitHub({ token: TOKEN })
  comments = installCommentsFake(github, { login: 'github-actions[bot]' })
  browser = await launchChromium()
  site = join(work, 'site')
  run = await publish({})
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await github?.close()
  await rm(work, { recursive: true, force: true })
})

function publish(inputs: Record<string, string>, runNumber = '7'): Promise<ActionRun> {
  return runAction({
    inputs: {
      ipa,
      host: 'directory',
      'base-url': BASE,
      'output-dir': site,
      notes: NOTES,
      channel: CHANNEL,
      'profile-check': 'warn',
      ...inputs
    },
    event: {
      name: 'pull_request',
      payload: {
        number: 6,
        pull_request: {
          number: 6,
          head: { sha: 'f'.repeat(40), repo: { full_name: 'octo/app' } },
          base: { repo: { full_name: 'octo/app' } }
        }
      }
    },
    token: TOKEN,
    cwd: work,
    env: { GITHUB_API_URL: github.url, GITHUB_RUN_NUMBER: runNumber }
  })
}

/** The build folder the action wrote (the channel is a slug of the hostile name). */
async function buildDir(): Promise<string> {
  const [channel] = await readdir(join(site, 'ota'), { withFileTypes: true }).then((entries) =>
    entries.filter((e) => e.isDirectory()).map((e) => e.name)
  )
  return join(site, 'ota', channel!, '7-1')
}

/**
 * Renders Markdown as GitHub would accept it (HTML allowed) and inspects the result in Chromium:
 * what ran, what is active, what the reader sees.
 */
async function inspectMarkdown(markdown: string) {
  const html = new MarkdownIt({ html: true }).render(markdown)
  const opened = await openHtml(browser, `<!doctype html><meta charset="utf-8"><body>${html}`)
  try {
    return await opened.page.evaluate(() => {
      const all = Array.from(document.body.querySelectorAll('*'))
      return {
        pwned: (window as { __pwned?: unknown }).__pwned ?? null,
        scripts: document.querySelectorAll('script, iframe, object, embed, form, style').length,
        handlers: all.flatMap((el) =>
          Array.from(el.attributes)
            .filter((a) => /^on/i.test(a.name))
            .map((a) => a.name)
        ),
        links: Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href') ?? ''),
        images: Array.from(document.querySelectorAll('img')).map(
          (img) => img.getAttribute('src') ?? ''
        ),
        comments: (() => {
          const found: string[] = []
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT)
          while (walker.nextNode()) found.push(walker.currentNode.nodeValue ?? '')
          return found
        })(),
        text: document.body.innerText
      }
    })
  } finally {
    await opened.close()
  }
}

/** Nothing active, nobody mentioned, and the hostile text is there to read. */
function expectInert(rendered: Awaited<ReturnType<typeof inspectMarkdown>>): void {
  expect(rendered.pwned).toBeNull()
  expect(rendered.scripts).toBe(0)
  expect(rendered.handlers).toEqual([])
  for (const href of rendered.links)
    expect(href).toMatch(/^https:\/\/(builds\.example\.com|github\.com)\//)
  for (const src of rendered.images) expect(src).toMatch(/^https:\/\/builds\.example\.com\//)
  // GitHub pings @name found in the rendered text; a zero-width joiner after each @ defuses it.
  expect(rendered.text).not.toMatch(/@[A-Za-z0-9]/)
  const text = rendered.text.replace(/\u200D/g, '')
  for (const part of MARKDOWN_PARTS) expect(text).toContain(part)
  // eslint-disable-next-line no-control-regex -- controls and overrides must not reach the reader
  expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/)
}

describe('hostile names, versions, notes and channels', () => {
  it('publish successfully', () => {
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(github.violations).toEqual([])
  })

  it('come out intact in the manifest, as plistlib reads it', async () => {
    const manifest = join(await buildDir(), 'manifest.plist')
    const { stdout } = await promisify(execFile)('python3', [
      '-c',
      'import json, plistlib, sys; print(json.dumps(plistlib.load(open(sys.argv[1], "rb"))))',
      manifest
    ])
    const parsed = JSON.parse(stdout) as {
      items: Array<{ metadata: Record<string, string>; assets: Array<{ url: string }> }>
    }
    const item = parsed.items[0]!
    // The title iOS shows while installing: everything but the controls and direction overrides.
    expect(item.metadata.title).toBe(NAME.replace(/[\u009B\u202E\u202C]/g, ''))
    expect(item.metadata['bundle-version']).toBe(VERSION)
    expect(item.metadata['bundle-identifier']).toBe('dev.ipa-ota.evil')
    for (const asset of item.assets) {
      expect(asset.url).toMatch(/^https:\/\/builds\.example\.com\/ota\/[a-z0-9._-]+\/7-1\/[^<>"]+$/)
    }
  })

  it('run nothing on the install page and show the name as text', async () => {
    const dir = await buildDir()
    const files = new Map<string, Buffer>()
    for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const path = join(entry.parentPath, entry.name)
      files.set(path.slice(site.length + 1), await readFile(path))
    }
    const server = await serveFiles(files)
    const dialogs: string[] = []
    try {
      const opened = await openPage(
        browser,
        `${server.origin}/${dir.slice(site.length + 1)}/index.html`
      )
      opened.page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      const seen = await opened.page.evaluate(() => ({
        pwned: (window as { __pwned?: unknown }).__pwned ?? null,
        title: document.title,
        text: document.body.innerText,
        handlers: Array.from(document.querySelectorAll('*')).flatMap((el) =>
          Array.from(el.attributes)
            .filter((a) => /^on/i.test(a.name))
            .map((a) => a.name)
        ),
        images: Array.from(document.querySelectorAll('img')).map((img) => img.src)
      }))
      await opened.context.close()
      expect(seen.pwned).toBeNull()
      expect(dialogs).toEqual([])
      expect(opened.problems.pageErrors).toEqual([])
      expect(opened.problems.foreignRequests).toEqual([])
      expect(seen.handlers).toEqual([])
      expect(seen.images.every((src) => !src.includes('evil.example'))).toBe(true)
      for (const part of TEXT_PARTS) expect(seen.text).toContain(part)
      expect(seen.text).toContain('Fixes @octocat')
      expect(seen.text).toContain('<img src=x onerror="window.__pwned=3">')
      expect(`${seen.title}${seen.text}`).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
    } finally {
      await server.close()
    }
  })

  it('leave the comment inert, with nobody pinged and only our hidden lines', async () => {
    const [comment] = comments.on('octo', 'app', 6)
    expect(comment).toBeDefined()
    const body = comment!.body
    expect(body.startsWith('<!-- ipa-ota:dev.ipa-ota.evil -->\n')).toBe(true)
    expect(body.match(/<!--/g)).toHaveLength(2)
    const rendered = await inspectMarkdown(body)
    expectInert(rendered)
    // The marker, then the hidden line naming the build shown; nothing from the IPA or inputs.
    expect(rendered.comments.map((c) => c.trim())).toEqual([
      'ipa-ota:dev.ipa-ota.evil',
      expect.stringMatching(
        /^ipa-ota-shows run=\d+ attempt=\d+ build=[\w.-]+ created=[\w.%-]+ history=[\w.,-]*$/
      )
    ])
  })

  it('leave the job summary inert too', async () => {
    expect(run.summary).not.toBe('')
    expectInert(await inspectMarkdown(run.summary))
  })

  it('cannot forge the marker of another key: that key gets a comment of its own', async () => {
    const before = comments.on('octo', 'app', 6).map((c) => ({ id: c.id, body: c.body }))
    const other = await publish({ 'comment-key': 'com.other.app' }, '8')

    expect(other.code).toBe(0)
    const after = comments.on('octo', 'app', 6)
    expect(after).toHaveLength(2)
    expect(after[0]).toMatchObject(before[0]!)
    expect(after[1]!.body.startsWith('<!-- ipa-ota:com.other.app -->\n')).toBe(true)
  })
})

describe('an app name made of runner commands', () => {
  it('is logged after constant text, with no command left in it', async () => {
    const commands = await publish({ ipa: join(work, 'Commands.ipa'), channel: 'commands' }, '8')
    expect(commands.code).toBe(0)
    expect(commands.errors).toEqual([])
    const lines = commands.stdout.split('\n')
    const read = lines.filter((line) => line.includes('Pwned'))
    expect(read).toEqual([
      'Read : :error title=Owned: :Pwned : :stop-commands: :tok : :tok: : # #[warning]Pwned 1.0 (1), dev.ipa-ota.commands'
    ])
    expect(lines.filter((line) => /^::(error|stop-commands|tok)/.test(line))).toEqual([])
  })
})
