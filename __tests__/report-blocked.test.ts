/** The comment and summary of a build no device can install, and the stable channel link. */
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { renderComment } from '../src/report/comment.js'
import { buildRecord, SITE } from './support/github-records.js'

const markdown = new MarkdownIt({ html: true, linkify: true })
const NOW = new Date('2025-03-02T12:00:00Z')
const EXPIRED =
  'The provisioning profile "<b>QA</b>" expired on 2025-01-01, so iOS will refuse to install the build: renew the profile in the Apple Developer portal (or let Xcode manage signing) and export the build again.'

describe('the comment of a build no device can install', () => {
  const record = buildRecord('34-1', { blockers: [EXPIRED] })
  const body = renderComment({
    key: 'k',
    record,
    history: [],
    warnings: [EXPIRED, 'Another warning'],
    now: NOW
  })
  const rendered = markdown.render(body)

  it('says why, with the fix, instead of an Install link, QR code or install link', () => {
    expect(body).toContain('> [!CAUTION]\n> **This build cannot be installed**')
    expect(rendered).toContain('expired on 2025-01-01')
    expect(rendered).toContain('renew the profile')
    expect(rendered).not.toContain('&lt;b&gt;QA&lt;/b&gt;</b>')
    expect(rendered).not.toContain('<b>QA</b>')
    expect(body).not.toContain('📲 Install')
    expect(body).not.toContain(record.urls.qr)
    expect(body).not.toContain('itms-services://')
  })

  it('lists the reason once, other warnings still in their alert', () => {
    expect(rendered.split('expired on 2025-01-01')).toHaveLength(2)
    expect(body).toContain('> [!WARNING]\n> - Another warning')
  })

  it("links the build page and the channel's latest build", () => {
    expect(rendered).toContain(`href="${record.urls.page}"`)
    expect(rendered).toContain(
      `<a href="${SITE}/ota/pr-12/index.html">Latest build of this channel</a>`
    )
  })
})

describe('the comment of a build that installs', () => {
  it("offers Install and the channel's latest-build link", () => {
    const body = renderComment({
      key: 'k',
      record: buildRecord('34-1'),
      history: [],
      warnings: [],
      now: NOW
    })
    expect(body).toContain('📲 Install')
    expect(body).not.toContain('[!CAUTION]')
    expect(markdown.render(body)).toContain(
      `<a href="${SITE}/ota/pr-12/index.html">Latest build of this channel</a>`
    )
  })
})
