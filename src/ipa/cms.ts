import { createHash, verify, X509Certificate } from 'node:crypto'
import * as asn1js from 'asn1js'

/**
 * The CMS SignedData (RFC 5652) around a provisioning profile: what it signed, and whether the
 * signature over it holds.
 *
 * Walked by hand over asn1js's BER tree, with node:crypto checking the signature, rather than
 * through pkijs: a profile needs five fields of one structure, and pkijs's 780 kB of schemas made
 * most of the time `ipa-ota inspect` took.
 */
export interface SignedData {
  /** The encapsulated content (the profile's plist); empty when the container holds none. */
  content: Buffer
  /** Whether the first signer's signature covers `content` (see `verifySigner`). */
  verifies: boolean
}

const SIGNED_DATA = '1.2.840.113549.1.7.2'
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4'
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1'

/** Digest algorithms, as CMS names them, by Node's name. */
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512'
}

/** Signature algorithms that name their hash; rsaEncryption (Apple's) takes the digest's. */
const SIGNATURE_DIGESTS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512'
}

/** Thrown when the tree is not a ContentInfo holding SignedData; says what was found instead. */
export class NotSignedData extends Error {}

/** Reads a ContentInfo (already parsed from BER) that must hold SignedData. */
export function readSignedData(root: asn1js.AsnType): SignedData {
  const [contentType, explicit] = children(root, 'ContentInfo')
  const type = oid(contentType)
  if (type !== SIGNED_DATA) throw new NotSignedData(`content type ${type ?? 'missing'}`)
  const fields = children(children(explicit, 'ContentInfo content')[0], 'SignedData')
  const [, , encapsulated] = fields
  const [, wrapped] = children(encapsulated, 'EncapsulatedContentInfo')
  const eContent = wrapped && children(wrapped, 'eContent')[0]
  const content =
    eContent instanceof asn1js.OctetString ? Buffer.from(eContent.getValue()) : Buffer.alloc(0)
  const certificates = fields.filter((field) => isContext(field, 0)).flatMap((set) => kids(set))
  const signerInfos = fields.at(-1)
  const signer = signerInfos === undefined ? undefined : kids(signerInfos)[0]
  return {
    content,
    verifies: signer !== undefined && verifySigner(signer, certificates, content)
  }
}

/**
 * Checks the signer's signature over the content, not the chain to Apple's root: iOS does that
 * on install, and most of the profiles people carry have a long-expired signing chain anyway.
 * Any malformed part makes it false, as a digest mismatch does.
 */
function verifySigner(
  signer: asn1js.AsnType,
  certificates: asn1js.AsnType[],
  content: Buffer
): boolean {
  try {
    const fields = kids(signer)
    const [, sid, digestAlgorithm] = fields
    const signedAttributes = fields.find((field) => isContext(field, 0))
    const rest = fields.slice(signedAttributes ? 4 : 3)
    const [signatureAlgorithm, signature] = rest
    const digest = DIGESTS[oid(kids(digestAlgorithm)[0]) ?? '']
    const signatureOid = oid(kids(signatureAlgorithm)[0]) ?? ''
    const hash = signatureOid === RSA_ENCRYPTION ? digest : SIGNATURE_DIGESTS[signatureOid]
    const certificate = certificates.find((candidate) => identifies(sid, candidate))
    if (!digest || !hash || !certificate || !(signature instanceof asn1js.OctetString)) {
      return false
    }
    let signedBytes: Buffer = content
    if (signedAttributes) {
      const computed = createHash(digest).update(content).digest()
      const declared = kids(signedAttributes)
        .map((attribute) => kids(attribute))
        .find(([type]) => oid(type) === MESSAGE_DIGEST)?.[1]
      const value = declared && kids(declared)[0]
      if (!(value instanceof asn1js.OctetString)) return false
      if (!computed.equals(Buffer.from(value.getValue()))) return false
      // The signature covers the attributes' DER with the SET tag, not the [0] they carry here.
      signedBytes = Buffer.from(signedAttributes.valueBeforeDecodeView)
      signedBytes[0] = 0x31
    }
    const key = new X509Certificate(certificate.valueBeforeDecodeView).publicKey
    return verify(hash, signedBytes, key, Buffer.from(signature.getValue()))
  } catch {
    return false
  }
}

/** Whether a SignerIdentifier (issuer and serial number) names this certificate. */
function identifies(sid: asn1js.AsnType | undefined, certificate: asn1js.AsnType): boolean {
  if (!(sid instanceof asn1js.Sequence)) return false
  const [issuer, serial] = kids(sid)
  const tbs = kids(kids(certificate)[0])
  // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, ...
  const offset = isContext(tbs[0], 0) ? 1 : 0
  return sameBytes(serial, tbs[offset]) && sameBytes(issuer, tbs[offset + 2])
}

function sameBytes(a: asn1js.AsnType | undefined, b: asn1js.AsnType | undefined): boolean {
  return (
    a !== undefined && b !== undefined && equal(a.valueBeforeDecodeView, b.valueBeforeDecodeView)
  )
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)
}

/** The elements of a constructed block; none for a primitive one. */
function kids(block: asn1js.AsnType | undefined): asn1js.AsnType[] {
  const value = (block?.valueBlock as { value?: unknown } | undefined)?.value
  return Array.isArray(value) ? (value as asn1js.AsnType[]) : []
}

/** Like `kids`, for a block that must be constructed; `name` says which in the error. */
function children(block: asn1js.AsnType | undefined, name: string): asn1js.AsnType[] {
  const found = kids(block)
  if (found.length === 0) throw new NotSignedData(`no ${name}`)
  return found
}

function isContext(block: asn1js.AsnType | undefined, tag: number): boolean {
  return block?.idBlock.tagClass === 3 && block.idBlock.tagNumber === tag
}

function oid(block: asn1js.AsnType | undefined): string | undefined {
  return block instanceof asn1js.ObjectIdentifier ? block.getValue() : undefined
}
