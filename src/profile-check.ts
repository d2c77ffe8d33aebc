import { UserError } from './errors.js'
import type { Verdict } from './ipa/types.js'

/**
 * Applies `profile-check` to a verdict: `error` refuses a build a device cannot install, `warn` and
 * `off` let it through. Returns the warnings to show. `override` is how the caller's user asks for
 * `warn`: the action input by default, the CLI's own flag there.
 */
export function checkInstallable(
  verdict: Verdict,
  profileCheck: 'error' | 'warn' | 'off',
  override = 'profile-check: warn'
): string[] {
  if (verdict.installable || profileCheck === 'off') return verdict.warnings
  if (profileCheck === 'error') {
    throw new UserError(`${verdict.errors.join(' ')} (${override} publishes it anyway.)`)
  }
  return [...verdict.errors, ...verdict.warnings]
}
