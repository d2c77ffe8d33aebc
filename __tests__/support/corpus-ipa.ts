/**
 * IPAs made in code from a corpus app: every entry of the real archive is copied, then `edit`
 * changes the list (an Info.plist rewritten, an extension dropped, a framework added), so a test
 * gets a pair of real-world builds that differ exactly as it says.
 */
import { build, parse } from 'plist'
import { openArchive } from '../../src/ipa/archive.js'
import { writeZip, type ZipEntry } from './zip.js'

export async function rewriteIpa(
  source: string,
  target: string,
  edit: (entries: ZipEntry[]) => ZipEntry[]
): Promise<number> {
  const archive = await openArchive(source)
  const entries: ZipEntry[] = []
  try {
    for (const name of archive.names) {
      entries.push(name.endsWith('/') ? { name } : { name, data: await archive.read(name) })
    }
  } finally {
    archive.close()
  }
  return writeZip(target, edit(entries))
}

/** Replaces the XML plist `name` with `change(plist)`. */
export function editPlist(
  entries: ZipEntry[],
  name: string,
  change: (plist: Record<string, unknown>) => Record<string, unknown>
): ZipEntry[] {
  return entries.map((entry) => {
    if (entry.name !== name) return entry
    const plist = parse(String(entry.data)) as Record<string, unknown>
    return { name, data: build(change(plist) as Parameters<typeof build>[0]) }
  })
}
