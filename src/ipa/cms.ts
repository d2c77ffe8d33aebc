import { createHash, verify, X509Certificate } from 'node:crypto'
import { BER, isContext, isUniversal, objectId, octets, type BerElement } from './ber.js'

/**
 * The CMS SignedData (RFC 5652) around a provisioning profile: what it signed, and whether the
 * signature over it holds.
 *
 * Walked by hand over the BER tree, with node:crypto checking the signature, rather than through
 * pkijs: a profile needs five fields of one structure, and pkijs's 780 kB of schemas made most of
 * the time `ipa-ota inspect` took.
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

/** Reads a ContentInfo (parsed from BER) that must hold SignedData. */
export function readSignedData(root: BerElement): SignedData {
  const [contentType, explicit] = children(root, 'ContentInfo')
  const type = objectId(contentType)
  if (type !== SIGNED_DATA) throw new NotSignedData(`content type ${type ?? 'missing'}`)
  const fields = children(children(explicit, 'ContentInfo content')[0], 'SignedData')
  const [, wrapped] = children(fields[2], 'EncapsulatedContentInfo')
  const eContent = wrapped?.children[0]
  const content =
    eContent && isUniversal(eContent, BER.octetString) ? octets(eContent) : Buffer.alloc(0)
  const certificates = fields.filter((field) => isContext(field, 0)).flatMap((set) => set.children)
  const signer = fields.at(-1)?.children[0]
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
function verifySigner(signer: BerElement, certificates: BerElement[], content: Buffer): boolean {
  try {
    const fields = signer.children
    const [, sid, digestAlgorithm] = fields
    const signedAttributes = isContext(fields[3], 0) ? fields[3] : undefined
    const [signatureAlgorithm, signature] = fields.slice(signedAttributes ? 4 : 3)
    const digest = DIGESTS[objectId(digestAlgorithm?.children[0]) ?? '']
    const signatureOid = objectId(signatureAlgorithm?.children[0]) ?? ''
    const hash = signatureOid === RSA_ENCRYPTION ? digest : SIGNATURE_DIGESTS[signatureOid]
    const certificate = certificates.find((candidate) => identifies(sid, candidate))
    if (!digest || !hash || !certificate || !isUniversal(signature, BER.octetString)) return false
    let signedBytes = content
    if (signedAttributes) {
      const declared = signedAttributes.children.find(
        (attribute) => objectId(attribute.children[0]) === MESSAGE_DIGEST
      )?.children[1]?.children[0]
      if (!declared || !isUniversal(declared, BER.octetString)) return false
      if (!createHash(digest).update(content).digest().equals(octets(declared))) return false
      // The signature covers the attributes' DER with the SET tag, not the [0] they carry here.
      signedBytes = Buffer.from(signedAttributes.encoding)
      signedBytes[0] = 0x31
    }
    const key = new X509Certificate(certificate.encoding).publicKey
    return verify(hash, signedBytes, key, octets(signature!))
  } catch {
    return false
  }
}

/** Whether a SignerIdentifier (issuer and serial number) names this certificate. */
function identifies(sid: BerElement | undefined, certificate: BerElement): boolean {
  if (!isUniversal(sid, BER.sequence)) return false
  const [issuer, serial] = sid!.children
  const tbs = certificate.children[0]?.children ?? []
  // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, ...
  const at = isContext(tbs[0], 0) ? 1 : 0
  return sameEncoding(serial, tbs[at]) && sameEncoding(issuer, tbs[at + 2])
}

function sameEncoding(a: BerElement | undefined, b: BerElement | undefined): boolean {
  return a !== undefined && b !== undefined && a.encoding.equals(b.encoding)
}

/** The elements of a block that must be constructed; `name` says which in the error. */
function children(element: BerElement | undefined, name: string): BerElement[] {
  if (!element || element.children.length === 0) throw new NotSignedData(`no ${name}`)
  return element.children
}
