import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { changesSince } from '../src/ota/compare.js'
import { outputValues, setOutputs } from '../src/report/outputs.js'
import { writeRemovedSummary, writeSkippedSummary, writeSummary } from '../src/report/summary.js'
import { buildRecord } from './support/github-records.js'

const markdown = new MarkdownIt({ html: true, linkify: true })
let dir: string
let summaryFile: string
let outputFile: string
const saved = { summary: process.env.GITHUB_STEP_SUMMARY, output: process.env.GITHUB_OUTPUT }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipa-ota-summary-'))
  summaryFile = join(dir, 'summary.md')
  outputFile = join(dir, 'output.txt')
  // @actions/core reads these paths from the environment, as on a runner.
  process.env.GITHUB_STEP_SUMMARY = summaryFile
  process.env.GITHUB_OUTPUT = outputFile
})

beforeEach(async () => {
  await writeFile(summaryFile, '')
  await writeFile(outputFile, '')
})

afterAll(async () => {
  process.env.GITHUB_STEP_SUMMARY = saved.summary
  process.env.GITHUB_OUTPUT = saved.output
  await rm(dir, { recursive: true, force: true })
})

describe('writeSummary', () => {
  it('appends the build with its QR code, install link, comment link and local paths', async () => {
    await writeFile(summaryFile, 'earlier step\n')
    const record = buildRecord('34-1', { notes: 'Try <b>this</b> @team' })

    await writeSummary({
      record,
      history: [buildRecord('33-1')],
      warnings: ['The profile expires in 3 days.'],
      siteDir: '/home/runner/work/site',
      buildDir: 'ota/pr-12/34-1',
      commentUrl: 'https://github.com/octo/app/pull/12#issuecomment-1',
      now: new Date('2025-03-02T12:00:00Z')
    })

    const written = await readFile(summaryFile, 'utf8')
    expect(written.startsWith('earlier step\n### ')).toBe(true)
    const html = markdown.render(written)
    expect(html).toContain(`<img src="${record.urls.qr}"`)
    expect(html).toContain(`<a href="${record.urls.page}">📲 Install</a>`)
    expect(html).toContain('<a href="https://github.com/octo/app/pull/12#issuecomment-1">open</a>')
    expect(html).toContain('<code>/home/runner/work/site/ota/pr-12/34-1</code>')
    expect(html).toContain('Try &lt;b&gt;this&lt;/b&gt; @\u200Dteam')
    expect(html).toContain('Earlier builds of this channel')
    // The profile line in the comment's words: days to the expiry, then the date.
    expect(html).toContain('expires in 305 days (2026-01-01)')
    expect(html).not.toContain('<!--')
  })

  it('leaves the local paths out for hosted sites', async () => {
    await writeSummary({ record: buildRecord('34-1'), history: [], warnings: [] })
    expect(await readFile(summaryFile, 'utf8')).not.toContain('Site folder')
  })

  it('says why nothing was published', async () => {
    await writeSkippedSummary('Pull requests from forks get a read-only token <b>@someone</b>.')
    expect(await readFile(summaryFile, 'utf8')).toBe(
      '### ⏭️ ipa-ota skipped\n\nPull requests from forks get a read&#45;only token &#60;b&#62;&#64;\u200Dsomeone&#60;&#47;b&#62;&#46;\n\n'
    )
  })
})

describe('writeRemovedSummary', () => {
  it('lists the removed builds struck out, without links', async () => {
    await writeRemovedSummary({
      channel: 'pr-12',
      removed: [buildRecord('35-1'), buildRecord('34-1', { app: { name: '<i>x</i>' } })]
    })
    const html = markdown.render(await readFile(summaryFile, 'utf8'))
    expect(html).toContain('<h3>🗑️ Channel pr-12: 2 builds removed</h3>')
    expect(html.match(/<del>.*?<\/del>/g)).toEqual([
      '<del>Example 1.4.0 (35)</del>',
      '<del>&lt;i&gt;x&lt;/i&gt; 1.4.0 (34)</del>'
    ])
    expect(html).not.toContain('<a ')
  })
})

/** GITHUB_OUTPUT as written by @actions/core: `name<<delimiter`, the value, the delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm))
    outputs[m[1] ?? ''] = m[3] ?? ''
  return outputs
}

describe('setOutputs', () => {
  it('sets every output of a published build', async () => {
    const record = buildRecord('34-1')
    setOutputs(record, { siteDir: '/site', commentUrl: 'https://github.com/c', skipped: false })

    expect(parseOutputs(await readFile(outputFile, 'utf8'))).toEqual({
      'install-url': record.urls.install,
      'page-url': record.urls.page,
      'channel-url': 'https://octo.github.io/app/ota/pr-12/index.html',
      'manifest-url': record.urls.manifest,
      'ipa-url': record.urls.ipa,
      'qr-url': record.urls.qr,
      'icon-url': record.urls.icon,
      'bundle-id': 'com.example.app',
      version: '1.4.0',
      build: '34',
      title: 'Example',
      'profile-type': 'ad-hoc',
      'profile-expires': '2026-01-01T00:00:00.000Z',
      devices: '12',
      channel: 'pr-12',
      'build-id': '34-1',
      'site-dir': '/site',
      'comment-url': 'https://github.com/c',
      'size-delta': '',
      'base-build': '',
      skipped: 'false'
    })
  })

  it('sets size-delta and base-build from the comparison with the base build', () => {
    const base = buildRecord('33-1')
    const head = buildRecord('34-1')
    head.app.ipaSize = base.app.ipaSize - 2500
    const changes = changesSince([base], head, 'pr-12')
    expect(outputValues(head, { skipped: false, changes })).toMatchObject({
      'size-delta': '-2500',
      'base-build': 'pr-12/33-1'
    })
  })

  it('covers exactly the outputs declared in action.yml', async () => {
    const action = await readFile('action.yml', 'utf8')
    const section = action.slice(action.indexOf('\noutputs:'), action.indexOf('\nruns:'))
    const declared = [...section.matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1])
    // provision and register-device set their own outputs (src/asc), by name.
    const asc = await Promise.all(
      ['src/asc/run.ts', 'src/asc/register-run.ts'].map((file) => readFile(file, 'utf8'))
    )
    const ascOutputs = asc.flatMap((text) =>
      [...text.matchAll(/core\.setOutput\('([a-z-]+)'/g)].map((m) => m[1])
    )
    expect(ascOutputs).toHaveLength(6)
    expect(
      [...Object.keys(outputValues(undefined, { skipped: false })), ...ascOutputs].sort()
    ).toEqual(declared.sort())
  })

  it('sets empty strings when nothing was published', () => {
    const values = outputValues(undefined, { skipped: true })
    expect(values.skipped).toBe('true')
    expect(
      Object.entries(values)
        .filter(([name]) => name !== 'skipped')
        .every(([, v]) => v === '')
    ).toBe(true)
    expect(Object.keys(values)).toHaveLength(21)
  })

  it('leaves the profile outputs empty for a build without a profile', () => {
    const values = outputValues(
      buildRecord('1-1', { profile: null, urls: { ...buildRecord('1-1').urls, icon: undefined } }),
      {
        skipped: false
      }
    )
    expect([
      values['profile-type'],
      values['profile-expires'],
      values.devices,
      values['icon-url']
    ]).toEqual(['', '', '', ''])
  })
})
