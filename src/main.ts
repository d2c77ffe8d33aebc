import * as core from '@actions/core'
import { describeError } from './errors.js'
import { getSettings } from './inputs.js'

/** The action: read the IPA, publish its site, report the links. Any failure fails the step with one line. */
export async function run(): Promise<void> {
  try {
    const settings = await getSettings()
    // The rest loads only now, from its own chunks of dist/: a run that stops on an input never
    // loads the IPA reader, the site, the hosts or Octokit.
    const { runAction } = await import('./action/run.js')
    await runAction(settings)
  } catch (error) {
    core.setFailed(describeError(error, core.debug))
  }
}
