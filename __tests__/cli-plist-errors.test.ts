/**
 * A broken XML Info.plist through the bundled CLI: our one-line error on stderr and nothing of the
 * XML parser's own reports, which it prints to the console unless given a handler.
 * Needs `npm run bundle`.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeZip } from './support/zip.js'

const run = promisify(execFile)

describe('dist/cli.js inspect on a broken XML Info.plist', () => {
  let work: string
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cli-plist-'))
  })
  afterAll(async () => {
    await rm(work, { recursive: true, force: true })
  })

  const inspect = async (infoPlist: string) => {
    const ipa = join(work, 'Broken.ipa')
    await writeZip(ipa, [
      { name: 'Payload/' },
      { name: 'Payload/Broken.app/' },
      { name: 'Payload/Broken.app/Info.plist', data: infoPlist }
    ])
    return run(process.execPath, [resolve('dist/cli.js'), 'inspect', ipa]).then(
      () => expect.fail('inspect accepted a broken Info.plist'),
      (error: { code: number; stdout: string; stderr: string }) => error
    )
  }

  it.each([
    [
      'a tag left open',
      '<?xml version="1.0"?><plist version="1.0"><dict><key>CFBundleName</key><string>x</dict></plist>',
      'Opening and ending tag mismatch: "string" != "dict"'
    ],
    [
      'an unknown entity',
      '<plist version="1.0"><dict><key>CFBundleName</key><string>&bogus;</string></dict></plist>',
      'entity not found:&bogus;'
    ],
    [
      'text outside the root element',
      'garbage <plist version="1.0"><dict/></plist>',
      "Unexpected content outside root element: 'garbage'"
    ],
    ['an unquoted attribute', '<plist version=1.0><dict/></plist>', 'attribute "1.0" missed quot']
  ])('%s: one line of ours on stderr', async (_, infoPlist, reason) => {
    const { code, stdout, stderr } = await inspect(infoPlist)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(
      /^ipa-ota: Payload\/Broken\.app\/Info\.plist is not a valid property list \(.+\); rebuild the app so Xcode writes it again\.\n$/
    )
    expect(stderr).toContain(reason)
    expect(stderr).not.toContain('xmldom')
  })
})
