/**
 * The shared fixtures (`../shared/fixtures`, beside the project; never copied into it). Outside
 * CI a missing corpus skips the tests that need it, with a message; with CI=true it fails the
 * file at collection, so CI can never pass without it. Everything here is safe at collection
 * time: listing a missing folder gives no files instead of throwing ENOENT.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The fixtures folder; SHARED_FIXTURES points elsewhere (a clone kept in another place). */
export const FIXTURES =
  process.env.SHARED_FIXTURES ?? fileURLToPath(new URL('../../../shared/fixtures', import.meta.url))

export interface CorpusFolder {
  /** Absolute path of the folder. */
  dir: string
  /** The folder is missing outside CI: the tests that need it are skipped. */
  skip: boolean
  /** Title suffix for the skipped tests, saying why and how to run them. */
  reason: string
  /** Names in a subfolder (sorted), or none when the corpus is missing. */
  list(sub?: string): string[]
  /** Absolute path of a file or folder inside. */
  path(...parts: string[]): string
}

/**
 * The corpus folder `sub` (e.g. `ipa/signed`). Call it at the top of a test file: on CI a
 * missing folder throws there, failing the file.
 */
export function corpusFolder(sub: string, env: NodeJS.ProcessEnv = process.env): CorpusFolder {
  const dir = join(FIXTURES, sub)
  const present = existsSync(dir)
  if (!present && env.CI === 'true') {
    throw new Error(`${dir} is missing: CI needs the shared fixtures (../shared/fixtures).`)
  }
  const reason = present
    ? ''
    : ` (skipped: ${dir} is missing; put the shared fixtures beside the project or set SHARED_FIXTURES)`
  if (!present) process.stderr.write(`Skipping the tests that need ${dir}: it is missing.\n`)
  return {
    dir,
    skip: !present,
    reason,
    list: (inner = '') => (present ? readdirSync(join(dir, inner)).sort() : []),
    path: (...parts) => join(dir, ...parts)
  }
}
