import * as core from '@actions/core'

// Wiring lands with the action (issue 3).
export async function run(): Promise<void> {
  core.setFailed('ipa-ota is not wired yet')
}
