import * as core from '@actions/core'
import { describeError } from '../errors.js'
import type { BuildRecord } from '../ota/types.js'

/** The builds of `record`'s channel and app among `records`, other than `record`. */
export function otherBuilds(records: BuildRecord[], record: BuildRecord): BuildRecord[] {
  return records.filter(
    (r) =>
      r.channel === record.channel &&
      r.app.bundleId === record.app.bundleId &&
      r.buildId !== record.buildId
  )
}

/**
 * The build is published (or removed) by the time we report, so a report that cannot be posted (a
 * missing permission, say) is a warning, not a failed step; the job summary still holds the links.
 */
export async function warnOnFailure<T>(post: () => Promise<T>): Promise<T | undefined> {
  try {
    return await post()
  } catch (error) {
    core.warning(errorOf(error))
    return undefined
  }
}

/** Outside a runner (a local test run) there is no job summary to write. */
export function hasSummary(): boolean {
  return Boolean(process.env.GITHUB_STEP_SUMMARY)
}

export function errorOf(error: unknown): string {
  return describeError(error, core.debug)
}
