/** The App Store Connect modes, loaded by main.ts only when one of them runs. */
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AscSettings } from '../asc-inputs.js'
import type { Settings } from '../inputs.js'
import { createAscClient, type AscClient } from './client.js'
import { installProfiles, profilesFolders } from './install.js'
import { tokenSource } from './jwt.js'
import { provision } from './provision.js'

export type AscModeSettings = Settings & { mode: 'provision' | 'register-device' }

export function ascClient(asc: AscSettings): AscClient {
  return createAscClient({
    baseUrl: asc.apiUrl,
    token: tokenSource(asc),
    log: (line) => core.info(line)
  })
}

export async function ascRun(settings: AscModeSettings): Promise<void> {
  // inputs.ts refuses these modes without the key.
  const client = ascClient(settings.asc!)
  if (settings.mode === 'provision') {
    await provisionRun(settings, client)
  } else {
    const { registerDeviceRun } = await import('./register-run.js')
    await registerDeviceRun(settings, client)
  }
}

async function provisionRun(settings: Settings, client: AscClient): Promise<void> {
  const { bundleIds, profileType, certificate, dryRun } = settings.provision
  const result = await core.group('Provisioning profiles', () =>
    provision(client, {
      bundleIds,
      kind: profileType,
      certificate,
      dryRun,
      now: new Date(),
      log: (line) => core.info(line)
    })
  )
  if (dryRun) {
    core.info('dry-run: nothing was changed or written.')
    return
  }
  const temp = process.env.RUNNER_TEMP || tmpdir()
  const folders = profilesFolders(process.platform, temp)
  const installed = await installProfiles(
    result.profiles,
    profileType,
    folders,
    join(temp, 'ExportOptions.plist')
  )
  core.info(`Installed ${result.profiles.length} profile(s) in ${folders.join(' and ')}.`)
  core.setOutput('export-options', installed.exportOptions)
  core.setOutput('profiles', JSON.stringify(installed.profiles))
  core.setOutput('team-id', installed.teamId)
  core.setOutput('profiles-dir', folders[0])
}
