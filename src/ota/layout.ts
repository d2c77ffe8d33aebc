import { createHash, randomBytes } from 'node:crypto'
import { UserError } from '../errors.js'
import type { SourceInfo } from './types.js'

/** Long branch names make unreadable URLs; the cut is made unique with a short hash. */
const MAX_SLUG_LENGTH = 64

/**
 * Lowercase ASCII letters, digits, `-`, `.` and `_`: safe in a URL path, a file name and a git tree
 * on every host. Accents are dropped (é → e); any other run of characters becomes one `-`.
 * Returns '' when nothing ASCII is left.
 */
function asciiSlug(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-.]+$/g, '')
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8)
}

function slugOrHash(raw: string, what: string): string {
  const trimmed = raw.trim()
  if (trimmed === '') {
    throw new UserError(`The ${what} is empty; set it to a name such as "main" or "pr-12".`)
  }
  const segments = trimmed.split(/[/\\]/)
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    throw new UserError(
      `The ${what} "${trimmed}" would point outside its folder; use a plain name without "." or ".." path parts.`
    )
  }
  const slug = asciiSlug(trimmed)
  // A name with no ASCII at all (e.g. a Chinese branch name) still needs a stable, distinct folder.
  if (slug === '') return `x-${shortHash(trimmed)}`
  if (slug.length <= MAX_SLUG_LENGTH) return slug
  return `${slug.slice(0, MAX_SLUG_LENGTH - 9).replace(/[-.]+$/, '')}-${shortHash(trimmed)}`
}

/** The folder name of a channel: `feature/Login` → `feature-login`. `../x` is refused. */
export function channelSlug(raw: string): string {
  return slugOrHash(raw, 'channel')
}

/** The folder name of a build, with the same rules as a channel. */
export function buildIdSlug(raw: string): string {
  return slugOrHash(raw, 'build id')
}

/** RFC 4648 base32 in lowercase: folder names are lowercase slugs, and Node has no base32. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'

/** 128 random bits as 26 base32 characters. */
function randomPart(): string {
  let bits = 0n
  for (const byte of randomBytes(16)) bits = (bits << 8n) | BigInt(byte)
  let text = ''
  for (let i = 0; i < 26; i++) text += BASE32[Number((bits >> BigInt(125 - 5 * i)) & 31n)]
  return text
}

/**
 * The folder name of an unlisted build: the build id, then 128 random bits, e.g.
 * "12345-1-mzxw6ytboi…". No index names it, so only holders of its link can find it; the id is
 * shortened so the name stays within a slug's length.
 */
export function unlistedBuildId(raw: string): string {
  const random = randomPart()
  const id = buildIdSlug(raw)
    .slice(0, MAX_SLUG_LENGTH - random.length - 1)
    .replace(/[-.]+$/, '')
  return `${id}-${random}`
}

/** `pr-<n>` on a pull request, the branch on a push, the tag on a tag, `local` otherwise. */
export function defaultChannel(source: SourceInfo): string {
  if (source.pr !== undefined) return `pr-${source.pr}`
  if (source.ref !== undefined && source.ref.trim() !== '') return channelSlug(source.ref)
  return 'local'
}

/**
 * `<run id>-<attempt>` in a workflow (run ids are unique across the repository's workflows, run
 * numbers only within one), else `<run number>-<attempt>`, else the short commit SHA, else a UTC
 * timestamp and a random suffix (two CLI runs may start in the same second). A re-run gets a new
 * attempt, so a folder is never written twice.
 */
export function defaultBuildId(source: SourceInfo, now: Date = new Date()): string {
  const attempt = source.runAttempt ?? 1
  if (source.runId !== undefined && /^\d+$/.test(source.runId)) return `${source.runId}-${attempt}`
  if (source.runNumber !== undefined) return `${source.runNumber}-${attempt}`
  if (source.sha !== undefined && /^[0-9a-f]{7,}$/i.test(source.sha)) {
    return source.sha.slice(0, 7).toLowerCase()
  }
  const time = now
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .toLowerCase()
  return `${time}-${randomBytes(3).toString('hex')}`
}

/**
 * The site root (the `path` input) as a clean POSIX prefix: "" for the site root, else e.g. "ota"
 * or "builds/ios". Refuses anything that would leave the site.
 */
export function siteRoot(raw: string): string {
  const parts = raw.split(/[/\\]+/).filter((part) => part !== '' && part !== '.')
  if (parts.some((part) => part === '..')) {
    throw new UserError(
      `The site path "${raw}" would point outside the site; use a folder such as "ota".`
    )
  }
  if (parts.some((part) => asciiSlug(part) !== part)) {
    throw new UserError(
      `The site path "${raw}" must use only lowercase letters, digits, "-", "." and "_" in each folder name.`
    )
  }
  return parts.join('/')
}

/** Joins site path parts, leaving out an empty root. */
export function sitePath(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/')
}

/** The channel folder, e.g. "ota/pr-12". */
export function channelDir(root: string, channel: string): string {
  return sitePath(siteRoot(root), channelSlug(channel))
}

/** The build folder, e.g. "ota/pr-12/34-1". */
export function buildDir(root: string, channel: string, buildId: string): string {
  return sitePath(siteRoot(root), channelSlug(channel), buildIdSlug(buildId))
}

/** The IPA's file name in the build folder: a slug of the app name, `app.ipa` when none is left. */
export function ipaFileName(appName: string): string {
  const slug = asciiSlug(appName)
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/[-.]+$/, '')
  return `${slug || 'app'}.ipa`
}

/** Whether a name is already a valid folder name (e.g. a channel read back from build.json). */
export function isSlug(value: string): boolean {
  return value !== '' && value.length <= MAX_SLUG_LENGTH && asciiSlug(value) === value
}

/**
 * Whether a site path (or an object key) is a build's build.json: written after the build's other
 * files, so a build is complete, and listed, once it is in.
 */
export function isBuildRecordPath(path: string): boolean {
  return path === 'build.json' || path.endsWith('/build.json')
}
