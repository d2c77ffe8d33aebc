import type { IpaInfo, Verdict } from './types.js'

// STUB: replaced by the profile helper.
export function judge(_info: IpaInfo, _now: Date): Verdict {
  throw new Error('not implemented')
}
