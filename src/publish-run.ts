import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { readRunContext, type RunContext } from './event/context.js'
import { describeError, UserError } from './errors.js'
import { createOctokit, type Octokit } from './github.js'
import { createHost } from './hosts/index.js'
import { hostOptions } from './host-options.js'
import type { Settings } from './inputs.js'
import { readIpa } from './ipa/read.js'
import { judge } from './ipa/verdict.js'
import { channelSlug, defaultBuildId, defaultChannel } from './ota/layout.js'
import { comparisonChannel } from './ota/compare.js'
import { checkDevices, parseDeviceList, type DeviceCheck } from './ota/devices.js'
import type { ProfileInfo } from './ipa/types.js'
import type { BuildRecord } from './ota/types.js'
import type { CommentInput } from './report/comment.js'
import { checkInstallable, publishBuild, removeChannel } from './publish.js'
import { createDeployment } from './report/deployment.js'
import { forkPolicy } from './event/fork.js'
import { setOutputs } from './report/outputs.js'
import { findPullRequests, postComment, postRemovedComment } from './report/pr.js'
import { builtForPullRequest, findWorkflowRunPullRequest } from './event/workflow-run.js'
import { writeRemovedSummary, writeSkippedSummary, writeSummary } from './report/summary.js'
import { formatBytes } from './format.js'
import { logLine, oneLine } from './text.js'
import { inputRoots, readInputText } from './input-files.js'

const FORK_SKIP_REASON =
  'This pull request comes from a fork, so its token is read-only: ipa-ota published nothing and posted no comment. ' +
  'To publish builds of fork pull requests, build in a pull_request workflow, upload the .ipa as an artifact, and publish it from a workflow_run workflow (see the README: "Pull requests from forks").'

const FORK_TARGET_REFUSAL =
  "This pull_request_target run is for a pull request from a fork: publishing its build means the workflow built the fork's code with a token that can write, which lets the fork take over the repository. " +
  'Build in a pull_request workflow and publish from a workflow_run workflow instead (see the README: "Pull requests from forks"); mode: remove is fine on pull_request_target.'

/**
 * The action once its inputs are read (main.ts loads this module only then): read the IPA,
 * publish its site, report the links; or remove a channel.
 */
export async function publishRun(settings: Settings): Promise<void> {
  const context = await readRunContext(process.env, tmpdir())
  const fork = forkPolicy(context.source.event, context.event, settings.mode)
  if (fork === 'skip') return await skip(FORK_SKIP_REASON)
  if (fork === 'refuse') throw new UserError(FORK_TARGET_REFUSAL)
  const octokit = settings.token ? createOctokit(settings.token, context.apiUrl) : undefined
  if (context.workflowRun) {
    const reason = await findBuiltPullRequest(settings, context, octokit)
    if (reason !== undefined) return await skip(reason)
  }
  if (settings.mode === 'remove') await remove(settings, context, octokit)
  else await publish(settings, context, octokit)
}

async function skip(reason: string): Promise<void> {
  core.notice(reason)
  if (hasSummary()) await writeSkippedSummary(reason)
  setOutputs(undefined, { skipped: true })
}

/**
 * On workflow_run, sets `context.source.pr` (and `baseRef`) to the pull request the triggering run
 * built, so its channel, comparison, comment and removal work as on pull_request. Returns why nothing should be published
 * when that pull request is gone (closed, or a newer push superseded the build).
 */
