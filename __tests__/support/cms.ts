/**
 * Small provisioning profiles made in code, for the cases the real-world corpus lacks: a
 * self-signed certificate, an XML plist and a CMS SignedData around it, all with pkijs/asn1js and
 * Node's WebCrypto.
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { build, type PlistValue } from 'plist'

const cryptoEngine = new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto })
const SIGNING = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const

const DAY_MS = 24 * 60 * 60 * 1000

export interface TestCertificate {
  /** DER, as a profile's DeveloperCertificates holds it. */
  der: Buffer
  certificate: pkijs.Certificate
  privateKey: CryptoKey
}

export interface CertificateOptions {
  commonName: string
  /** Subject OU; Apple puts the team id there. */
  organizationalUnit?: string
  notBefore?: Date
  notAfter: Date
}

export async function makeCertificate(options: CertificateOptions): Promise<TestCertificate> {
  const keys = await crypto.subtle.generateKey(
    { ...SIGNING, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify']
  )
  const certificate = new pkijs.Certificate()
  certificate.version = 2
  certificate.serialNumber = new asn1js.Integer({ value: 1 })
  const name = [
    ['2.5.4.3', options.commonName],
    ...(options.organizationalUnit === undefined
      ? []
      : [['2.5.4.11', options.organizationalUnit] as const]),
    ['2.5.4.6', 'US']
  ] as const
  for (const [type, value] of name) {
    const attribute = new pkijs.AttributeTypeAndValue({
      type,
      value: new asn1js.Utf8String({ value })
    })
    certificate.subject.typesAndValues.push(attribute)
    certificate.issuer.typesAndValues.push(attribute)
  }
  certificate.notBefore.value =
    options.notBefore ?? new Date(options.notAfter.getTime() - 365 * DAY_MS)
  certificate.notAfter.value = options.notAfter
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, cryptoEngine)
  await certificate.sign(keys.privateKey, SIGNING.hash, cryptoEngine)
  return {
    der: Buffer.from(certificate.toSchema().toBER()),
    certificate,
    privateKey: keys.privateKey
  }
}

/** Profile keys; `undefined` leaves a key out. */
export type ProfileFields = Record<string, PlistValue | undefined>

/** An ad-hoc iOS profile for TEAM123456.com.example.app, one device; override any key. */
export function profileFields(overrides: ProfileFields = {}): ProfileFields {
  return {
    AppIDName: 'Example',
    ApplicationIdentifierPrefix: ['TEAM123456'],
    CreationDate: new Date('2025-01-01T00:00:00Z'),
    Platform: ['iOS'],
    Entitlements: {
      'application-identifier': 'TEAM123456.com.example.app',
      'get-task-allow': false,
      'com.apple.developer.team-identifier': 'TEAM123456'
    },
    ExpirationDate: new Date('2026-01-01T00:00:00Z'),
    Name: 'Example Ad Hoc',
    ProvisionedDevices: ['00008030-000624AA0AE9802E'],
    TeamIdentifier: ['TEAM123456'],
    TeamName: 'Example Team',
    UUID: '6f1c2f0e-8f0a-4d47-9d55-0a6b1f2c3d4e',
    Version: 1,
    ...overrides
  }
}

export function profileXml(fields: ProfileFields): Buffer {
  const present = Object.entries(fields).filter(
    (entry): entry is [string, PlistValue] => entry[1] !== undefined
  )
  return Buffer.from(build(Object.fromEntries(present)), 'utf8')
}

export interface SignOptions {
  /** Put this in the container instead of what was signed, as if edited after signing. */
  replaceContentWith?: Buffer
}

/** A CMS SignedData (DER) around `content`, signed by `signer` and carrying its certificate. */
export async function signCms(
  content: Buffer,
  signer: TestCertificate,
  options: SignOptions = {}
): Promise<Buffer> {
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: encapsulate(content),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: signer.certificate.issuer,
          serialNumber: signer.certificate.serialNumber
        })
      })
    ],
    certificates: [signer.certificate]
  })
  await signed.sign(signer.privateKey, 0, SIGNING.hash, undefined, cryptoEngine)
  if (options.replaceContentWith !== undefined) {
    signed.encapContentInfo = encapsulate(options.replaceContentWith)
  }
  const info = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signed.toSchema(true)
  })
  return Buffer.from(info.toSchema().toBER())
}

function encapsulate(content: Buffer): pkijs.EncapsulatedContentInfo {
  return new pkijs.EncapsulatedContentInfo({
    eContentType: pkijs.ContentInfo.DATA,
    eContent: new asn1js.OctetString({ valueHex: new Uint8Array(content) })
  })
}
