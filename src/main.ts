import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { describeError, UserError } from './errors.js'
import { readRunContext } from './event/context.js'
import { unreadableEvent } from './event/guard.js'
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
      return await ascRun({ ...settings, mode })
    }
    const context = await readRunContext(process.env, tmpdir())
    // @actions/github parses the payload as it loads, and would fail on an unreadable one with a
    // bare SyntaxError: the guard's reason comes first.
    if (context.eventUnreadable !== undefined) {
      throw new UserError(unreadableEvent(context.eventUnreadable, mode))
    }
    const { runAction } = await import('./action/run.js')
    await runAction({ ...settings, mode }, context)
  } catch (error) {
    core.setFailed(describeError(error, core.debug))
  }
}
