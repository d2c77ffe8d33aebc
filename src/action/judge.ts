import * as core from '@actions/core'
import { judgeRun, type Decision } from '../event/guard.js'
import { createPullRequestLookup } from '../event/workflow-run.js'
import { logLine } from '../text.js'
import type { ActionRun } from './step.js'

/** The judge step: what the event guard allows this run, said in the log. */
export async function judge({ settings, context, octokit }: ActionRun): Promise<Decision> {
  const lookup =
    octokit && context.owner && context.repo
      ? createPullRequestLookup(octokit, { owner: context.owner, repo: context.repo })
      : undefined
  const input = {
    context,
    mode: settings.mode,
    prNumber: settings.prNumber,
    channel: settings.channel,
    lookup
  }
  // Only on workflow_run may the guard ask GitHub which pull request was built.
  const decision = context.workflowRun
    ? await core.group('Find the pull request of the build', () => judgeRun(input))
    : await judgeRun(input)
  if (decision.action === 'publish' || decision.action === 'remove') {
    core.info(logLine`To ${decision.action}: ${decision.reason}.`)
  }
  return decision
}