async function findBuiltPullRequest(
  settings: Settings,
  context: RunContext,
  octokit: Octokit | undefined
): Promise<string | undefined> {
  const run = context.workflowRun!
  if (context.source.pr !== undefined || !builtForPullRequest(run)) return undefined
  if (settings.prNumber !== undefined) {
    context.source.pr = settings.prNumber
    return undefined
  }
  if (octokit && context.owner && context.repo) {
    const found = await core.group('Find the pull request of the build', () =>
      findWorkflowRunPullRequest(octokit, { owner: context.owner!, repo: context.repo! }, run)
    )
    if (found !== undefined) {
      core.info(logLine`The build is of pull request #${found.number} into ${found.baseRef}.`)
      context.source.pr = found.number
      context.baseRef = found.baseRef
      return undefined
    }
  }
  if (settings.channel !== undefined) return undefined
  const head = `${run.headRepository ?? '?'}:${run.headBranch ?? '?'} at ${run.headSha?.slice(0, 7) ?? '?'}`
  return oneLine(
    `The triggering run built ${head}, but no open pull request of ${context.source.repository ?? 'this repository'} has that head commit (it was closed, or pushed again since): ipa-ota published nothing. Set channel (and pr-number) to publish it anyway.`
  )
}

async function publish(
  settings: Settings,
  context: RunContext,
  octokit: Octokit | undefined
): Promise<void> {
  const now = new Date()
  const info = await core.group('Read the IPA', async () => {
    const read = await readIpa(settings.ipa!, { sha256: true, debug: core.debug })
    const { app } = read
    core.info(logLine`Read ${app.name} ${app.version} (${app.build}), ${app.bundleId}`)
    return read
  })
  const verdict = judge(info, now)
  const warnings = checkInstallable(verdict, settings.profileCheck)
  // Published anyway with profile-check: warn, the pages show why instead of an Install button.
  const blockers = settings.profileCheck === 'warn' ? verdict.errors : []
  for (const warning of warnings) core.warning(warning)

  const host = await createHost(hostOptions(settings, context, octokit))
  const channel = settings.channel ?? defaultChannel(context.source)
  const compareWith = comparisonChannel({
    compareTo: settings.compareTo,
    pullRequest: context.source.pr !== undefined,
    baseRef: context.baseRef,
    ownChannel: channelSlug(channel)
  })
  const devices = await readDevices(settings.devicesFile, info.profile)
  const { site, plan, changes } = await core.group(`Publish to ${host.name}`, async () => {
    const published = await publishBuild(info, host, {
      root: settings.path,
      channel,
      buildId: defaultBuildId(context.source, now),
      source: context.source,
      title: settings.title,
      notes: settings.notes,
      blockers,
      qr: settings.qr,
      now,
      warn: core.warning,
      compareWith,
      devices,
      retention: {
        keep: settings.keep,
        maxSiteSize: settings.host === 'pages' ? settings.maxSiteSize : undefined,
        defaultChannel:
          context.defaultBranch === undefined ? undefined : channelSlug(context.defaultBranch)
      }
    })
    for (const removed of published.plan.removed) {
      core.info(
        logLine`Removed ${removed.channel}/${removed.buildId} (${removed.app.version} (${removed.app.build}))`
      )
    }
    core.info(`Published ${published.site.record.urls.page}`)
    if (published.plan.overBudget) {
      core.warning(
        `The site holds ${formatBytes(published.plan.siteSize)}, more than max-site-size, even with every other build removed: raise max-site-size, lower keep, or publish large builds with host: s3.`
      )
    }
    return published
  })
  const record = site.record
  // A build a device cannot fetch is still reported (summary, outputs) before the step fails.
  let unreachable: Error | undefined
  if (host.verify) {
    try {
      const live = await core.group('Check the build is reachable', () => host.verify!(record))
      for (const warning of live) core.warning(warning)
      warnings.push(...live)
    } catch (error) {
      unreachable = error instanceof Error ? error : new Error(String(error))
    }
  }

  const history = otherBuilds(plan.kept, record)
  // A failed re-read keeps the comment as written: the build is published and commented.
  const reread = () =>
    host.store.read(settings.path).then(
      (records) => otherBuilds(records, record),
      (error: unknown) => {
        core.warning(`Could not re-read the site to check the comment: ${describe(error)}`)
        return undefined
      }
    )
  const commentUrl =
    unreachable === undefined
      ? await comment(settings, context, octokit, {
          record,
          history,
          warnings,
          now,
          changes,
          devices,
          reread
        })
      : undefined
  if (
    settings.deployment &&
    octokit &&
    context.owner &&
    context.repo &&
    unreachable === undefined
  ) {
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
  if (hasSummary())
    await writeSummary({
      record,
      history,
      warnings,
      siteDir,
      buildDir: site.dir,
      commentUrl,
      now,
      changes,
      devices
    })
  setOutputs(record, { siteDir, commentUrl, skipped: false, changes })
  if (unreachable !== undefined) throw unreachable
}

/** The builds of `record`'s channel and app among `records`, other than `record`. */
function otherBuilds(records: BuildRecord[], record: BuildRecord): BuildRecord[] {
  return records.filter(
    (r) =>
      r.channel === record.channel &&
      r.app.bundleId === record.app.bundleId &&
      r.buildId !== record.buildId
  )
}

async function remove(
  settings: Settings,
  context: RunContext,
  octokit: Octokit | undefined
): Promise<void> {
  const host = await createHost(hostOptions(settings, context, octokit))
  const channel = settings.channel ?? defaultChannel(context.source)
  const plan = await core.group(`Remove channel ${channel} from ${host.name}`, () =>
    removeChannel(host, settings.path, channel)
  )
  core.info(logLine`Removed ${plan.removed.length} build(s) of ${channel}.`)
  for (const issueNumber of await pullRequests(settings, context, octokit)) {
    await warnOnFailure(() =>
      postRemovedComment(octokit!, {
        owner: context.owner!,
        repo: context.repo!,
        issueNumber,
        removed: plan.removed,
        commentKey: settings.commentKey
      })
    )
  }
  if (hasSummary()) await writeRemovedSummary({ channel, removed: plan.removed })
  setOutputs(undefined, { skipped: false })
  core.setOutput('channel', channel)
}

/** Posts or updates the sticky comment on each pull request of the run; returns the last comment's URL. */
async function comment(
  settings: Settings,
  context: RunContext,
  octokit: Octokit | undefined,
  build: Omit<CommentInput, 'key'> & {
    reread: () => Promise<BuildRecord[] | undefined>
  }
): Promise<string | undefined> {
  let url: string | undefined
  for (const issueNumber of await pullRequests(settings, context, octokit)) {
    url =
      (await warnOnFailure(() =>
        postComment(octokit!, {
          owner: context.owner!,
          repo: context.repo!,
          issueNumber,
          ...build,
          commentKey: settings.commentKey
        })
      )) ?? url
  }
  return url
}

/** Which devices of the devices-file list the profile provisions; a bad line is a warning. */
async function readDevices(
  path: string | undefined,
  profile: ProfileInfo | undefined
): Promise<DeviceCheck | undefined> {
  if (path === undefined || profile === undefined) return undefined
  const text = await readInputText(path, 'devices-file', {
    roots: inputRoots(),
    hint: 'give the path of the device list exported from the developer portal, or leave the input empty'
  })
  return checkDevices(parseDeviceList(text, `devices-file ${path}`, core.warning), profile)
}

/** The pull requests to comment on: pr-number, the event's pull request, or (on a push) the open PRs of the commit. */
async function pullRequests(
  settings: Settings,
  context: RunContext,
  octokit: Octokit | undefined
): Promise<number[]> {
  if (settings.comment === 'never' || !octokit || !context.owner || !context.repo) return []
  const explicit = settings.prNumber ?? context.source.pr
  if (explicit !== undefined) return [explicit]
  const sha = context.source.sha
  const found =
    sha && context.source.event === 'push'
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

/**
 * The build is published by the time we comment, so a comment that cannot be posted (a missing
 * permission, say) is a warning, not a failed build; the job summary still holds the links.
 */
async function warnOnFailure<T>(post: () => Promise<T>): Promise<T | undefined> {
  try {
    return await post()
  } catch (error) {
    core.warning(describe(error))
    return undefined
  }
}

/** Outside a runner (a local test run) there is no job summary to write. */
function hasSummary(): boolean {
  return Boolean(process.env.GITHUB_STEP_SUMMARY)
}

function describe(error: unknown): string {
  return describeError(error, core.debug)
}
