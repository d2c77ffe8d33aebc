/**
 * `mode: provision`: for each bundle id, an active profile holding exactly the chosen certificate
 * and every enabled iOS device. Profiles cannot be edited, so a changed device list means a new
 * profile, created before the old one is deleted; only profiles ipa-ota made (by name) are deleted.
 */
import { UserError } from '../errors.js'
import { parseProfile } from '../ipa/profile.js'
import type { AscClient } from './client.js'
import {
  createProfile,
  deleteProfile,
  findBundleId,
  listCertificates,
  listDevices,
  listProfiles,
  profileMembers,
  type BundleId,
  type Certificate,
  type Profile
} from './resources.js'

export type ProfileKind = 'ad-hoc' | 'development'

export const KINDS = {
  'ad-hoc': { profileType: 'IOS_APP_ADHOC', certificates: ['DISTRIBUTION', 'IOS_DISTRIBUTION'] },
  development: {
    profileType: 'IOS_APP_DEVELOPMENT',
    certificates: ['DEVELOPMENT', 'IOS_DEVELOPMENT']
  }
} as const

/** The device classes an iOS app profile holds (an Apple TV or a Mac needs a profile of its own platform). */
const IOS_CLASSES = new Set(['IPHONE', 'IPAD', 'IPOD', 'APPLE_WATCH', 'APPLE_VISION_PRO'])

export interface ProvisionOptions {
  bundleIds: readonly string[]
  kind: ProfileKind
  /** A certificate id or serial number; default: the single valid one of the needed type. */
  certificate?: string
  dryRun: boolean
  now: Date
  log: (line: string) => void
}

export interface ProvisionedProfile {
  bundleId: string
  name: string
  uuid: string
  teamId: string
  /** The .mobileprovision file. */
  content: Buffer
}

export interface ProvisionResult {
  /** Empty on a dry run. */
  profiles: ProvisionedProfile[]
  created: string[]
  deleted: string[]
}

/** The name prefix that marks a profile as ipa-ota's own. */
export const ownPrefix = (kind: ProfileKind, identifier: string) => `ipa-ota ${kind} ${identifier} `

export async function provision(
  asc: AscClient,
  options: ProvisionOptions
): Promise<ProvisionResult> {
  const kind = KINDS[options.kind]
  const certificate = chooseCertificate(await listCertificates(asc, kind.certificates), options)
  const devices = (await listDevices(asc, { status: 'ENABLED', platform: 'IOS' }))
    .filter((d) => d.deviceClass === undefined || IOS_CLASSES.has(d.deviceClass))
    .map((d) => d.id)
  const result: ProvisionResult = { profiles: [], created: [], deleted: [] }
  for (const identifier of options.bundleIds) {
    const bundle = await findBundleId(asc, identifier)
    const ours = (await listProfiles(asc, bundle.id)).filter((p) =>
      p.name.startsWith(ownPrefix(options.kind, identifier))
    )
    let keep = await findCurrent(asc, ours, kind.profileType, certificate.id, devices, options.now)
    const stale = ours.filter((p) => p !== keep)
    if (options.dryRun) {
      options.log(
        `${identifier}: ${keep ? `keep ${keep.name}` : `would create a profile with ${devices.length} device(s)`}${stale.length > 0 ? `; would delete ${stale.map((p) => p.name).join(', ')}` : ''}`
      )
      continue
    }
    if (!keep) {
      keep = await createProfile(asc, {
        name: `${ownPrefix(options.kind, identifier)}${stamp(options.now)}`,
        profileType: kind.profileType,
        bundleId: bundle.id,
        certificate: certificate.id,
        devices
      })
      result.created.push(keep.name)
      options.log(`${identifier}: created ${keep.name} with ${devices.length} device(s)`)
    } else {
      options.log(`${identifier}: ${keep.name} is up to date`)
    }
    // Only after the new profile exists: a failed creation leaves the old one working.
    for (const old of stale) {
      await deleteProfile(asc, old.id)
      result.deleted.push(old.name)
      options.log(`${identifier}: deleted ${old.name}`)
    }
    result.profiles.push(await readContent(keep, bundle))
  }
  return result
}

/** The certificate named by `certificate` (id or serial), else the single valid one. */
export function chooseCertificate(
  all: readonly Certificate[],
  options: Pick<ProvisionOptions, 'certificate' | 'kind' | 'now'>
): Certificate {
  const valid = all.filter((c) => new Date(c.expirationDate) > options.now)
  const list = (certs: readonly Certificate[]) =>
    certs.map((c) => `${c.name} (id ${c.id}, serial ${c.serialNumber})`).join('; ')
  const wanted = options.certificate?.toLowerCase()
  if (wanted !== undefined) {
    const found = valid.find(
      (c) => c.id.toLowerCase() === wanted || c.serialNumber.toLowerCase() === wanted
    )
    if (found) return found
    throw new UserError(
      `Input certificate "${options.certificate}" is not a valid ${options.kind} certificate of the team: use one of ${list(valid) || 'none'}.`
    )
  }
  if (valid.length === 1) return valid[0]!
  if (valid.length === 0) {
    throw new UserError(
      `The team has no valid certificate of the type a${options.kind === 'ad-hoc' ? 'n ad-hoc' : ' development'} profile needs (${KINDS[options.kind].certificates.join(' or ')}): create one in Certificates, Identifiers & Profiles › Certificates.`
    )
  }
  throw new UserError(
    `The team has ${valid.length} valid ${options.kind} certificates: set the input certificate to the id or serial number of the one the build signs with: ${list(valid)}.`
  )
}

/** An active profile of ours with exactly this certificate and these devices (by id, not count). */
async function findCurrent(
  asc: AscClient,
  ours: readonly Profile[],
  profileType: string,
  certificate: string,
  devices: readonly string[],
  now: Date
): Promise<Profile | undefined> {
  for (const profile of ours) {
    if (profile.profileState !== 'ACTIVE' || profile.profileType !== profileType) continue
    if (new Date(profile.expirationDate) <= now) continue
    const members = await profileMembers(asc, profile.id)
    if (sameSet(members.certificates, [certificate]) && sameSet(members.devices, devices)) {
      return profile
    }
  }
  return undefined
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a)
  return set.size === new Set(b).size && b.every((id) => set.has(id))
}

/** Profile names must be unique in a team: the old profile still exists when the new one is made. */
function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
}

async function readContent(profile: Profile, bundle: BundleId): Promise<ProvisionedProfile> {
  const content = Buffer.from(profile.profileContent, 'base64')
  const info = await parseProfile(content, bundle.identifier)
  return {
    bundleId: bundle.identifier,
    name: profile.name,
    uuid: info.uuid,
    teamId: info.teamId ?? bundle.seedId,
    content
  }
}
