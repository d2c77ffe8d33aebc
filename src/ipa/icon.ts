// STUB: replaced by the icon helper.
/**
 * Archive paths of the app's icons, best (largest) first, chosen the way iOS does from the Info.plist
 * keys and the bundle's file names. `bundlePath` is e.g. "Payload/App.app/", `entryNames` every
 * archive path in the IPA.
 */
export function iconCandidates(
  _infoPlist: Record<string, unknown>,
  _bundlePath: string,
  _entryNames: readonly string[]
): string[] {
  return []
}
