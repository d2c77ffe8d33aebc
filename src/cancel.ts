import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import * as core from '@actions/core'

/** Every temporary folder the action makes under RUNNER_TEMP starts with this. */
const TEMP_PREFIX = 'ipa-ota-'
/** The runner sends SIGTERM 7.5 s after SIGINT and kills soon after: cleanups get less. */
const CLEANUP_MS = 4000

const cleanups = new Set<() => Promise<void>>()

/**
 * Runs `cleanup` before a cancelled run exits (at most 4 s), e.g. to cancel a pending Pages
 * deployment, which would otherwise go live after the job was cancelled. Returns its removal.
 */
export function onCancel(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup)
  return () => cleanups.delete(cleanup)
}

/**
 * When a job is cancelled the runner sends SIGINT, then SIGTERM, and kills the step soon after.
 * Node's default is to exit at once, skipping every `finally`, so the temporary git repository
 * (which holds a copy of the IPA) would stay under RUNNER_TEMP. This removes the action's
 * temporary folders and exits 1. Little needs undoing on the host: a git push moves the branch
 * only once the whole pack has arrived, and the folder and S3 hosts write the index pages last, so
 * a stopped upload is never reachable from them (the S3 host aborts its multipart uploads through
 * `onCancel`, and both sweep a build folder abandoned for a day).
 *
 * RUNNER_TEMP belongs to one job, whose steps run one at a time, so every `ipa-ota-*` folder in
 * it is this run's. Synchronous on purpose: the process exits right after. Work registered with
 * `onCancel` runs first.
 */
export function exitOnCancel(
  tempDir: string | undefined,
  exit: (code: number) => void = (code) => process.exit(code)
): void {
  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    // The runner's SIGTERM after SIGINT must not cut the cleanups short (nor run them twice).
    if (stopping) return
    stopping = true
    core.info(`Cancelled (${signal}): removing temporary files and stopping.`)
    const finish = (): void => {
      if (tempDir) removeTemporaryFolders(tempDir)
      exit(1)
    }
    if (cleanups.size === 0) return finish()
    const timer = new Promise<void>((resolve) => setTimeout(resolve, CLEANUP_MS))
    void Promise.race([Promise.allSettled([...cleanups].map((cleanup) => cleanup())), timer]).then(
      finish
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function removeTemporaryFolders(tempDir: string): void {
  let names: string[]
  try {
    names = readdirSync(tempDir)
  } catch {
    return
  }
  for (const name of names) {
    if (name.startsWith(TEMP_PREFIX)) rmSync(join(tempDir, name), { recursive: true, force: true })
  }
}
