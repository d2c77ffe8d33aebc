import { readFileSync } from 'node:fs'
import * as asn1js from 'asn1js'
import { describe, expect, it } from 'vitest'
import { BER, BerError, objectId, octets, parseBer, type BerElement } from '../src/ipa/ber.js'
import { corpusFolder } from './support/corpus.js'

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex')

describe('parseBer', () => {
  it('reads definite lengths, short and long, and leaves bytes after the element alone', () => {
    const long = 'ab'.repeat(400)
    const root = parseBer(hex(`30 820196 0400 0482 0190 ${long} ffff`))
    expect(root).toMatchObject({ tagClass: 0, tag: BER.sequence, constructed: true })
    expect(root.encoding.length).toBe(4 + 0x196)
    expect(root.children.map((child) => child.contents.length)).toEqual([0, 400])
  })

  it('reads indefinite lengths up to the end-of-contents marker, as Apple writes profiles', () => {
    const root = parseBer(hex('3080 a080 0403 616263 0000 0201 05 0000'))
    expect(root.encoding.toString('hex')).toBe('3080a080040361626300000201050000')
    const [wrapped, integer] = root.children
    expect(wrapped).toMatchObject({ tagClass: 2, tag: 0, constructed: true })
    expect(octets(wrapped!.children[0]!).toString()).toBe('abc')
    expect(integer!.contents).toEqual(hex('05'))
  })

  it('joins the pieces of a constructed OCTET STRING', () => {
    const root = parseBer(hex('2480 0402 6869 2403 0401 21 0000'))
    expect(octets(root).toString()).toBe('hi!')
  })

  it('reads high tag numbers', () => {
    expect(parseBer(hex('bf 8a 01 00'))).toMatchObject({ tagClass: 2, tag: 1281 })
  })

  it('decodes object identifiers', () => {
    expect(objectId(parseBer(hex('06092a864886f70d010702')))).toBe('1.2.840.113549.1.7.2')
    expect(objectId(parseBer(hex('0603550403')))).toBe('2.5.4.3')
    expect(objectId(parseBer(hex('0201 05')))).toBeUndefined()
  })

  it.each([
    ['a length past the end', '3005 0201 05', /truncated/],
    ['an element past its parent', '3003 0402 616263', /truncated/],
    ['an unterminated indefinite length', '3080 0201 05', /truncated/],
    ['a primitive of indefinite length', '0480 00 00', /indefinite/],
    ['a five-byte length', '04 85 0000000001 00', /length is too long/],
    ['no bytes', '', /truncated/],
    ['nesting without end', '3080'.repeat(100_000), /nesting depth/]
  ])('refuses %s', (_, bytes, message) => {
    expect(() => parseBer(hex(bytes))).toThrow(BerError)
    expect(() => parseBer(hex(bytes))).toThrow(message)
  })
})

const profiles = corpusFolder('profiles')

describe.skipIf(profiles.skip)(`parseBer beside asn1js${profiles.reason}`, () => {
  /** Tag, form and encoding of every element, depth first. */
  function ours(element: BerElement): string[] {
    const line = `${element.tagClass}/${element.tag}/${element.constructed} ${element.encoding.toString('hex')}`
    return [line, ...element.children.flatMap(ours)]
  }
  function theirs(block: asn1js.AsnType): string[] {
    const { tagClass, tagNumber, isConstructed } = block.idBlock
    const line = `${tagClass - 1}/${tagNumber}/${isConstructed} ${Buffer.from(block.valueBeforeDecodeView).toString('hex')}`
    const value = (block.valueBlock as { value?: unknown }).value
    // asn1js also looks inside primitive OCTET STRINGs; BER does not nest there.
    const children = isConstructed && Array.isArray(value) ? (value as asn1js.AsnType[]) : []
    return [line, ...children.flatMap(theirs)]
  }

  it.each([
    'ios_adhoc.mobileprovision',
    'embedded--embedded.mobileprovision',
    'test.provisionprofile'
  ])('splits %s into the same elements', (file) => {
    const data = readFileSync(profiles.path(file))
    expect(ours(parseBer(data))).toEqual(theirs(asn1js.fromBER(data).result))
  })
})
