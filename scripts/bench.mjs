// Benchmark of reading an .ipa: wall time and peak memory (max RSS) of our inspect, of
// app-info-parser (the npm peer) and of `unzip -p … Info.plist | plistutil` (the floor), on IPAs
// of 10 MB, 500 MB and 2 GB made on the fly. The IPAs are sparse files (one large stored entry
// left as a hole, then Info.plist, an icon and a real provisioning profile from the fixtures
// corpus when it is there), so they cost no disk and take a second to make.
// Every run is a child process under /usr/bin/time, which reports its max RSS.
// First, the action's cold start: the time and memory `node dist/index.js` takes to stop on a
// missing input, beside a bare `node -e 0` and a node that loads the built-ins reading an IPA needs.
// Usage: npm run bench [-- --runs 3] [--cold-start (that table only)]
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { build as buildPlist } from 'plist'
import { PNG } from 'pngjs'
import { importTs } from './import-ts.mjs'

const run = promisify(execFile)
const root = resolve(import.meta.dirname, '..')
const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3
// [label, bytes of the large entry, number of small asset files, where they are listed]: size,
// then entry count, since asset-heavy apps hold tens of thousands of files and the central
// directory grows with them. Zip writers list a bundle's subfolders either after its own files
// (breadth first: the corpus's apple-tv.ipa lists Info.plist 18th of 55) or before them (depth
// first: iphone.ipa, 17th of 18), and a reader that stops once it has found Info.plist reads the
// first layout's few entries only: the bench has both.
const SIZES = [
  ['10 MB', 10e6, 0],
  ['500 MB', 500e6, 0],
  ['2 GB', 2e9, 0],
  ['2 GB, 50k files after Info.plist', 2e9, 50_000, 'after'],
  ['2 GB, 50k files before Info.plist', 2e9, 50_000, 'before']
]

const PROFILE = resolve(root, '../shared/fixtures/profiles/ios_development.mobileprovision')
const profile = existsSync(PROFILE) ? readFileSync(PROFILE) : undefined
if (!profile) console.log(`no ${PROFILE}: the IPAs carry no provisioning profile`)
const icon = new PNG({ width: 180, height: 180 })
icon.data.fill(0x80)
const iconPng = PNG.sync.write(icon)
// Through esbuild rather than Node's type stripping, which Node 20 lacks.
const { writeZip } = await importTs('__tests__/support/zip.ts')

await coldStart()
if (process.argv.includes('--cold-start')) process.exit(0)

const work = mkdtempSync(join(tmpdir(), 'ipa-bench-'))
try {
  const inspect = await inspectCommand()
  const peer = join(work, 'peer.cjs')
  writeFileSync(
    peer,
    `const AppInfoParser = require(${JSON.stringify(join(root, 'node_modules/app-info-parser'))})
new AppInfoParser(process.argv[2]).parse().then((info) => console.log(JSON.stringify(info).length))`
  )
  const tools = [
    ['ipa-ota inspect', (ipa) => [...inspect, ipa]],
    ['app-info-parser', (ipa) => [process.execPath, peer, ipa]],
    [
      'unzip | plistutil (floor)',
      (ipa) => [
        'sh',
        '-c',
        'unzip -p "$1" "Payload/*.app/Info.plist" | plistutil -i - -o -',
        'sh',
        ipa
      ]
    ]
  ]

  const rows = []
  for (const [label, bytes, files, assets] of SIZES) {
    const ipa = join(work, `bench-${label.replace(/\W+/g, '')}.ipa`)
    await makeIpa(ipa, bytes, files, assets)
    for (const [tool, argv] of tools) {
      const samples = []
      // inspect exits 3 for an IPA it read that no device can install (as these may be).
      const failing = tool === 'ipa-ota inspect'
      for (let i = 0; i < RUNS; i++) samples.push(await measure(argv(ipa), { failing }))
      const seconds = median(samples.map((sample) => sample.seconds))
      const rssMb = Math.max(...samples.map((sample) => sample.rssKb)) / 1024
      rows.push({ size: label, tool, seconds, rssMb })
    }
    rmSync(ipa)
  }
  printTable(rows)
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** `node dist/cli.js inspect --json` once the CLI has it, else a bundle of scripts/bench-inspect.ts. */
async function inspectCommand() {
  const cli = join(root, 'dist/cli.js')
  if (existsSync(cli)) {
    const probe = join(work, 'probe.ipa')
    await makeIpa(probe, 1e5)
    // Exit 3: read, but not installable over the air (the probe's development profile).
    const works = await run(process.execPath, [cli, 'inspect', probe, '--json']).then(
      () => true,
      (error) => error.code === 3
    )
    rmSync(probe)
    if (works) {
      console.log('ipa-ota inspect: dist/cli.js inspect --json')
      return [process.execPath, cli, 'inspect', '--json']
    }
  }
  const bundle = join(work, 'inspect.mjs')
  await build({
    entryPoints: [join(root, 'scripts/bench-inspect.ts')],
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    outfile: bundle,
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
    }
  })
  console.log(
    'ipa-ota inspect: src bundled from scripts/bench-inspect.ts (dist/cli.js has no inspect)'
  )
  return [process.execPath, bundle]
}

