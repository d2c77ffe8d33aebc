/** BuildRecords for the report tests: a plausible build of pull request 12, overridable per field. */
import type { BuildRecord } from '../../src/ota/types.js'

export const SITE = 'https://octo.github.io/app'

export function buildRecord(
  buildId: string,
  overrides: {
    app?: Partial<BuildRecord['app']>
    profile?: BuildRecord['profile'] | null
  } & Partial<Omit<BuildRecord, 'app' | 'profile'>> = {}
): BuildRecord {
  const dir = `${SITE}/ota/pr-12/${buildId}`
  const { app, profile, ...rest } = overrides
  return {
    schema: 1,
    channel: 'pr-12',
    buildId,
    createdAt: '2025-03-01T10:00:00.000Z',
    app: {
      bundleId: 'com.example.app',
      version: '1.4.0',
      build: buildId.split('-')[0] ?? buildId,
      name: 'Example',
      ipaSize: 12_345_678,
      ...app
    },
    profile:
      profile === null
        ? undefined
        : (profile ?? {
            type: 'ad-hoc',
            name: 'Example Ad Hoc',
            expires: '2026-01-01T00:00:00.000Z',
            devices: 12,
            provisionsAllDevices: false
          }),
    source: {
      serverUrl: 'https://github.com',
      repository: 'octo/app',
      event: 'pull_request',
      pr: 12,
      sha: '0123456789abcdef0123456789abcdef01234567',
      runId: '987654',
      runNumber: 77,
      runAttempt: 1
    },
    urls: {
      page: `${dir}/`,
      manifest: `${dir}/manifest.plist`,
      ipa: `${dir}/app.ipa`,
      qr: `${dir}/qr.png`,
      qrSvg: `${dir}/qr.svg`,
      icon: `${dir}/icon.png`,
      buildJson: `${dir}/build.json`,
      install: `itms-services://?action=download-manifest&url=${encodeURIComponent(`${dir}/manifest.plist`)}`,
      channel: `${SITE}/ota/pr-12/index.html`
    },
    size: 12_400_000,
    ...rest
  }
}
