/**
 * build.json: its type and its check come from one valibot schema, nested fields included, so a
 * record read back from a site is either complete and well-typed or refused with the field named.
 * valibot rather than zod: its functions are imported one by one, so this schema costs the bundle
 * about 7 kB minified against about 97 kB for zod (21 kB for zod/mini).
 */
import * as v from 'valibot'
import { MAX_RECORDED_DEVICES } from './devices.js'

const text = v.string('a string')
const bytes = v.pipe(
  v.number('a size in bytes'),
  v.finite('a size in bytes'),
  v.minValue(0, 'a size in bytes')
)
const texts = v.array(text, 'a list of strings')

/** Where a build came from: the repository, ref, commit and workflow run. */
const SourceSchema = v.object(
  {
    /** e.g. https://github.com (GitHub Enterprise Server: its own URL). */
    serverUrl: text,
    /** owner/repo */
    repository: v.optional(text),
    event: v.optional(text),
    /** Branch or tag name (not refs/…). */
    ref: v.optional(text),
    refType: v.optional(v.picklist(['branch', 'tag'], 'branch or tag')),
    pr: v.optional(v.number('a number')),
    sha: v.optional(text),
    runId: v.optional(text),
    runNumber: v.optional(v.number('a number')),
    runAttempt: v.optional(v.number('a number')),
    workflow: v.optional(text),
    actor: v.optional(text)
  },
  'an object'
)

/** Absolute https URLs of one published build. */
const UrlsSchema = v.object(
  {
    /** The install page, index.html of the build folder. */
    page: text,
    manifest: text,
    ipa: text,
    qr: text,
    qrSvg: text,
    icon: v.optional(text),
    buildJson: text,
    /** itms-services://?action=download-manifest&url=… */
    install: text,
    /** The channel's index page, whose first build is always the newest: the stable "latest" link. */
    channel: v.optional(text)
  },
  'an object'
)

/** One part of the app bundle and what it costs: in the IPA (compressed) and on the device. */
const ComponentSchema = v.object(
  {
    kind: v.picklist(
      ['executable', 'framework', 'extension', 'watch', 'assets', 'resources'],
      'a component kind'
    ),
    /** The executable's or bundle's file name, e.g. "Foo.framework", "Share.appex", "Assets.car". */
    name: text,
    compressed: bytes,
    installed: bytes
  },
  'an object'
)

const AppSchema = v.object(
  {
    bundleId: text,
    version: text,
    build: text,
    name: text,
    minimumOsVersion: v.optional(text),
    platform: v.optional(text),
    ipaSize: bytes,
    sha256: v.optional(text),
    // The facts below came with the comparison of builds; records written before lack them.
    /** Bytes the app bundle takes on the device (its entries, uncompressed). */
    installedSize: v.optional(bytes),
    /** UIDeviceFamily: 1 iPhone, 2 iPad, … */
    deviceFamilies: v.optional(v.array(v.number('a number'), 'a list of numbers')),
    /** The bundle by component, largest installed first. */
    components: v.optional(v.array(ComponentSchema, 'a list of components')),
    /** NS…UsageDescription keys of Info.plist and the text iOS shows with the permission prompt. */
    usageDescriptions: v.optional(v.record(v.string(), text, 'an object of strings')),
    /** CFBundleURLSchemes of every CFBundleURLTypes entry. */
    urlSchemes: v.optional(texts)
  },
  'an object'
)

const KEY = 'a device key (16 hex digits)'

const ProfileSchema = v.object(
  {
    type: v.picklist(['development', 'ad-hoc', 'enterprise', 'app-store'], 'a profile type'),
    name: text,
    teamName: v.optional(text),
    teamId: v.optional(text),
    /** ISO 8601. */
    expires: text,
    devices: bytes,
    provisionsAllDevices: v.boolean('true or false'),
    /**
     * Development and ad hoc profiles: their devices as deviceKey hashes, never the public UDIDs
     * (absent in records written before, and for other profiles).
     */
    deviceIds: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(KEY), v.regex(/^[0-9a-f]{16}$/, KEY)), 'a list of device keys'),
        v.maxLength(MAX_RECORDED_DEVICES, `a list of at most ${MAX_RECORDED_DEVICES} device keys`)
      )
    ),
    /** The entitlement keys the profile grants (absent in records written before). */
    entitlements: v.optional(texts)
  },
  'an object'
)

