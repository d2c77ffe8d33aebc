/**
 * The build publisher, shared by the action (src/action/) and the CLI: one IPA's site onto a
 * host with the retention rules, or a channel off it. It decides nothing about the run.
 */
import type { Host } from './hosts/types.js'
import type { IpaInfo } from './ipa/types.js'
import {
  planPublish,
  planRemove,
  type PublishPlan,
  type RemovePlan,
  type Retention
} from './ota/plan.js'
import { replanning } from './ota/replan.js'
import { prepareSite, type PreparedSite, type SiteOptions } from './ota/site.js'
import type { BuildChanges } from './ota/compare.js'
import type { BuildSite } from './ota/types.js'

export interface Published {
  site: BuildSite
  /** What changed since the base build (absent when the options named no channel to compare with). */
  changes?: BuildChanges
  /**
   * The plan the host applied last: a git host plans again after losing a push race; a folder or
   * bucket re-plans only its index pages on what it re-read (ota/replan.ts), so `removed` and
   * `kept` are those of the plan that wrote the build.
   */
  plan: PublishPlan
}

/** Builds the site of one IPA for `host` and publishes it with the retention rules. */
export async function publishBuild(
  info: IpaInfo,
  host: Host,
  options: Omit<SiteOptions, 'urlFor'> & { retention: Retention }
): Promise<Published> {
  const urlFor = await host.locate()
  const prepared = await prepareSite(info, { ...options, urlFor })
  const { app } = prepared.record
  const planned = await host.store.update(
    options.root,
    replanning(options.root, (current) => {
      // The base build is found in the same state the plan is made from, so the page agrees.
      const assembled = prepared.assemble(current)
      return {
        ...planPublish(assembled.site, current, options.retention, options.root),
        assembled
      }
    }),
    `${app.name} ${app.version} (${app.build}) in ${prepared.dir}${sourceLine(prepared.record)}`
  )
  const { assembled, ...plan } = planned
  return { ...assembled, plan }
}

/** Removes a channel's builds from `host`. */
export async function removeChannel(
  host: Host,
  root: string,
  channel: string
): Promise<RemovePlan> {
  await host.locate()
  return host.store.update(
    root,
    replanning(root, (current) => planRemove(root, channel, current)),
    `Remove ${root}/${channel}`
  )
}

function sourceLine({ source }: BuildSite['record'] | PreparedSite['record']): string {
  const from = [
    source.repository,
    source.pr !== undefined ? `#${source.pr}` : source.ref,
    source.sha?.slice(0, 7)
  ].filter(Boolean)
  return from.length ? `\n\nFrom ${from.join(' ')}` : ''
}
