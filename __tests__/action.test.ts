import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { execFile } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  installCommentsFake,
  startGitHub,
  type CommentsFake,
  type GitHubStandIn
} from './support/github-server.js'
import { runAction, type RunOptions } from './support/runner.js'
import { writeSampleIpa } from './support/sample-ipa.js'
import { listFiles } from './support/files.js'

const BASE = 'https://builds.example.com'
const TOKEN = 'ghs_e2etoken'
let work: string
let ipa: string
/** One GitHub for the file; tests tell their requests apart by pull request. */
let server: GitHubStandIn
let comments: CommentsFake

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'action-'))
  ipa = join(work, 'Sample.ipa')
  await writeSampleIpa(ipa, { name: 'Sample <b>App</b>', version: '2.1', build: '42' })
  server = await startGitHub({ token: TOKEN })
  comments = installCommentsFake(server, { login: 'github-actions[bot]' })
  // A push to main that no pull request holds. (Without an API that answers, the action would
  // retry its pull request lookup for 14 s, then warn.)
  server.handle('repos/list-pull-requests-associated-with-commit', () => ({
    status: 200,
    body: []
  }))
})

afterAll(async () => {
  expect(server.violations).toEqual([])
  await server.close()
})

/** The bundled action, with the file's GitHub. */
function action(options: RunOptions) {
  return runAction({
    ...options,
    token: TOKEN,
    env: { GITHUB_API_URL: server.url, ...options.env }
  })
}

const decodeEntities = (html: string) =>
  html.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))

