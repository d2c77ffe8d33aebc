// npm run demo: makes a sample IPA, then builds its OTA site into ./ota-site with the CLI, as
// `ipa-ota site` would for your own build, and prints the install link and QR code.
// ota-site is made in the current folder, so a test can run the demo in a temporary one.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { writeSampleIpa } from './sample-ipa.mjs'

const root = resolve(import.meta.dirname, '..')
const cli = join(root, 'dist/cli.js')
if (!existsSync(cli)) execFileSync('npm', ['run', '-s', 'bundle'], { cwd: root, stdio: 'inherit' })
// The input IPA lives outside the site: anything left in ota-site would be published with it.
const scratch = await mkdtemp(join(tmpdir(), 'ipa-ota-demo-'))
const ipa = join(scratch, 'Sample.ipa')
await writeSampleIpa(ipa)
try {
  execFileSync(
    process.execPath,
    [
      cli,
      'site',
      ipa,
      '--base-url',
      'https://builds.example.com',
      '--out',
      'ota-site',
      '--channel',
      'demo',
      '--notes',
      'A sample build made by npm run demo.'
    ],
    { stdio: 'inherit' }
  )
} finally {
  await rm(scratch, { recursive: true, force: true })
}
console.log('\nOpen ota-site/ota/demo/<build>/index.html in a browser to see the install page.')
