// Bundles the action and the CLI into self-contained ESM files, as the runner loads dist/ without
// node_modules. esbuild rather than rollup: it bundles the AWS SDK and Octokit in about a second.
// Usage: node scripts/bundle.mjs [outdir]   (default dist; the dist test bundles into a temp dir)
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

const outdir = process.argv[2] ?? 'dist'
// Chunk names carry content hashes: remove the old ones, or dist/ collects stale chunks.
rmSync(outdir, { recursive: true, force: true })
const requireShim =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning'
}

await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: `${outdir}/index.js`,
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: requireShim }
})
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
  // The CLI loads each command when used; split chunks keep `inspect` from loading the site code.
  splitting: true,
  chunkNames: 'cli-chunks/[name]-[hash]',
  banner: { js: `#!/usr/bin/env node\n${requireShim}` }
})
