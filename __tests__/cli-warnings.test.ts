/**
 * The command line shares record.ts with the action but is no runner: a build.json it cannot use
 * is reported as a plain warning on stderr, never as a `::warning::` workflow command.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { writeSampleIpa } from './support/sample-ipa.js'

let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-warnings-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

it('ipa-ota site prints a plain warning for a planted build.json and still writes the site', async () => {
  const ipa = join(work, 'Sample.ipa')
  await writeSampleIpa(ipa)
  const planted = join(work, 'out', 'ota', 'local', 'old')
  await mkdir(planted, { recursive: true })
  await writeFile(
    join(planted, 'build.json'),
    JSON.stringify({ schema: 1, channel: 'local', sha: 1 })
  )
  const { stdout, stderr } = await promisify(execFile)('node', [
    'dist/cli.js',
    'site',
    ipa,
    '--base-url',
    'https://builds.example.com',
    '--out',
    join(work, 'out')
  ])
  expect(stdout).toContain('Install link: itms-services://')
  expect(stderr).toMatch(
    /^warning: Ignoring .*build\.json: buildId is missing, so it is not an ipa-ota build\.json\./m
  )
  expect(stderr).not.toContain('::warning::')
})
