/** Puts provisioned profiles where Xcode finds them and writes the ExportOptions.plist for them. */
import { mkdir, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { build } from 'plist'
import type { ProfileKind, ProvisionedProfile } from './provision.js'

/**
 * Where Xcode reads profiles on macOS: Xcode 16 moved them to its UserData folder, older Xcodes
 * read MobileDevice's, so both. Elsewhere (a job that only prepares files) one folder of the job.
 */
export function profilesFolders(platform: NodeJS.Platform, temp: string): string[] {
  return platform === 'darwin'
    ? [
        join(homedir(), 'Library/MobileDevice/Provisioning Profiles'),
        join(homedir(), 'Library/Developer/Xcode/UserData/Provisioning Profiles')
      ]
    : [join(temp, 'ipa-ota-profiles')]
}

export interface Installed {
  /** The ExportOptions.plist written. */
  exportOptions: string
  teamId: string
  /** bundle id → the profile's UUID and name. */
  profiles: Record<string, { uuid: string; name: string }>
}

export async function installProfiles(
  profiles: readonly ProvisionedProfile[],
  kind: ProfileKind,
  folders: readonly string[],
  exportOptions: string
): Promise<Installed> {
  for (const folder of folders) {
    await mkdir(folder, { recursive: true })
    for (const profile of profiles) {
      await writeFile(join(folder, `${profile.uuid}.mobileprovision`), profile.content)
    }
  }
  const teamId = profiles[0]?.teamId ?? ''
  const byBundle = Object.fromEntries(
    profiles.map((p) => [p.bundleId, { uuid: p.uuid, name: p.name }])
  )
  const options = {
    method: kind,
    teamID: teamId,
    signingStyle: 'manual',
    provisioningProfiles: Object.fromEntries(profiles.map((p) => [p.bundleId, p.uuid]))
  }
  await writeFile(exportOptions, build(options))
  return { exportOptions, teamId, profiles: byBundle }
}