describe('dist/index.js run as the runner runs it', () => {
  it('publishes with host: directory and sets every output', async () => {
    const site = join(work, 'site-1')
    const run = await action({
      inputs: { ipa, host: 'directory', 'base-url': BASE, 'output-dir': site, notes: 'Fixes #12' },
      cwd: work
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    // The push's pull request lookup got its answer: nothing to warn about.
    expect(run.stdout).not.toContain('::warning::')
    const dir = `${BASE}/ota/main/17-1`
    expect(run.outputs).toMatchObject({
      'install-url': `itms-services://?action=download-manifest&url=${encodeURIComponent(`${dir}/manifest.plist`)}`,
      'page-url': `${dir}/index.html`,
      'manifest-url': `${dir}/manifest.plist`,
      'qr-url': `${dir}/qr.png`,
      'bundle-id': 'dev.ipa-ota.sample',
      version: '2.1',
      build: '42',
      title: 'Sample <b>App</b>',
      'profile-type': 'development',
      devices: '2',
      channel: 'main',
      'build-id': '17-1',
      'site-dir': site,
      'comment-url': '',
      skipped: 'false'
    })
    expect(run.outputs['ipa-url']).toMatch(new RegExp(`^${dir}/[a-z0-9-]+\\.ipa$`))
    const files = await listFiles(site)
    expect(files).toEqual(
      expect.arrayContaining([
        'ota/index.html',
        'ota/main/index.html',
        'ota/main/17-1/index.html',
        'ota/main/17-1/manifest.plist',
        'ota/main/17-1/manifest.xml',
        'ota/main/17-1/qr.png',
        'ota/main/17-1/qr.svg',
        'ota/main/17-1/build.json'
      ])
    )
    const record: unknown = JSON.parse(
      await readFile(join(site, 'ota/main/17-1/build.json'), 'utf8')
    )
    expect(record).toMatchObject({ channel: 'main', buildId: '17-1', notes: 'Fixes #12' })
    expect(run.summary).toContain(`${dir}/index.html`)
    expect(decodeEntities(run.summary)).toContain(site)
    expect(run.summary).not.toContain('<b>App</b>')
    expect(run.stdout).toContain('::group::Read the IPA')
  })

  it('writes each build folder once: two workflows with one run number, a re-run, a retry', async () => {
    const site = join(work, 'site-runs')
    const inputs = { ipa, host: 'directory', 'base-url': BASE, 'output-dir': site }
    const run = (id: string, workflow: string, attempt: string) =>
      action({
        inputs,
        cwd: work,
        env: {
          GITHUB_RUN_ID: id,
          GITHUB_RUN_NUMBER: '9',
          GITHUB_RUN_ATTEMPT: attempt,
          GITHUB_WORKFLOW: workflow
        }
      })
    const push = await run('7100001', 'Push', '1')
    const nightly = await run('7100002', 'Nightly', '1')
    const rerun = await run('7100001', 'Push', '2')
    const retry = await run('7100001', 'Push', '1')

    expect([push, nightly, rerun, retry].map((each) => each.code)).toEqual([0, 0, 0, 0])
    expect([push, nightly, rerun].map((each) => each.outputs['build-id'])).toEqual([
      '7100001-1',
      '7100002-1',
      '7100001-2'
    ])
    const builds = (await listFiles(site)).filter((path) => path.endsWith('/build.json'))
    expect(builds.sort()).toEqual([
      'ota/main/7100001-1/build.json',
      'ota/main/7100001-2/build.json',
      'ota/main/7100002-1/build.json'
    ])
    const index = await readFile(join(site, 'ota/main/index.html'), 'utf8')
    expect(index.match(/Build 71000\d\d-\d/g)?.sort()).toEqual([
      'Build 7100001-1',
      'Build 7100001-2',
      'Build 7100002-1'
    ])
  }, 180_000)

  it('fails a refused IPA with one clear error line and writes nothing', async () => {
    const bad = join(work, 'notes.ipa')
    await writeFile(bad, 'this is a text file, not an archive')
    const site = join(work, 'site-2')
    const run = await action({
      inputs: { ipa: bad, host: 'directory', 'base-url': BASE, 'output-dir': site },
      cwd: work
    })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/^::error::.*notes\.ipa is not a zip archive/)
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(await listFiles(site)).toEqual([])
  })

  it('refuses an App Store build unless profile-check is relaxed', async () => {
    const store = join(work, 'Store.ipa')
    await writeSampleIpa(store, { profileType: 'app-store' })
    const refused = await action({
      inputs: {
        ipa: store,
        host: 'directory',
        'base-url': BASE,
        'output-dir': join(work, 'site-3')
      },
      cwd: work
    })
    expect(refused.code).toBe(1)
    expect(refused.errors[0]).toMatch(/App Store.*ad-hoc, enterprise or development/)
    const warned = await action({
      inputs: {
        ipa: store,
        host: 'directory',
        'base-url': BASE,
        'output-dir': join(work, 'site-3'),
        'profile-check': 'warn'
      },
      cwd: work
    })
    expect(warned.code).toBe(0)
    expect(warned.stdout).toMatch(/::warning::.*App Store/)
  })

  it('skips a pull request from a fork: no request to GitHub, skipped=true, success', async () => {
    const before = server.requests.length
    const run = await action({
      inputs: { ipa },
      cwd: work,
      event: {
        name: 'pull_request',
        payload: {
          number: 7,
          pull_request: {
            number: 7,
            head: { sha: 'f'.repeat(40), repo: { full_name: 'someone/app', fork: true } },
            base: { repo: { full_name: 'octo/app' } }
          },
          repository: { full_name: 'octo/app' }
        }
      }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.skipped).toBe('true')
    expect(server.requests.slice(before)).toEqual([])
    expect(decodeEntities(run.summary)).toMatch(/fork/)
    expect(decodeEntities(run.summary)).toMatch(/workflow_run/)
  })

  it('comments once per pull request and updates the same comment on the next run', async () => {
    const event = {
      name: 'pull_request',
      payload: {
        number: 5,
        pull_request: {
          number: 5,
          head: { sha: 'a'.repeat(40), repo: { full_name: 'octo/app' } },
          base: { repo: { full_name: 'octo/app' } }
        }
      }
    }
    const site = join(work, 'site-pr')
    const env = { GITHUB_HEAD_REF: 'feature/login' }
    const inputs = { ipa, host: 'directory', 'base-url': BASE, 'output-dir': site }
    const first = await action({
      inputs,
      event,
      env: { ...env, GITHUB_RUN_NUMBER: '1' },
      cwd: work
    })
    const second = await action({
      inputs,
      event,
      env: { ...env, GITHUB_RUN_NUMBER: '2' },
      cwd: work
    })
    expect([first.code, second.code]).toEqual([0, 0])
    const onPr = comments.on('octo', 'app', 5)
    expect(onPr).toHaveLength(1)
    expect(onPr[0]!.body).toContain(`${BASE}/ota/pr-5/2-1/qr.png`)
    expect(onPr[0]!.body).toContain(`${BASE}/ota/pr-5/1-1/`)
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    for (const run of [first, second]) {
      // The runner masks what ::add-mask:: names; nothing else may carry the token.
      const unmasked = (run.stdout + run.stderr).replace('::add-mask::ghs_e2etoken', '')
      expect(unmasked).not.toContain('ghs_e2etoken')
    }
  })
})

describe('the quick start', () => {
  it('npm run demo builds the sample site and prints the link', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'demo'], {
      cwd: process.cwd()
    })
    expect(stdout).toMatch(
      /Install link: itms-services:\/\/\?action=download-manifest&url=https%3A%2F%2Fbuilds\.example\.com%2Fota%2Fdemo%2F/
    )
    expect(await listFiles('ota-site/ota/demo')).toContain('index.html')
  })
})
