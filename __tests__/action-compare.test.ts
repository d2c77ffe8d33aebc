/**
 * "Changes since …" and "Who can install" end to end: builds made from a corpus app, published by
 * dist/index.js on a push to main and then on a pull request against main, commented on the
 * stand-in GitHub; the comment, the install page, the summary, the outputs and `ipa-ota diff`.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import MarkdownIt from 'markdown-it'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openHtml } from './support/browser.js'
import { editPlist, rewriteIpa } from './support/corpus-ipa.js'
import {
  installCommentsFake,
  startGitHub,
  type CommentsFake,
  type GitHubStandIn
} from './support/github-server.js'
import { runAction, type ActionRun } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'

const CORPUS = resolve('../shared/fixtures/ipa/signed/embedded.ipa')
const skipCorpus = !existsSync(CORPUS) && process.env.CI !== 'true'
const TOKEN = 'ghs_compareBuilds0123456789abcdefghij'
const BASE_URL = 'https://builds.example.com'
const APP = 'Payload/Demo.app/'
const KIT = `${APP}Frameworks/CarPlay.framework/CarPlay`
/** A permission text that tries every trick: it must reach the reader as text. */
const HOSTILE =
  'Talk to <img src=x onerror="window.__pwned=1"> @octocat [x](javascript:window.__pwned=2) <!-- ipa-ota:x -->'

let work: string
let github: GitHubStandIn
let comments: CommentsFake
let browser: Browser
let site: string
const ipas = { base: '', head: '' }
let push: ActionRun
let pr: ActionRun

/** Numeric references back to characters and the mention-defusing joiner removed: what a reader sees. */
const visible = (markdown: string) =>
  markdown
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\u200D/g, '')

function run(
  ipa: string,
  options: { pr?: number; baseRef?: string; runNumber: string; inputs?: Record<string, string> }
) {
  const event =
    options.pr === undefined
      ? undefined
      : {
          name: 'pull_request',
          payload: {
            number: options.pr,
            pull_request: {
              number: options.pr,
              head: { sha: 'c'.repeat(40), repo: { full_name: 'octo/app' } },
              base: { repo: { full_name: 'octo/app' } }
            }
          }
        }
  return runAction({
    inputs: {
      ipa,
      host: 'directory',
      'base-url': BASE_URL,
      'output-dir': site,
      // The corpus app's enterprise profile expired in 2022.
      'profile-check': 'warn',
      ...options.inputs
    },
    ...(event === undefined ? {} : { event }),
    token: TOKEN,
    cwd: work,
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_RUN_NUMBER: options.runNumber,
      ...(options.baseRef === undefined
        ? {}
        : { GITHUB_BASE_REF: options.baseRef, GITHUB_HEAD_REF: 'feature/voice' })
    }
  })
}

