/**
 * Escaping for GitHub-flavoured Markdown that may hold HTML (comments, job summaries). Written by
 * hand: Markdown libraries render Markdown, none escapes text for it, and GitHub adds its own
 * rules on top (mentions, emoji, alerts) that no library knows.
 */

import { clean } from '../text.js'
import { html, raw } from '../ota/html.js'

/** All ASCII punctuation: any of it may start Markdown or HTML syntax. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g
const ZERO_WIDTH_JOINER = '\u200D'

/**
 * Text from the IPA or the inputs as inline Markdown that shows exactly that text: every ASCII
 * punctuation mark becomes a numeric character reference, which Markdown and HTML decode to
 * the character without giving it meaning (no link, no tag, no emphasis, no comment). GitHub
 * finds @mentions in the rendered text, so a zero-width joiner after each `@` keeps anyone from
 * being notified. Newlines become `<br>`, so the text never starts a Markdown block.
 */
export function escapeText(text: string): string {
  return clean(text)
    .replace(
      PUNCTUATION,
      (char) => `&#${char.charCodeAt(0)};${char === '@' ? ZERO_WIDTH_JOINER : ''}`
    )
    .replace(/\t/g, ' ')
    .replace(/\n/g, '<br>')
}

/**
 * The URL, normalised, when it is an absolute URL with one of `protocols` (https only by
 * default), else undefined: a `javascript:` or relative URL never becomes a link or image.
 */
export function safeUrl(url: string | undefined, protocols = ['https:']): string | undefined {
  if (url === undefined) return undefined
  try {
    const parsed = new URL(url)
    return protocols.includes(parsed.protocol) ? parsed.href : undefined
  } catch {
    return undefined
  }
}

/** `<a href="url">text</a>`; just the escaped text when the URL is not safe. */
export function link(url: string | undefined, text: string, protocols?: string[]): string {
  const href = safeUrl(url, protocols)
  // escapeText's output is markup already (entities, <br>), so it goes in as raw.
  return href === undefined
    ? escapeText(text)
    : html`<a href="${href}">${raw(escapeText(text))}</a>`.markup
}

/** `<img>` of a safe URL, or '' when the URL is not safe. */
export function image(url: string | undefined, alt: string, size: number): string {
  const src = safeUrl(url)
  return src === undefined
    ? ''
    : html`<img src="${src}" width="${size}" height="${size}" alt="${clean(alt).replace(/\n/g, ' ')}">`
        .markup
}

/**
 * A fenced code block of one line (GitHub gives it a copy button). Its content is shown
 * literally, so it only has to be kept inside the fence: the fence is longer than any run of
 * backticks in the text, and line breaks are removed.
 */
export function codeBlock(text: string): string {
  const line = clean(text).replace(/\n/g, ' ')
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  return `${fence}text\n${line}\n${fence}`
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** User-perceived characters, counted without building an array of them. */
export function graphemeCount(text: string): number {
  let count = 0
  const segments = graphemes.segment(text)[Symbol.iterator]()
  while (!segments.next().done) count++
  return count
}

/**
 * At most `max` user-perceived characters (an emoji or accented letter is never split), with … when
 * cut. Stops segmenting once past `max`, so a long text costs what is kept, not its whole length,
 * and a text of at most `max` UTF-16 units (so at most `max` characters) is not segmented at all.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let count = 0
  let cut = 0
  for (const { index } of graphemes.segment(text)) {
    if (count === max - 1) cut = index
    if (++count > max) return `${text.slice(0, cut)}…`
  }
  return text
}
