/**
 * The action, once its inputs and the run are read (main.ts loads this module only then), as
 * named steps: read the run, judge what it may do, publish (or remove), report.
 */
import type { RunContext } from '../event/context.js'
import { skipAfterReading } from '../event/guard.js'
import { UserError } from '../errors.js'
import { createOctokit } from '../github.js'
import { judge } from './judge.js'
import { publishIpa } from './publish-ipa.js'
import { readBuildIpa } from './read-ipa.js'
import { removeBuilds } from './remove-builds.js'
import { reportPublished, reportRemoved, reportSkipped } from './report.js'
import type { PublishSettings } from './step.js'

/** Runs the steps after the first, reading the run (main.ts does it, before this module loads). */
export async function runAction(settings: PublishSettings, context: RunContext): Promise<void> {
  const octokit = settings.token ? createOctokit(settings.token, context.apiUrl) : undefined
  const run = { settings, context, octokit }
  const decision = await judge(run)
  switch (decision.action) {
    case 'skip':
      return reportSkipped(decision.reason)
    case 'refuse':
      throw new UserError(decision.reason)
    case 'remove':
      return reportRemoved(run, decision.build, await removeBuilds(run, decision.build))
    case 'publish': {
      const ipa = await readBuildIpa(settings)
      const unsigned = skipAfterReading(decision.build, ipa.profile !== undefined)
      if (unsigned !== undefined) return reportSkipped(unsigned)
      const published = await publishIpa(run, decision.build, ipa)
      await reportPublished(run, decision.build, published)
      // A build a device cannot fetch is still reported (summary, outputs) before the step fails.
      if (published.unreachable !== undefined) throw published.unreachable
    }
  }
}
