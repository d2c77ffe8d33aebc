// STUB: replaced by the icon helper.
/** Turns a PNG (standard or Apple CgBI) into a standard RGBA PNG. Throws on a broken PNG. */
export function normalizePng(_data: Buffer): {
  png: Buffer
  width: number
  height: number
  crushed: boolean
} {
  throw new Error('not implemented')
}
