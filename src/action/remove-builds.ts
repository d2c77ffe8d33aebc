/** The remove flow: take a channel's builds off the site. */
import * as core from '@actions/core'
import { logLine } from '../text.js'
import type { ResolvedBuild } from '../event/guard.js'
import { hostOptions } from '../host-options.js'
import { createHost } from '../hosts/index.js'
import { defaultChannel } from '../ota/layout.js'
import type { RemovePlan } from '../ota/plan.js'
import { removeChannel } from '../publish.js'
import type { ActionRun } from './step.js'

export interface RemovedBuilds {
  channel: string
  plan: RemovePlan
}

export async function removeBuilds(run: ActionRun, build: ResolvedBuild): Promise<RemovedBuilds> {
  const { settings } = run
  const host = await createHost(hostOptions(settings, run.context, run.octokit))
  const channel = settings.channel ?? defaultChannel(build.source)
  const plan = await core.group(`Remove channel ${channel} from ${host.name}`, () =>
    removeChannel(host, settings.path, channel)
  )
  core.info(logLine`Removed ${plan.removed.length} build(s) of ${channel}.`)
  return { channel, plan }
}
