/**
 * The README's quick start and command line on Node 20, the oldest Node package.json accepts:
 * dist/cli.js and the demo script run there. .ci/run installs Node 20 from the npm registry and
 * names it in IPA_OTA_NODE20; outside CI the tests skip when it is not set. Needs `npm run bundle`.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSampleIpa } from './support/sample-ipa.js'

const run = promisify(execFile)
const node20 = process.env.IPA_OTA_NODE20
if (!node20 && process.env.CI === 'true')
  throw new Error('IPA_OTA_NODE20 is not set: .ci/run sets it')
if (!node20) console.warn('IPA_OTA_NODE20 is not set: the Node 20 tests are skipped')

describe.skipIf(!node20)('on Node 20', () => {
  let work: string
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'node20-'))
  })
  afterAll(async () => {
    await rm(work, { recursive: true, force: true })
  })

  it('is Node 20', async () => {
    const { stdout } = await run(node20!, ['--version'])
    expect(stdout).toMatch(/^v20\./)
  })

  it('runs dist/cli.js inspect', async () => {
    const ipa = join(work, 'App.ipa')
    await writeSampleIpa(ipa, { name: 'Twenty' })
    const { stdout, stderr } = await run(node20!, [resolve('dist/cli.js'), 'inspect', ipa])
    expect(stdout).toMatch(/^App: +Twenty 1\.0 \(1\)$/m)
    expect(stdout).toMatch(/^Verdict: +installable over the air$/m)
    expect(stderr).toBe('')
  })

  it('runs npm run demo: the site in ./ota-site, its install link printed', async () => {
    const { stdout } = await run(node20!, [resolve('scripts/demo.mjs')], { cwd: work })
    const builds = await readdir(join(work, 'ota-site/ota/demo'), { withFileTypes: true })
    const build = builds.find((entry) => entry.isDirectory())!.name
    expect(await readdir(join(work, 'ota-site/ota/demo', build))).toEqual(
      expect.arrayContaining(['index.html', 'manifest.plist', 'sample.ipa', 'qr.png'])
    )
    expect(stdout).toContain(
      `Install link: itms-services://?action=download-manifest&url=${encodeURIComponent(`https://builds.example.com/ota/demo/${build}/manifest.plist`)}`
    )
  })
})
