import { describe, expect, it } from 'vitest'
import { html, linkOrText, raw } from '../src/ota/html.js'

describe('the html template', () => {
  it('escapes every interpolated value for text and double-quoted attributes', () => {
    const value = `<script>"x" & 'y'</script>`
    expect(html`<p title="${value}">${value}</p>`.markup).toBe(
      '<p title="&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;">&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</p>'
    )
  })

  it('removes bidi controls and invisible format characters from values, not from the template', () => {
    expect(html`<p title="${'a\u202Eb'}">\u200E${'c\u2067d\uFEFF'}</p>`.markup).toBe(
      '<p title="ab">\u200Ecd</p>'
    )
  })

  it('inserts nested templates and raw markup as they are, lists joined, nothing for empty values', () => {
    const items = ['a<', 'b'].map((item) => html`<li>${item}</li>`)
    expect(html`<ul>${items}</ul>${raw('<hr>')}${undefined}${null}${false}${''}${0}`.markup).toBe(
      '<ul><li>a&lt;</li><li>b</li></ul><hr>0'
    )
  })

  it('links only web URLs; anything else stays escaped text', () => {
    expect(linkOrText('<repo>', 'https://github.com/a/b').markup).toBe(
      '<a href="https://github.com/a/b" rel="noopener noreferrer">&lt;repo&gt;</a>'
    )
    expect(linkOrText('x', 'javascript:alert(1)').markup).toBe('x')
    expect(linkOrText('x', 'https://user:pw@example.com/').markup).toBe('x')
  })
})
