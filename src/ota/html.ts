import { createHash } from 'node:crypto'

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Escapes text for an HTML text node or a double-quoted attribute. Five replacements do not justify
 * a dependency in a bundled action.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
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

/** A link when the URL is a web URL, the plain text otherwise; both escaped. */
export function linkOrText(text: string, url: string | undefined): string {
  const href = url === undefined ? undefined : webHref(url)
  return href === undefined
    ? escapeHtml(text)
    : `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`
}

function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`
}

/** Colours and layout shared by the install page and the index pages; light and dark. */
const BASE_CSS = `
:root { color-scheme: light dark; --bg: #f2f2f7; --card: #fff; --text: #1c1c1e; --muted: #6c6c70;
  --accent: #007aff; --line: #d1d1d6; --warn-bg: #fff4e5; --warn: #8a4b00; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #000; --card: #1c1c1e; --text: #f2f2f7; --muted: #a1a1a6; --accent: #0a84ff;
    --line: #38383a; --warn-bg: #3a2a12; --warn: #ffd399; }
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
[hidden] { display: none !important; }
`

export interface DocumentParts {
  title: string
  /** Markup inside <main>; already escaped. */
  body: string
  /** Extra CSS after BASE_CSS. */
  css?: string
  /** An inline script; it must not contain data (data goes in attributes). */
  script?: string
  /** Extra <head> markup, e.g. the icon links; already escaped. */
  head?: string
  /** Attributes of <body>, already escaped, e.g. ` data-profile="ad-hoc"`. */
  bodyAttributes?: string
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
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(parts.title)}</title>
${parts.head ?? '<link rel="icon" href="data:,">'}
<style>${css}</style>
</head>
<body${parts.bodyAttributes ?? ''}>
<main>
${parts.body}
</main>
${parts.script === undefined ? '' : `<script>${parts.script}</script>\n`}</body>
</html>
`
}
