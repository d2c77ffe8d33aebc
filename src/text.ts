/**
 * The one text cleaner for everything the IPA, the event or a site's build.json says, wherever it
 * goes (pages, manifest, build.json, Markdown, logs), and the one way to put such text in a log
 * line. Written by hand: it is two regular expressions over Unicode properties, which no library
 * adds anything to.
 */

/**
 * Invisible characters that change how text reads or hide text: C0 and C1 controls (but tab and
 * newline), and format characters (Unicode Cf), which include every bidirectional control
 * (U+202A–202E, U+2066–2069, U+200E/F, U+061C), soft hyphens, BOMs and the tag characters used to
 * smuggle invisible text; and lone surrogates (Cs), which no UTF-8 file can hold. Zero-width
 * (non-)joiners stay: emoji sequences and Persian or Indic words need them, and they cannot
 * reorder text.
 */
const INVISIBLE = /(?![\t\n\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}]/gu

/** Removes controls and invisible format characters; unifies line breaks to \n. */
export function clean(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(INVISIBLE, '')
}

/**
 * `value` with every string in it cleaned, objects and arrays copied: for a record written to a
 * site, so build.json and every page made from it hold the same clean text.
 */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return clean(value) as T
  if (Array.isArray(value)) return value.map(cleanStrings) as T
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, cleanStrings(item)])
    ) as T
  }
  return value
}

/** Cleaned text on one line, spaces collapsed. */
export function oneLine(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim()
}

/**
 * Text from the IPA or the event, safe inside a log line: on one line, so it can never start one,
 * and without `::` or `##[`, so it holds no runner command (`::error::`, `##[warning]`), no
 * `::stop-commands::` and no `::<token>::` that would resume commands stopped by someone else.
 */
export function logText(value: unknown): string {
  return oneLine(String(value))
    .replace(/:(?=:)/g, ': ')
    .replace(/#(?=#\[)/g, '# ')
}

/**
 * A log line built from data: a tagged template whose literal text is kept and whose values go
 * through `logText`. It must start with literal text, so no line of the log starts with data,
 * e.g. logLine`Read ${name} ${version}`. A template starting with a value is a bug, and throws.
 */
export function logLine(strings: TemplateStringsArray, ...values: unknown[]): string {
  if (!/^[^\s:#]/.test(strings[0] ?? '')) {
    throw new Error('logLine: a log line must start with constant text, not with a value.')
  }
  return strings.reduce((line, text, index) => `${line}${logText(values[index - 1])}${text}`)
}
