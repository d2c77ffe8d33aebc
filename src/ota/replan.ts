import { renderIndexes } from './indexes.js'
import type { BuildRecord, SiteChanges } from './types.js'

/**
 * A planner that plans with `first` on the builds read, and plans an update that is already on
 * the site (`applied`) again as `replanApplied` does. Hosts call it the same way (hosts/types.ts).
 */
export function replanning<P extends SiteChanges>(
  root: string,
  first: (current: BuildRecord[]) => P
): (current: BuildRecord[], applied?: P) => P {
  return (current, applied) =>
    applied === undefined ? first(current) : replanApplied(applied, current, root)
}

/**
 * `applied`, already on the site, planned again on the builds re-read after it: the index pages
 * list exactly `current`, and an index page of a channel that lost its last build goes. Build
 * folders stay as they are: the first plan's build is written and its removals are done, and a
 * build another run published meanwhile is that run's to keep or prune (two runs pruning each
 * other's build would lose both). The rest of `applied` (what was removed, the built site) stands.
 */
export function replanApplied<P extends SiteChanges>(
  applied: P,
  current: BuildRecord[],
  root: string
): P {
  const write = renderIndexes(root, current)
  const paths = new Set(write.map((file) => file.path))
  const stale = applied.write
    .filter((file) => !file.immutable && !paths.has(file.path))
    .map((file) => file.path)
  return { ...applied, write, removeDirs: [], removeFiles: stale }
}
