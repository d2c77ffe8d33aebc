import { stat } from 'node:fs/promises'
import * as core from '@actions/core'
import { UserError } from '../../errors.js'
import type { BuildRecord, SiteChanges } from '../../ota/types.js'
import type { Planner, SiteStore } from '../types.js'
import { backoffMs, defaultSleep } from '../backoff.js'
import { GitError } from './git.js'
import type { GitLimits } from './git.js'
import { explainGitFailure } from './git-errors.js'
import { assertOwnBranch } from './own-branch.js'
import type { OwnBranchPolicy } from './own-branch.js'
import { withTempRepo } from './repo.js'
import { UpdateSession } from './session.js'
import { assertSitePath, checkFileSizes, classifyGitFailure } from './tree.js'

/** Where the site lives in the repository. */
export interface PagesBranch {
  branch: string
  /** Folder of the branch that Pages serves ("" for the root, "docs" for /docs). */
  dir: string
}

export interface PagesStoreOptions {
  /** `<serverUrl>/<owner>/<repo>.git`; it never carries the token. */
  remoteUrl: string
  token: string
  /** Resolves the branch and folder; called once per update. */
  target: () => Promise<PagesBranch>
  /** `squash` replaces the branch by one parentless commit on each publish. */
  history: 'keep' | 'squash'
  /** A temporary repository is made under it for each update and removed afterwards. */
  tempDir: string
  /**
   * Attempts when another run pushed first or the network failed (default 16: with eight runs at
   * once, whose deployments may each push an empty commit too, one run can lose more than eight
   * races; each lost race is another run's push landing, so the loop still ends).
   */
  maxAttempts?: number
  /** pages-shared-branch: publish into a branch that holds more than the site (see own-branch.ts). */
  allowSharedBranch?: boolean
  /** Bounds of each git command (default DEFAULT_GIT_LIMITS). */
  gitLimits?: GitLimits
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export interface PagesStore extends SiteStore {
  /** The branch commit that holds the last update (undefined before the first). */
  readonly commit: string | undefined
  /** This store pushed `commit` (false when the branch already held the files). */
  readonly pushed: boolean
}

/**
 * A SiteStore on a git branch (GitHub Pages "Deploy from a branch"). Each update works in a
 * temporary bare repository with plumbing only: a depth-1, blob-less fetch (earlier IPAs are never
 * downloaded), a temporary index, one commit, one push; a lost race re-plans on the new tip.
 */
export function createPagesStore(options: PagesStoreOptions): PagesStore {
  const retry: RetryPolicy = {
    remoteUrl: options.remoteUrl,
    maxAttempts: options.maxAttempts ?? 16,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random
  }
  let last: { commit: string | undefined; pushed: boolean } = { commit: undefined, pushed: false }
  const policy = {
    history: options.history,
    allowShared: options.allowSharedBranch ?? false,
    settingsUrl: `${options.remoteUrl.replace(/\.git$/, '')}/settings/pages`
  }

  const read = (root: string) =>
    openSession(options, (session, branch) => readRecords(session, branch, root, options.remoteUrl))

  const update = <P extends SiteChanges>(root: string, plan: Planner<P>, message: string) =>
    openSession(options, async (session, branch) => {
      const step = { branch, siteRoot: siteRootOf(root), plan, message, policy }
      const warned = new Set<string>()
      for (let attempt = 1; ; attempt++) {
        try {
          const done = await attemptUpdate(session, { ...step, warned, attempt })
          last = done
          return done.changes
        } catch (error) {
          if (!(error instanceof GitError)) throw error
          await retryOrThrow(error, branch, attempt, retry)
        }
      }
    })

  return {
    read,
    update,
    get commit() {
      return last.commit
    },
    get pushed() {
      return last.pushed
    }
  }
}

interface Attempt<P extends SiteChanges> {
  branch: string
  siteRoot: string
  plan: Planner<P>
  message: string
  policy: OwnBranchPolicy
  /** Size warnings already printed by an earlier attempt. */
  warned: Set<string>
  attempt: number
}

/** One attempt of an update: fetch, check, plan, commit and push on the branch's current tip. */
async function attemptUpdate<P extends SiteChanges>(
  session: UpdateSession,
  step: Attempt<P>
): Promise<{ changes: P; commit: string | undefined; pushed: boolean }> {
  const { branch } = step
  const tip = await session.fetchTip()
  const defaultBranch = await session.defaultBranch()
  const facts = { branch, dir: session.dir, defaultBranch, entries: tip?.entries ?? [] }
  assertOwnBranch(facts, step.policy)
  const changes = step.plan(await session.readRecords(tip, step.siteRoot))
  for (const warning of await checkChanges(changes)) {
    if (!step.warned.has(warning)) core.warning(warning)
    step.warned.add(warning)
  }
  const commit = await session.commit(tip, changes, step.message)
  if (commit === undefined) {
    core.info(`Branch ${branch} already holds these files; nothing to push.`)
    return { changes, commit: tip?.commit, pushed: false }
  }
  await session.push(tip, commit)
  logChanges(branch, commit, changes, step.attempt)
  return { changes, commit, pushed: true }
}

interface RetryPolicy {
  remoteUrl: string
  maxAttempts: number
  sleep: (ms: number) => Promise<void>
  random: () => number
}

/**
 * A lost race means another run has just pushed and the branch is free again, so a short jittered
 * wait is enough to spread the racers (eight runs at once spent most of their time asleep on the
 * 1 s base); a network failure gets the full backoff.
 */
export function retryDelayMs(
  failure: 'race' | 'transient',
  attempt: number,
  random: () => number
): number {
  return backoffMs(attempt, random, failure === 'race' ? 250 : 1000)
}

/** Waits before the next attempt after a lost race or a network failure; else throws the fix. */
async function retryOrThrow(
  error: GitError,
  branch: string,
  attempt: number,
  { remoteUrl, maxAttempts, sleep, random }: RetryPolicy
): Promise<void> {
  const failure = classifyGitFailure(`${error.stdout}\n${error.stderr}`)
  if ((failure !== 'race' && failure !== 'transient') || attempt >= maxAttempts) {
    throw explainGitFailure(error, failure, remoteUrl, branch, attempt)
  }
  const delay = retryDelayMs(failure, attempt, random)
  core.info(
    failure === 'race'
      ? `Another run updated ${branch} first; planning again on its new tip in ${delay} ms (attempt ${attempt + 1} of ${maxAttempts}).`
      : `Network failure talking to ${remoteUrl}; retrying in ${delay} ms (attempt ${attempt + 1} of ${maxAttempts}): ${error.stderr.split('\n')[0] ?? ''}`
  )
  await sleep(delay)
}

/** Runs `use` on a temporary bare repository with the branch's remote, removed afterwards. */
async function openSession<T>(
  options: PagesStoreOptions,
  use: (session: UpdateSession, branch: string) => Promise<T>
): Promise<T> {
  const { branch, dir } = await options.target()
  const repo = { ...options, purpose: 'pages', limits: options.gitLimits }
  return withTempRepo(repo, (git, work) =>
    use(new UpdateSession(git, work, branch, dir, options.history), branch)
  )
}

/** SiteStore.read: the build records of the branch, its failures as the fix to make. */
async function readRecords(
  session: UpdateSession,
  branch: string,
  root: string,
  remoteUrl: string
): Promise<BuildRecord[]> {
  try {
    return await session.readRecords(await session.fetchTip(), siteRootOf(root))
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    const failure = classifyGitFailure(`${error.stdout}\n${error.stderr}`)
    if (failure === 'transient') {
      throw new UserError(
        `Could not read branch ${branch} of ${remoteUrl} (the network failed): ${error.message}`
      )
    }
    throw explainGitFailure(error, failure, remoteUrl, branch, 1)
  }
}

function siteRootOf(root: string): string {
  return root.replace(/^\/+|\/+$/g, '')
}

/** Validates the plan's paths and sizes before anything is hashed or sent; returns size warnings. */
async function checkChanges(changes: SiteChanges): Promise<string[]> {
  const removeFiles = changes.removeFiles ?? []
  for (const path of [...changes.write.map((f) => f.path), ...changes.removeDirs, ...removeFiles]) {
    assertSitePath(path)
  }
  const sizes = await Promise.all(
    changes.write.map(async (file) => ({
      path: file.path,
      size: Buffer.isBuffer(file.content)
        ? file.content.length
        : (await stat(file.content.file)).size
    }))
  )
  return checkFileSizes(sizes)
}

function logChanges(branch: string, commit: string, changes: SiteChanges, attempt: number): void {
  for (const removed of changes.removeDirs) core.info(`Removed ${removed}/`)
  core.info(
    `Pushed ${changes.write.length} file(s) to branch ${branch} as ${commit.slice(0, 12)}${attempt > 1 ? ` (attempt ${attempt})` : ''}.`
  )
}
