// npm run screenshots: writes docs/install-page.png, docs/install-page-desktop.png and
// docs/pr-comment.png (or into the folder given as the argument) from scripts/screenshots.ts.
import { mkdir } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { importTs } from './import-ts.mjs'

const root = resolve(import.meta.dirname, '..')
const { writeScreenshots } = await importTs('scripts/screenshots.ts')
const out = process.argv[2] === undefined ? join(root, 'docs') : resolve(process.argv[2])
await mkdir(out, { recursive: true })
for (const path of await writeScreenshots(out)) console.log(`Wrote ${relative(root, path)}`)
