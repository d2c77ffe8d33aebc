import { createReadStream } from 'node:fs'
import { posix } from 'node:path'
import type { Readable } from 'node:stream'
import { Transform, pipeline } from 'node:stream'
import * as core from '@actions/core'
import { UserError } from '../errors.js'
import type { Octokit } from '../github.js'
import { parseBuildRecord } from '../ota/record.js'
import type { BuildRecord, SiteChanges, SiteFile } from '../ota/types.js'
import { explainGitHubError } from '../github-errors.js'
import {
  assetName,
  parseReleaseTag,
  releasePlace,
  releaseTag,
  releaseUrl
} from './release-layout.js'
import type { ReleaseLayout } from './release-layout.js'
import { streamingFetch } from './release-upload.js'
import { backoffMs, defaultSleep } from './backoff.js'
import { probe } from './probe.js'
import type { Fetch } from './probe.js'
import type { Host } from './types.js'

export interface ReleaseHostOptions {
  octokit: Octokit
  owner: string
  repo: string
  /** e.g. https://github.com (GitHub Enterprise Server: its own URL). */
  serverUrl: string
  /** The `release-tag` input, e.g. "ota-{channel}". */
  tagTemplate: string
  /** The `path` input: the site folder, e.g. "ota". */
  path: string
  /** What verify() fetches with (no token is ever sent); tests route it to a loopback server. */
  fetch?: typeof fetch
  /** Waits between upload attempts (tests record the delays instead). */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

interface Release {
  id: number
  tag_name: string
  draft: boolean
  upload_url: string
}
interface Asset {
  id: number
  name: string
  /** "uploaded", or "starter" for an upload that never finished. */
  state: string
}

/** A release the action owns, with the builds whose build.json it holds. */
interface KnownRelease {
  release: Release
  /** From the tag, when the template has {channel}. */
  channel?: string
  assets: Asset[]
  builds: BuildRecord[]
}

const UPLOAD_ATTEMPTS = 3
const PROGRESS_MIN_SIZE = 8 * 1024 * 1024

/**
 * host: release keeps builds as prerelease assets, one release per channel by default. An archive
 * rather than an install host: GitHub answers downloads with a redirect that iOS does not follow.
 */
export function createReleaseHost(options: ReleaseHostOptions): Host {
  const { octokit, owner, repo } = options
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const layout: ReleaseLayout = { path: options.path, tagTemplate: options.tagTemplate }
  // Fails early on a template that makes no valid tag.
  releaseTag(options.tagTemplate, 'channel', 'build')
  let publicCheck: Promise<void> | undefined

  async function github<T>(action: () => Promise<T>, tag?: string): Promise<T> {
    try {
      return await action()
    } catch (error) {
      throw explain(error, tag)
    }
  }

  /** Release assets of a private repository need a login, which an iPhone's installer has not. */
  function requirePublicRepository(): Promise<void> {
    publicCheck ??= github(async () => {
      const { data } = await octokit.rest.repos.get({ owner, repo })
      if (data.private || data.visibility === 'internal') {
        throw new UserError(
          `The repository ${owner}/${repo} is ${data.visibility ?? 'private'}, so its release assets can only be downloaded with a GitHub login, which an iPhone's installer does not have: publish with host: s3 (or Pages on a public site) instead.`
        )
      }
    })
    return publicCheck
  }

  async function listAssets(release: Release): Promise<Asset[]> {
    return github(
      () =>
        octokit.paginate(octokit.rest.repos.listReleaseAssets, {
          owner,
          repo,
          release_id: release.id,
          per_page: 100
        }),
      release.tag_name
    )
  }

  async function readRecord(asset: Asset, tag: string): Promise<BuildRecord | undefined> {
    const { data } = await github(
      () =>
        octokit.rest.repos.getReleaseAsset({
          owner,
          repo,
          asset_id: asset.id,
          headers: { accept: 'application/octet-stream' }
        }),
      tag
    )
    // The asset comes back parsed, as text or as bytes depending on the content type served.
    const text =
      data instanceof ArrayBuffer
        ? Buffer.from(data).toString('utf8')
        : typeof data === 'string'
          ? data
          : JSON.stringify(data)
    return parseBuildRecord(text, `the release asset ${asset.name} of ${tag}`)
  }

  async function readReleases(): Promise<KnownRelease[]> {
    const releases = (await github(() =>
      octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 })
    )) as Release[]
    const known: KnownRelease[] = []
    for (const release of releases) {
      const parsed = parseReleaseTag(options.tagTemplate, release.tag_name)
      if (!parsed) continue
      const assets = await listAssets(release)
      const records = await Promise.all(
        assets
          .filter((asset) => asset.state === 'uploaded' && asset.name.endsWith('-build.json'))
          .map((asset) => readRecord(asset, release.tag_name))
      )
      known.push({
        release,
        channel: parsed.channel,
        assets,
        builds: records.filter((record) => record !== undefined)
      })
    }
    return known
  }

  /** Creates the draft release of `tag`; undefined when another run created it first. */
  async function createRelease(
    tag: string,
    channel: string,
    buildId: string,
    files: SiteFile[]
  ): Promise<Release | undefined> {
    const record = files.find((file) => posix.basename(file.path) === 'build.json')
    const sha = record && Buffer.isBuffer(record.content) ? recordSha(record.content) : undefined
    const perBuild = options.tagTemplate.includes('{build-id}')
    // A draft until its assets are in: repositories with immutable releases lock a release's
    // assets when it is published.
    try {
      const { data } = await octokit.rest.repos.createRelease({
        owner,
        repo,
        tag_name: tag,
        ...(sha === undefined ? {} : { target_commitish: sha }),
        name: perBuild ? `OTA ${channel} ${buildId}` : `OTA ${channel}`,
        body: releaseBody(channel),
        draft: true,
        prerelease: true
      })
      core.info(`Created the prerelease ${tag}`)
      return data
    } catch (error) {
      if (isAlreadyExists(error)) return undefined
      throw explain(error, tag)
    }
  }

  /** The release another run created while this one was planning, read again from GitHub. */
  async function createdByAnotherRun(tag: string): Promise<KnownRelease> {
    const known = (await readReleases()).find((each) => each.release.tag_name === tag)
    if (!known) {
      throw new UserError(
        `GitHub says the release ${tag} already exists, but it is not among the releases the token can list: check that no other tool made ${tag}, or choose another release-tag.`
      )
    }
    core.info(`Another run created the release ${tag} first; adding this build to it.`)
    return known
  }

  async function deleteAsset(asset: Asset, tag: string): Promise<void> {
    await github(
      () => octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id }),
      tag
    )
  }

  /**
   * One streamed upload. The retry plugin is off because a consumed stream cannot be sent again;
   * upload() retries with a fresh stream.
   */
  async function uploadOnce(release: Release, name: string, file: SiteFile): Promise<void> {
    const data = Buffer.isBuffer(file.content)
      ? file.content
      : withProgress(createReadStream(file.content.file), name, file.size)
    await octokit.request({
      method: 'POST',
      url: release.upload_url,
      name,
      data,
      headers: { 'content-type': file.contentType, 'content-length': file.size },
      request: { retries: 0, fetch: streamingFetch }
    })
  }

  /** Uploads `file` as `name`, replacing an asset of that name (a half-upload included). */
  async function upload(known: KnownRelease, name: string, file: SiteFile): Promise<void> {
    const tag = known.release.tag_name
    for (let attempt = 1; ; attempt++) {
      for (const old of known.assets.filter((asset) => asset.name === name)) {
        await deleteAsset(old, tag)
      }
      try {
        await uploadOnce(known.release, name, file)
        return
      } catch (error) {
        const status = (error as { status?: number }).status
        if (attempt >= UPLOAD_ATTEMPTS || (status !== undefined && status < 500)) {
          throw explain(error, tag)
        }
        const delay = backoffMs(attempt, random)
        core.warning(
          `Uploading ${name} to ${tag} failed (${status ?? String(error)}); retrying in ${delay} ms.`
        )
        await sleep(delay)
        // A failed upload may leave a "starter" asset that blocks the name.
        known.assets = await listAssets(known.release)
      }
    }
  }

  async function publishBuild(
    releases: KnownRelease[],
    place: { tag: string; channel: string; buildId: string },
    files: SiteFile[]
  ): Promise<void> {
    let known = releases.find((each) => each.release.tag_name === place.tag)
    if (!known) {
      const release = await createRelease(place.tag, place.channel, place.buildId, files)
      known = release ? { release, assets: [], builds: [] } : await createdByAnotherRun(place.tag)
      releases.push(known)
    }
    const isRecord = (file: SiteFile) => posix.basename(file.path) === 'build.json'
    // build.json last: a build is listed only once all its files are in.
    const ordered = [...files.filter((f) => !isRecord(f)), ...files.filter(isRecord)]
    for (const file of ordered) {
      await upload(known, assetName(place.buildId, posix.basename(file.path)), file)
    }
    if (known.release.draft) {
      const release = known.release
      await github(
        () =>
          octokit.rest.repos.updateRelease({ owner, repo, release_id: release.id, draft: false }),
        place.tag
      )
      known.release = { ...release, draft: false }
    }
    core.info(`Uploaded ${ordered.length} assets of ${place.buildId} to the release ${place.tag}`)
  }

  async function deleteRelease(known: KnownRelease): Promise<void> {
    const tag = known.release.tag_name
    await github(
      () => octokit.rest.repos.deleteRelease({ owner, repo, release_id: known.release.id }),
      tag
    )
    try {
      await octokit.rest.git.deleteRef({ owner, repo, ref: `tags/${tag}` })
    } catch (error) {
      // A draft never had its tag; 422 is "Reference does not exist".
      const status = (error as { status?: number }).status
      if (status !== 404 && status !== 422) throw explain(error, tag)
    }
    core.info(`Deleted the release ${tag} and its tag`)
  }

  /** Deletes removed builds' assets, and whole releases left with no build. */
  async function remove(releases: KnownRelease[], removeDirs: string[]): Promise<void> {
    const removedChannels = new Set<string>()
    const removedBuilds = new Set<string>()
    for (const dir of removeDirs) {
      const place = releasePlace(layout, dir)
      if (place.kind === 'channel') removedChannels.add(place.channel)
      if (place.kind === 'build') removedBuilds.add(`${place.channel}/${place.buildId}`)
    }
    const isRemoved = (record: BuildRecord) =>
      removedChannels.has(record.channel) ||
      removedBuilds.has(`${record.channel}/${record.buildId}`)

    for (const known of releases) {
      const gone = known.builds.filter(isRemoved)
      const emptied =
        gone.length === known.builds.length &&
        (gone.length > 0 || (known.channel !== undefined && removedChannels.has(known.channel)))
      if (emptied) {
        await deleteRelease(known)
        continue
      }
      const ids = known.builds.map((record) => record.buildId)
      for (const record of gone) {
        const assets = known.assets.filter((asset) => ownerOf(asset.name, ids) === record.buildId)
        for (const asset of assets) await deleteAsset(asset, known.release.tag_name)
        core.info(
          `Deleted ${assets.length} assets of ${record.buildId} from the release ${known.release.tag_name}`
        )
      }
    }
  }

  async function apply(releases: KnownRelease[], changes: SiteChanges): Promise<void> {
    const builds = new Map<
      string,
      { tag: string; channel: string; buildId: string; files: SiteFile[] }
    >()
    for (const file of changes.write) {
      const place = releasePlace(layout, file.path)
      // Pages are not uploaded: a release would only offer them as downloads.
      if (place.kind !== 'asset' || file.contentType.startsWith('text/html')) continue
      const key = `${place.channel}/${place.buildId}`
      const group = builds.get(key) ?? { ...place, files: [] }
      group.files.push(file)
      builds.set(key, group)
    }
    for (const { files, ...place } of builds.values()) await publishBuild(releases, place, files)
    await remove(releases, changes.removeDirs)
  }

  return {
    name: 'release',
    async locate() {
      await requirePublicRepository()
      return (sitePath) => releaseUrl({ ...layout, ...options }, sitePath)
    },
    store: {
      async update(_root, plan) {
        await requirePublicRepository()
        const releases = await readReleases()
        await apply(releases, plan(releases.flatMap((known) => known.builds)))
      }
    },
    async verify(record) {
      const warning = await checkInstallFromRelease(record.urls.ipa, options.fetch ?? fetch)
      return warning === undefined ? [] : [warning]
    }
  }
}

