import { resolve } from 'node:path'
import QRCode from 'qrcode'
import { parseBaseUrl } from '../base-url.js'
import { UserError } from '../errors.js'
import { createDirectoryHost } from '../hosts/directory.js'
import { readIpa } from '../ipa/read.js'
import type { IpaInfo, Verdict } from '../ipa/types.js'
import { judge } from '../ipa/verdict.js'
import { buildIdSlug, channelSlug, defaultBuildId, siteRoot } from '../ota/layout.js'
import { checkInstallable } from '../profile-check.js'
import { publishBuild, type Published } from '../publish.js'
import { checkDevices, type DeviceCheck, type ListedDevice } from '../ota/devices.js'
import { defineCommand, oneOf, onePath, UsageError, warn, type Values } from './args.js'
import { changeLines, deviceLines, readDeviceList, readNotes } from './site-files.js'

const flags = {
  'base-url': {
    type: 'string',
    value: '<https url>',
    help: 'https address the site is served from (required; no query or fragment)'
  },
  out: {
    type: 'string',
    value: '<dir>',
    default: 'ota-site',
    help: 'Folder to write the site to'
  },
  path: {
    type: 'string',
    value: '<folder>',
    default: 'ota',
    help: 'Folder of the site that holds the builds'
  },
  channel: {
    type: 'string',
    value: '<name>',
    default: 'local',
    help: 'Channel folder of the build'
  },
  'build-id': {
    type: 'string',
    value: '<id>',
    help: 'Build folder name (default: from the date and time)'
  },
  title: {
    type: 'string',
    value: '<text>',
    help: 'Heading of the install page (default: the app name)'
  },
  notes: { type: 'string', value: '<text>', help: 'Release notes shown on the install page' },
  'notes-file': {
    type: 'string',
    value: '<file>',
    help: 'Read the release notes from a text file instead (e.g. a generated changelog)'
  },
  'devices-file': {
    type: 'string',
    value: '<file>',
    help: "Apple's device list (developer portal: Devices › Export); the page shows which can install"
  },
  'compare-to': {
    type: 'string',
    value: '<channel>|none',
    help: "Channel whose newest build of the app this one is compared with (default: the build's own)"
  },
  qr: {
    type: 'string',
    value: 'page|link',
    default: 'page',
    help: 'What the QR code opens: the install page or the install link'
  },
  unlisted: {
    type: 'boolean',
    help: 'List the build in no index, in a folder with a random part: only its link leads to it'
  },
  keep: {
    type: 'string',
    value: '<n>',
    default: '10',
    help: 'Builds kept in the channel; older ones are removed'
  },
  'profile-check': {
    type: 'string',
    value: 'error|warn|off',
    default: 'error',
    help: 'A build no device can install: error refuses it, warn writes it anyway'
  }
} as const

type SiteValues = Values<typeof flags>

/** ipa-ota site: the same site as the action's host: directory, with the link and a terminal QR code. */
export const command = defineCommand({
  name: 'site',
  args: '<ipa> --base-url <https url>',
  flags,
  async run(values, positionals) {
    // Every flag is checked before the IPA is read.
    const options = { ...checkFlags(values, positionals), ...(await readFlagFiles(values)) }
    const info = await readIpa(options.ipa, { sha256: true })
    const verdict = judge(info, new Date())
    for (const warning of checkInstallable(verdict, options.profileCheck, '--profile-check warn'))
      warn(warning)
    const devices =
      options.deviceList === undefined || info.profile === undefined
        ? undefined
        : checkDevices(options.deviceList, info.profile)
    const published = await writeSite(values, options, { info, verdict, devices })
    await printSite(values, options, published, devices)
  }
})

type SiteOptions = ReturnType<typeof checkFlags> & Awaited<ReturnType<typeof readFlagFiles>>

/** The flags' values, checked and normalised; files are read by readFlagFiles. */
function checkFlags(values: SiteValues, positionals: string[]) {
  const ipa = onePath(positionals)
  if (values['base-url'] === undefined)
    throw new UsageError('--base-url is required: the https address the site will be served from.')
  const baseUrl = asUsage('', () => parseBaseUrl('--base-url', values['base-url']!))
  const qr = oneOf('--qr', values.qr, ['page', 'link'] as const)
  const profileCheck = oneOf('--profile-check', values['profile-check'], [
    'error',
    'warn',
    'off'
  ] as const)
  const keep = Number(values.keep)
  if (!/^\d+$/.test(values.keep) || !Number.isSafeInteger(keep) || keep < 1)
    throw new UsageError(`--keep is "${values.keep}": give a whole number of at least 1.`)
  const root = asUsage('--path', () => siteRoot(values.path))
  const channel = asUsage('--channel', () => channelSlug(values.channel))
  const buildId = values['build-id']
  if (buildId !== undefined) asUsage('--build-id', () => buildIdSlug(buildId))
  if (values.notes !== undefined && values['notes-file'] !== undefined)
    throw new UsageError('--notes and --notes-file are both given: give only one of them.')
  const compareTo = values['compare-to']
  const compareWith =
    compareTo === 'none'
      ? undefined
      : compareTo === undefined
        ? channel
        : asUsage('--compare-to', () => channelSlug(compareTo))
  return { ipa, baseUrl, qr, profileCheck, keep, root, channel, buildId, compareWith }
}

/** The release notes and the device list, from --notes-file and --devices-file. */
async function readFlagFiles(
  values: SiteValues
): Promise<{ notes?: string; deviceList?: ListedDevice[] }> {
  const notes =
    values['notes-file'] === undefined ? values.notes : await readNotes(values['notes-file'])
  const deviceList =
    values['devices-file'] === undefined ? undefined : await readDeviceList(values['devices-file'])
  return { notes, deviceList }
}

/** Publishes the build into the folder --out, as the action's host: directory does. */
async function writeSite(
  values: SiteValues,
  options: SiteOptions,
  build: { info: IpaInfo; verdict: Verdict; devices: DeviceCheck | undefined }
): Promise<Published> {
  const now = new Date()
  const source = { serverUrl: 'https://github.com' }
  return await publishBuild(
    build.info,
    createDirectoryHost({ dir: values.out, baseUrl: options.baseUrl, warn }),
    {
      root: options.root,
      channel: options.channel,
      buildId: options.buildId ?? defaultBuildId(source, now),
      unlisted: values.unlisted,
      source,
      title: values.title,
      notes: options.notes,
      // As in the action: the pages show why instead of an Install button.
      blockers: options.profileCheck === 'warn' ? build.verdict.errors : [],
      qr: options.qr,
      now,
      warn,
      compareWith: options.compareWith,
      devices: build.devices,
      retention: { keep: options.keep }
    }
  )
}

/** Prints where the site is, its links, what changed, and a QR code to scan. */
async function printSite(
  values: SiteValues,
  options: SiteOptions,
  { site, changes }: Published,
  devices: DeviceCheck | undefined
): Promise<void> {
  const { urls } = site.record
  const scanned = options.qr === 'page' ? urls.page : urls.install
  process.stdout.write(
    [
      `Site written to ${resolve(values.out, site.dir)}`,
      `Install page: ${urls.page}`,
      `Install link: ${urls.install}`,
      ...changeLines(changes),
      ...deviceLines(devices),
      `Scan to install (${scanned}):`,
      await QRCode.toString(scanned, { type: 'terminal', small: true })
    ].join('\n')
  )
}

/** A value the shared validation refuses is a usage error here (exit status 2), naming `flag`. */
function asUsage<T>(flag: string, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    throw new UsageError(flag ? `${flag}: ${error.message}` : error.message)
  }
}
