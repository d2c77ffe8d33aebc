// The third-party licences of a bundle: every npm package esbuild put into it (from its metafile),
// with name, version, licence and the package's own licence and notice files, as the licences ask
// for their notices to travel with the code. A package whose licence is missing or not permissive
// stops the bundle: dist/ is what a workflow runs, and it must be ours to redistribute.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import satisfies from 'spdx-satisfies'

/** Licences that let us ship the code in dist/ under MIT with their notice and nothing else. */
export const PERMISSIVE = [
  'MIT',
  'MIT-0',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  'Unlicense',
  'CC0-1.0',
  'Python-2.0'
]
// Licences whose text names no copyright holder, so a package that ships no licence file is
// covered by the same text from another bundled package (three AWS SDK packages ship none).
const GENERIC_TEXT = ['Apache-2.0']
const NOTICE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i

/** The package folder (…/node_modules/<name> or …/node_modules/@scope/<name>) of a bundled input. */
export function packageDir(input) {
  return /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]
}

/**
 * One entry per bundled package, sorted by name then version; throws on a package with no licence
 * or one outside PERMISSIVE. `metafiles` are esbuild metafiles whose input paths are relative to
 * `root`.
 */
export function bundledPackages(metafiles, root) {
  const dirs = new Set(
    metafiles.flatMap((metafile) => Object.keys(metafile.inputs).map(packageDir)).filter(Boolean)
  )
  const packages = [...dirs].map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'))
    const files = readdirSync(join(root, dir))
      .filter((file) => NOTICE_FILE.test(file))
      .sort()
    return {
      name: manifest.name,
      version: manifest.version,
      license: typeof manifest.license === 'string' ? manifest.license : undefined,
      author: typeof manifest.author === 'string' ? manifest.author : manifest.author?.name,
      texts: files.map((file) => readFileSync(join(root, dir, file), 'utf8').trim())
    }
  })
  const refused = packages
    .filter((pkg) => !pkg.license || !permissive(pkg.license))
    .map((pkg) => `${pkg.name}@${pkg.version} (${pkg.license ?? 'no licence'})`)
  if (refused.length > 0)
    throw new Error(
      `Bundled packages without a permissive licence: ${refused.join(', ')}. Replace them, or add their licence to PERMISSIVE in scripts/licenses.mjs if it allows shipping the code.`
    )
  for (const pkg of packages.filter((pkg) => pkg.texts.length === 0)) {
    const donor = GENERIC_TEXT.includes(pkg.license)
      ? packages.find((other) => other.license === pkg.license && other.texts.length > 0)
      : undefined
    if (donor) pkg.texts = donor.texts
    else if (pkg.license === 'MIT' && pkg.author) pkg.texts = [mitText(pkg.author)]
    else throw new Error(`${pkg.name}@${pkg.version} ships no licence file to copy into dist/.`)
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
}

/**
 * The MIT licence text naming `author`, for a package that declares MIT but ships no licence file
 * (the notice the licence asks for is then its author's copyright line).
 */
function mitText(author) {
  return `MIT License (the package ships no licence file; its package.json names this licence)

Copyright (c) ${author}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`
}

export function permissive(license) {
  try {
    return satisfies(license, PERMISSIVE)
  } catch {
    return false // not an SPDX expression ("SEE LICENSE IN …", "UNLICENSED")
  }
}

/** The text of dist/licenses.txt: each licence text once, under the packages that ship it. */
export function renderLicenses(packages) {
  const byText = new Map() // Map.groupBy needs Node 21; the demo bundles on Node 20 too
  for (const pkg of packages) {
    const text = pkg.texts.join('\n\n')
    byText.set(text, [...(byText.get(text) ?? []), pkg])
  }
  const entries = [...byText].map(([text, group]) =>
    [...group.map((pkg) => `${pkg.name} ${pkg.version} (${pkg.license})`), '', text].join('\n')
  )
  return `${[
    'ipa-ota bundles the following third-party packages into dist/. Their licences follow.',
    ...entries
  ].join(`\n\n${'-'.repeat(80)}\n\n`)}\n`
}
