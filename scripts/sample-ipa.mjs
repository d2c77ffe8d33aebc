// Writes the sample IPA of __tests__/support/sample-ipa.ts: node scripts/sample-ipa.mjs <out.ipa>
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { importTs } from './import-ts.mjs'

export async function writeSampleIpa(path, options = {}) {
  const sample = await importTs('__tests__/support/sample-ipa.ts')
  return sample.writeSampleIpa(path, options)
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
