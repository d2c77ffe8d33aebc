import type { RunContext } from '../event/context.js'
import type { Octokit } from '../github.js'
import type { Settings } from '../inputs.js'

/** What every step of the action works from; read once, never changed. */
export interface ActionRun {
  readonly settings: Settings
  readonly context: RunContext
  /** Absent without a token. */
  readonly octokit?: Octokit
}