beforeAll(async () => {
  // One browser and one GitHub for the file; each test comments on a pull request of its own.
  github = await startGitHub({ token: TOKEN })
  comments = installCommentsFake(github, { login: 'github-actions[bot]' })
  browser = await launchChromium()
  if (skipCorpus) return
  work = await mkdtemp(join(tmpdir(), 'action-compare-'))
  site = join(work, 'site')
  ipas.base = join(work, 'base.ipa')
  ipas.head = join(work, 'head.ipa')
  await rewriteIpa(CORPUS, ipas.base, (entries) => [
    ...editPlist(entries, `${APP}Info.plist`, (plist) => ({
      ...plist,
      NSCameraUsageDescription: 'Scan receipts',
      NSLocationWhenInUseUsageDescription: 'Find stores near you'
    })),
    { name: KIT, data: Buffer.alloc(20_000, 7), method: 'store' }
  ])
  await rewriteIpa(CORPUS, ipas.head, (entries) => [
    ...editPlist(
      entries.filter((entry) => !entry.name.startsWith(`${APP}PlugIns/`)),
      `${APP}Info.plist`,
      (plist) => ({
        ...plist,
        CFBundleShortVersionString: '1.1',
        CFBundleVersion: '2',
        MinimumOSVersion: '15.0',
        NSCameraUsageDescription: 'Scan receipts',
        NSLocationWhenInUseUsageDescription: 'Show stores and deliveries near you',
        NSMicrophoneUsageDescription: HOSTILE
      })
    ),
    { name: KIT, data: Buffer.alloc(220_000, 7), method: 'store' }
  ])
  push = await run(ipas.base, { runNumber: '17', inputs: { comment: 'never' } })
  pr = await run(ipas.head, { pr: 9, baseRef: 'main', runNumber: '18' })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await github?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

/** The lines a reviewer must read, in the comment's words. */
const EXPECTED = [
  'Changes since main 1.0 (1)',
  'Version: 1.0 (1) → 1.1 (2)',
  'Minimum iOS: 14.3 → 15.0',
  `Permission added: NSMicrophoneUsageDescription: “${HOSTILE}”`,
  'Permission reworded: NSLocationWhenInUseUsageDescription: “Find stores near you” → “Show stores and deliveries near you”',
  'Extensions removed: Notification.appex',
  'CarPlay.framework (framework): installed +200 kB (+1000.0%), download +200 kB'
]

describe.skipIf(skipCorpus)('a pull request build compared with the newest build of main', () => {
  it('publishes both builds; the first build of main says so', () => {
    expect([push.code, pr.code]).toEqual([0, 0])
    expect(github.violations).toEqual([])
    expect(visible(push.summary)).toContain('**Changes:** first build of this channel.')
    expect(push.outputs).toMatchObject({ 'size-delta': '', 'base-build': '' })
  })

  it('names each change and its sign in the comment, and nothing that did not change', () => {
    const [comment] = comments.on('octo', 'app', 9)
    const text = visible(comment!.body).replace(/\*\*/g, '')
    for (const line of EXPECTED) expect(text).toContain(line)
    expect(text).toMatch(
      /Size: [\d.]+ kB \(\+[\d.]+ kB, \+[\d.]+%\) · installed [\d.]+ kB \(\+[\d.]+ kB, \+[\d.]+%\)/
    )
    // The camera text, the URL schemes, the entitlements and the profile did not change.
    expect(text).not.toMatch(
      /NSCameraUsageDescription|URL schemes|Entitlements|Profile:.*→|Devices (added|removed)/
    )
    // An enterprise profile installs on any device; its expiry is counted in days.
    expect(text).toMatch(/Profile: enterprise, ⚠️ expired \d+ days ago \(2022-01-15\), all devices/)
  })

  it('sets size-delta and base-build, and shows the same changes in the summary', async () => {
    const sizes = await Promise.all(
      [ipas.base, ipas.head].map(async (p) => (await readFile(p)).length)
    )
    expect(pr.outputs['size-delta']).toBe(String(sizes[1]! - sizes[0]!))
    expect(Number(pr.outputs['size-delta'])).toBeGreaterThan(0)
    expect(pr.outputs['base-build']).toBe('main/17-1')
    const summary = visible(pr.summary).replace(/\*\*/g, '')
    for (const line of EXPECTED) expect(summary).toContain(line)
  })

  it('keeps the hostile usage text inert in the comment', async () => {
    const [comment] = comments.on('octo', 'app', 9)
    const html = new MarkdownIt({ html: true, linkify: true }).render(comment!.body)
    const opened = await openHtml(browser, `<!doctype html><meta charset="utf-8"><body>${html}`)
    try {
      const seen = await opened.page.evaluate(() => ({
        pwned: (window as { __pwned?: unknown }).__pwned ?? null,
        images: Array.from(document.querySelectorAll('img')).map((img) => img.getAttribute('src')),
        links: Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href')),
        text: document.body.innerText
      }))
      expect(seen.pwned).toBeNull()
      for (const src of seen.images) expect(src).toMatch(/^https:\/\/builds\.example\.com\//)
      for (const href of seen.links)
        expect(href).toMatch(/^https:\/\/(builds\.example\.com|github\.com)\//)
      expect(seen.text).not.toMatch(/@[A-Za-z]/)
      expect(seen.text.replace(/\u200D/g, '')).toContain(HOSTILE)
    } finally {
      await opened.close()
    }
  })

  it('shows the same changes on the install page, as text that runs nothing', async () => {
    const page = await readFile(join(site, 'ota/pr-9/18-1/index.html'), 'utf8')
    const opened = await openHtml(browser, page)
    try {
      const seen = await opened.page.evaluate(() => ({
        pwned: (window as { __pwned?: unknown }).__pwned ?? null,
        handlers: Array.from(document.querySelectorAll('*')).flatMap((el) =>
          Array.from(el.attributes)
            .filter((a) => /^on/i.test(a.name))
            .map((a) => a.name)
        ),
        changes: (document.getElementById('changes') as HTMLElement).innerText,
        devices: (document.getElementById('devices') as HTMLElement).innerText
      }))
      expect(seen.pwned).toBeNull()
      expect(seen.handlers).toEqual([])
      const text = seen.changes.replace(/\n+/g, '\n').replace(/\t/g, '')
      for (const line of EXPECTED.slice(1, -1)) {
        const [label, value] = line.split(/: (.*)/s) as [string, string]
        expect(text).toContain(`${label}\n${value}`)
      }
      expect(seen.changes.toLowerCase()).toContain('changes since main 1.0 (1)')
      expect(seen.devices).toMatch(/expired \d+ days ago/)
    } finally {
      await opened.close()
    }
  })

  it('ipa-ota diff prints the same changes as the comment', async () => {
    const { stdout } = await promisify(execFile)('node', [
      'dist/cli.js',
      'diff',
      ipas.base,
      ipas.head
    ])
    const [title, ...lines] = stdout.trim().split('\n')
    expect(title).toBe('Changes since base.ipa 1.0 (1)')
    const [comment] = comments.on('octo', 'app', 9)
    const text = visible(comment!.body).replace(/\*\*/g, '')
    const shown = lines
      .filter((line) => line !== 'Largest size changes by component:')
      .map((line) => line.trim())
    expect(shown.length).toBeGreaterThanOrEqual(EXPECTED.length)
    for (const line of shown) expect(text).toContain(line)
    const json = JSON.parse(
      (await promisify(execFile)('node', ['dist/cli.js', 'diff', ipas.base, ipas.head, '--json']))
        .stdout
    ) as { ipaSize: { delta: number } }
    expect(String(json.ipaSize.delta)).toBe(pr.outputs['size-delta'])
  })

  it('says so when the base branch has no build, and compares nothing with compare-to: none', async () => {
    const orphan = await run(ipas.head, { pr: 10, baseRef: 'develop', runNumber: '19' })
    expect(orphan.code).toBe(0)
    const [comment] = comments.on('octo', 'app', 10)
    expect(visible(comment!.body)).toContain('**Changes:** no build of develop to compare with.')
    expect(visible(comment!.body)).not.toContain('Changes since')
    expect(orphan.outputs['base-build']).toBe('')

    const off = await run(ipas.head, {
      pr: 11,
      baseRef: 'main',
      runNumber: '20',
      inputs: { 'compare-to': 'none' }
    })
    expect(off.code).toBe(0)
    const [quiet] = comments.on('octo', 'app', 11)
    expect(visible(quiet!.body)).not.toMatch(/Changes/)
    expect(off.outputs['size-delta']).toBe('')
  })
})

describe('devices-file', () => {
  it('names who can install, warns about a bad line without failing, and keeps names inert', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'action-devices-'))
    const ipa = join(dir, 'Sample.ipa')
    await writeSampleIpa(ipa)
    const list = join(dir, 'devices.txt')
    await writeFile(
      list,
      [
        'Device ID\tDevice Name\tDevice Platform',
        '00008110-000A1B2C3D4E5F60\tAlice <script>window.__pwned=1</script>\tios',
        'this line is not a device',
        `${'f'.repeat(40)}\tCarol @octocat [c](javascript:window.__pwned=2)\tios`
      ].join('\n')
    )
    try {
      const result = await runAction({
        inputs: {
          ipa,
          host: 'directory',
          'base-url': BASE_URL,
          'output-dir': join(dir, 'site'),
          'devices-file': list
        },
        event: {
          name: 'pull_request',
          payload: {
            number: 3,
            pull_request: {
              number: 3,
              head: { sha: 'd'.repeat(40), repo: { full_name: 'octo/app' } },
              base: { repo: { full_name: 'octo/app' } }
            }
          }
        },
        token: TOKEN,
        cwd: dir,
        env: { GITHUB_API_URL: github.url, GITHUB_BASE_REF: 'main' }
      })
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(
        /::warning::devices-file .*devices\.txt line 3 \("this line is not a device"\)/
      )
      const [comment] = comments.on('octo', 'app', 3)
      const text = visible(comment!.body)
      expect(text).toContain('**Installs on:** Alice <script>window.__pwned=1</script>')
      expect(text).toContain(
        '**Not in this profile:** Carol @octocat [c](javascript:window.__pwned=2): add them'
      )
      expect(comment!.body).not.toMatch(/<script|javascript:window/)

      const page = await readFile(join(dir, 'site/ota/pr-3/17-1/index.html'), 'utf8')
      const opened = await openHtml(browser, page)
      const seen = await opened.page.evaluate(() => ({
        pwned: (window as { __pwned?: unknown }).__pwned ?? null,
        devices: (document.getElementById('devices') as HTMLElement).innerText,
        scripts: document.querySelectorAll('main script').length
      }))
      await opened.close()
      expect(seen.pwned).toBeNull()
      expect(seen.scripts).toBe(0)
      expect(seen.devices).toContain('Alice <script>window.__pwned=1</script>')
      expect(seen.devices).toMatch(/Not in this profile\s+Carol @octocat/)
      expect(seen.devices).toMatch(/expires in 36[45] days/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('stops before publishing when the file cannot be read, with one line naming the input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'action-devices-'))
    try {
      const ipa = join(dir, 'Sample.ipa')
      await writeSampleIpa(ipa)
      const result = await runAction({
        inputs: {
          ipa,
          host: 'directory',
          'base-url': BASE_URL,
          'output-dir': join(dir, 'site'),
          'devices-file': join(dir, 'missing.txt')
        },
        cwd: dir
      })
      expect(result.code).toBe(1)
      expect(result.errors).toEqual([
        expect.stringMatching(
          /^::error::Input devices-file ".*missing\.txt" cannot be read \(ENOENT\)/
        )
      ])
      expect(existsSync(join(dir, 'site'))).toBe(false)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
