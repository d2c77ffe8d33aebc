import type { BuildRecord, SiteChanges } from '../ota/types.js'

/**
 * The storage of one host. Publishing reads the builds already on the site, plans the changes
 * (new build, pruned builds, regenerated index pages) and applies them.
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
