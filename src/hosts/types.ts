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
 *   exactly the complete builds on the host. A host writes atomically (a git push that re-plans
 *   when it loses the race), or re-reads the builds after writing and rewrites the indexes until
 *   they match what it read (hosts/converge.ts).
 * - Removal removes only what was planned: the build folders in `removeDirs` and the files in
 *   `removeFiles`. A build another run is still uploading (no build.json yet) is never planned, so
 *   its files, and the release that holds them, stay.
 * - A build folder is written once: `plan` (ota/plan.ts) refuses a folder that holds another
 *   run's build, so a host never overwrites one.
 */
export interface SiteStore {
  /**
   * Reads every build.json under `root` (the `path` input, e.g. "ota"), passes them to `plan`, and
   * applies the changes it returns. A host whose write can lose a race (git push) calls `plan` again
   * on the fresh state, so `plan` must be pure.
   */
  update(
    root: string,
    plan: (current: BuildRecord[]) => SiteChanges,
    message: string
  ): Promise<void>
  /**
   * The complete builds under `root` now, as the next `update` would pass them to `plan` (a
   * build.json that is not a valid record is skipped; `update` reports it). The comment re-reads
   * them after writing, so it ends on the newest build even when another run published meanwhile.
   */
  read(root: string): Promise<BuildRecord[]>
}

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