/**
 * GitHub serves release downloads through a redirect to a short-lived signed URL, and iOS's
 * installer does not follow redirects on the package URL. Returns the warning to show, if any.
 */
export async function checkInstallFromRelease(
  ipaUrl: string,
  fetchFn: Fetch
): Promise<string | undefined> {
  const advice =
    'keep the release as an archive and pair it with host: pages or host: s3 for installs'
  const result = await probe(ipaUrl, fetchFn)
  if ('failure' in result) {
    return `Could not check ${ipaUrl} (${result.failure}): the itms-services link may not install from the release; ${advice}.`
  }
  if (result.status >= 300 && result.status < 400) {
    return `The itms-services link may not install from a GitHub release: GitHub answers ${ipaUrl} with a redirect (${result.status}) to a short-lived download URL, and iOS's installer does not follow redirects; ${advice}.`
  }
  if (result.status !== 200) {
    return `${ipaUrl} answered ${result.status}, so the build cannot be installed from the release yet; ${advice}.`
  }
  core.info(
    `${ipaUrl} answers 200 without a redirect: the install link can install from the release.`
  )
  return undefined
}

/** The build an asset belongs to: the longest build id that prefixes its name. */
function ownerOf(name: string, buildIds: string[]): string | undefined {
  return buildIds.filter((id) => name.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0]
}

