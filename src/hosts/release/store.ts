import type { SiteChanges, SiteFile } from '../../ota/types.js'
import { defaultSleep } from '../backoff.js'
import type { Releaser } from './api.js'
import { releasePlace, releaseTag } from './layout.js'
import type { ReleaseLayout } from './layout.js'
import { readReleases } from './read.js'
import type { KnownRelease, ReleaseContext } from './read.js'
import { removeBuilds } from './remove.js'
import { writeBuild } from './write.js'
import type { BuildPlace } from './write.js'
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

/**
 * A SiteStore on GitHub Releases: a build is a group of assets prefixed by its build id, listed
 * once its build.json (uploaded last) is in. Races with other runs: a release another run created
 * first is joined; a release another run deleted (its last build pruned) while this one uploaded
 * is created again; and a release is deleted only when no asset at all is left in it, so a build
 * another run is still uploading keeps its release. A release has no index pages, so one plan is
 * all an update needs: what it lists is what the next run reads.
 */
export function createReleaseStore(options: ReleaseStoreOptions): SiteStore {
  const context: ReleaseContext = {
    releaser: options.releaser,
    layout: options.layout,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random
  }
  // Fails early on a template that makes no valid tag.
  releaseTag(context.layout.tagTemplate, 'channel', 'build')
  return {
    read: async () => (await readReleases(context)).flatMap((known) => known.builds),
    async update(_root, plan) {
      await options.before?.()
      const releases = await readReleases(context)
      const changes = plan(releases.flatMap((known) => known.builds))
      await apply(context, releases, changes)
      return changes
    }
  }
}

async function apply(
  context: ReleaseContext,
  releases: KnownRelease[],
  changes: SiteChanges
): Promise<void> {
  const builds = new Map<string, BuildPlace & { files: SiteFile[] }>()
  for (const file of changes.write) {
    const place = releasePlace(context.layout, file.path)
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
  for (const { files, ...place } of builds.values()) {
    await writeBuild(context, releases, place, files)
  }
  await removeBuilds(context, releases, changes.removeDirs)
}
