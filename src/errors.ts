/**
 * An error whose message is written for the person running the action: what is wrong and how to
 * fix it. It is shown as is, on one line, without a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError'
}

/**
 * One line a user can act on: our own messages as they are, anything else with its kind (its
 * stack goes to `debug`, for a bug report).
 */
export function describeError(error: unknown, debug: (stack: string) => void): string {
  if (error instanceof UserError) return error.message
  if (error instanceof Error) {
    debug(error.stack ?? error.message)
    return `${error.name}: ${error.message}`
  }
  return String(error)
}
