// Writes the sample IPA of __tests__/support/sample-ipa.ts: node scripts/sample-ipa.mjs <out.ipa>
// The test helpers are TypeScript; esbuild bundles them for plain Node in a moment.
import { build } from 'esbuild'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export async function writeSampleIpa(path, options = {}) {
  // Inside node_modules so the bundle's imports of dependencies resolve.
  await mkdir(resolve(import.meta.dirname, '../node_modules/.cache'), { recursive: true })
  const dir = await mkdtemp(resolve(import.meta.dirname, '../node_modules/.cache/sample-'))
  try {
    const outfile = join(dir, 'sample.mjs')
    await build({
      entryPoints: [resolve(import.meta.dirname, '../__tests__/support/sample-ipa.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'warning'
    })
    const sample = await import(pathToFileURL(outfile).href)
    return await sample.writeSampleIpa(path, options)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2]
  if (!out) {
    console.error('usage: node scripts/sample-ipa.mjs <out.ipa>')
    process.exit(2)
  }
  await writeSampleIpa(resolve(out))
  console.log(`Wrote ${out}`)
}
