import type { IpaInfo } from '../ipa/types.js'
import type { BuildFacts } from './comparison.js'
import { recordedDeviceKeys } from './devices.js'

/** The facts of an IPA as build.json records them; `ipa-ota diff` compares two of these. */
export function buildFacts(info: IpaInfo, title?: string): BuildFacts {
  const { app, profile } = info
  const deviceIds = profile && recordedDeviceKeys(profile)
  return {
    app: {
      bundleId: app.bundleId,
      version: app.version,
      build: app.build,
      // The name as shown everywhere: the title input, else the app's display name.
      name: title?.trim() || app.name,
      ...(app.minimumOsVersion === undefined ? {} : { minimumOsVersion: app.minimumOsVersion }),
      ...(app.platform === undefined ? {} : { platform: app.platform }),
      ipaSize: info.file.size,
      ...(info.file.sha256 === undefined ? {} : { sha256: info.file.sha256 }),
      installedSize: info.installedSize,
      deviceFamilies: app.deviceFamilies,
      components: info.components,
      usageDescriptions: app.usageDescriptions,
      urlSchemes: app.urlSchemes
    },
    ...(profile === undefined
      ? {}
      : {
          profile: {
            type: profile.type,
            name: profile.name,
            ...(profile.teamName === undefined ? {} : { teamName: profile.teamName }),
            ...(profile.teamId === undefined ? {} : { teamId: profile.teamId }),
            expires: profile.expires.toISOString(),
            devices: profile.devices.length,
            ...(deviceIds === undefined ? {} : { deviceIds }),
            provisionsAllDevices: profile.provisionsAllDevices,
            entitlements: profile.entitlements
          }
        })
  }
}
