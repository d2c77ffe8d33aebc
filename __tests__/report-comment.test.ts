import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import {
  MAX_COMMENT_LENGTH,
  MAX_HISTORY,
  relistHistory,
  renderComment,
  renderRemovedComment
} from '../src/report/comment.js'
import { commentMarker, readShown } from '../src/report/comment-protocol.js'
import { changesSince } from '../src/ota/compare.js'
import { checkDevices, deviceKey } from '../src/ota/devices.js'
import type { BuildRecord } from '../src/ota/types.js'
import { buildRecord, SITE } from './support/github-records.js'

// Like GitHub: raw HTML allowed, bare URLs linked.
const markdown = new MarkdownIt({ html: true, linkify: true })
const NOW = new Date('2025-03-02T12:00:00Z')
const ALLOWED_TAGS = new Set([
  'h3',
  'p',
  'a',
  'img',
  'strong',
  'pre',
  'code',
  'ul',
  'li',
  'br',
  'details',
  'summary',
  'sub',
  'blockquote',
  'del'
])

interface Tag {
  name: string
  attributes: Record<string, string>
}

/** The tags of rendered HTML with their attributes (markdown-it writes well-formed, double-quoted HTML). */
function tagsOf(html: string): Tag[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    attributes: Object.fromEntries(
      [...(m[2] ?? '').matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)].map((a) => [
        (a[1] ?? '').toLowerCase(),
        decodeEntities(a[2] ?? '')
      ])
    )
  }))
}

/** What a reader sees: the HTML without tags, with character references decoded. */
function visibleText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

const HOSTILE_TITLE =
  '<script>alert(1)</script> [x](javascript:alert(1)) ![i](https://evil.example/i.png) @octocat <!-- --> --> \u202Egnp.exe\u0007'
const HOSTILE_NOTES = [
  '# Not a heading',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(document.cookie))',
  '<a href="javascript:alert(1)">a</a> | table | cell |',
  '    indented code?',
  'thanks @octocat and @github/security, mail a@b.co',
  '<!-- ipa-ota:com.example.app -->',
  '```',
  '> [!CAUTION]',
  '<details><summary>x'
].join('\n')

