import { randomUUID } from 'node:crypto'
import { copyFile, lstat, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, posix } from 'node:path'
import { UserError } from '../errors.js'
import { parseBuildRecord } from '../ota/record.js'
import type { BuildRecord, SiteFile } from '../ota/types.js'
import { convergentStore } from './converge.js'
import type { IncompleteBuild } from './converge.js'
import type { Host } from './types.js'
import { siteUrl } from './url.js'

export interface DirectoryHostOptions {
  /** The site folder (output-dir). */
  dir: string
  /** The https URL the folder will be served from. */
  baseUrl: string
  /** Where a skipped build.json is reported (the action: core.warning; the CLI: stderr). */
  warn: (message: string) => void
  /** The clock that dates abandoned uploads (tests move it); default the system's. */
  now?: () => Date
}

/**
 * host: directory writes the site into a local folder for the workflow's own deploy step. Builds
 * already in the folder (a restored cache, a checked-out site) are kept and listed. Nothing is
 * written or removed through a symbolic link inside the folder: such content (from a cache or a
 * checkout) could point anywhere on the runner.
 */
export function createDirectoryHost(options: DirectoryHostOptions): Host {
  return {
    name: 'directory',
    locate: async () => (sitePath) => siteUrl(options.baseUrl, sitePath),
    store: convergentStore(
      {
        readRecords: (root, warn) => readRecords(options.dir, join(options.dir, root), warn),
        incompleteBuilds: (root) => incompleteBuilds(options.dir, root),
        write: (files) => writeFiles(options.dir, files),
        removeDir: (dir) => remove(options.dir, dir),
        removeFile: (path) => remove(options.dir, path)
      },
      { warn: options.warn, now: options.now }
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

/** The build folders without a build.json, dated by their newest file (the folder's own if empty). */
async function incompleteBuilds(siteDir: string, root: string): Promise<IncompleteBuild[]> {
  const found: IncompleteBuild[] = []
  for (const channel of await subfolders(siteDir, join(siteDir, root))) {
    for (const build of await subfolders(siteDir, join(siteDir, root, channel))) {
      const dir = join(siteDir, root, channel, build)
      const names = (await read(siteDir, dir, () => readdir(dir))) ?? []
      if (names.includes('build.json')) continue
      const times = await Promise.all(
        [dir, ...names.map((name) => join(dir, name))].map(async (path) => {
          const stats = await read(siteDir, path, () => lstat(path))
          return stats?.mtimeMs ?? 0
        })
      )
      const modified = new Date(Math.max(...times))
      found.push({ dir: posix.join(root, channel, build), files: names, modified })
    }
  }
  return found
}

/** Lists real folders only: a symbolic link to a folder is not followed. */
async function subfolders(siteDir: string, dir: string): Promise<string[]> {
  const entries = await read(siteDir, dir, () => readdir(dir, { withFileTypes: true }))
  return (entries ?? []).filter((e) => e.isDirectory()).map((e) => e.name)
}

async function remove(siteDir: string, path: string): Promise<void> {
  const target = join(siteDir, path)
  await refuseLinks(siteDir, path)
  // rm removes a link itself, never what it points to, and follows none below `target`.
  await write(siteDir, target, () => rm(target, { recursive: true, force: true }))
}

/**
 * Refuses a site path whose folders, inside the site folder, include a symbolic link: a write or
 * removal there would land wherever it points. The last part may be a link: a write renames the
 * new file over it, and a removal removes the link.
 */
async function refuseLinks(siteDir: string, path: string): Promise<void> {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.')
  if (parts.includes('..')) throw new Error(`Site path "${path}" leaves the site folder`)
  let current = siteDir
  for (const part of parts.slice(0, -1)) {
    current = join(current, part)
    const stats = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      // A missing folder is made by mkdir, as a real folder; a file in the way fails the write.
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
      throw fsError('read', siteDir, current, error)
    })
    if (stats === undefined) return
    if (stats.isSymbolicLink()) {
      throw new UserError(
        `${current} in the site folder ${siteDir} is a symbolic link, and the action never writes through one (it could point anywhere on the runner): remove the link, or set output-dir (--out for the CLI) to a folder that holds only the site.`
      )
    }
  }
}

/**
 * Each file is written beside its target and renamed over it, so a reader (another run building
 * the indexes) sees the old file or the new one, never half of one.
 */
async function writeFiles(siteDir: string, files: SiteFile[]): Promise<void> {
  for (const file of files) {
    const target = join(siteDir, file.path)
    const partial = `${target}.${randomUUID()}.partial`
    await refuseLinks(siteDir, file.path)
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
