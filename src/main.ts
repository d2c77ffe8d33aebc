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
    const context = await readRunContext(process.env, tmpdir())
    // @actions/github parses the payload as it loads, and would fail on an unreadable one with a
    // bare SyntaxError: the guard's reason comes first.
    if (context.eventUnreadable !== undefined) {
      throw new UserError(unreadableEvent(context.eventUnreadable, settings.mode))
    }
    // The rest loads only now, from its own chunks of dist/: a run that stops on an input never
    // loads the IPA reader, the site, the hosts or Octokit.
    const { runAction } = await import('./action/run.js')
    await runAction(settings, context)
  } catch (error) {
    core.setFailed(describeError(error, core.debug))
  }
}
