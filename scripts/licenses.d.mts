export interface BundledPackage {
  name: string
  version: string
  license: string
  texts: string[]
}
export const PERMISSIVE: string[]
export function packageDir(input: string): string | undefined
export function bundledPackages(
  metafiles: { inputs: Record<string, unknown> }[],
  root: string
): BundledPackage[]
export function permissive(license: string): boolean
export function renderLicenses(packages: BundledPackage[]): string
