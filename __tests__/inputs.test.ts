import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { getSettings } from '../src/inputs.js'
import { inputEnv, withEnv } from './support/action-inputs.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inputs-'))
  await writeFile(join(dir, 'App.ipa'), 'x')
  await writeFile(join(dir, 'Other.ipa'), 'x')
})

const settingsFor = (inputs: Record<string, string>) => withEnv(inputEnv(inputs), getSettings)

describe('getSettings', () => {
  it('reads action.yml defaults into typed settings', async () => {
    const settings = await settingsFor({ ipa: join(dir, 'App.ipa') })
    expect(settings).toMatchObject({
      mode: 'publish',
      ipa: join(dir, 'App.ipa'),
      host: 'pages',
      token: 'ghs_testtoken0000',
      outputDir: 'ota-site',
      path: 'ota',
      qr: 'page',
      profileCheck: 'error',
      keep: 10,
      maxSiteSize: 900_000_000,
      history: 'keep',
      pagesBranch: 'gh-pages',
      pagesSharedBranch: false,
      wait: true,
      waitTimeoutMs: 600_000,
      comment: 'auto',
      deployment: false,
      releaseTag: 'ota-{channel}'
    })
    expect(settings.channel).toBeUndefined()
    expect(settings.s3).toMatchObject({ region: 'us-east-1', forcePathStyle: false })
  })

  it('resolves a glob that matches exactly one IPA', async () => {
    const settings = await settingsFor({ ipa: join(dir, 'A*.ipa') })
    expect(settings.ipa).toBe(join(dir, 'App.ipa'))
  })

  it.each([
    [{ ipa: '' }, /Input ipa is required/],
    [{ ipa: '/nowhere/*.ipa' }, /matches no file/],
    [{ ipa: 'DIR/*.ipa' }, /matches 2 files/],
    [{ host: 'ftp' }, /Input host is "ftp", which is not one of pages, directory, s3, release/],
    [{ keep: '-1' }, /Input keep is "-1": it must be a whole number of at least 1/],
    [{ keep: 'ten' }, /Input keep is "ten"/],
    [{ 'base-url': 'http://example.com' }, /iOS installs only over https/],
    [{ host: 'directory' }, /base-url is required with host: directory/],
    [
      { 'base-url': 'https://example.com/ota?v=1' },
      /Input base-url is "https:\/\/example\.com\/ota\?v=1": a query or fragment would end up inside every build link; give the address of the site's folder only, e\.g\. https:\/\/example\.com\/ota\./
    ],
    [{ 'base-url': 'https://example.com/#top' }, /Input base-url .*a query or fragment/],
    [{ 'base-url': 'https://example.com/?' }, /Input base-url .*a query or fragment/],
    [{ 'base-url': 'https://me:pw@example.com/' }, /Input base-url contains a user name/],
    [
      { 'public-base-url': 'https://cdn.example.com/#x' },
      /Input public-base-url .*a query or fragment/
    ],
    [{ host: 's3' }, /s3-bucket is required/],
    [{ path: '../x' }, /site path "\.\.\/x" would point outside the site/],
    [{ channel: '../x' }, /channel "\.\.\/x" would point outside its folder/],
    [{ 'max-site-size': 'lots' }, /give a size such as 900MB/],
    [{ wait: 'yes' }, /Input wait is "yes": use true or false/],
    [{ 'github-token': '' }, /github-token is empty/]
  ])('refuses %o with a clear message', async (inputs, message) => {
    const ipa = (inputs as Record<string, string>).ipa?.replace('DIR', dir) ?? join(dir, 'App.ipa')
    const error = await settingsFor({ ...inputs, ipa }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(message)
  })

  it('needs no IPA to remove a channel', async () => {
    const settings = await settingsFor({ mode: 'remove', ipa: '' })
    expect(settings.ipa).toBeUndefined()
  })

  it('parses sizes and the wait timeout', async () => {
    const settings = await settingsFor({
      ipa: join(dir, 'App.ipa'),
      'max-site-size': '1.5GiB',
      'wait-timeout': '3',
      'pr-number': '42'
    })
    expect(settings.maxSiteSize).toBe(1.5 * 1024 ** 3)
    expect(settings.waitTimeoutMs).toBe(180_000)
    expect(settings.prNumber).toBe(42)
  })

  it('reads wait-timeout 0 as the maximum, 60 minutes, and refuses more', async () => {
    const settings = await settingsFor({ ipa: join(dir, 'App.ipa'), 'wait-timeout': '0' })
    expect(settings.waitTimeoutMs).toBe(60 * 60_000)
    await expect(settingsFor({ ipa: join(dir, 'App.ipa'), 'wait-timeout': '61' })).rejects.toThrow(
      'Input wait-timeout is "61": GitHub Pages needs at most 60 minutes; give a number from 1 to 60 (0 means 60).'
    )
  })

  it('normalises base-url and public-base-url as a browser would', async () => {
    const settings = await settingsFor({
      ipa: join(dir, 'App.ipa'),
      'base-url': 'https://Builds.EXAMPLE.com',
      'public-base-url': 'https://cdn.example.com/a b/../ota'
    })
    expect(settings.baseUrl).toBe('https://builds.example.com/')
    expect(settings.s3.publicBaseUrl).toBe('https://cdn.example.com/ota')
  })
})
