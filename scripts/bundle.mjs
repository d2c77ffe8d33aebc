// Bundles the action and the CLI into self-contained ESM files, as the runner loads dist/ without
// node_modules, and writes dist/licenses.txt for the packages bundled into them.
// esbuild rather than rollup: it bundles the AWS SDK and Octokit in about a second.
// Usage: node scripts/bundle.mjs [outdir]   (default dist; the dist test bundles into a temp dir)
import { rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { bundledPackages, renderLicenses } from './licenses.mjs'

const outdir = process.argv[2] ?? 'dist'
// Chunk names carry content hashes: remove the old ones, or dist/ collects stale chunks.
rmSync(outdir, { recursive: true, force: true })
const requireShim =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Each module is loaded when used; split chunks keep a run from loading code it does not use
  // (the action loads one host's code, `inspect` no site code).
  splitting: true,
  outdir,
  // Licences go to licenses.txt whole, so the comments are not needed in the code.
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning'
}

// @actions/artifact imports unzip-stream for downloads, which ipa-ota never makes; its
// dependencies (binary, chainsaw, buffers) ship without a usable licence, so the bundle gets a
// stub in its place instead of code we could not redistribute.
const noArtifactDownload = {
  name: 'no-artifact-download',
  setup(build) {
    build.onResolve({ filter: /^unzip-stream$/ }, () => ({
      path: 'unzip-stream',
      namespace: 'no-artifact-download'
    }))
    build.onLoad({ filter: /.*/, namespace: 'no-artifact-download' }, () => ({
      contents:
        "export default { Extract() { throw new Error('ipa-ota does not download artifacts') } }",
      loader: 'js'
    }))
  }
}

// plist's index re-exports its builder, which imports xmlbuilder (200 kB). esbuild splits code by
// file, so every chunk that only parses plists (the IPA reader, all `ipa-ota inspect` loads) would
// carry xmlbuilder too; the IPA reader gets plist's parse module instead.
// Every import of that module goes through this plugin, its own index's too: reached both ways,
// esbuild's facts about it (ESM or not) depended on which came first, and the chunks on the race.
const plistIndex = fileURLToPath(import.meta.resolve('plist'))
const plistParser = join(dirname(plistIndex), 'parse.js')
const plistParseOnly = {
  name: 'plist-parse-only',
  setup(build) {
    build.onResolve({ filter: /^(plist|\.\/parse\.js)$/ }, ({ path, importer }) =>
      (path === 'plist' && importer.endsWith(join('src', 'ipa', 'plist.ts'))) ||
      (path === './parse.js' && importer === plistIndex)
        ? { path: plistParser }
        : undefined
    )
  }
}

const action = await build({
  ...common,
  plugins: [noArtifactDownload, plistParseOnly],
  target: 'node24', // action.yml runs it on node24
  entryPoints: { index: 'src/index.ts' },
  chunkNames: 'chunks/[name]-[hash]',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: requireShim }
})
const cli = await build({
  ...common,
  target: 'node20', // people run the CLI on the Node they have; package.json engines
  plugins: [plistParseOnly],
  entryPoints: { cli: 'src/cli.ts' },
  // Each run reads (and the compile cache hashes) every byte of the chunks a command loads: a
  // third fewer bytes without whitespace. Names are kept, so a stack trace of our bug reads.
  minifyWhitespace: true,
  minifySyntax: true,
  chunkNames: 'cli-chunks/[name]-[hash]',
  banner: { js: `#!/usr/bin/env node\n${requireShim}` }
})
writeFileSync(
  `${outdir}/licenses.txt`,
  renderLicenses(bundledPackages([action.metafile, cli.metafile], '.'))
)
