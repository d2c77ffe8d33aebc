import type { BuildRecord, SiteChanges } from '../ota/types.js'

/**
 * The storage of one host. Publishing reads the builds already on the site, plans the changes
 * (new build, pruned builds, regenerated index pages) and applies them.
 *
 * The contract every host keeps while any number of runs update one site at once (proven for each
 * host by __tests__/hosts-contract.test.ts):
 * - A build is listed only when complete: its build.json is written after its other files, and
 *   `plan` is given only builds whose build.json is in place.
 * - The site converges: once the last run's update returns, the channel and root index pages list
 *   exactly the complete builds on the host. Every host keeps this one way: it plans on the
 *   builds it read, applies the plan, and plans again on what it reads afterwards when another run
 *   may have changed the site meanwhile (a git push that lost the race; a folder or bucket, where
 *   no write is atomic across files: hosts/converge.ts).
 * - Removal removes only what was planned: the build folders in `removeDirs` and the files in
 *   `removeFiles`. A build another run is still uploading (no build.json yet) is never planned, so
 *   its files, and the release that holds them, stay.
 * - A build folder is written once: `plan` (ota/plan.ts) refuses a folder that holds another
 *   run's build, so a host never overwrites one.
 */
export interface SiteStore {
  /**
   * Reads every build.json under `root` (the `path` input, e.g. "ota"), passes them to `plan`, and
   * applies the changes it returns; returns the plan applied last. A host plans again on the
   * builds it re-reads when another run may have changed them (see Planner), so `plan` must be pure.
   */
  update<P extends SiteChanges>(root: string, plan: Planner<P>, message: string): Promise<P>
  /**
   * The complete builds under `root` now, as the next `update` would pass them to `plan` (a
   * build.json that is not a valid record is skipped; `update` reports it). The comment re-reads
   * them after writing, so it ends on the newest build even when another run published meanwhile.
   */
  read(root: string): Promise<BuildRecord[]>
}

/**
 * Plans the changes of an update on `current`, the complete builds read from the site. `applied`
 * is this update's previous plan when it is already on the site: a host without atomic writes
 * re-reads after applying and plans again on what other runs changed meanwhile. Such a plan
 * changes only the index pages (the host applies nothing else of it): the build folders were
 * written and pruned by the first plan (ota/replan.ts). A host that applied nothing (a git push
 * that lost the race) plans again from scratch, without `applied`.
 */
export type Planner<P extends SiteChanges> = (current: BuildRecord[], applied?: P) => P

export interface Host {
  readonly name: 'pages' | 'directory' | 's3' | 'release'
  /**
   * Finds where the site is served (may ask the API) and returns the public https URL of a site
   * path such as "ota/pr-1/7-1/manifest.plist".
   */
  locate(): Promise<(sitePath: string) => string>
  store: SiteStore
  /** Checks after publishing that a device can fetch the build (e.g. 200 without redirect); returns warnings. */
  verify?(record: BuildRecord): Promise<string[]>
}
