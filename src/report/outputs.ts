import * as core from '@actions/core'
import type { BuildChanges } from '../ota/compare.js'
import type { BuildRecord } from '../ota/types.js'

export interface OutputExtras {
  /** Local folder of the site (host: directory). */
  siteDir?: string
  commentUrl?: string
  skipped: boolean
  /** What the build was compared with, for size-delta and base-build. */
  changes?: BuildChanges
}

/** Every output of action.yml as a string ('' when it does not apply), so later steps can rely on each one. */
export function outputValues(
  record: BuildRecord | undefined,
  extras: OutputExtras
): Record<string, string> {
  const profile = record?.profile
  const base = extras.changes?.base
  return {
    'install-url': record?.urls.install ?? '',
    'page-url': record?.urls.page ?? '',
    'channel-url': record?.urls.channel ?? '',
    'manifest-url': record?.urls.manifest ?? '',
    'ipa-url': record?.urls.ipa ?? '',
    'qr-url': record?.urls.qr ?? '',
    'icon-url': record?.urls.icon ?? '',
    'bundle-id': record?.app.bundleId ?? '',
    version: record?.app.version ?? '',
    build: record?.app.build ?? '',
    title: record?.app.name ?? '',
    'profile-type': profile?.type ?? '',
    'profile-expires': profile?.expires ?? '',
    devices: profile ? String(profile.devices) : '',
    channel: record?.channel ?? '',
    'build-id': record?.buildId ?? '',
    'site-dir': extras.siteDir ?? '',
    'comment-url': extras.commentUrl ?? '',
    'size-delta': base ? String(base.comparison.ipaSize.delta) : '',
    'base-build': base ? `${base.record.channel}/${base.record.buildId}` : '',
    skipped: String(extras.skipped)
  }
}

export function setOutputs(record: BuildRecord | undefined, extras: OutputExtras): void {
  for (const [name, value] of Object.entries(outputValues(record, extras)))
    core.setOutput(name, value)
}
