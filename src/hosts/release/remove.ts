import * as core from '@actions/core'
import { releasePlace } from './layout.js'
import { explained } from './read.js'
import type { KnownRelease, ReleaseContext } from './read.js'

/**
 * Deletes the assets of the removed builds, and a release only once nothing is left in it: a
 * build another run is still uploading has assets but no build.json yet.
 */
export async function removeBuilds(
  context: ReleaseContext,
  releases: KnownRelease[],
  removeDirs: string[]
): Promise<void> {
  const { releaser } = context
  const removed = new Set<string>()
  for (const dir of removeDirs) {
    const place = releasePlace(context.layout, dir)
    if (place.kind === 'build') removed.add(`${place.channel}/${place.buildId}`)
  }
  for (const known of releases) {
    const tag = known.release.tag_name
    const gone = known.builds.filter((r) => removed.has(`${r.channel}/${r.buildId}`))
    if (gone.length === 0) continue
    const ids = known.builds.map((record) => record.buildId)
    for (const record of gone) {
      const assets = known.assets.filter((asset) => ownerOf(asset.name, ids) === record.buildId)
      for (const asset of assets) await explained(tag, () => releaser.deleteAsset(asset))
      core.info(`Deleted ${assets.length} assets of ${record.buildId} from the release ${tag}`)
    }
    const left = await explained(tag, () => releaser.listAssets(known.release))
    if (left.length === 0) {
      await explained(tag, () => releaser.deleteRelease(known.release))
      core.info(`Deleted the release ${tag} and its tag`)
    }
  }
}

/** The build an asset belongs to: the longest build id that prefixes its name. */
function ownerOf(name: string, buildIds: string[]): string | undefined {
  return buildIds.filter((id) => name.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0]
}
