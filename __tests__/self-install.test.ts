/**
 * The project's own self-install workflow (.github/workflows/self-install.yml) against the
 * stand-ins: its publish job's ipa-ota step runs through dist/index.js (run `npm run bundle`
 * first) with exactly the job's permissions, on the IPA its build job hands over; then the same
 * scripts/walk-install.mjs walks the install over HTTPS from a server that serves the gh-pages
 * branch, as GitHub Pages would.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from './support/git-server.js'
import { servePagesSettings } from './support/github-pages.js'
import { gitAccess } from './support/github-permissions.js'
import { startGitHub } from './support/github-server.js'
import type { Workflow } from './support/recipes.js'
import { runAction } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'

const run = promisify(execFile)
const TOKEN = 'ghs_selfInstall0123456789abcdefghijk'
const REPO = 'octo/app'
const workflow = parse(readFileSync('.github/workflows/self-install.yml', 'utf8')) as Workflow
const publish = workflow.jobs.publish!
const step = publish.steps.find((each) => each.uses === './')!

let work: string
let git: GitServer
let https: Server
let port: number
let cert: string
/** Paths the HTTPS server answers with a redirect instead of the file. */
const redirected = new Set<string>()

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'self-install-'))
  cert = join(work, 'cert.pem')
  const key = join(work, 'key.pem')
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=octo.github.io',
    '-addext',
    'subjectAltName=DNS:octo.github.io',
    '-keyout',
    key,
    '-out',
    cert
  ])
  git = await startGitServer({ tokens: { [TOKEN]: gitAccess(publish.permissions!)! } })
  await git.createRepo(REPO)
  // GitHub Pages: the gh-pages branch under /app/.
  https = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname).replace(
      /^\/app\//,
      ''
    )
    if (redirected.has(path)) {
      res.writeHead(301, { location: `/app/elsewhere/${path}` }).end()
      return
    }
    git
      .git(REPO)
      .run(['show', `gh-pages:${path}`])
      .then(
        (body) => res.writeHead(200).end(body),
        () => res.writeHead(404).end()
      )
  })
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve))
  port = (https.address() as AddressInfo).port
})
afterAll(async () => {
  https?.close()
  await git?.close()
  await rm(work, { recursive: true, force: true })
})

const walk = (pageUrl: string, ipa: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['scripts/walk-install.mjs', pageUrl, ipa, '--resolve', `octo.github.io:${port}:127.0.0.1`],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: cert } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    )
  })

describe('the self-install workflow, on the stand-ins', () => {
  let pageUrl: string
  let ipa: string

  it("publishes with the publish job's permissions only, on the IPA the build job uploads", async () => {
    expect(publish.permissions).toEqual({ contents: 'write', pages: 'read' })
    const build = workflow.jobs.build!
    const upload = build.steps.find((each) => each.uses?.startsWith('actions/upload-artifact@'))!
    const download = publish.steps.find((each) =>
      each.uses?.startsWith('actions/download-artifact@')
    )!
    expect(download.with?.name).toBe(upload.with?.name)
    // The hand-off: the build job's file where the download step puts it.
    const workspace = join(work, 'workspace')
    ipa = join(workspace, String(download.with?.path), 'Sample.ipa')
    await mkdir(join(workspace, String(download.with?.path)), { recursive: true })
    await writeSampleIpa(ipa)

    const github = await startGitHub({ token: TOKEN, permissions: publish.permissions })
    servePagesSettings(github, {
      html_url: `https://octo.github.io:${port}/app/`,
      url: `${github.url}/repos/${REPO}/pages`
    })
    const inputs = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([name, value]) => [name, String(value)])
    )
    const result = await runAction({
      // No Pages build runs here to wait for: the walk below is the check.
      inputs: { ...inputs, wait: 'false' },
      event: { name: 'push', payload: { ref: 'refs/heads/main' } },
      token: TOKEN,
      cwd: workspace,
      env: { GITHUB_API_URL: github.url, GITHUB_SERVER_URL: git.url, GITHUB_REPOSITORY: REPO }
    })
    await github.close()
    expect(github.refused).toEqual([])
    expect(github.violations).toEqual([])
    expect(result.errors).toEqual([])
    expect(result.code).toBe(0)
    pageUrl = result.outputs['page-url']!
    expect(pageUrl).toMatch(new RegExp(`^https://octo\\.github\\.io:${port}/app/ota/self-install/`))
  }, 120_000)

  it('walks the install over HTTPS: 200s without redirect, the manifest, the IPA bytes, the QR code', async () => {
    const result = await walk(pageUrl, ipa)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^ok {3}manifest parses: dev\.ipa-ota\.sample 1\.0$/m)
    expect(result.stdout).toMatch(/^ok {3}IPA bytes match/m)
    expect(result.stdout).toContain(`ok   QR code decodes to ${pageUrl}`)
  })

  it('fails on a redirect, as iOS would, and on other bytes', async () => {
    const folder = new URL('.', pageUrl).pathname.replace(/^\/app\//, '')
    redirected.add(`${folder}manifest.plist`)
    const moved = await walk(pageUrl, ipa)
    redirected.clear()
    expect(moved.code).toBe(1)
    expect(moved.stderr).toMatch(/^FAIL manifest .* answered 301, not 200/)
    const other = join(work, 'Other.ipa')
    await writeSampleIpa(other, { build: '2' })
    const wrong = await walk(pageUrl, other)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/^FAIL the served IPA .* is not /)
  })
})
