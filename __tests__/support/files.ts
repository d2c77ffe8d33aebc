/** Small helpers over what tests write: files on disk and what @actions/core prints. */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { vi } from 'vitest'

/** Every file under `dir`, relative to it and sorted; [] when `dir` does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

/** Collects what @actions/core writes (it writes to process.stdout). */
export function captureStdout(): () => string {
  const chunks: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk))
    return true
  })
  return () => chunks.join('')
}
