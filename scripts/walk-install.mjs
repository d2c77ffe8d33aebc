// Walks the install of a published build as an iPhone would, over HTTPS:
//   node scripts/walk-install.mjs <install page url> <the .ipa that was published> [--resolve host:port:address]
// Each file (page, build.json, manifest, IPA, QR code) must answer 200 itself: iOS's installer
// follows no redirect. The manifest must parse and point at the IPA, whose bytes must match the
// local file, and the QR code must decode (zbarimg) to the page. --resolve works as curl's does,
// to check a site before its name points at it. Exit status 0 when every check passes.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { URL } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import { parse as parsePlist } from 'plist'
import { Agent, fetch } from 'undici'

const { values, positionals } = parseArgs({
  options: { resolve: { type: 'string', multiple: true } },
  allowPositionals: true
})
const [pageUrl, ipaPath] = positionals
if (!pageUrl || !ipaPath) {
  console.error(
    'usage: node scripts/walk-install.mjs <page url> <ipa> [--resolve host:port:address]'
  )
  process.exit(2)
}

/** host:port → address, as curl's --resolve. */
const pinned = new Map(
  (values.resolve ?? []).map((entry) => {
    const [host, port, address] = entry.split(':')
    return [`${host}:${port}`, address]
  })
)
const dispatcher = new Agent({
  connect: {
    lookup(hostname, options, callback) {
      const address = [...pinned].find(([key]) => key.startsWith(`${hostname}:`))?.[1]
      if (address === undefined)
        return import('node:dns').then((dns) => dns.lookup(hostname, options, callback))
      return options.all ? callback(null, [{ address, family: 4 }]) : callback(null, address, 4)
    }
  }
})

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')

/** GET `url`: https, 200, no redirect; the body. */
async function get(url, what) {
  if (new URL(url).protocol !== 'https:') throw new Error(`${what} ${url} is not https`)
  const response = await fetch(url, { redirect: 'manual', dispatcher })
  if (response.status !== 200)
    throw new Error(`${what} ${url} answered ${response.status}, not 200 (iOS follows no redirect)`)
  console.log(`ok   200 ${what} ${url}`)
  return Buffer.from(await response.arrayBuffer())
}

async function walk() {
  const page = (await get(pageUrl, 'install page')).toString('utf8')
  const folder = new URL('.', pageUrl).href
  const record = JSON.parse(
    (await get(new URL('build.json', folder).href, 'build.json')).toString('utf8')
  )
  const manifest = parsePlist((await get(record.urls.manifest, 'manifest')).toString('utf8'))
  const item = manifest.items?.[0]
  const ipaAsset = item?.assets?.find((asset) => asset.kind === 'software-package')
  if (ipaAsset?.url !== record.urls.ipa)
    throw new Error(`the manifest's IPA is ${ipaAsset?.url}, not ${record.urls.ipa}`)
  if (item.metadata?.['bundle-identifier'] !== record.app.bundleId)
    throw new Error(`the manifest's bundle id is ${item.metadata?.['bundle-identifier']}`)
  console.log(
    `ok   manifest parses: ${item.metadata['bundle-identifier']} ${item.metadata['bundle-version']}`
  )
  if (!page.includes(record.urls.install.replaceAll('&', '&amp;')))
    throw new Error('the install page does not hold the install link')
  const served = await get(record.urls.ipa, 'IPA')
  const local = await readFile(ipaPath)
  if (sha256(served) !== sha256(local))
    throw new Error(`the served IPA (${served.length} bytes) is not ${ipaPath}`)
  console.log(`ok   IPA bytes match (${served.length} bytes, sha256 ${sha256(local)})`)
  const dir = await mkdtemp(join(tmpdir(), 'walk-install-'))
  try {
    await writeFile(join(dir, 'qr.png'), await get(record.urls.qr, 'QR code'))
    const { stdout } = await promisify(execFile)('zbarimg', ['--raw', '-q', join(dir, 'qr.png')])
    const decoded = stdout.trim()
    if (decoded !== record.urls.page && decoded !== record.urls.install)
      throw new Error(`the QR code decodes to ${decoded}`)
    console.log(`ok   QR code decodes to ${decoded}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

walk().then(
  () => dispatcher.close(),
  (error) => {
    console.error(`FAIL ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
    return dispatcher.close()
  }
)
