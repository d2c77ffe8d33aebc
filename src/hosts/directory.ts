import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parseBuildRecord } from '../ota/record.js'
import type { BuildRecord, SiteChanges } from '../ota/types.js'
import type { Host } from './types.js'
import { siteUrl } from './url.js'

/**
 * host: directory writes the site into a local folder for the workflow's own deploy step. Builds
 * already in the folder (a restored cache, a checked-out site) are kept and listed.
 */
export function createDirectoryHost(options: { dir: string; baseUrl: string }): Host {
  return {
    name: 'directory',
    locate: async () => (sitePath) => siteUrl(options.baseUrl, sitePath),
    store: {
      async update(root, plan) {
        const changes = plan(await readRecords(join(options.dir, root)))
        await apply(options.dir, changes)
      }
    }
  }
}

async function readRecords(rootDir: string): Promise<BuildRecord[]> {
  const records: BuildRecord[] = []
  for (const channel of await subfolders(rootDir)) {
    for (const build of await subfolders(join(rootDir, channel))) {
      const file = join(rootDir, channel, build, 'build.json')
      const text = await readFile(file, 'utf8').catch(() => undefined)
      const record = text === undefined ? undefined : parseBuildRecord(text, file)
      if (record) records.push(record)
    }
  }
  return records
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isDirectory()).map((e) => e.name)
}

async function apply(siteDir: string, changes: SiteChanges): Promise<void> {
  for (const dir of changes.removeDirs)
    await rm(join(siteDir, dir), { recursive: true, force: true })
  for (const file of changes.write) {
    const target = join(siteDir, file.path)
    await mkdir(dirname(target), { recursive: true })
    if (Buffer.isBuffer(file.content)) await writeFile(target, file.content)
    else await copyFile(file.content.file, target)
  }
}
