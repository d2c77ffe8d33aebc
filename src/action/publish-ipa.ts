/** The publish flow: read the IPA, publish its site with the build publisher, check it is live. */
import * as core from '@actions/core'
import type { ResolvedBuild } from '../event/guard.js'
import { formatBytes } from '../format.js'
import { logLine } from '../text.js'
import { hostOptions } from '../host-options.js'
import { createHost } from '../hosts/index.js'
import type { Host } from '../hosts/types.js'
import type { IpaInfo } from '../ipa/types.js'
import { judge as judgeIpa } from '../ipa/verdict.js'
import { comparisonChannel, type BuildChanges } from '../ota/compare.js'
import type { DeviceCheck } from '../ota/devices.js'
import { channelSlug, defaultBuildId, defaultChannel } from '../ota/layout.js'
import type { BuildRecord } from '../ota/types.js'
import { checkInstallable } from '../profile-check.js'
import { publishBuild, type Published } from '../publish.js'
import { readDevices } from './devices.js'
import { errorOf, otherBuilds } from './helpers.js'
import type { ActionRun } from './step.js'

/** A published build, for the report step. */
export interface PublishedIpa {
  record: BuildRecord
  /** The build folder on the site. */
  buildDir: string
  /** The other builds of the channel and app, as the host kept them. */
  history: BuildRecord[]
  /** The build ids this run's retention removed. */
  removed: string[]
  changes?: BuildChanges
  devices?: DeviceCheck
  warnings: string[]
  now: Date
  /** Set when the build is published but a device cannot fetch it. */
  unreachable?: Error
  /** Every build on the site now, this one included; undefined when it cannot tell. */
  reread: () => Promise<readonly BuildRecord[] | undefined>
}

export async function publishIpa(
  run: ActionRun,
  build: ResolvedBuild,
  info: IpaInfo
): Promise<PublishedIpa> {
  const { settings } = run
  const now = new Date()
  const verdict = judgeIpa(info, now)
  const warnings = checkInstallable(verdict, settings.profileCheck)
  for (const warning of warnings) core.warning(warning)
  const host = await createHost(hostOptions(settings, run.context, run.octokit))
  // With the App Store Connect key and no devices-file, the names come from the team's devices.
  const devices =
    settings.devicesFile === undefined && settings.asc && info.profile
      ? await (
          await import('../asc/team-devices.js')
        ).teamDeviceCheck(settings.asc, info.profile, core.warning)
      : await readDevices(settings.devicesFile, info.profile)
  // Published anyway with profile-check: warn, the pages show why instead of an Install button.
  const blockers = settings.profileCheck === 'warn' ? verdict.errors : []
  const published = await core.group(`Publish to ${host.name}`, () =>
    publishToHost(run, build, { info, host, now, devices, blockers })
  )
  const record = published.site.record
  const unreachable = await verify(host, record, warnings)
  return {
    record,
    buildDir: published.site.dir,
    history: otherBuilds(published.plan.kept, record),
    removed: published.plan.removed.map((removed) => removed.buildId),
    changes: published.changes,
    devices,
    warnings,
    now,
    unreachable,
    // A failed re-read keeps the comment as written: the build is published and commented.
    reread: () =>
      host.store.read(settings.path).then(
        (records) => records,
        (error: unknown) => {
          core.warning(`Could not re-read the site to check the comment: ${errorOf(error)}`)
          return undefined
        }
      )
  }
}

async function publishToHost(
  { settings, context }: ActionRun,
  build: ResolvedBuild,
  ipa: { info: IpaInfo; host: Host; now: Date; devices?: DeviceCheck; blockers: string[] }
): Promise<Published> {
  const channel = settings.channel ?? defaultChannel(build.source)
  const published = await publishBuild(ipa.info, ipa.host, {
    root: settings.path,
    channel,
    buildId: defaultBuildId(build.source, ipa.now),
    unlisted: settings.unlisted,
    source: build.source,
    title: settings.title,
    notes: settings.notes,
    blockers: ipa.blockers,
    qr: settings.qr,
    now: ipa.now,
    warn: core.warning,
    compareWith: comparisonChannel({
      compareTo: settings.compareTo,
      pullRequest: build.source.pr !== undefined,
      baseRef: build.baseRef,
      ownChannel: channelSlug(channel)
    }),
    devices: ipa.devices,
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
}

/** Whether a device can fetch the build: its warnings join `warnings`; a failure is returned. */
async function verify(
  host: Host,
  record: BuildRecord,
  warnings: string[]
): Promise<Error | undefined> {
  if (!host.verify) return undefined
  try {
    const live = await core.group('Check the build is reachable', () => host.verify!(record))
    for (const warning of live) core.warning(warning)
    warnings.push(...live)
    return undefined
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}
