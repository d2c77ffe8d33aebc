import * as core from '@actions/core'
import { readIpa } from '../ipa/read.js'
import type { IpaInfo } from '../ipa/types.js'
import { logLine } from '../text.js'
import type { PublishSettings } from './step.js'

/** The read step: the IPA the `ipa` input names, with its checksum for the build record. */
export async function readBuildIpa(settings: PublishSettings): Promise<IpaInfo> {
  return core.group('Read the IPA', async () => {
    const read = await readIpa(settings.ipa!, { sha256: true, debug: core.debug })
    const { app } = read
    core.info(logLine`Read ${app.name} ${app.version} (${app.build}), ${app.bundleId}`)
    return read
  })
}
