import { createHash } from 'node:crypto'
import { clean } from '../text.js'

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Escapes text for an HTML text node or a double-quoted attribute, cleaned first (no bidi override
 * can make a page read differently than it is). Five replacements do not justify a dependency in
 * a bundled action.
 */
function escapeHtml(text: string): string {
  return clean(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
}

/** Markup that is safe to insert as it is: what `html` returns, or what `raw` vouches for. */
export class Html {
  readonly markup: string
  constructor(markup: string) {
    this.markup = markup
  }
  toString(): string {
    return this.markup
  }
}

/** What a template may interpolate: text (escaped), markup, lists of either, or nothing. */
export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[]

function interpolate(value: HtmlValue): string {
  if (value instanceof Html) return value.markup
  if (Array.isArray(value)) return value.map(interpolate).join('')
  if (value === undefined || value === null || value === false) return ''
  return escapeHtml(String(value))
}

/**
 * A tagged template that escapes every interpolated value unless it is already `Html`, so a
 * forgotten escape cannot happen: raw markup has to be asked for with `raw`. Values go in text or
 * in double-quoted attributes. Hand-written: lit-html and the like render into a DOM, which the
 * action does not have, and this is ten lines. (Prettier leaves these templates alone:
 * embeddedLanguageFormatting is off for .ts, as reformatting would change the pages.)
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0] ?? ''
  values.forEach((value, index) => {
    markup += interpolate(value) + (strings[index + 1] ?? '')
  })
  return new Html(markup)
}

/** Markup inserted unescaped: only for our own constants (CSS, scripts), never for data. */
export function raw(markup: string): Html {
  return new Html(markup)
}

/**
 * An href for a link built from inputs (server URL, repository): only http(s), since an escaped
 * `javascript:` URL still runs. Returns undefined for anything else.
 */
function webHref(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
    if (parsed.username !== '' || parsed.password !== '') return undefined
    return parsed.href
  } catch {
    return undefined
  }
}

/** A link when the URL is a web URL, the plain text otherwise. */
export function linkOrText(text: string, url: string | undefined): Html {
  const href = url === undefined ? undefined : webHref(url)
  return href === undefined
    ? html`${text}`
    : html`<a href="${href}" rel="noopener noreferrer">${text}</a>`
}

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`
}

/** Colours and layout shared by the install page and the index pages; light and dark. */
const BASE_CSS = `
:root { color-scheme: light dark; --bg: #f2f2f7; --card: #fff; --text: #1c1c1e; --muted: #6c6c70;
  --accent: #007aff; --line: #d1d1d6; --warn-bg: #fff4e5; --warn: #8a4b00; --bad: #c00011; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #000; --card: #1c1c1e; --text: #f2f2f7; --muted: #a1a1a6; --accent: #0a84ff;
    --line: #38383a; --warn-bg: #3a2a12; --warn: #ffd399; --bad: #b3000f; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; }
main { max-width: 34rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
a { color: var(--accent); }
h1 { font-size: 1.5rem; margin: 0; overflow-wrap: anywhere; }
h2 { font-size: 1rem; margin: 0 0 .5rem; color: var(--muted); text-transform: uppercase;
  letter-spacing: .04em; }
.card { background: var(--card); border-radius: 14px; padding: 1rem; margin: 1rem 0; }
.muted { color: var(--muted); }
.button { display: block; text-align: center; background: var(--accent); color: #fff;
  text-decoration: none; font-weight: 600; padding: .8rem 1rem; border-radius: 12px; border: 0;
  font-size: 1.05rem; width: 100%; cursor: pointer; }
.note { background: var(--warn-bg); color: var(--warn); border-radius: 10px; padding: .75rem;
  margin: .75rem 0 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
ul.list { list-style: none; margin: 0; padding: 0; }
ul.list li { padding: .75rem 0; border-top: 1px solid var(--line); }
ul.list li:first-child { border-top: 0; }
.banner { background: var(--bad); color: #fff; border-radius: 14px; padding: 1rem; margin: 1rem 0; }
.banner h2 { color: #fff; text-transform: none; letter-spacing: 0; font-size: 1.1rem; }
.banner ul { margin: 0; padding-left: 1.2rem; }
.banner a { color: #fff; }
.crumbs { margin: 0 0 .5rem; font-size: .95rem; }
.newer { background: var(--accent); border-radius: 12px; padding: .75rem 1rem; margin: .5rem 0 1rem; }
.newer a { color: #fff; font-weight: 600; text-decoration: none; display: block; }
[hidden] { display: none !important; }
`

export interface DocumentParts {
  title: string
  /** Markup inside <main>. */
  body: Html
  /** Extra CSS after BASE_CSS. */
  css?: string
  /** An inline script; it must not contain data (data goes in attributes). */
  script?: string
  /** Extra <head> markup, e.g. the icon links. */
  head?: Html
  /** Whether the script may fetch from the site itself (connect-src 'self'). */
  fetchesSite?: boolean
}

/**
 * A self-contained page: inline CSS and script allowed by hash in a strict Content Security Policy,
 * so nothing else can run or load (an injected tag would be blocked even if escaping failed), no
 * referrer, and kept out of search engines.
 */
export function renderDocument(parts: DocumentParts): string {
  const css = BASE_CSS + (parts.css ?? '')
  const csp = [
    "default-src 'none'",
    "img-src 'self' data:",
    `style-src ${cspHash(css)}`,
    parts.script === undefined ? "script-src 'none'" : `script-src ${cspHash(parts.script)}`,
    ...(parts.fetchesSite ? ["connect-src 'self'"] : []),
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ')
  const script = parts.script === undefined ? '' : html`<script>${raw(parts.script)}</script>\n`
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${parts.title}</title>
${parts.head ?? raw('<link rel="icon" href="data:,">')}
<style>${raw(css)}</style>
</head>
<body>
<main>
${parts.body}
</main>
${script}</body>
</html>
`.markup
}
