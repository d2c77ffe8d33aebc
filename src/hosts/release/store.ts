import { posix } from 'node:path'
import * as core from '@actions/core'
import { UserError } from '../../errors.js'
import { parseBuildRecord } from '../../ota/record.js'
import type { BuildRecord, SiteChanges, SiteFile } from '../../ota/types.js'
import { backoffMs, defaultSleep } from '../backoff.js'
import { explainReleaseError, statusOf } from './api.js'
import type { Release, ReleaseAsset, Releaser } from './api.js'
import { assetName, parseReleaseTag, releasePlace, releaseTag } from './layout.js'
import type { ReleaseLayout } from './layout.js'
import type { SiteStore } from '../types.js'

export interface ReleaseStoreOptions {
  releaser: Releaser
  layout: ReleaseLayout
  /** Runs before each update (the host's public-repository check). */
  before?: () => Promise<void>
  /** Waits between upload attempts (tests record the delays instead). */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/** A release the action owns, with the builds whose build.json it holds. */
interface KnownRelease {
  release: Release
  assets: ReleaseAsset[]
  builds: BuildRecord[]
}

interface BuildPlace {
  tag: string
  channel: string
  buildId: string
}

const UPLOAD_ATTEMPTS = 3
/** Times a build's release is created again after another run deleted it mid-upload. */
const RECREATE_ROUNDS = 3

/**
 * A SiteStore on GitHub Releases: a build is a group of assets prefixed by its build id, listed
 * once its build.json (uploaded last) is in. Races with other runs: a release another run created
 * first is joined; a release another run deleted (its last build pruned) while this one uploaded
 * is created again; and a release is deleted only when no asset at all is left in it, so a build
 * another run is still uploading keeps its release.
 */
export function createReleaseStore(options: ReleaseStoreOptions): SiteStore {
  const { releaser, layout } = options
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random

  async function github<T>(tag: string | undefined, action: () => Promise<T>): Promise<T> {
    try {
      return await action()
    } catch (error) {
      throw explainReleaseError(error, tag)
    }
  }

  async function readRelease(release: Release): Promise<KnownRelease> {
    const tag = release.tag_name
    const assets = await github(tag, () => releaser.listAssets(release))
    const records = await Promise.all(
      assets
        .filter((asset) => asset.state === 'uploaded' && asset.name.endsWith('-build.json'))
        .map(async (asset) => {
          const text = await github(tag, () => releaser.readAsset(asset))
          return text === undefined
            ? undefined
            : parseBuildRecord(text, `the release asset ${asset.name} of ${tag}`, core.warning)
        })
    )
    return { release, assets, builds: records.filter((record) => record !== undefined) }
  }

  async function readReleases(): Promise<KnownRelease[]> {
    const releases = await github(undefined, () => releaser.listReleases())
    const ours = releases.filter((r) => parseReleaseTag(layout.tagTemplate, r.tag_name))
    const known: KnownRelease[] = []
    for (const release of ours) known.push(await readRelease(release))
    return known
  }

  /** The release of `place`: known, created as a draft, or the one another run created first. */
  async function releaseFor(
    releases: KnownRelease[],
    place: BuildPlace,
    files: SiteFile[]
  ): Promise<KnownRelease> {
    const found = releases.find((each) => each.release.tag_name === place.tag)
    if (found) return found
    const perBuild = layout.tagTemplate.includes('{build-id}')
    const created = await github(place.tag, () =>
      releaser.createDraft({
        tag: place.tag,
        name: perBuild ? `OTA ${place.channel} ${place.buildId}` : `OTA ${place.channel}`,
        body: releaseBody(place.channel),
        targetCommitish: recordSha(files)
      })
    )
    let known: KnownRelease | undefined
    if (created) {
      core.info(`Created the prerelease ${place.tag}`)
      known = { release: created, assets: [], builds: [] }
    } else {
      known = (await readReleases()).find((each) => each.release.tag_name === place.tag)
      if (!known) {
        throw new UserError(
          `GitHub says the release ${place.tag} already exists, but it is not among the releases the token can list: check that no other tool made ${place.tag}, or choose another release-tag.`
        )
      }
      core.info(`Another run created the release ${place.tag} first; adding this build to it.`)
    }
    releases.push(known)
    return known
  }

  /**
   * Uploads `file` as `name`, replacing an asset of that name (a half-upload included). A 404
   * (the release is gone) is thrown as it is, for publishBuild to create the release again.
   */
  async function upload(known: KnownRelease, name: string, file: SiteFile): Promise<void> {
    const tag = known.release.tag_name
    for (let attempt = 1; ; attempt++) {
      for (const old of known.assets.filter((asset) => asset.name === name)) {
        await github(tag, () => releaser.deleteAsset(old))
      }
      try {
        await releaser.uploadAsset(known.release, name, file)
        return
      } catch (error) {
        const status = statusOf(error)
        if (status === 404) throw error
        if (attempt >= UPLOAD_ATTEMPTS || (status !== undefined && status < 500)) {
          throw explainReleaseError(error, tag)
        }
        const delay = backoffMs(attempt, random)
        core.warning(
          `Uploading ${name} to ${tag} failed (${status ?? String(error)}); retrying in ${delay} ms.`
        )
        await sleep(delay)
        // A failed upload may leave a "starter" asset that blocks the name.
        known.assets = await releaser.listAssets(known.release)
      }
    }
  }

  async function publishBuild(
    releases: KnownRelease[],
    place: BuildPlace,
    files: SiteFile[]
  ): Promise<void> {
    const isRecord = (file: SiteFile) => posix.basename(file.path) === 'build.json'
    // build.json last: a build is listed only once all its files are in.
    const ordered = [...files.filter((f) => !isRecord(f)), ...files.filter(isRecord)]
    for (let round = 1; ; round++) {
      const known = await releaseFor(releases, place, files)
      try {
        for (const file of ordered) {
          await upload(known, assetName(place.buildId, posix.basename(file.path)), file)
        }
        if (known.release.draft) known.release = await releaser.publish(known.release)
        core.info(
          `Uploaded ${ordered.length} assets of ${place.buildId} to the release ${place.tag}`
        )
        return
      } catch (error) {
        if (statusOf(error) !== 404 || round >= RECREATE_ROUNDS) {
          throw explainReleaseError(error, place.tag)
        }
        core.info(
          `The release ${place.tag} was deleted while this run uploaded to it (another run removed its last build); creating it again.`
        )
        releases.splice(releases.indexOf(known), 1)
      }
    }
  }

  /**
   * Deletes the assets of the removed builds, and a release only once nothing is left in it: a
   * build another run is still uploading has assets but no build.json yet.
   */
  async function remove(releases: KnownRelease[], removeDirs: string[]): Promise<void> {
    const removed = new Set<string>()
    for (const dir of removeDirs) {
      const place = releasePlace(layout, dir)
      if (place.kind === 'build') removed.add(`${place.channel}/${place.buildId}`)
    }
    for (const known of releases) {
      const tag = known.release.tag_name
      const gone = known.builds.filter((r) => removed.has(`${r.channel}/${r.buildId}`))
      if (gone.length === 0) continue
      const ids = known.builds.map((record) => record.buildId)
      for (const record of gone) {
        const assets = known.assets.filter((asset) => ownerOf(asset.name, ids) === record.buildId)
        for (const asset of assets) await github(tag, () => releaser.deleteAsset(asset))
        core.info(`Deleted ${assets.length} assets of ${record.buildId} from the release ${tag}`)
      }
      const left = await github(tag, () => releaser.listAssets(known.release))
      if (left.length === 0) {
        await github(tag, () => releaser.deleteRelease(known.release))
        core.info(`Deleted the release ${tag} and its tag`)
      }
    }
  }

  async function apply(releases: KnownRelease[], changes: SiteChanges): Promise<void> {
    const builds = new Map<string, BuildPlace & { files: SiteFile[] }>()
    for (const file of changes.write) {
      const place = releasePlace(layout, file.path)
      // Pages are not uploaded: a release would only offer them as downloads.
      if (place.kind !== 'asset' || file.contentType.startsWith('text/html')) continue
      const key = `${place.channel}/${place.buildId}`
      const group = builds.get(key) ?? {
        tag: place.tag,
        channel: place.channel,
        buildId: place.buildId,
        files: []
      }
      group.files.push(file)
      builds.set(key, group)
    }
    for (const { files, ...place } of builds.values()) await publishBuild(releases, place, files)
    await remove(releases, changes.removeDirs)
  }

  // Fails early on a template that makes no valid tag.
  releaseTag(layout.tagTemplate, 'channel', 'build')
  return {
    read: async () => (await readReleases()).flatMap((known) => known.builds),
    async update(_root, plan) {
      await options.before?.()
      const releases = await readReleases()
      await apply(releases, plan(releases.flatMap((known) => known.builds)))
    }
  }
}

/** The build an asset belongs to: the longest build id that prefixes its name. */
function ownerOf(name: string, buildIds: string[]): string | undefined {
  return buildIds.filter((id) => name.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0]
}

function releaseBody(channel: string): string {
  return [
    `Over-the-air builds of the \`${channel}\` channel, published by ipa-ota. Each build's files start with its build id.`,
    '',
    'Open the install link from the pull-request comment on the iPhone. GitHub serves these files through a redirect, which the iOS installer does not follow, so installs work best from the Pages or S3 host; this release keeps the builds as an archive.'
  ].join('\n')
}

/** The commit the build came from (its build.json's source.sha), for the release's target. */
function recordSha(files: SiteFile[]): string | undefined {
  const record = files.find((file) => posix.basename(file.path) === 'build.json')
  if (!record || !Buffer.isBuffer(record.content)) return undefined
  let sha: unknown
  try {
    sha = (JSON.parse(record.content.toString('utf8')) as Partial<BuildRecord>).source?.sha
  } catch {
    return undefined
  }
  return typeof sha === 'string' && /^[0-9a-f]{40}$/i.test(sha) ? sha : undefined
}
