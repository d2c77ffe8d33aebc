/**
 * The command line as a user meets it: the bundled dist/cli.js (run `npm run bundle` first) in a
 * child process, its output and exit status.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS } from '../src/cli/commands.js'
import { listFiles } from './support/files.js'
import { writeSampleIpa } from './support/sample-ipa.js'

const CLI = join(process.cwd(), 'dist/cli.js')
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version

interface Result {
  code: number
  stdout: string
  stderr: string
}

function cli(...args: string[]): Promise<Result> {
  return cliWith({}, ...args)
}

function cliWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const options = { cwd: work, env: { ...process.env, ...env } }
    execFile(process.execPath, [CLI, ...args], options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

let work: string
let installable: string
let appStore: string
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-'))
  installable = join(work, 'Sample.ipa')
  appStore = join(work, 'AppStore.ipa')
  await writeSampleIpa(installable)
  await writeSampleIpa(appStore, { profileType: 'app-store' })
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const commands = await Promise.all(
  Object.entries(COMMANDS).map(async ([name, entry]) => ({ name, command: await entry.load() }))
)

describe('help and version', () => {
  it.each([['--help'], ['-h'], ['help']])('ipa-ota %j lists every command', async (...args) => {
    const result = await cli(...args)
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toContain('Usage: ipa-ota <command> [options]')
    const lines = result.stdout.split('\n')
    for (const [name, { summary }] of Object.entries(COMMANDS)) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^  ${name} +\\S`)))
      expect(lines.some((line) => line.startsWith(`  ${name} `) && line.endsWith(summary))).toBe(
        true
      )
    }
  })

  it.each(
    commands.flatMap(({ name }) => [
      [name, '--help'],
      [name, '-h'],
      ['help', name]
    ])
  )('ipa-ota %s %s prints the usage, every flag and the exit statuses', async (...args) => {
    const name = args[0] === 'help' ? args[1] : args[0]
    const { command } = commands.find((entry) => entry.name === name)!
    const result = await cli(...args)
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(new RegExp(`^Usage: ipa-ota ${name} `))
    const lines = result.stdout.split('\n')
    for (const [flag, { type, value }] of Object.entries(command.flags)) {
      const shown = `  --${flag}${type === 'string' ? ` ${value ?? '<value>'}` : ''}  `
      expect(lines.filter((line) => line.startsWith(shown))).toHaveLength(1)
    }
    expect(result.stdout).toContain('\nExit status:\n  0  done\n  1  ')
    expect(result.stdout).toContain('\n  2  wrong usage')
  })

  it.each([['--version'], ['-V'], ['-v']])(
    '%s prints the version of package.json',
    async (flag) => {
      expect(await cli(flag)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
    }
  )
})

describe('usage errors: one line naming the flag, exit status 2, before the IPA is read', () => {
  // The IPA path does not exist: an error about a flag proves it came first.
  const missing = '/nowhere/App.ipa'
  it.each([
    [['inspect', '--help=yes'], /^ipa-ota: inspect: --help takes no value\./],
    [['inspect', '--foo', missing], /^ipa-ota: inspect: unknown option --foo\./],
    [['inspect', '-x', missing], /^ipa-ota: inspect: unknown option -x\./],
    [['inspect', '--json=1', missing], /^ipa-ota: inspect: --json takes no value\./],
    [['inspect'], /^ipa-ota: inspect: give the path of the \.ipa\./],
    [['inspect', 'a.ipa', 'b.ipa'], /^ipa-ota: inspect: give exactly one \.ipa path, not 2\./],
    [['bogus'], /^ipa-ota: unknown command "bogus": use one of inspect, site/],
    [['site', missing], /^ipa-ota: site: --base-url is required/],
    [['site', missing, '--base-url'], /^ipa-ota: site: --base-url needs a value\./],
    [
      ['site', missing, '--base-url', '--out', 'x'],
      /^ipa-ota: site: --base-url needs a value, not the option --out \(write --base-url=--out if that is the value\)\./
    ],
    [
      ['site', missing, '--base-url', 'http://builds.example.com'],
      /^ipa-ota: site: --base-url is "http:\/\/builds\.example\.com": iOS installs only over https/
    ],
    [
      ['site', missing, '--base-url', 'https://builds.example.com/ota?v=2'],
      /^ipa-ota: site: --base-url is "https:\/\/builds\.example\.com\/ota\?v=2": a query or fragment would end up inside every build link/
    ],
    [
      ['site', missing, '--base-url=https://builds.example.com/#x'],
      /^ipa-ota: site: --base-url is .*a query or fragment/
    ],
    [
      ['site', missing, '--base-url', 'https://b.example.com', '--qr', 'both'],
      /^ipa-ota: site: --qr is "both": use one of page, link\./
    ],
    [
      ['site', missing, '--base-url', 'https://b.example.com', '--profile-check', 'no'],
      /^ipa-ota: site: --profile-check is "no": use one of error, warn, off\./
    ],
    [
      ['site', missing, '--base-url', 'https://b.example.com', '--keep', '0'],
      /^ipa-ota: site: --keep is "0": give a whole number of at least 1\./
    ],
    [
      ['site', missing, '--base-url', 'https://b.example.com', '--channel', '../x'],
      /^ipa-ota: site: --channel: The channel "\.\.\/x" would point outside its folder/
    ],
    [
      ['site', missing, '--base-url', 'https://b.example.com', '--path', 'a/../../b'],
      /^ipa-ota: site: --path: The site path "a\/\.\.\/\.\.\/b" would point outside the site/
    ]
  ])('%j', async (args, message) => {
    const result = await cli(...args)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    if (args[0] !== 'bogus') {
      expect(result.stderr.trim()).toMatch(
        new RegExp(`Run "ipa-ota ${args[0]} --help" for its options\\.$`)
      )
    }
  })

  it('a missing IPA is exit status 1, not a usage error', async () => {
    const result = await cli('inspect', missing)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^ipa-ota: \/nowhere\/App\.ipa does not exist/)
  })
})

describe('the verdict, for scripts', () => {
  it('inspect exits 0 for a build a device can install and 3 for one it cannot, JSON or not', async () => {
    expect((await cli('inspect', installable)).code).toBe(0)
    const text = await cli('inspect', appStore)
    expect(text.code).toBe(3)
    expect(text.stdout).toContain('NOT installable over the air')
    const json = await cli('inspect', appStore, '--json')
    expect(json.code).toBe(3)
    expect(JSON.parse(json.stdout)).toMatchObject({ verdict: { installable: false } })
  })

  it('site refuses that build naming its own flag, and --profile-check warn writes it anyway', async () => {
    const out = join(work, 'site')
    const args = ['site', appStore, '--base-url', 'https://builds.example.com', '--out', out]
    const refused = await cli(...args)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/\(--profile-check warn publishes it anyway\.\)\n$/)
    expect(refused.stderr).not.toContain('profile-check: warn')
    expect(await listFiles(out)).toEqual([])

    const warned = await cli(...args, '--profile-check', 'warn', '--build-id', '7')
    expect(warned.code).toBe(0)
    expect(warned.stderr).toMatch(/^warning: /)
    expect(warned.stdout).toContain('Install page: https://builds.example.com/ota/local/7/')
    expect(await listFiles(out)).toContain('ota/local/7/build.json')
  })
})

describe('start-up', () => {
  const PRELOAD = join(import.meta.dirname, 'support/loaded-modules.mjs')
  // Packages only the site needs. esbuild keys each CommonJS module by its path, which the
  // minified chunks keep.
  const SITE_ONLY = ['xmlbuilder', 'qrcode']

  /** Which of SITE_ONLY a command's run loaded. */
  async function siteCodeLoaded(...args: string[]): Promise<string[]> {
    const list = join(work, `loaded-${args[0]}`)
    const run = await cliWith(
      { NODE_OPTIONS: `--import=${PRELOAD}`, LOADED_MODULES_FILE: list },
      ...args
    )
    expect(run.stderr).toBe('')
    const files = readFileSync(list, 'utf8').split('\n').filter(Boolean)
    const code = files.map((file) => readFileSync(file, 'utf8')).join('\n')
    return SITE_ONLY.filter((name) => code.includes(`node_modules/${name}/`))
  }

  it('inspect loads none of the site code: no plist builder, no QR code', async () => {
    expect(await siteCodeLoaded('inspect', installable, '--json')).toEqual([])
    // site loads them all, so the list above can tell.
    const out = join(work, 'site-loaded')
    const site = ['site', installable, '--base-url', 'https://builds.example.com', '--out', out]
    expect(await siteCodeLoaded(...site)).toEqual(SITE_ONLY)
  })
})

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8')
  const section = readme.slice(
    readme.indexOf('## Command line'),
    readme.indexOf('\n## ', readme.indexOf('## Command line') + 1)
  )

  it.each(
    commands.flatMap(({ name, command }) => Object.keys(command.flags).map((flag) => [name, flag]))
  )('"Command line" documents %s --%s', (name, flag) => {
    expect(section).toMatch(new RegExp(`ipa-ota ${name}\\b`))
    expect(section).toContain(`\`--${flag}`)
  })

  it('documents the exit statuses', () => {
    expect(section).toMatch(/exit status/i)
    for (const status of ['0', '1', '2', '3']) expect(section).toContain(`\`${status}\``)
  })
})
