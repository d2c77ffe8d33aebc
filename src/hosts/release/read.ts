import * as core from '@actions/core'
import { parseBuildRecord } from '../../ota/record.js'
import type { BuildRecord } from '../../ota/types.js'
import { explainReleaseError } from './api.js'
import type { Release, ReleaseAsset, Releaser } from './api.js'
import { parseReleaseTag } from './layout.js'
import type { ReleaseLayout } from './layout.js'

/** A release the action owns, with the builds whose build.json it holds. */
export interface KnownRelease {
  release: Release
  assets: ReleaseAsset[]
  builds: BuildRecord[]
}

/** What every step of the release store works with. */
export interface ReleaseContext {
  releaser: Releaser
  layout: ReleaseLayout
  sleep: (ms: number) => Promise<void>
  random: () => number
}

/** Runs a GitHub call, explaining its failure in words that name the release `tag`. */
export async function explained<T>(tag: string | undefined, action: () => Promise<T>): Promise<T> {
  try {
    return await action()
  } catch (error) {
    throw explainReleaseError(error, tag)
  }
}

/** Every release whose tag the template makes, with its assets and complete builds. */
export async function readReleases(context: ReleaseContext): Promise<KnownRelease[]> {
  const releases = await explained(undefined, () => context.releaser.listReleases())
  const ours = releases.filter((r) => parseReleaseTag(context.layout.tagTemplate, r.tag_name))
  const known: KnownRelease[] = []
  for (const release of ours) known.push(await readRelease(context.releaser, release))
  return known
}

async function readRelease(releaser: Releaser, release: Release): Promise<KnownRelease> {
  const tag = release.tag_name
  const assets = await explained(tag, () => releaser.listAssets(release))
  const records = await Promise.all(
    assets
      .filter((asset) => asset.state === 'uploaded' && asset.name.endsWith('-build.json'))
      .map(async (asset) => {
        const text = await explained(tag, () => releaser.readAsset(asset))
        return text === undefined
          ? undefined
          : parseBuildRecord(text, `the release asset ${asset.name} of ${tag}`, core.warning)
      })
  )
  return { release, assets, builds: records.filter((record) => record !== undefined) }
}
