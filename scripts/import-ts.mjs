// Imports a TypeScript module from plain Node. Our sources import each other with .js suffixes,
// which Node's type stripping does not resolve, so esbuild bundles the module first (dependencies
// left external) into node_modules/.cache, where those dependencies resolve.
import { build } from 'esbuild'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')

/** The exports of `entry` (a path relative to the project root). */
export async function importTs(entry) {
  await mkdir(join(root, 'node_modules/.cache'), { recursive: true })
  const dir = await mkdtemp(join(root, 'node_modules/.cache/import-ts-'))
  try {
    const outfile = join(dir, `${basename(entry, '.ts')}.mjs`)
    await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'warning'
    })
    return await import(pathToFileURL(outfile).href)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