function explain(error: unknown, tag: string | undefined): unknown {
  if (error instanceof UserError) return error
  const status = (error as { status?: number }).status
  const message = JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? '')
  if (status === 422 && /immutable/i.test(message)) {
    return new UserError(
      `The release ${tag ?? ''} is immutable (immutable releases are turned on for this repository), so its assets cannot be added, replaced or deleted: set release-tag: ota-{build-id} so every build gets a release of its own, or turn off immutable releases in Settings → General → Releases.`,
      { cause: error }
    )
  }
  return explainGitHubError(error, 'release')
}

/** GitHub's 422 for a tag that already has a release: `errors: [{ code: 'already_exists' }]`. */
function isAlreadyExists(error: unknown): boolean {
  const { status, response } = error as { status?: number; response?: { data?: unknown } }
  const errors = (response?.data as { errors?: unknown } | undefined)?.errors
  return (
    status === 422 &&
    Array.isArray(errors) &&
    errors.some((each) => (each as { code?: unknown } | null)?.code === 'already_exists')
  )
}

function releaseBody(channel: string): string {
  return [
    `Over-the-air builds of the \`${channel}\` channel, published by ipa-ota. Each build's files start with its build id.`,
    '',
    'Open the install link from the pull-request comment on the iPhone. GitHub serves these files through a redirect, which the iOS installer does not follow, so installs work best from the Pages or S3 host; this release keeps the builds as an archive.'
  ].join('\n')
}

function recordSha(content: Buffer): string | undefined {
  const value = parseJson(content.toString('utf8')) as Partial<BuildRecord> | undefined
  const sha = value?.source?.sha
  return typeof sha === 'string' && /^[0-9a-f]{40}$/i.test(sha) ? sha : undefined
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Logs every ~10 % of a large upload as the stream is read. */
function withProgress(source: Readable, name: string, size: number): Readable {
  if (size < PROGRESS_MIN_SIZE) return source
  let loaded = 0
  let nextPercent = 10
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      loaded += chunk.length
      const percent = Math.floor((loaded * 100) / size)
      if (percent >= nextPercent) {
        core.info(`Uploaded ${percent}% of ${name}`)
        nextPercent = Math.floor(percent / 10) * 10 + 10
      }
      callback(null, chunk)
    }
  })
  // The pipeline forwards a read error to the counter, which fails the upload.
  return pipeline(source, counter, () => undefined)
}
