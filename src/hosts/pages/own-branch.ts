import { UserError } from '../../errors.js'
import type { TreeEntry } from './tree.js'

/** What decides whether a branch holds only the site. */
export interface BranchFacts {
  branch: string
  /** The folder Pages serves ("" for the root). */
  dir: string
  /** The repository's default branch (undefined when the server does not say). */
  defaultBranch: string | undefined
  /** The branch's files; none when it does not exist yet. */
  entries: TreeEntry[]
}

/** Why `branch` holds more than the site; undefined when the site is all it holds. */
export function sharedBranchReason(facts: BranchFacts): string | undefined {
  if (facts.branch === facts.defaultBranch) return "it is the repository's default branch"
  if (!facts.dir) return undefined
  // A root .nojekyll is what earlier versions of this action wrote there: still the site's.
  const outside = facts.entries.find(
    (entry) => !entry.path.startsWith(`${facts.dir}/`) && entry.path !== '.nojekyll'
  )
  return outside ? `it holds ${outside.path}, outside /${facts.dir}` : undefined
}

/** What the repository's settings allow on a branch that holds more than the site. */
export interface OwnBranchPolicy {
  history: 'keep' | 'squash'
  /** pages-shared-branch */
  allowShared: boolean
  /** The Pages settings page, for the message. */
  settingsUrl: string
}

/**
 * Refuses, before anything is written, to commit builds into a branch that holds more than the
 * site (the common "main, /docs" setup): IPAs would swell the project's own history, and squash
 * would replace it. `allowShared` (input pages-shared-branch) lets `history: keep` through.
 */
export function assertOwnBranch(facts: BranchFacts, options: OwnBranchPolicy): void {
  const reason = sharedBranchReason(facts)
  if (reason === undefined) return
  const where = `branch ${facts.branch}${facts.dir ? `, folder /${facts.dir}` : ''}`
  const setting = `the Pages setting at ${options.settingsUrl} (Settings → Pages → Build and deployment)`
  const fixes = `serve the site from branch gh-pages ("Deploy from a branch"), or set Source to "GitHub Actions", which this action then deploys from pages-branch`
  if (options.history === 'squash') {
    throw new UserError(
      `GitHub Pages serves this site from ${where}, which holds more than the site (${reason}), and history: squash would replace that branch's whole history: nothing was written. Change ${setting}: ${fixes}. history: squash is never used on such a branch.`
    )
  }
  if (options.allowShared) return
  throw new UserError(
    `GitHub Pages serves this site from ${where}, which holds more than the site (${reason}), so the builds are not committed into it: nothing was written. Change ${setting}: ${fixes}. To publish into ${facts.branch} all the same, set pages-shared-branch: true.`
  )
}
