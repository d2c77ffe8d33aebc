/** The report step: the pull request comment, the deployment, the job summary and the outputs. */
import * as core from '@actions/core'
import { resolve } from 'node:path'
import type { ResolvedBuild } from '../event/guard.js'
import type { SourceInfo } from '../ota/types.js'
import { createDeployment } from '../report/deployment.js'
import { setOutputs } from '../report/outputs.js'
import { findPullRequests, postComment, postRemovedComment } from '../report/pr.js'
import { writeRemovedSummary, writeSkippedSummary, writeSummary } from '../report/summary.js'
import { hasSummary, warnOnFailure } from './helpers.js'
import type { PublishedIpa } from './publish-ipa.js'
import type { RemovedBuilds } from './remove-builds.js'
import type { ActionRun } from './step.js'

export async function reportSkipped(reason: string): Promise<void> {
  core.notice(reason)
  if (hasSummary()) await writeSkippedSummary(reason)
  setOutputs(undefined, { skipped: true })
}

export async function reportPublished(
  run: ActionRun,
  build: ResolvedBuild,
  published: PublishedIpa
): Promise<void> {
  const { settings, context, octokit } = run
  const { record, unreachable } = published
  // A build a device cannot fetch gets no comment or deployment that would link it.
  const commentUrl = unreachable === undefined ? await comment(run, build, published) : undefined
  if (settings.deployment && octokit && context.owner && context.repo && !unreachable) {
    await warnOnFailure(() =>
      createDeployment(octokit, {
        owner: context.owner!,
        repo: context.repo!,
        channel: record.channel,
        record
      })
    )
  }
  const siteDir = settings.host === 'directory' ? resolve(settings.outputDir) : undefined
  if (hasSummary()) {
    const { history, warnings, buildDir, now, changes, devices } = published
    await writeSummary({
      record,
      history,
      warnings,
      siteDir,
      buildDir,
      commentUrl,
      now,
      changes,
      devices
    })
  }
  setOutputs(record, { siteDir, commentUrl, skipped: false, changes: published.changes })
}

export async function reportRemoved(
  run: ActionRun,
  build: ResolvedBuild,
  { channel, plan }: RemovedBuilds
): Promise<void> {
  const { settings, context, octokit } = run
  for (const issueNumber of await pullRequests(run, build.source)) {
    await warnOnFailure(() =>
      postRemovedComment(octokit!, {
        owner: context.owner!,
        repo: context.repo!,
        issueNumber,
        removed: plan.removed,
        commentKey: settings.commentKey,
        author: settings.commentAuthor
      })
    )
  }
  if (hasSummary()) await writeRemovedSummary({ channel, removed: plan.removed })
  setOutputs(undefined, { skipped: false })
  core.setOutput('channel', channel)
}

/** Posts or updates the sticky comment on each pull request of the run; returns the last comment's URL. */
async function comment(
  run: ActionRun,
  build: ResolvedBuild,
  published: PublishedIpa
): Promise<string | undefined> {
  const { settings, context, octokit } = run
  const { record, history, removed, warnings, now, changes, devices, reread } = published
  let url: string | undefined
  for (const issueNumber of await pullRequests(run, build.source)) {
    url =
      (await warnOnFailure(() =>
        postComment(octokit!, {
          owner: context.owner!,
          repo: context.repo!,
          issueNumber,
          record,
          history,
          warnings,
          now,
          changes,
          devices,
          removed,
          reread,
          commentKey: settings.commentKey,
          author: settings.commentAuthor,
          warn: core.warning
        })
      )) ?? url
  }
  return url
}

/** The pull requests to comment on: pr-number, the build's pull request, or (on a push) the open PRs of the commit. */
async function pullRequests(
  { settings, context, octokit }: ActionRun,
  source: Readonly<SourceInfo>
): Promise<number[]> {
  if (settings.comment === 'never' || !octokit || !context.owner || !context.repo) return []
  const explicit = settings.prNumber ?? source.pr
  if (explicit !== undefined) return [explicit]
  const sha = source.sha
  const found =
    sha && source.event === 'push'
      ? ((await warnOnFailure(() =>
          findPullRequests(octokit, { owner: context.owner!, repo: context.repo!, sha })
        )) ?? [])
      : []
  if (found.length === 0 && settings.comment === 'always') {
    core.warning(
      'comment: always, but this run belongs to no pull request: set pr-number to choose one.'
    )
  }
  return found.map((pull) => pull.number)
}
