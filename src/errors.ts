/**
 * An error whose message is written for the person running the action: what is wrong and how to
 * fix it. It is shown as is, on one line, without a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError'
}