/** build.json: everything machine-readable about one published build. */
export const BuildRecordSchema = v.object(
  {
    schema: v.literal(1),
    channel: text,
    buildId: text,
    /** ISO 8601. */
    createdAt: text,
    app: AppSchema,
    profile: v.optional(ProfileSchema),
    notes: v.optional(text),
    /**
     * Why no device can install this build, with the fix (it was published with profile-check:
     * warn); absent when it can be installed. Pages then show these instead of an Install button.
     */
    blockers: v.optional(texts),
    source: SourceSchema,
    urls: UrlsSchema,
    /** Total bytes of the build folder, for the site size budget. */
    size: bytes,
    /**
     * Published with unlisted: true: no index lists it and its folder name has a random part, so
     * only holders of its link find it. Absent for a listed build.
     */
    unlisted: v.optional(v.literal(true, 'true'))
  },
  'a JSON object'
)

export type BuildRecord = v.InferOutput<typeof BuildRecordSchema>
export type SourceInfo = v.InferOutput<typeof SourceSchema>
export type BuildUrls = v.InferOutput<typeof UrlsSchema>
export type BundleComponent = v.InferOutput<typeof ComponentSchema>

/**
 * What is wrong with a parsed build.json, or undefined when it matches the schema. Names the first
 * bad field by its path, e.g. "app.sha256 is not a string".
 */
export function buildRecordProblem(value: unknown): string | undefined {
  const result = check(value)
  return 'problem' in result ? result.problem : undefined
}

function check(value: unknown): { record: BuildRecord } | { problem: string } {
  // valibot's object() takes an array for an object with numeric keys.
  if (Array.isArray(value)) return { problem: 'it is not a JSON object' }
  const result = v.safeParse(BuildRecordSchema, value, { abortEarly: true })
  if (result.success) return { record: result.output }
  const issue = result.issues[0]
  const path = v.getDotPath(issue)
  if (path === null) return { problem: 'it is not a JSON object' }
  if (path === 'schema') {
    return { problem: `its schema is ${JSON.stringify(issue.input) ?? 'missing'}, not 1` }
  }
  return { problem: `${path} is ${issue.input === undefined ? 'missing' : `not ${issue.message}`}` }
}

/**
 * The largest build.json read back. Ours hold a few kilobytes (notes, permissions and components
 * are capped where they are read); a larger one was not written by ipa-ota, and parsing it would
 * cost every later run several times its size in memory. Hosts may check it before downloading.
 */
export const MAX_BUILD_JSON_BYTES = 4 * 1024 * 1024

/**
 * A build.json read back from a site, or undefined (with a warning through `warn` naming `source`)
 * when it is too large, not JSON or not a complete ipa-ota record: one bad file must not break
 * every later publish. The file is left where it is; the caller only skips it.
 */
export function parseBuildRecord(
  json: string,
  source: string,
  warn: (message: string) => void
): BuildRecord | undefined {
  if (Buffer.byteLength(json) > MAX_BUILD_JSON_BYTES) {
    warn(
      `Ignoring ${source}: it is larger than ${MAX_BUILD_JSON_BYTES / 2 ** 20} MiB, far more than an ipa-ota build.json holds. It is left in place but not listed or counted; delete it or publish that build again.`
    )
    return undefined
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    value = undefined
  }
  const result = value === undefined ? { problem: 'it is not JSON' } : check(value)
  if ('record' in result) return result.record
  warn(
    `Ignoring ${source}: ${result.problem}, so it is not an ipa-ota build.json. It is left in place but not listed or counted; delete it or publish that build again.`
  )
  return undefined
}
