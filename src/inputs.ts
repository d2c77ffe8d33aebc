import * as core from '@actions/core'
import * as glob from '@actions/glob'
import { parseBaseUrl } from './base-url.js'
import { readAsc, type AscSettings } from './asc-inputs.js'
import { UserError } from './errors.js'
import { confinedPath, inputRoots, readInputText } from './input-files.js'
import { channelSlug, siteRoot } from './ota/layout.js'

export type HostName = 'pages' | 'directory' | 's3' | 'release'

/** Every input of action.yml, read and validated into one typed object. */
export interface Settings {
  /** publish a build, remove the channel's builds, provision signing, or register a device. */
  mode: 'publish' | 'remove' | 'provision' | 'register-device'
  /** The one .ipa matched by the `ipa` input (absent with mode: remove). */
  ipa?: string
  host: HostName
  token: string
  /** https URL the site is served from (required for directory; overrides Pages' address). */
  baseUrl?: string
  /** Where host: directory writes the site. */
  outputDir: string
  /** Folder of the site that holds the builds. */
  path: string
  /** Channel folder (URL-safe); absent = derived from the event. */
  channel?: string
  title?: string
  notes?: string
  qr: 'page' | 'link'
  profileCheck: 'error' | 'warn' | 'off'
  /** Builds kept per channel. */
  keep: number
  /** Publish the build in no index, in a folder with an unguessable part. */
  unlisted: boolean
  /** Size budget of the Pages site in bytes. */
  maxSiteSize: number
  history: 'keep' | 'squash'
  pagesBranch: string
  /** Publish into a Pages branch that holds more than the site (never with squash). */
  pagesSharedBranch: boolean
  wait: boolean
  /** wait-timeout: 0 means the maximum. */
  waitTimeoutMs: number
  comment: 'auto' | 'always' | 'never'
  commentKey?: string
  /** The login the token writes comments as, for a person's token (a bot's is learned). */
  commentAuthor?: string
  prNumber?: number
  deployment: boolean
  s3: {
    bucket?: string
    region: string
    endpoint?: string
    forcePathStyle: boolean
    prefix?: string
    acl?: string
    publicBaseUrl?: string
  }
  releaseTag: string
  /** The channel to compare the build with, or 'none'; absent: the base branch's or the build's own. */
  compareTo?: string
  /** Apple's device list (tab-separated) to check against the profile. */
  devicesFile?: string
  /** App Store Connect API key; absent when asc-key-id is empty. */
  asc?: AscSettings
  /** mode: provision. */
  provision: {
    bundleIds: string[]
    profileType: 'ad-hoc' | 'development'
    /** Certificate id or serial number; absent: the single valid one. */
    certificate?: string
    /** Print the plan, change and write nothing. */
    dryRun: boolean
  }
  /** mode: register-device. */
  registerDevice: {
    /** Workflow file (or id) whose newest successful run per open pull request is re-run. */
    buildWorkflow?: string
    /** The label a collaborator adds to approve someone else's request. */
    approvalLabel: string
  }
}

export async function getSettings(): Promise<Settings> {
  const mode = oneOf('mode', ['publish', 'remove', 'provision', 'register-device'] as const)
  const host = oneOf('host', ['pages', 'directory', 's3', 'release'] as const)
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  const baseUrl = optionalUrl('base-url')
  if (host === 'directory' && baseUrl === undefined) {
    throw new UserError(
      'Input base-url is required with host: directory: give the https address the site will be served from, e.g. base-url: https://builds.example.com.'
    )
  }
  if (host !== 'directory' && !token) {
    throw new UserError(
      `Input github-token is empty: host: ${host} needs it. Leave it unset to use the workflow's GITHUB_TOKEN.`
    )
  }
  const path = siteRoot(core.getInput('path') || 'ota')
  const publicBaseUrl = optionalUrl('public-base-url')
  const bucket = optional('s3-bucket')
  if (host === 's3' && bucket === undefined) {
    throw new UserError('Input s3-bucket is required with host: s3: name the bucket to publish to.')
  }
  const asc = readAsc(mode)
  const bundleIds = core
    .getInput('bundle-ids')
    .split(/[\s,]+/)
    .filter(Boolean)
  if (mode === 'provision' && bundleIds.length === 0) {
    throw new UserError(
      "Input bundle-ids is required with mode: provision: list the app's bundle id and its extensions', e.g. bundle-ids: com.example.app com.example.app.widget."
    )
  }
  return {
    mode,
    ipa: mode === 'publish' ? await findIpa(core.getInput('ipa')) : undefined,
    host,
    token,
    baseUrl,
    outputDir: core.getInput('output-dir') || 'ota-site',
    path,
    channel: optional('channel') === undefined ? undefined : channelSlug(core.getInput('channel')),
    title: optional('title'),
    notes: await readNotes(),
    qr: oneOf('qr', ['page', 'link'] as const),
    profileCheck: oneOf('profile-check', ['error', 'warn', 'off'] as const),
    keep: integer('keep', 1),
    unlisted: boolean('unlisted'),
    maxSiteSize: byteSize('max-site-size'),
    history: oneOf('history', ['keep', 'squash'] as const),
    pagesBranch: core.getInput('pages-branch') || 'gh-pages',
    pagesSharedBranch: boolean('pages-shared-branch'),
    wait: boolean('wait'),
    waitTimeoutMs: waitTimeoutMinutes() * 60_000,
    comment: oneOf('comment', ['auto', 'always', 'never'] as const),
    commentKey: optional('comment-key'),
    commentAuthor: optional('comment-author'),
    prNumber: optional('pr-number') === undefined ? undefined : integer('pr-number', 1),
    deployment: boolean('deployment'),
    s3: {
      bucket,
      region: core.getInput('s3-region') || 'us-east-1',
      endpoint: optional('s3-endpoint'),
      forcePathStyle: boolean('s3-force-path-style'),
      prefix: optional('s3-prefix'),
      acl: optional('s3-acl'),
      publicBaseUrl
    },
    releaseTag: core.getInput('release-tag') || 'ota-{channel}',
    compareTo:
      optional('compare-to') === undefined
        ? undefined
        : core.getInput('compare-to') === 'none'
          ? 'none'
          : channelSlug(core.getInput('compare-to')),
    devicesFile: optional('devices-file'),
    asc,
    provision: {
      bundleIds,
      profileType: oneOf('profile-type', ['ad-hoc', 'development'] as const),
      certificate: optional('certificate'),
      dryRun: boolean('dry-run')
    },
    registerDevice: {
      buildWorkflow: optional('build-workflow'),
      approvalLabel: core.getInput('approval-label') || 'device-approved'
    }
  }
}

