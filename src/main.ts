import * as core from '@actions/core'
import { describeError } from './errors.js'
import { getSettings } from './inputs.js'

/** The action: read the IPA, publish its site, report the links. Any failure fails the step with one line. */
export async function run(): Promise<void> {
  try {
    const settings = await getSettings()
    const { mode } = settings
    // The rest loads only now, from its own chunks of dist/: a run that stops on an input never
    // loads the IPA reader, the site, the hosts or Octokit, and a publish run never loads src/asc.
    if (mode === 'provision' || mode === 'register-device') {
      const { ascRun } = await import('./asc/run.js')
      await ascRun({ ...settings, mode })
    } else {
      const { publishRun } = await import('./publish-run.js')
      await publishRun({ ...settings, mode })
    }
  } catch (error) {
    core.setFailed(describeError(error, core.debug))
  }
}
