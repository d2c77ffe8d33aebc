import * as core from '@actions/core'
import * as glob from '@actions/glob'
import { readAsc, type AscSettings } from './asc-inputs.js'
import { UserError } from './errors.js'
import { readHost, readPages, readS3 } from './host-inputs.js'
import { confinedPath, inputRoots, readInputText } from './input-files.js'
import { boolean, integer, oneOf, optional } from './input-values.js'
import { channelSlug } from './ota/layout.js'

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

/**
 * Reads every input when called, in a fixed order: with several inputs wrong, the error shown is
 * always the same one's.
 */
export async function getSettings(): Promise<Settings> {
  const mode = oneOf('mode', ['publish', 'remove', 'provision', 'register-device'] as const)
  const { bucket, publicBaseUrl, ...host } = readHost()
  const asc = readAsc(mode)
  const bundleIds = readBundleIds(mode)
  return {
    mode,
    ...host,
    ...(await readBuild(mode)),
    ...readPages(),
    ...readComment(),
    s3: readS3({ bucket, publicBaseUrl }),
    releaseTag: core.getInput('release-tag') || 'ota-{channel}',
    compareTo: readCompareTo(),
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

function readBundleIds(mode: Settings['mode']): string[] {
  const bundleIds = core
    .getInput('bundle-ids')
    .split(/[\s,]+/)
    .filter(Boolean)
  if (mode === 'provision' && bundleIds.length === 0) {
    throw new UserError(
      "Input bundle-ids is required with mode: provision: list the app's bundle id and its extensions', e.g. bundle-ids: com.example.app com.example.app.widget."
    )
  }
  return bundleIds
}

type BuildSettings = Pick<
  Settings,
  'ipa' | 'outputDir' | 'channel' | 'title' | 'notes' | 'qr' | 'profileCheck' | 'keep' | 'unlisted'
>

/** The build to publish and how its pages show it. */
async function readBuild(mode: Settings['mode']): Promise<BuildSettings> {
  return {
    ipa: mode === 'publish' ? await findIpa(core.getInput('ipa')) : undefined,
    outputDir: core.getInput('output-dir') || 'ota-site',
    channel: optional('channel') === undefined ? undefined : channelSlug(core.getInput('channel')),
    title: optional('title'),
    notes: await readNotes(),
    qr: oneOf('qr', ['page', 'link'] as const),
    profileCheck: oneOf('profile-check', ['error', 'warn', 'off'] as const),
    keep: integer('keep', 1),
    unlisted: boolean('unlisted')
  }
}

type CommentSettings = Pick<
  Settings,
  'comment' | 'commentKey' | 'commentAuthor' | 'prNumber' | 'deployment'
>

/** The pull request comment and the deployment. */
function readComment(): CommentSettings {
  return {
    comment: oneOf('comment', ['auto', 'always', 'never'] as const),
    commentKey: optional('comment-key'),
    commentAuthor: optional('comment-author'),
    prNumber: optional('pr-number') === undefined ? undefined : integer('pr-number', 1),
    deployment: boolean('deployment')
  }
}

function readCompareTo(): string | undefined {
  const value = optional('compare-to')
  if (value === undefined || value === 'none') return value
  return channelSlug(value)
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