function optional(name: string): string | undefined {
  return core.getInput(name) || undefined
}

function oneOf<T extends string>(name: string, allowed: readonly T[]): T {
  const value = core.getInput(name) || allowed[0]
  if (!allowed.includes(value as T)) {
    throw new UserError(
      `Input ${name} is "${value}", which is not one of ${allowed.join(', ')}: use one of those.`
    )
  }
  return value as T
}

function integer(name: string, min: number): number {
  const raw = core.getInput(name)
  const value = Number(raw)
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new UserError(`Input ${name} is "${raw}": it must be a whole number of at least ${min}.`)
  }
  return value
}

/** The longest wait-timeout, in minutes: a Pages build or deployment never takes longer. */
const MAX_WAIT_MINUTES = 60

/** wait-timeout: 0 means the maximum, as deploy-pages treats its timeout (a 0 s wait fails all). */
function waitTimeoutMinutes(): number {
  const minutes = integer('wait-timeout', 0)
  if (minutes > MAX_WAIT_MINUTES) {
    throw new UserError(
      `Input wait-timeout is "${minutes}": GitHub Pages needs at most ${MAX_WAIT_MINUTES} minutes; give a number from 1 to ${MAX_WAIT_MINUTES} (0 means ${MAX_WAIT_MINUTES}).`
    )
  }
  return minutes === 0 ? MAX_WAIT_MINUTES : minutes
}

function boolean(name: string): boolean {
  const raw = core.getInput(name).toLowerCase()
  if (raw === 'true') return true
  if (raw === 'false' || raw === '') return false
  throw new UserError(`Input ${name} is "${raw}": use true or false.`)
}

const units: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3
}

function byteSize(name: string): number {
  const raw = core.getInput(name)
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw)
  const unit = match ? units[match[2]!.toLowerCase()] : undefined
  if (!match || unit === undefined) {
    throw new UserError(`Input ${name} is "${raw}": give a size such as 900MB or 1GB.`)
  }
  return Math.round(Number(match[1]) * unit)
}

/** An https site address, normalised (see parseBaseUrl). */
function optionalUrl(name: string): string | undefined {
  const value = optional(name)
  return value === undefined ? undefined : parseBaseUrl(`Input ${name}`, value)
}

/** `notes`, or the text of `notes-file` (generated notes, e.g. a changelog written by a step). */
async function readNotes(): Promise<string | undefined> {
  const inline = core.getInput('notes', { trimWhitespace: false }).trim() || undefined
  const file = optional('notes-file')
  if (file === undefined) return inline
  if (inline !== undefined) {
    throw new UserError('Inputs notes and notes-file are both set: give only one of them.')
  }
  const text = await readInputText(file, 'notes-file', {
    roots: inputRoots(),
    hint: 'give the path of a text file written by an earlier step, relative to the workspace'
  })
  return text.trim() || undefined
}

async function findIpa(pattern: string): Promise<string> {
  if (!pattern) {
    throw new UserError(
      'Input ipa is required: give the path or a glob of the .ipa to publish, e.g. ipa: build/*.ipa.'
    )
  }
  const globber = await glob.create(pattern, { matchDirectories: false })
  const matches = await globber.glob()
  if (matches.length === 0) {
    throw new UserError(
      `Input ipa "${pattern}" matches no file: check the path of the exported .ipa (xcodebuild -exportArchive writes it to the -exportPath folder).`
    )
  }
  if (matches.length > 1) {
    throw new UserError(
      `Input ipa "${pattern}" matches ${matches.length} files (${matches.slice(0, 3).join(', ')}${matches.length > 3 ? ', …' : ''}): narrow it to exactly one .ipa.`
    )
  }
  return await confinedPath(
    matches[0]!,
    'ipa',
    inputRoots(),
    'give the path of the exported .ipa, relative to the workspace'
  )
}
