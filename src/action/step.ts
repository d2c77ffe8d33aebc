import type { RunContext } from '../event/context.js'
import type { Octokit } from '../github.js'
import type { Settings } from '../inputs.js'

/** The settings of a run that publishes or removes builds (the other modes are src/asc's). */
export type PublishSettings = Settings & { mode: 'publish' | 'remove' }

/** What every step of the action works from; read once, never changed. */
export interface ActionRun {
  readonly settings: PublishSettings
  readonly context: RunContext
  /** Absent without a token. */
  readonly octokit?: Octokit
}
