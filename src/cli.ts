import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import QRCode from 'qrcode'
import { UserError } from './errors.js'
import { createDirectoryHost } from './hosts/directory.js'
import { formatInspect, inspectJson } from './ipa/inspect.js'
import { readIpa } from './ipa/read.js'
import { judge } from './ipa/verdict.js'
import { channelSlug, defaultBuildId, siteRoot } from './ota/layout.js'
import { checkInstallable, publishBuild } from './publish.js'

const usage = `Usage:
  ipa-ota inspect <ipa> [--json] [--sha256]
      Print what the action reads from the IPA and whether a device can install it over the air.
  ipa-ota site <ipa> --base-url <https url> [--out dir] [--path ota] [--channel c] [--build-id id]
                [--title t] [--notes text] [--qr page|link] [--keep n] [--profile-check error|warn|off]
      Write the same site as the action (host: directory) and print the install link and QR code.`

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  switch (command) {
    case 'inspect':
      return inspect(rest)
    case 'site':
      return site(rest)
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(`${usage}\n`)
      return
    default:
      throw new UserError(`Unknown command "${command}".\n${usage}`)
  }
}

async function inspect(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, sha256: { type: 'boolean' } }
  })
  const path = onePath(positionals)
  const info = await readIpa(path, { sha256: values.sha256 })
  const verdict = judge(info, new Date())
  process.stdout.write(
    values.json
      ? `${JSON.stringify(inspectJson(info, verdict), null, 2)}\n`
      : `${formatInspect(info, verdict)}\n`
  )
}

async function site(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'base-url': { type: 'string' },
      out: { type: 'string', default: 'ota-site' },
      path: { type: 'string', default: 'ota' },
      channel: { type: 'string', default: 'local' },
      'build-id': { type: 'string' },
      title: { type: 'string' },
      notes: { type: 'string' },
      qr: { type: 'string', default: 'page' },
      keep: { type: 'string', default: '10' },
      'profile-check': { type: 'string', default: 'error' }
    }
  })
  const baseUrl = values['base-url']
  if (!baseUrl)
    throw new UserError(
      `--base-url is required: the https address the site will be served from.\n${usage}`
    )
  const qr = oneOf('--qr', values.qr, ['page', 'link'] as const)
  const profileCheck = oneOf('--profile-check', values['profile-check'], [
    'error',
    'warn',
    'off'
  ] as const)
  const keep = Number(values.keep)
  if (!Number.isInteger(keep) || keep < 1)
    throw new UserError(`--keep is "${values.keep}": give a whole number of at least 1.`)

  const info = await readIpa(onePath(positionals), { sha256: true })
  for (const warning of checkInstallable(judge(info, new Date()), profileCheck)) {
    process.stderr.write(`warning: ${warning}\n`)
  }
  const now = new Date()
  const source = { serverUrl: 'https://github.com' }
  const { site } = await publishBuild(info, createDirectoryHost({ dir: values.out, baseUrl }), {
    root: siteRoot(values.path),
    channel: channelSlug(values.channel),
    buildId: values['build-id'] ?? defaultBuildId(source, now),
    source,
    title: values.title,
    notes: values.notes,
    qr,
    now,
    retention: { keep }
  })
  const { urls } = site.record
  const scanned = qr === 'page' ? urls.page : urls.install
  process.stdout.write(
    [
      `Site written to ${resolve(values.out, site.dir)}`,
      `Install page: ${urls.page}`,
      `Install link: ${urls.install}`,
      `Scan to install (${scanned}):`,
      await QRCode.toString(scanned, { type: 'terminal', small: true })
    ].join('\n')
  )
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new UserError(`${flag} is "${value}": use one of ${allowed.join(', ')}.`)
  return value as T
}

function onePath(positionals: string[]): string {
  if (positionals.length !== 1) throw new UserError(`Give exactly one .ipa path.\n${usage}`)
  return positionals[0]!
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // A UserError or a bad flag is the user's to fix: one line, no stack. Anything else is our bug.
  const known =
    error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  console.error(
    `ipa-ota: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}`
  )
  process.exitCode = 1
})
