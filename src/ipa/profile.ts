import { X509Certificate } from 'node:crypto'
import * as asn1js from 'asn1js'
import { UserError } from '../errors.js'
import { NotSignedData, readSignedData, type SignedData } from './cms.js'
import {
  isBinaryPlist,
  isPlistDict,
  parsePlistDict,
  type PlistDict,
  type PlistValue
} from './plist.js'
import type { CertificateInfo, ProfileInfo, ProfileType } from './types.js'

const FIX =
  're-export the build (Xcode Organizer or xcodebuild -exportArchive) so it embeds a valid provisioning profile'

/**
 * Reads a provisioning profile (embedded.mobileprovision, *.provisionprofile): a CMS SignedData
 * around a plist as Apple issues it, or a bare XML/binary plist. `bundleId`, when given, is
 * checked against the profile's application-identifier.
 */
export async function parseProfile(data: Buffer, bundleId?: string): Promise<ProfileInfo> {
  if (data.length === 0) {
    throw new UserError(`The provisioning profile is empty (0 bytes): ${FIX}.`)
  }
  const { plist, signature } = isBarePlist(data)
    ? { plist: data, signature: 'unsigned' as const }
    : openCms(data)
  return readProfile(parsePlistDict(plist, 'The provisioning profile'), signature, bundleId)
}

/** A binary plist, or XML: "<" after optional whitespace, or a UTF-16 byte-order mark. */
function isBarePlist(data: Buffer): boolean {
  const utf16 = (data[0] === 0xfe && data[1] === 0xff) || (data[0] === 0xff && data[1] === 0xfe)
  return (
    isBinaryPlist(data) || utf16 || /^(\uFEFF)?\s*</.test(data.subarray(0, 64).toString('utf8'))
  )
}

/** Unwraps the CMS container (BER, so indefinite lengths too) and checks its signature. */
function openCms(data: Buffer): { plist: Buffer; signature: 'valid' | 'invalid' } {
  const asn = asn1js.fromBER(data)
  if (asn.offset === -1) {
    throw new UserError(
      `The provisioning profile is neither a property list nor a CMS (PKCS#7) signed file (${asn.result.error}): ${FIX}.`
    )
  }
  let signed: SignedData
  try {
    signed = readSignedData(asn.result)
  } catch (error) {
    if (!(error instanceof NotSignedData)) throw error
    throw new UserError(
      `The provisioning profile is not CMS (PKCS#7) signed data (${error.message}): ${FIX}.`
    )
  }
  if (signed.content.length === 0) {
    throw new UserError(`The provisioning profile's CMS container holds no property list: ${FIX}.`)
  }
  return { plist: signed.content, signature: signed.verifies ? 'valid' : 'invalid' }
}

function readProfile(
  plist: PlistDict,
  signature: ProfileInfo['signature'],
  bundleId: string | undefined
): ProfileInfo {
  const name = stringAt(plist, 'Name')
  const uuid = stringAt(plist, 'UUID')
  const expires = dateAt(plist, 'ExpirationDate')
  if (name === undefined || uuid === undefined || expires === undefined) {
    const missing = [
      name === undefined && 'Name',
      uuid === undefined && 'UUID',
      expires === undefined && 'ExpirationDate'
    ].filter(Boolean)
    throw new UserError(
      `The provisioning profile has no ${missing.join(', ')}, so it is not a real provisioning profile: ${FIX}.`
    )
  }
  const entitlements = dictAt(plist, 'Entitlements')
  const teamId = stringsAt(plist, 'TeamIdentifier')[0]
  const appId =
    stringAt(entitlements, 'application-identifier') ??
    stringAt(entitlements, 'com.apple.application-identifier')
  const prefixes = [
    ...(teamId === undefined ? [] : [teamId]),
    ...stringsAt(plist, 'ApplicationIdentifierPrefix')
  ]
  const devices = stringsAt(plist, 'ProvisionedDevices')
  const provisionsAllDevices = plist['ProvisionsAllDevices'] === true
  const getTaskAllow =
    entitlements['get-task-allow'] ?? entitlements['com.apple.security.get-task-allow']

  return {
    type: profileType(provisionsAllDevices, getTaskAllow, devices.length),
    name,
    uuid,
    teamName: stringAt(plist, 'TeamName'),
    teamId,
    appId,
    appIdMatches:
      bundleId === undefined || appId === undefined
        ? undefined
        : appIdCovers(appId, prefixes, bundleId),
    created: dateAt(plist, 'CreationDate'),
    expires,
    devices,
    entitlements: Object.keys(entitlements).sort(),
    provisionsAllDevices,
    platforms: stringsAt(plist, 'Platform'),
    certificates: dataAt(plist, 'DeveloperCertificates').flatMap(readCertificate),
    signature
  }
}

function profileType(
  provisionsAllDevices: boolean,
  getTaskAllow: PlistValue | undefined,
  deviceCount: number
): ProfileType {
  if (provisionsAllDevices) return 'enterprise'
  if (getTaskAllow === true) return 'development'
  if (deviceCount === 0) return 'app-store'
  // Devices without get-task-allow false: macOS development profiles leave the key out.
  return getTaskAllow === false ? 'ad-hoc' : 'development'
}

/**
 * Whether an application-identifier ("TEAMID.com.example.app", "TEAMID.com.example.*",
 * "TEAMID.*") covers a bundle id. The prefix is stripped only when it is the team's or one of the
 * profile's ApplicationIdentifierPrefix values.
 */
function appIdCovers(appId: string, prefixes: string[], bundleId: string): boolean {
  const prefix = prefixes.find((candidate) => appId.startsWith(`${candidate}.`))
  const pattern = prefix === undefined ? appId : appId.slice(prefix.length + 1)
  return pattern.endsWith('*') ? bundleId.startsWith(pattern.slice(0, -1)) : pattern === bundleId
}

/**
 * Entries that are not X.509 DER (placeholders in redacted or hand-edited profiles) are left out.
 * Node's own X509Certificate (OpenSSL) rather than pkijs: a development profile can carry dozens
 * of certificates, and pkijs' schema matching made them most of the time `inspect` takes. Its
 * subject is RFC 4514-escaped already.
 */
function readCertificate(der: Uint8Array): CertificateInfo[] {
  let certificate: X509Certificate
  try {
    certificate = new X509Certificate(der)
  } catch {
    return []
  }
  // One attribute a line; a multi-valued RDN shares a line, joined by " + " (a "+" in a value is escaped).
  const attributes = certificate.subject
    .split('\n')
    .flatMap((line) => line.split(/ \+ (?=[\w.]+=)/))
    .filter((attribute) => attribute !== '')
  const commonName = attributes.find((line) => line.startsWith('CN='))
  return [
    {
      subject: attributes.join(', '),
      commonName: commonName?.slice(3).replace(/\\(.)/g, '$1'),
      notAfter: new Date(certificate.validTo)
    }
  ]
}

function stringAt(dict: PlistDict, key: string): string | undefined {
  const value = dict[key]
  return typeof value === 'string' ? value : undefined
}

function dateAt(dict: PlistDict, key: string): Date | undefined {
  const value = dict[key]
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined
}

function dictAt(dict: PlistDict, key: string): PlistDict {
  const value = dict[key]
  return isPlistDict(value) ? value : {}
}

function stringsAt(dict: PlistDict, key: string): string[] {
  const value = dict[key]
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []
}

function dataAt(dict: PlistDict, key: string): Uint8Array[] {
  const value = dict[key]
  return Array.isArray(value) ? value.filter((item) => item instanceof Uint8Array) : []
}
