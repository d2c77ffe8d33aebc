import { randomUUID } from 'node:crypto'
import { copyFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { UserError } from '../errors.js'
import { parseBuildRecord } from '../ota/record.js'
import type { BuildRecord, SiteFile } from '../ota/types.js'
import { convergentStore } from './converge.js'
import type { Host } from './types.js'
import { siteUrl } from './url.js'

export interface DirectoryHostOptions {
  /** The site folder (output-dir). */
  dir: string
  /** The https URL the folder will be served from. */
  baseUrl: string
  /** Where a skipped build.json is reported (the action: core.warning; the CLI: stderr). */
  warn: (message: string) => void
}

/**
 * host: directory writes the site into a local folder for the workflow's own deploy step. Builds
 * already in the folder (a restored cache, a checked-out site) are kept and listed.
 */
export function createDirectoryHost(options: DirectoryHostOptions): Host {
  return {
    name: 'directory',
    locate: async () => (sitePath) => siteUrl(options.baseUrl, sitePath),
    store: convergentStore(
      {
        readRecords: (root, warn) => readRecords(options.dir, join(options.dir, root), warn),
        write: (files) => writeFiles(options.dir, files),
        removeDir: (dir) => remove(options.dir, dir),
        removeFile: (path) => remove(options.dir, path)
      },
      options.warn
    )
  }
}

async function readRecords(
  siteDir: string,
  rootDir: string,
  warn: (message: string) => void
): Promise<BuildRecord[]> {
  const records: BuildRecord[] = []
  for (const channel of await subfolders(siteDir, rootDir)) {
    for (const build of await subfolders(siteDir, join(rootDir, channel))) {
      const file = join(rootDir, channel, build, 'build.json')
      const text = await read(siteDir, file, () => readFile(file, 'utf8'))
      const record = text === undefined ? undefined : parseBuildRecord(text, file, warn)
      if (record) records.push(record)
    }
  }
  return records
}

async function subfolders(siteDir: string, dir: string): Promise<string[]> {
  const entries = await read(siteDir, dir, () => readdir(dir, { withFileTypes: true }))
  return (entries ?? []).filter((e) => e.isDirectory()).map((e) => e.name)
}

async function remove(siteDir: string, path: string): Promise<void> {
  const target = join(siteDir, path)
  await write(siteDir, target, () => rm(target, { recursive: true, force: true }))
}

/**
 * Each file is written beside its target and renamed over it, so a reader (another run building
 * the indexes) sees the old file or the new one, never half of one.
 */
async function writeFiles(siteDir: string, files: SiteFile[]): Promise<void> {
  for (const file of files) {
    const target = join(siteDir, file.path)
    const partial = `${target}.${randomUUID()}.partial`
    await write(siteDir, target, async () => {
      await mkdir(dirname(target), { recursive: true })
      try {
        if (Buffer.isBuffer(file.content)) await writeFile(partial, file.content)
        else await copyFile(file.content.file, partial)
        await rename(partial, target)
      } finally {
        await rm(partial, { force: true })
      }
    })
  }
}

/** Plain words for the failures a user can fix; others keep Node's code. */
const REASONS: Record<string, string> = {
  ENOTDIR: 'a file is in the way where a folder is needed',
  EEXIST: 'a file is in the way where a folder is needed',
  EISDIR: 'a folder is in the way where a file is needed',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ENOENT: 'no such file or folder'
}

/** A read of `path`; a missing file or folder is undefined (nothing published there yet). */
async function read<T>(
  siteDir: string,
  path: string,
  step: () => Promise<T>
): Promise<T | undefined> {
  try {
    return await step()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw fsError('read', siteDir, path, error)
  }
}

async function write(siteDir: string, path: string, step: () => Promise<void>): Promise<void> {
  try {
    await step()
  } catch (error) {
    throw fsError('write', siteDir, path, error)
  }
}

/** Node's error (a code and a stack) as one sentence naming the path and the fix. */
function fsError(verb: 'read' | 'write', siteDir: string, path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  const reason = REASONS[code] ?? (code || String(error))
  return new UserError(
    `Could not ${verb} ${path} in the site folder ${siteDir} (${reason}): set output-dir (--out for the CLI) to a folder you can write to that holds only the site, or remove what is in the way.`,
    { cause: error }
  )
}
