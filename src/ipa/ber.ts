/**
 * A reader of BER (X.690), the encoding of CMS and X.509: enough to walk a provisioning profile's
 * SignedData, which Apple writes with indefinite lengths.
 *
 * By hand rather than asn1js: asn1js builds a typed object per element through its schema layers,
 * and reading one profile with it (loading and parsing) took a sixth of what `ipa-ota inspect`
 * spends. This only splits tag-length-value, bounds-checked, with a depth limit.
 */
export interface BerElement {
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  tagClass: number
  tag: number
  constructed: boolean
  /** The whole element as encoded (identifier, length, contents). */
  encoding: Buffer
  /** The contents octets of a primitive element (empty for a constructed one). */
  contents: Buffer
  /** The elements of a constructed element, in order. */
  children: BerElement[]
}

/** Universal tags the CMS reader looks for. */
export const BER = { integer: 2, octetString: 4, oid: 6, sequence: 16, set: 17 } as const

/** Nesting deeper than any certificate or CMS structure needs; keeps the recursion bounded. */
const MAX_DEPTH = 64

export class BerError extends Error {}

/** Parses the element at the start of `data` (bytes after it are left alone). */
export function parseBer(data: Buffer): BerElement {
  return readElement(data, 0, data.length, 0).element
}

function readElement(
  data: Buffer,
  start: number,
  limit: number,
  depth: number
): { element: BerElement; end: number } {
  if (depth > MAX_DEPTH) throw new BerError(`BER nesting depth exceeds ${MAX_DEPTH}`)
  let offset = start
  const byte = (): number => {
    if (offset >= limit) throw new BerError('BER element is truncated')
    return data[offset++]!
  }
  const identifier = byte()
  const constructed = (identifier & 0x20) !== 0
  let tag = identifier & 0x1f
  if (tag === 0x1f) {
    // High tag numbers, base 128; four bytes are more than any tag in use.
    tag = 0
    for (let i = 0, next = 0x80; next & 0x80; i++) {
      if (i === 4) throw new BerError('BER tag number is too long')
      next = byte()
      tag = tag * 128 + (next & 0x7f)
    }
  }
  const first = byte()
  const children: BerElement[] = []
  let end: number
  if (first === 0x80) {
    if (!constructed) throw new BerError('BER primitive element has an indefinite length')
    // Indefinite length: elements up to an end-of-contents marker (two zero bytes).
    for (;;) {
      if (offset + 2 > limit) throw new BerError('BER element is truncated')
      if (data[offset] === 0 && data[offset + 1] === 0) break
      const child = readElement(data, offset, limit, depth + 1)
      children.push(child.element)
      offset = child.end
    }
    end = offset + 2
  } else {
    let length = first
    if (first & 0x80) {
      const count = first & 0x7f
      if (count > 4) throw new BerError('BER length is too long')
      length = 0
      for (let i = 0; i < count; i++) length = length * 256 + byte()
    }
    end = offset + length
    if (end > limit) throw new BerError('BER element is truncated')
    for (let at = offset; constructed && at < end;) {
      const child = readElement(data, at, end, depth + 1)
      children.push(child.element)
      at = child.end
    }
  }
  return {
    element: {
      tagClass: identifier >> 6,
      tag,
      constructed,
      encoding: data.subarray(start, end),
      contents: constructed ? Buffer.alloc(0) : data.subarray(offset, end),
      children
    },
    end
  }
}

/** Whether `element` is the universal `tag`. */
export function isUniversal(element: BerElement | undefined, tag: number): boolean {
  return element?.tagClass === 0 && element.tag === tag
}

/** Whether `element` is the context-specific [tag]. */
export function isContext(element: BerElement | undefined, tag: number): boolean {
  return element?.tagClass === 2 && element.tag === tag
}

/** An OCTET STRING's value; a constructed one (BER allows it) is its pieces joined. */
export function octets(element: BerElement): Buffer {
  if (!element.constructed) return element.contents
  return Buffer.concat(element.children.map(octets))
}

/** An OBJECT IDENTIFIER in dotted form, or undefined when `element` is none. */
export function objectId(element: BerElement | undefined): string | undefined {
  if (!isUniversal(element, BER.oid) || element!.contents.length === 0) return undefined
  const arcs: number[] = []
  let value = 0
  for (const byte of element!.contents) {
    value = value * 128 + (byte & 0x7f)
    if (byte & 0x80) continue
    // The first value holds the first two arcs: 40 × first + second (first is at most 2).
    if (arcs.length === 0) {
      const first = Math.min(2, Math.floor(value / 40))
      arcs.push(first, value - 40 * first)
    } else {
      arcs.push(value)
    }
    value = 0
  }
  return arcs.join('.')
}
