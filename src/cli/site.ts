import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import QRCode from 'qrcode'
import { UserError } from '../errors.js'
import { createDirectoryHost } from '../hosts/directory.js'
import { readIpa } from '../ipa/read.js'
import { judge } from '../ipa/verdict.js'
import { channelSlug, defaultBuildId, siteRoot } from '../ota/layout.js'
import { checkInstallable, publishBuild } from '../publish.js'
import { oneOf, onePath, usage, warn } from './args.js'

/** ipa-ota site: the same site as the action's host: directory, with the link and a terminal QR code. */
export async function siteCommand(args: string[]): Promise<void> {
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
  for (const warning of checkInstallable(judge(info, new Date()), profileCheck)) warn(warning)
  const now = new Date()
  const source = { serverUrl: 'https://github.com' }
  const { site } = await publishBuild(
    info,
    createDirectoryHost({ dir: values.out, baseUrl, warn }),
    {
      root: siteRoot(values.path),
      channel: channelSlug(values.channel),
      buildId: values['build-id'] ?? defaultBuildId(source, now),
      source,
      title: values.title,
      notes: values.notes,
      qr,
      now,
      warn,
      retention: { keep }
    }
  )
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
