import { posix } from 'node:path'
import * as core from '@actions/core'
import { UserError } from '../../errors.js'
import { httpStatus } from '../../github-errors.js'
import { isBuildRecordPath } from '../../ota/layout.js'
import type { BuildRecord, SiteFile } from '../../ota/types.js'
import { backoffMs } from '../backoff.js'
import { explainReleaseError } from './api.js'
import { assetName } from './layout.js'
import { explained, readReleases } from './read.js'
import type { KnownRelease, ReleaseContext } from './read.js'

/** Where a build goes: its release's tag, its channel and id. */
export interface BuildPlace {
  tag: string
  channel: string
  buildId: string
}

const UPLOAD_ATTEMPTS = 3
/** Times a build's release is created again after another run deleted it mid-upload. */
const RECREATE_ROUNDS = 3

/**
 * Uploads the files of one build to its release, build.json last (a build is listed only once
 * all its files are in), and publishes the release if it is a draft. A release another run
 * deleted meanwhile (its last build pruned) is created again.
 */
export async function writeBuild(
  context: ReleaseContext,
  releases: KnownRelease[],
  place: BuildPlace,
  files: SiteFile[]
): Promise<void> {
  const record = (file: SiteFile) => isBuildRecordPath(file.path)
  const ordered = [...files.filter((f) => !record(f)), ...files.filter(record)]
  for (let round = 1; ; round++) {
    const known = await releaseFor(context, releases, place, files)
    try {
      for (const file of ordered) {
        await upload(context, known, assetName(place.buildId, posix.basename(file.path)), file)
      }
      if (known.release.draft) known.release = await context.releaser.publish(known.release)
      core.info(`Uploaded ${ordered.length} assets of ${place.buildId} to the release ${place.tag}`)
      return
    } catch (error) {
      if (httpStatus(error) !== 404 || round >= RECREATE_ROUNDS) {
        throw explainReleaseError(error, place.tag)
      }
      core.info(
        `The release ${place.tag} was deleted while this run uploaded to it (another run removed its last build); creating it again.`
      )
      releases.splice(releases.indexOf(known), 1)
    }
  }
}

/** The release of `place`: known, created as a draft, or the one another run created first. */
async function releaseFor(
  context: ReleaseContext,
  releases: KnownRelease[],
  place: BuildPlace,
  files: SiteFile[]
): Promise<KnownRelease> {
  const found = releases.find((each) => each.release.tag_name === place.tag)
  if (found) return found
  const perBuild = context.layout.tagTemplate.includes('{build-id}')
  const created = await explained(place.tag, () =>
    context.releaser.createDraft({
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
    known = (await readReleases(context)).find((each) => each.release.tag_name === place.tag)
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
 * (the release is gone) is thrown as it is, for writeBuild to create the release again.
 */
async function upload(
  context: ReleaseContext,
  known: KnownRelease,
  name: string,
  file: SiteFile
): Promise<void> {
  const { releaser } = context
  const tag = known.release.tag_name
  for (let attempt = 1; ; attempt++) {
    for (const old of known.assets.filter((asset) => asset.name === name)) {
      await explained(tag, () => releaser.deleteAsset(old))
    }
    try {
      await releaser.uploadAsset(known.release, name, file)
      return
    } catch (error) {
      const status = httpStatus(error)
      if (status === 404) throw error
      if (attempt >= UPLOAD_ATTEMPTS || (status !== undefined && status < 500)) {
        throw explainReleaseError(error, tag)
      }
      const delay = backoffMs(attempt, context.random)
      core.warning(
        `Uploading ${name} to ${tag} failed (${status ?? String(error)}); retrying in ${delay} ms.`
      )
      await context.sleep(delay)
      // A failed upload may leave a "starter" asset that blocks the name.
      known.assets = await releaser.listAssets(known.release)
    }
  }
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
  const record = files.find((file) => isBuildRecordPath(file.path))
  if (!record || !Buffer.isBuffer(record.content)) return undefined
  let sha: unknown
  try {
    sha = (JSON.parse(record.content.toString('utf8')) as Partial<BuildRecord>).source?.sha
  } catch {
    return undefined
  }
  return typeof sha === 'string' && /^[0-9a-f]{40}$/i.test(sha) ? sha : undefined
}
