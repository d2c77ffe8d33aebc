import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as core from '@actions/core'
import { UserError } from '../../errors.js'
import { formatBytes } from '../../format.js'
import { GitError } from './git.js'
import type { Git } from './git.js'
import { BOT } from './session.js'
import { classifyGitFailure } from './tree.js'
import { writeTreeTar } from './tar.js'

/** The branch side of a deployment, in one temporary repository holding the fetched commits. */
export interface DeployBranch {
  git: Git
  /** The temporary repository's folder: artifact.tar is written under it. */
  work: string
  branch: string
}

const short = (commit: string): string => commit.slice(0, 12)
/** Pushes of a commit to deploy, lost to other runs' pushes of the same files, before giving up. */
const MAX_PUSH_ATTEMPTS = 10
const firstLine = (error: GitError): string => error.stderr.split('\n')[0] || error.message

/** The branch tip on the remote. A failed read is an error: it must never pass for "no change". */
export async function branchTip(side: DeployBranch): Promise<string> {
  let tip: string | undefined
  try {
    const out = await side.git.text(['ls-remote', '--heads', 'origin', `refs/heads/${side.branch}`])
    tip = out.split(/\s/)[0] || undefined
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    throw new UserError(
      `Could not read branch ${side.branch} to check that the newest builds are deployed: ${firstLine(error)}; re-run the job (the build is on the branch and the next deployment includes it).`,
      { cause: error }
    )
  }
  if (tip === undefined) {
    throw new UserError(
      `Branch ${side.branch} was deleted while the site was being deployed from it: re-run the job.`
    )
  }
  return tip
}

/** Fetches `commit` with every blob (what artifact.tar holds); only new objects are sent. */
export async function fetchCommit(side: DeployBranch, commit: string): Promise<void> {
  try {
    await side.git.run([
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      // A repository for one deployment: maintenance would only cost a process per fetch.
      '--no-auto-maintenance',
      '--depth=1',
      'origin',
      commit
    ])
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    throw new UserError(
      `Could not fetch ${short(commit)} of branch ${side.branch} to deploy it: ${firstLine(error)}; re-run the job (the build is on the branch and the next run deploys it too).`,
      { cause: error }
    )
  }
}

export const treeOf = (side: DeployBranch, commit: string): Promise<string> =>
  side.git.text(['rev-parse', '--verify', `${commit}^{tree}`])

/**
 * The branch tip when it holds other files than `target` (another run pushed a build since);
 * undefined when it is `target`, or a commit with the same files on top of it.
 */
export async function newerTip(side: DeployBranch, target: string): Promise<string | undefined> {
  const tip = await branchTip(side)
  if (tip === target) return undefined
  await fetchCommit(side, tip)
  // Both trees from one git process.
  const [tipFiles, targetFiles] = (
    await side.git.text(['rev-parse', `${tip}^{tree}`, `${target}^{tree}`])
  ).split('\n')
  return tipFiles === targetFiles ? undefined : tip
}

/**
 * Pushes a new commit with the files of `base` on top of it, so GitHub has a commit it never
 * deployed: asked to deploy a commit it deployed before, it answers success and serves nothing
 * new (actions/deploy-pages#383). `label` makes the commit unique to this job. Undefined when the
 * branch moved past `base` meanwhile.
 */
export async function pushEmptyCommit(
  side: DeployBranch,
  base: string,
  label: string
): Promise<string | undefined> {
  const commit = await side.git.text(
    ['commit-tree', '--no-gpg-sign', await treeOf(side, base), '-p', base],
    { env: BOT, input: `Deploy ${short(base)} again (${label})\n` }
  )
  try {
    await side.git.run([
      'push',
      '--quiet',
      '--porcelain',
      'origin',
      `${commit}:refs/heads/${side.branch}`
    ])
  } catch (error) {
    if (
      error instanceof GitError &&
      classifyGitFailure(`${error.stdout}\n${error.stderr}`) === 'race'
    ) {
      return undefined
    }
    if (!(error instanceof GitError)) throw error
    throw new UserError(
      `Could not push a commit to branch ${side.branch} to deploy its newest builds: ${firstLine(error)}; re-run the job.`,
      { cause: error }
    )
  }
  core.info(
    `Pushed ${short(commit)}, the files of ${short(base)}, to branch ${side.branch} to deploy them.`
  )
  return commit
}

/**
 * The pages_build_version to deploy the files of `target` as: a commit GitHub never deployed.
 * That is `target` itself when this run made it and has not deployed it (`fresh`); else another
 * such commit of this run (GitHub takes the files from the artifact and uses the version as the
 * deployment's label and to skip repeats, and `target` descends from this run's commit, so it
 * holds this run's build); else an empty commit pushed on top of the tip, retried while other
 * runs push commits with the same files. Pushing only then keeps runs that wait for each other's
 * deployments from racing the pushes of builds. `moved` when the tip has other files.
 */
export async function deployableCommit(
  side: DeployBranch,
  target: string,
  fresh: Set<string>,
  label: string
): Promise<{ version: string } | { moved: string }> {
  if (fresh.has(target)) return { version: target }
  const [unused] = fresh
  if (unused !== undefined) return { version: unused }
  const files = await treeOf(side, target)
  let base = target
  for (let attempt = 1; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
    const made = await pushEmptyCommit(side, base, label)
    if (made !== undefined) return { version: made }
    base = await branchTip(side)
    await fetchCommit(side, base)
    if ((await treeOf(side, base)) !== files) return { moved: base }
  }
  throw new UserError(
    `Could not push a commit to branch ${side.branch} to deploy its newest builds: other runs kept pushing first ${MAX_PUSH_ATTEMPTS} times; re-run the job.`
  )
}

/** Writes artifact.tar of `commit` (fetched) and uploads it with `upload`; returns the artifact id. */
export async function uploadTree(
  side: DeployBranch,
  commit: string,
  name: string,
  upload: (name: string, tarFile: string) => Promise<{ id: number }>,
  sizeWarning: (size: number) => string | undefined
): Promise<number> {
  const dir = join(side.work, `artifact-${commit}`)
  await mkdir(dir, { recursive: true })
  try {
    const tar = join(dir, 'artifact.tar')
    const { size, skipped } = await writeTreeTar(side.git, commit, tar)
    for (const entry of skipped) {
      core.warning(
        `${entry.path} on branch ${side.branch} is a ${entry.kind}, which a Pages deployment cannot hold: it is left out of the site.`
      )
    }
    const tooLarge = sizeWarning(size)
    if (tooLarge) core.warning(tooLarge)
    const { id } = await upload(name, tar)
    core.info(
      `Uploaded ${formatBytes(size)} of branch ${side.branch} (${short(commit)}) as artifact ${name} (id ${id}).`
    )
    return id
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
