/**
 * What a process loaded, through the loaded-modules.mjs preload. esbuild marks where each source
 * file and package file sits in a chunk of dist/ (`// src/asc/client.ts`,
 * `// node_modules/asn1js/build/index.js`), so the chunks a run loaded tell which of them it ran.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PRELOAD = join(import.meta.dirname, 'loaded-modules.mjs')

/**
 * Calls `run` with the environment that preloads the probe (merge it into the child's env), and
 * returns its result with the bundled files it loaded, e.g. `src/asc/client.ts` or
 * `node_modules/asn1js/build/index.js`. `run` starts the process itself (e.g. with runAction), so
 * the test file imports its runner and stays in the integration tier.
 */
export async function withLoadedFiles<T>(
  run: (env: Record<string, string>) => Promise<T>
): Promise<{ result: T; files: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'loaded-modules-'))
  try {
    const list = join(dir, 'loaded')
    const result = await run({ NODE_OPTIONS: `--import=${PRELOAD}`, LOADED_MODULES_FILE: list })
    const chunks = (await readFile(list, 'utf8')).split('\n').filter(Boolean)
    const files = new Set<string>()
    for (const chunk of chunks) {
      // A worktree whose node_modules is a link gets `// ../../main/node_modules/…`.
      for (const [, file] of (await readFile(chunk, 'utf8')).matchAll(MARKER)) files.add(file!)
    }
    return { result, files: [...files] }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const MARKER = /^\/\/ (?:\S*?\/)?((?:src|node_modules)\/\S+)$/gm
