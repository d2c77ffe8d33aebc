import type { ProfileInfo } from './types.js'

// STUB: replaced by the profile helper.
export async function parseProfile(_data: Buffer, _bundleId?: string): Promise<ProfileInfo> {
  throw new Error('not implemented')
}