/** Start-up of the action, which loads its bundle before it can read an input. */
async function coldStart() {
  const action = join(root, 'dist/index.js')
  if (!existsSync(action)) {
    console.log('no dist/index.js (npm run bundle): cold start not measured')
    return
  }
  // No INPUT_* and no GITHUB_*: the action stops at the first input it needs.
  const env = { PATH: process.env.PATH }
  const rows = []
  for (const [tool, argv] of [
    ['node -e 0', [process.execPath, '-e', '0']],
    // What no IPA reader in Node can go below: inflating needs zlib, and checking the profile's
    // signature needs crypto.
    [
      'node, zlib and crypto loaded',
      [process.execPath, '--input-type=module', '-e', "import 'node:zlib'; import 'node:crypto'"]
    ],
    ['action, missing input', [process.execPath, action]]
  ]) {
    const samples = []
    for (let i = 0; i < RUNS; i++) samples.push(await measure(argv, { env, failing: true }))
    rows.push({
      size: 'none',
      tool,
      seconds: median(samples.map((sample) => sample.seconds)),
      rssMb: Math.max(...samples.map((sample) => sample.rssKb)) / 1024
    })
  }
  printTable(rows, 'input')
}

async function makeIpa(path, bytes, files = 0, assets = 'after') {
  const info = buildPlist({
    CFBundleIdentifier: 'com.example.bench',
    CFBundleShortVersionString: '1.0',
    CFBundleVersion: '1',
    CFBundleName: 'Bench',
    CFBundleExecutable: 'Bench',
    CFBundleIcons: { CFBundlePrimaryIcon: { CFBundleIconFiles: ['AppIcon60x60'] } },
    MinimumOSVersion: '15.0',
    DTPlatformName: 'iphoneos',
    UIDeviceFamily: [1, 2]
  })
  const assetFiles = Array.from({ length: files }, (_, i) => ({
    name: `Payload/Bench.app/Assets/image-${i}.png`,
    data: 'x',
    method: 'store'
  }))
  await writeZip(path, [
    { name: 'Payload/' },
    { name: 'Payload/Bench.app/' },
    ...(assets === 'before' ? assetFiles : []),
    { name: 'Payload/Bench.app/Bench', zeros: Math.round(bytes) },
    { name: 'Payload/Bench.app/Info.plist', data: info },
    { name: 'Payload/Bench.app/AppIcon60x60@3x.png', data: iconPng, method: 'store' },
    ...(profile ? [{ name: 'Payload/Bench.app/embedded.mobileprovision', data: profile }] : []),
    ...(assets === 'after' ? assetFiles : [])
  ])
}

/** Wall time and max RSS of one run; `failing` accepts a non-zero exit (the action's refusal). */
async function measure(argv, { env, failing = false } = {}) {
  const { stderr } = await run('/usr/bin/time', ['-f', '@@ %e %M', ...argv], {
    maxBuffer: 64 * 1024 * 1024,
    env
  }).catch((error) => {
    if (failing && typeof error.code === 'number') return error
    throw error
  })
  const match = /@@ ([\d.]+) (\d+)\s*$/.exec(stderr)
  if (!match) throw new Error(`no timing from ${argv.join(' ')}: ${stderr}`)
  return { seconds: Number(match[1]), rssKb: Number(match[2]) }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function printTable(rows, first = 'IPA size') {
  const header = [first, 'tool', 'wall time (s)', 'peak RSS (MB)']
  const lines = rows.map((row) => [
    row.size,
    row.tool,
    row.seconds.toFixed(2),
    row.rssMb.toFixed(1)
  ])
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i].length))
  )
  const format = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  console.log(format(header))
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
  for (const line of lines) console.log(format(line))
  console.log(`median of ${RUNS} runs; peak RSS is the largest of them`)
}
