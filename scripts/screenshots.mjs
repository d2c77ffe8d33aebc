// npm run screenshots: writes docs/install-page.png, docs/install-page-desktop.png and
// docs/pr-comment.png (or into the folder given as the argument) from scripts/screenshots.ts,
// which esbuild bundles for plain Node first (its imports are TypeScript with .js suffixes, which
// Node's type stripping does not resolve).
import { build } from 'esbuild'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
// Inside node_modules so the bundle's imports of dependencies resolve.
await mkdir(join(root, 'node_modules/.cache'), { recursive: true })
const dir = await mkdtemp(join(root, 'node_modules/.cache/screenshots-'))
try {
  const outfile = join(dir, 'screenshots.mjs')
  await build({
    entryPoints: [join(root, 'scripts/screenshots.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning'
  })
  const { writeScreenshots } = await import(pathToFileURL(outfile).href)
  const out = process.argv[2] === undefined ? join(root, 'docs') : resolve(process.argv[2])
  await mkdir(out, { recursive: true })
  for (const path of await writeScreenshots(out)) console.log(`Wrote ${relative(root, path)}`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