describe('renderComment', () => {
  it('shows the QR image, the install link and the raw itms link, after our marker', () => {
    const record = buildRecord('34-1')
    const body = renderComment({
      key: 'com.example.app',
      record,
      history: [],
      warnings: [],
      now: NOW
    })
    const html = markdown.render(body)
    const tags = tagsOf(html)

    expect(body.startsWith('<!-- ipa-ota:com.example.app -->\n')).toBe(true)
    const images = tags.filter((t) => t.name === 'img').map((t) => t.attributes.src)
    expect(images).toEqual([record.urls.icon, record.urls.qr])
    const links = tags.filter((t) => t.name === 'a').map((t) => t.attributes.href)
    expect(links).toContain(record.urls.page)
    expect(links.filter((href) => href === record.urls.page)).toHaveLength(2) // the QR and "Install"
    expect(html).toContain(
      `<code class="language-text">${record.urls.install.replace(/&/g, '&amp;')}\n</code>`
    )
    const text = visibleText(html)
    expect(text).toContain('Example 1.4.0 (34)')
    expect(text).toContain('Bundle id: com.example.app')
    expect(text).toContain('ad-hoc, expires in 305 days (2026-01-01), 12 devices')
    expect(text).toContain('Size: 12.3 MB')
    expect(links).toContain(
      'https://github.com/octo/app/commit/0123456789abcdef0123456789abcdef01234567'
    )
    expect(links).toContain('https://github.com/octo/app/actions/runs/987654')
    expect(text).toContain('Commit: 0123456 · Workflow run: #77')
  })

  it('escapes a hostile title and notes for Markdown and HTML', () => {
    const record = buildRecord('34-1', {
      app: { name: HOSTILE_TITLE, version: '1.0<b>', build: '`7`' },
      notes: HOSTILE_NOTES
    })
    const body = renderComment({
      key: 'com.example.app',
      record,
      history: [buildRecord('33-1', { app: { version: '[v](javascript:x)' } })],
      warnings: ['Profile <i>expires</i> @soon'],
      now: NOW
    })
    const html = markdown.render(body)
    const tags = tagsOf(html)

    for (const tag of tags) {
      expect(ALLOWED_TAGS, `<${tag.name}>`).toContain(tag.name)
      for (const [name, value] of Object.entries(tag.attributes)) {
        expect(name).not.toMatch(/^on/)
        if (name === 'href' || name === 'src') expect(value).toMatch(/^https:\/\//)
      }
    }
    expect(tags.filter((t) => t.name === 'img')).toHaveLength(2)
    expect(tags.filter((t) => t.name === 'h3')).toHaveLength(1)
    expect(tags.filter((t) => t.name === 'pre')).toHaveLength(1) // only the install link block
    expect(html.match(/<!--/g)).toHaveLength(2) // our marker and the line of the build shown
    expect(body).not.toContain('\u202E')
    expect(body).not.toContain('\u0007')

    const text = visibleText(html)
    // Shown as written, minus controls, with mentions broken by a zero-width joiner.
    expect(text).toContain(
      '<script>alert(1)</script> [x](javascript:alert(1)) ![i](https://evil.example/i.png)'
    )
    expect(text).toContain('# Not a heading<img src=x onerror=alert(1)>')
    expect(text).not.toMatch(/@(?!\u200D)[\w-]/)
    expect(text).toContain('@\u200Doctocat and @\u200Dgithub/security')
    expect(text).toContain('1.0<b> (`7`)')
    expect(text).toContain('Profile <i>expires</i> @\u200Dsoon')
  })

  it('keeps emoji and accents whole', () => {
    const name = '🚀 Ünïcødé 👨‍👩‍👧 中文'
    const html = markdown.render(
      renderComment({
        key: 'k',
        record: buildRecord('1-1', { app: { name } }),
        history: [],
        warnings: [],
        now: NOW
      })
    )
    expect(visibleText(html)).toContain(`${name} 1.4.0 (1)`)
  })

  it('encodes the key so it can neither end the HTML comment nor forge another marker', () => {
    const key = 'x --> <!-- ipa-ota:com.victim.app -->\n'
    const body = renderComment({
      key,
      record: buildRecord('1-1'),
      history: [],
      warnings: [],
      now: NOW
    })
    const marker = body.split('\n')[0] ?? ''

    expect(marker).toBe(commentMarker(key))
    expect(marker.match(/-->/g)).toHaveLength(1)
    expect(body).not.toContain(commentMarker('com.victim.app'))
    expect(markdown.render(body).startsWith(`${marker}\n`)).toBe(true)
  })

  it.each([
    ['2025-03-10T00:00:00Z', '⚠️ expires in 8 days (2025-03-10)'],
    ['2025-03-03T00:00:00Z', '⚠️ expires in 1 day (2025-03-03)'],
    ['2025-03-01T00:00:00Z', '⚠️ expired 1 day ago (2025-03-01)'],
    ['2025-06-01T00:00:00Z', 'expires in 91 days (2025-06-01), 3 devices']
  ])('flags a profile expiring on %s', (expires, shown) => {
    const record = buildRecord('1-1', {
      profile: {
        type: 'development',
        name: 'Dev',
        expires,
        devices: 3,
        provisionsAllDevices: false
      }
    })
    const text = visibleText(
      markdown.render(renderComment({ key: 'k', record, history: [], warnings: [], now: NOW }))
    )
    expect(text).toContain(shown)
    if (!shown.includes('⚠️')) expect(text).not.toContain('⚠️')
  })

  it('marks exactly the devices new since the base build, their names escaped', () => {
    const device = (c: string, name: string) => ({ id: c.repeat(40), name })
    const [alice, bob, mallory, carol] = [
      device('a', 'Alice'),
      device('b', 'Bob'),
      device('c', '<img src=x onerror=alert(1)> [m](javascript:x) @octocat'),
      device('d', 'Carol')
    ]
    const withDevices = (record: BuildRecord, ids?: string[]): BuildRecord => ({
      ...record,
      profile: {
        type: 'ad-hoc',
        name: 'Ad Hoc',
        expires: '2026-01-01T00:00:00.000Z',
        devices: 3,
        provisionsAllDevices: false,
        ...(ids === undefined ? {} : { deviceIds: ids.map(deviceKey) })
      }
    })
    const head = withDevices(buildRecord('34-1'), [alice.id, bob.id, mallory.id])
    const base = (ids?: string[]) => withDevices({ ...buildRecord('30-1'), channel: 'main' }, ids)
    const devices = checkDevices([alice, bob, mallory, carol], {
      devices: [alice.id, bob.id, mallory.id],
      provisionsAllDevices: false
    })
    const render = (changes: ReturnType<typeof changesSince>) =>
      markdown.render(
        renderComment({
          key: 'k',
          record: head,
          history: [],
          warnings: [],
          now: NOW,
          changes,
          devices
        })
      )
    const NEW = '(🆕 new since the base build)'

    const html = render(changesSince([base([alice.id])], head, 'main'))
    const text = visibleText(html)
    expect(text).toContain(
      `Installs on: Alice, Bob ${NEW}, <img src=x onerror=alert(1)> [m](javascript:x) @\u200Doctocat ${NEW}`
    )
    expect(text.split(NEW)).toHaveLength(3)
    expect(text).toContain('Not in this profile: Carol:')
    // The "Changes since" heading is an h4; the name adds no tag (two images: icon and QR).
    const tags = tagsOf(html).filter((tag) => tag.name !== 'h4')
    for (const tag of tags) expect(ALLOWED_TAGS, `<${tag.name}>`).toContain(tag.name)
    expect(tags.filter((tag) => tag.name === 'img')).toHaveLength(2)
    // A base build.json written before the list, or no base build: nothing is marked.
    expect(visibleText(render(changesSince([base()], head, 'main')))).not.toContain(NEW)
    expect(visibleText(render(changesSince([], head, 'main')))).not.toContain(NEW)
  })

  it('shows enterprise profiles as installing on all devices', () => {
    const record = buildRecord('1-1', {
      profile: {
        type: 'enterprise',
        name: 'Ent',
        expires: '2026-01-01T00:00:00Z',
        devices: 0,
        provisionsAllDevices: true
      }
    })
    const text = visibleText(
      markdown.render(renderComment({ key: 'k', record, history: [], warnings: [], now: NOW }))
    )
    expect(text).toContain('enterprise, expires in 305 days (2026-01-01), all devices')
  })

  it('lists at most the newest earlier builds in a collapsed list, newest first', () => {
    const history = Array.from({ length: MAX_HISTORY + 5 }, (_, i) =>
      buildRecord(`${100 - i}-1`, {
        createdAt: new Date(Date.UTC(2025, 1, 28, 0, 0) - i * 3_600_000).toISOString()
      })
    )
    const html = markdown.render(
      renderComment({
        key: 'k',
        record: buildRecord('101-1'),
        history,
        warnings: ['w1', 'w2'],
        now: NOW
      })
    )
    const details = html.slice(html.indexOf('<details>'), html.indexOf('</details>'))

    expect(details).toContain('<summary>Earlier builds of this pull request &#40;25&#41;</summary>')
    const versions = [...visibleText(details).matchAll(/1\.4\.0 \((\d+)\)/g)].map((m) =>
      Number(m[1])
    )
    expect(versions).toEqual(Array.from({ length: MAX_HISTORY }, (_, i) => 100 - i))
    expect(visibleText(details)).toContain('…and 5 older builds')
    expect(
      tagsOf(details)
        .filter((t) => t.name === 'a')
        .map((t) => t.attributes.href)
    ).toContain(`${SITE}/ota/pr-12/100-1/`)
    expect(html).toContain('<blockquote>\n<p>[!WARNING]')
  })

  it('stays under GitHub’s limit by trimming the history before the notes', () => {
    const history = Array.from({ length: MAX_HISTORY }, (_, i) =>
      buildRecord(`${i}-1`, { app: { version: 'v'.repeat(60), build: 'b'.repeat(60) } })
    )
    const notes = 'n'.repeat(MAX_COMMENT_LENGTH - 3_000)
    const trimmed = renderComment({
      key: 'k',
      record: buildRecord('99-1', { notes }),
      history,
      warnings: [],
      now: NOW
    })

    expect(trimmed.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH)
    expect(trimmed).toContain(notes)
    expect(trimmed).toMatch(/…and \d+ older builds/)

    const huge = '👨‍👩‍👧@x<'.repeat(40_000)
    const cut = renderComment({
      key: 'k',
      record: buildRecord('99-1', { notes: huge }),
      history,
      warnings: [],
      now: NOW
    })
    expect(cut.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH)
    expect(cut.length).toBeGreaterThan(MAX_COMMENT_LENGTH / 4)
    expect(cut).toContain('…and 20 older builds')
    expect(cut).toMatch(/(👨‍👩‍👧|&#64;\u200D|x|&#60;)…\n/)
    expect(cut).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
    )
  })
})

describe('renderRemovedComment', () => {
  it('keeps the marker and strikes out the removed builds without linking them', () => {
    const history = [buildRecord('35-1'), buildRecord('34-1')]
    const body = renderRemovedComment({ key: 'com.example.app', history })
    const html = markdown.render(body)

    expect(body.startsWith(commentMarker('com.example.app'))).toBe(true)
    expect(tagsOf(html).filter((t) => t.name === 'a' || t.name === 'img')).toEqual([])
    expect(html.match(/<del>[^<]*<\/del>/g)?.map(visibleText)).toEqual(['1.4.0 (35)', '1.4.0 (34)'])
    expect(visibleText(html)).toContain('Example: builds removed')
  })
})

describe('the build a comment shows', () => {
  const newer = buildRecord('35-1', {
    notes: HOSTILE_NOTES,
    createdAt: '2025-03-01T12:00:00.000Z',
    source: { ...buildRecord('x').source, runId: '9007199254740993', runAttempt: 2 }
  })
  const body = renderComment({
    key: 'com.example.app',
    record: newer,
    history: [buildRecord('33-1')],
    warnings: ['Profile expires soon'],
    now: NOW
  })

  it('is recorded in a hidden second line and read back exactly', () => {
    expect(body.split('\n')[1]).toBe(
      '<!-- ipa-ota-shows run=9007199254740993 attempt=2 build=35-1 created=2025-03-01T12%3A00%3A00.000Z history=33-1 -->'
    )
    expect(readShown(body)).toEqual({
      runId: '9007199254740993',
      runAttempt: 2,
      buildId: '35-1',
      createdAt: '2025-03-01T12:00:00.000Z',
      history: ['33-1']
    })
    expect(readShown(`${commentMarker('k')}\nold comment`)).toBeUndefined()
  })

  it('relistHistory keeps the build shown, its notes, warnings and size changes, and lists other builds', () => {
    // The size changes have a collapsed list of their own, above the history's.
    const movers =
      '<details><summary>Largest size changes by component &#40;2&#41;</summary>\n\n- Foo.framework\n\n</details>'
    const current = body.replace('\n\n> [!WARNING]', `\n\n${movers}\n\n> [!WARNING]`)
    const older = buildRecord('34-1', { createdAt: '2025-03-01T11:00:00.000Z' })
    const updated = relistHistory(current, [older, buildRecord('33-1')], NOW)!

    const [main] = current.split('\n\n<details><summary>Earlier builds')
    expect(updated.split('\n').slice(2).join('\n')).toContain(main!.split('\n').slice(2).join('\n'))
    expect(readShown(updated)).toMatchObject({ buildId: '35-1', history: ['34-1', '33-1'] })
    const html = markdown.render(updated)
    expect(html.match(/<details>/g)).toHaveLength(2)
    expect(html).toContain(`<a href="${SITE}/ota/pr-12/34-1/">`)
    expect(visibleText(html)).toContain('Profile expires soon')
    expect(visibleText(html)).toContain('Foo.framework')
    expect(relistHistory('not ours', [older], NOW)).toBeUndefined()
  })
})
