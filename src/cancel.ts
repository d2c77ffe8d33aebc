import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import * as core from '@actions/core'

/** Every temporary folder the action makes under RUNNER_TEMP starts with this. */
const TEMP_PREFIX = 'ipa-ota-'

/**
 * When a job is cancelled the runner sends SIGINT, then SIGTERM, and kills the step soon after.
 * Node's default is to exit at once, skipping every `finally`, so the temporary git repository
 * (which holds a copy of the IPA) would stay under RUNNER_TEMP. This removes the action's
 * temporary folders and exits 1. Nothing needs undoing on the host: a git push moves the branch
 * only once the whole pack has arrived, and the S3 host writes the index pages last, so a stopped
 * upload is never reachable from them.
 *
 * RUNNER_TEMP belongs to one job, whose steps run one at a time, so every `ipa-ota-*` folder in
 * it is this run's. Synchronous on purpose: the process exits right after.
 */
export function exitOnCancel(
  tempDir: string | undefined,
  exit: (code: number) => void = (code) => process.exit(code)
): void {
  const stop = (signal: NodeJS.Signals): void => {
    core.info(`Cancelled (${signal}): removing temporary files and stopping.`)
    if (tempDir) removeTemporaryFolders(tempDir)
    exit(1)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
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
