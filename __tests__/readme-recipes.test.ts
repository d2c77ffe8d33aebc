/**
 * Every README recipe as a team would paste it: each job that runs ipa-ota is run through
 * dist/index.js (run `npm run bundle` first) against the stand-in GitHub with exactly the token
 * the recipe's `permissions:` give it (the stand-in refuses any other call as GitHub does), an
 * OIDC token only with `id-token: write`, and the `github-pages` environment only where declared.
 * Its IPA is the artifact the recipe's build job uploads, handed over as a file. An S3 recipe's
 * bucket is s3rver on loopback, and its public-base-url a CDN stand-in in front of it.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, posix } from 'node:path'
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { parse as parsePlist } from 'plist'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startActionsServices, type ActionsServices } from './support/actions-services.js'
import { ISSUER_ID, KEY_ID, startAsc, type AscStandIn } from './support/asc-server.js'
import { startGitServer, type GitServer } from './support/git-server.js'
import { servePagesSettings } from './support/github-pages.js'
import { gitAccess, type Grant } from './support/github-permissions.js'
import { installCommentsFake, startGitHub, type GitHubStandIn } from './support/github-server.js'
import { serveActionsPagesSite } from './support/pages-actions.js'
import {
  actionJobs,
  needs,
  readmeRecipes,
  type ActionJob,
  type Job,
  type Recipe
} from './support/recipes.js'
import { runAction } from './support/runner.js'
import { startCdn, type Cdn } from './support/s3-cdn.js'
import { S3_CREDENTIALS, startS3, type S3Server } from './support/s3-server.js'
import { writeSampleIpa } from './support/sample-ipa.js'

const recipes = readmeRecipes()
const jobs = actionJobs(recipes)
const isS3 = (job: ActionJob) => job.step.with?.host === 's3'
const TOKENS = {
  write: 'ghs_recipeWrite0123456789abcdefghij',
  read: 'ghs_recipeRead0123456789abcdefghijk'
}
const NO_GIT_TOKEN = 'ghs_recipeNone0123456789abcdefghijk'
const SITE = 'https://octo.github.io/app/'
const PR = 12
const SHA = 'c'.repeat(40)

let work: string
let sampleIpa: string
let git: GitServer
let services: ActionsServices
/** The App Store Connect stand-in answers a step given the team's API key (names in the comment). */
let asc: AscStandIn
/** The buckets the S3 recipes name, on loopback, and the CDN their public-base-url stands for. */
let s3: S3Server
let cdns: Map<string, Cdn>
let repoCount = 0

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'recipes-'))
  sampleIpa = join(work, 'Sample.ipa')
  await writeSampleIpa(sampleIpa)
  git = await startGitServer({ tokens: { [TOKENS.write]: 'write', [TOKENS.read]: 'read' } })
  services = await startActionsServices()
  asc = await startAsc()
  const buckets = [...new Set(jobs.filter(isS3).map((job) => String(job.step.with!['s3-bucket'])))]
  s3 = await startS3(buckets)
  cdns = new Map(
    await Promise.all(buckets.map(async (name) => [name, await startCdn(s3, name)] as const))
  )
})
afterAll(async () => {
  await Promise.all([...(cdns?.values() ?? [])].map((cdn) => cdn.close()))
  await s3?.close()
  await services?.close()
  await asc?.close()
  await git?.close()
  await rm(work, { recursive: true, force: true })
})

// ---- The artifact hand-off: what each job's workspace holds when its ipa-ota step runs. ----

type Files = Map<string, { ipa: true } | { text: string }>

/** The job's files: its downloads, the IPA its build steps export, the files its steps write. */
function workspace(recipe: Recipe, job: Job, seen = new Set<Job>()): Files {
  if (seen.has(job)) throw new Error(`${recipe.title}: artifact cycle`)
  seen.add(job)
  const files: Files = new Map()
  for (const step of job.steps) {
    if (step.uses?.startsWith('actions/download-artifact@')) {
      const name = String(step.with?.name)
      for (const [path, file] of artifact(recipe, job, name, seen)) files.set(path, file)
    }
    const run = step.run ?? ''
    if (/xcodebuild -exportArchive|zip -q/.test(run)) files.set('build/App.ipa', { ipa: true })
    for (const [, path] of run.matchAll(/> "?([\w./-]+)"?\s*$/gm)) {
      if (!path!.startsWith('/')) files.set(path!, { text: `written by: ${run.split('\n')[0]}` })
    }
  }
  return files
}

/** The files of artifact `name`, as the job uploading it (a needed job, or another README workflow's) left them. */
function artifact(recipe: Recipe, consumer: Job, name: string, seen: Set<Job>): Files {
  const candidates: Array<[Recipe, Job]> = [
    ...needs(consumer).map((each): [Recipe, Job] => [recipe, recipe.workflow.jobs[each]!]),
    ...recipes.flatMap((other) =>
      other === recipe
        ? []
        : Object.values(other.workflow.jobs).map((j): [Recipe, Job] => [other, j])
    )
  ]
  for (const [from, job] of candidates) {
    const upload = job.steps.find(
      (step) => step.uses?.startsWith('actions/upload-artifact@') && step.with?.name === name
    )
    if (upload === undefined) continue
    const path = String(upload.with!.path)
    const root = path.endsWith('/')
      ? path
      : posix.dirname(path) === '.'
        ? ''
        : `${posix.dirname(path)}/`
    const pattern = new RegExp(
      `^${(path.endsWith('/') ? `${path}**` : path).replace(/[.]/g, '\\.').replace('**', '.*').replace('*', '[^/]*')}$`
    )
    const files: Files = new Map()
    for (const [file, content] of workspace(from, job, seen)) {
      if (pattern.test(file)) files.set(file.slice(root.length), content)
    }
    if (files.size === 0) throw new Error(`${recipe.title}: artifact ${name} uploads no file`)
    return files
  }
  throw new Error(`${recipe.title}: no job uploads the artifact ${name}`)
}

async function materialize(files: Files): Promise<string> {
  const dir = await mkdtemp(join(work, 'workspace-'))
  for (const [path, file] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    if ('ipa' in file) await cp(sampleIpa, join(dir, path))
    else await writeFile(join(dir, path), file.text)
  }
  return dir
}

// ---- The run: the event, the token and the stand-ins the recipe's job meets. ----

const pullRequest = {
  number: PR,
  title: 'Fix the login screen',
  state: 'open',
  head: { ref: 'ios/login', sha: SHA, repo: { id: 1, full_name: 'octo/app' } },
  base: { ref: 'main', sha: 'e'.repeat(40), repo: { id: 1, full_name: 'octo/app' } }
}

function eventOf(
  event: string,
  recipe: Recipe
): { name: string; payload: unknown; env: Record<string, string> } {
  const repository = { id: 1, full_name: 'octo/app', default_branch: 'main' }
  switch (event) {
    case 'pull_request':
      return {
        name: event,
        payload: { action: 'synchronize', number: PR, pull_request: pullRequest, repository },
        env: {
          GITHUB_REF: `refs/pull/${PR}/merge`,
          GITHUB_HEAD_REF: 'ios/login',
          GITHUB_BASE_REF: 'main'
        }
      }
    case 'pull_request_target':
      return {
        name: event,
        payload: {
          action: 'closed',
          number: PR,
          pull_request: { ...pullRequest, state: 'closed' },
          repository
        },
        env: { GITHUB_HEAD_REF: 'ios/login', GITHUB_BASE_REF: 'main' }
      }
    case 'push': {
      const on = recipe.workflow.on as { push: { tags?: string[] } }
      return on.push.tags
        ? {
            name: event,
            payload: { ref: 'refs/tags/v1.0', repository },
            env: { GITHUB_REF: 'refs/tags/v1.0', GITHUB_REF_NAME: 'v1.0', GITHUB_REF_TYPE: 'tag' }
          }
        : { name: event, payload: { ref: 'refs/heads/main', repository }, env: {} }
    }
    case 'workflow_run':
      return {
        name: event,
        payload: {
          action: 'completed',
          workflow_run: {
            id: 987654,
            name: 'build',
            event: 'pull_request',
            conclusion: 'success',
            head_sha: SHA,
            head_branch: 'ios/login',
            run_number: 31,
            run_attempt: 1,
            pull_requests: [{ id: 5, number: PR, head: pullRequest.head, base: pullRequest.base }],
            head_repository: repository,
            repository
          },
          repository
        },
        env: {}
      }
  }
  throw new Error(`${recipe.title}: no scenario for the ${event} event`)
}

function ascSecret(name: string): string {
  const secrets: Record<string, string> = {
    ASC_KEY_ID: KEY_ID,
    ASC_ISSUER_ID: ISSUER_ID,
    ASC_PRIVATE_KEY: asc.privateKey
  }
  const value = secrets[name]
  if (value === undefined) throw new Error(`no stand-in value for secrets.${name}`)
  return value
}

/** The step's `with:` as the runner passes it: expressions resolved to what this event gives. */
function inputsOf(job: ActionJob): Record<string, string> {
  const inputs: Record<string, string> = {}
  for (const [name, value] of Object.entries(job.step.with ?? {})) {
    inputs[name] = String(value)
      .replace(/\$\{\{\s*github\.event\.pull_request\.title\s*\}\}/, pullRequest.title)
      .replace(/\$\{\{\s*secrets\.(ASC_\w+)\s*\}\}/, (_, secret: string) => ascSecret(secret))
  }
  // Apple's server is not reachable here: the key's requests go to the stand-in.
  if (inputs['asc-key-id'] !== undefined) inputs['asc-api-url'] = asc.url
  return inputs
}

/**
 * What the job's aws-actions/configure-aws-credentials step leaves to the steps after it: the
 * role's temporary keys (here the loopback server's) and its region. It assumes the role with the
 * job's OIDC token, which only id-token: write gives, or the job fails there.
 */
function awsEnv(job: ActionJob, grant: Grant | undefined): Record<string, string> {
  const configure = job.job.steps.find((step) =>
    step.uses?.startsWith('aws-actions/configure-aws-credentials@')
  )
  if (configure === undefined) throw new Error(`${job.recipe.title}: no step gives AWS credentials`)
  const oidc = grant === undefined || grant['id-token'] === 'write'
  if (configure.with?.['role-to-assume'] !== undefined && !oidc) {
    throw new Error(`${job.recipe.title}: assuming an AWS role by OIDC needs id-token: write`)
  }
  const region = String(configure.with?.['aws-region'])
  return {
    AWS_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: 'recipe-session-token',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    // AWS is not reachable here. The SDK's own endpoint override (read by the bundled SDK's
    // @smithy/core) sends S3 calls to loopback while the recipe's inputs stay as written.
    AWS_ENDPOINT_URL_S3: s3.endpoint
  }
}

interface Outcome {
  code: number
  errors: string[]
  outputs: Record<string, string>
  github: GitHubStandIn
  comments: ReturnType<typeof installCommentsFake>
  branch: () => Promise<string[]>
}

/** Runs `job`'s ipa-ota step with `grant` (undefined: any call allowed, to set a site up). */
async function runJob(
  job: ActionJob,
  repo: string,
  grant: Grant | undefined,
  cwd: string
): Promise<Outcome> {
  const access = gitAccess(grant ?? { contents: 'write' })
  const token = access === undefined ? NO_GIT_TOKEN : TOKENS[access]
  const github = await startGitHub({
    token,
    ...(grant === undefined ? {} : { permissions: grant })
  })
  const comments = installCommentsFake(github, { login: 'github-actions[bot]' })
  github.handle('pulls/list', () => ({ status: 200, body: [pullRequest] }))
  github.handle('repos/list-pull-requests-associated-with-commit', () => ({
    status: 200,
    body: []
  }))
  const inputs = inputsOf(job)
  const env: Record<string, string> = {}
  const byActions = (inputs.host ?? 'pages') === 'pages' && job.environment === 'github-pages'
  if (byActions) {
    const site = serveActionsPagesSite(github, git, repo, services)
    site.deployments.statuses = ['succeed']
    Object.assign(env, site.env)
    // The runner hands out an OIDC token only to a job granted id-token: write.
    if (grant !== undefined && grant['id-token'] !== 'write') {
      delete env.ACTIONS_ID_TOKEN_REQUEST_URL
      delete env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    }
  } else {
    servePagesSettings(github, { html_url: SITE, url: `${github.url}/repos/${repo}/pages` })
    env.GITHUB_SERVER_URL = git.url
  }
  if (inputs.host === 's3') {
    const cdn = cdns.get(inputs['s3-bucket']!)!
    Object.assign(env, awsEnv(job, grant), cdn.env(inputs['public-base-url']!))
  }
  // No Pages server runs here, so nothing would ever be served to wait for (a deployment by
  // GitHub Actions is still awaited: the stand-in answers it).
  if ((inputs.host ?? 'pages') === 'pages') inputs.wait = 'false'
  const event = eventOf(job.event, job.recipe)
  const run = await runAction({
    inputs: { ...(inputs.ipa === undefined ? {} : { ipa: inputs.ipa }), ...inputs },
    event,
    token,
    cwd,
    env: {
      ...env,
      ...event.env,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: repo,
      GITHUB_SHA: SHA,
      GITHUB_WORKFLOW: job.recipe.workflow.name ?? 'ios',
      GITHUB_RUN_ID: String(1000 + repoCount),
      GITHUB_WORKSPACE: cwd
    }
  })
  await github.close()
  const branch = async () =>
    (await git.git(repo).text(['ls-tree', '-r', '--name-only', 'gh-pages'])).split('\n')
  return { code: run.code, errors: run.errors, outputs: run.outputs, github, comments, branch }
}

describe("the README's recipes", () => {
  it('are there: a publish and a cleanup for each Pages source, main, tags and forks', () => {
    expect(jobs.length).toBeGreaterThanOrEqual(7)
  })

  it('the first recipe is the two-job layout: a macOS build with contents: read, an ubuntu publish', () => {
    const first = recipes[0]!.workflow
    const [build, publish] = [first.jobs.build!, first.jobs.publish!]
    expect(build['runs-on']).toMatch(/^macos/)
    expect(build.permissions).toEqual({ contents: 'read' })
    expect(publish['runs-on']).toBe('ubuntu-latest')
    expect(needs(publish)).toEqual(['build'])
    const signing = build.steps.find((step) => /security import/.test(step.run ?? ''))!
    expect(Object.keys(signing.with ?? {})).toEqual([])
    expect(signing.run).toMatch(/security create-keychain/)
    expect(build.steps.some((step) => /security delete-keychain/.test(step.run ?? ''))).toBe(true)
  })

  it.each(
    recipes.flatMap((recipe) =>
      Object.entries(recipe.workflow.jobs).map(([name, job]) => [recipe.title, name, job] as const)
    )
  )(
    '%s, job %s: a job that builds holds no write permission and no deploy environment; the publish runs on ubuntu',
    (_, __, job) => {
      const builds = job.steps.some((step) =>
        /xcodebuild|actions\/checkout/.test(`${step.run ?? ''}${step.uses ?? ''}`)
      )
      const grant = job.permissions ?? {}
      if (builds) {
        expect(Object.values(grant)).not.toContain('write')
        expect(job.environment).toBeUndefined()
      }
      // provision installs profiles for Xcode, so it runs in the build job, on macOS.
      const publishes = job.steps.some(
        (step) => step.uses?.startsWith('ipa-ota/') && step.with?.mode !== 'provision'
      )
      if (publishes) {
        expect(job['runs-on']).toBe('ubuntu-latest')
      }
      if (job.environment !== undefined) {
        // environment.url would point github-pages at whichever pull request built last.
        expect(typeof job.environment).toBe('string')
      }
    }
  )

  it.each(
    jobs.filter((job) => !isS3(job)).map((job) => [job.recipe.title, job.name, job] as const)
  )(
    '%s, job %s: runs with exactly its permissions and succeeds',
    async (_, __, job) => {
      const repo = `octo/recipe-${++repoCount}`
      await git.createRepo(repo)
      const files = workspace(job.recipe, job.job)
      const cwd = await materialize(files)
      if (job.step.with?.mode === 'remove') {
        // A build of the pull request to remove, published first by the matching publish recipe.
        const publisher = jobs.find(
          (each) =>
            each.step.with?.mode === undefined &&
            each.environment === job.environment &&
            each.event === 'pull_request'
        )!
        const seeded = await runJob(
          publisher,
          repo,
          undefined,
          await materialize(workspace(publisher.recipe, publisher.job))
        )
        expect(seeded.errors).toEqual([])
        expect(await seeded.branch()).toContain(`ota/pr-${PR}/index.html`)
      }
      const outcome = await runJob(job, repo, job.grant, cwd)
      expect(outcome.github.refused).toEqual([])
      expect(outcome.github.violations).toEqual([])
      expect(asc.violations).toEqual([])
      expect(asc.refusals).toEqual([])
      expect(outcome.errors).toEqual([])
      expect(outcome.code).toBe(0)
      expect(outcome.outputs.skipped).toBe('false')
      const pages = await outcome.branch()
      if (job.step.with?.mode === 'remove') {
        expect(pages.filter((path) => path.startsWith(`ota/pr-${PR}/`))).toEqual([])
      } else {
        expect(pages).toContain(`${outcome.outputs['page-url']!.slice(SITE.length)}`)
      }
      if (job.step.with?.mode !== 'remove') {
        const commented = outcome.comments.on('octo', repo.split('/')[1]!, PR).length > 0
        expect(commented).toBe(job.step.with?.comment !== 'never' && job.event !== 'push')
      }
    },
    120_000
  )

  it.each(jobs.filter(isS3).map((job) => [job.recipe.title, job.name, job] as const))(
    '%s, job %s: runs with exactly its permissions, uploads the build to its bucket and the public URLs serve it',
    async (_, __, job) => {
      const bucket = String(job.step.with!['s3-bucket'])
      const base = String(job.step.with!['public-base-url'])
      const prefix = String(job.step.with!['s3-prefix'] ?? job.step.with!.path ?? 'ota')
      const cdn = cdns.get(bucket)!
      const repo = `octo/recipe-${++repoCount}`
      const cwd = await materialize(workspace(job.recipe, job.job))
      const outcome = await runJob(job, repo, job.grant, cwd)
      expect(outcome.errors).toEqual([])
      expect(outcome.code).toBe(0)
      expect(outcome.outputs.skipped).toBe('false')
      // comment: never, and nothing else here is GitHub's: the token is never used, so the job
      // needs only the OIDC token that configure-aws-credentials trades for the role's keys.
      expect(outcome.github.refused).toEqual([])
      expect(outcome.github.violations).toEqual([])
      expect(outcome.github.requests.map((request) => request.operationId)).toEqual([])
      expect(job.grant).toEqual({ 'id-token': 'write' })

      // A bucket serves no folder index: the page URL names its index.html.
      const page = outcome.outputs['page-url']!
      expect(page.slice(0, `${base}/${prefix}/`.length)).toBe(`${base}/${prefix}/`)
      expect(page).toMatch(/\/index\.html$/)
      const folder = page.slice(0, -'index.html'.length)
      const manifestUrl = `${folder}manifest.plist`
      expect(outcome.outputs['manifest-url']).toBe(manifestUrl)
      expect(outcome.outputs['install-url']).toBe(
        `itms-services://?action=download-manifest&url=${encodeURIComponent(manifestUrl)}`
      )
      const dir = folder.slice(`${base}/`.length)
      const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: dir }))
      const keys = (listed.Contents ?? []).map((object) => object.Key)
      const ipaKey = decodeURIComponent(outcome.outputs['ipa-url']!.slice(`${base}/`.length))
      expect(keys).toEqual(
        expect.arrayContaining([`${dir}manifest.plist`, ipaKey, `${dir}index.html`])
      )
      const stored = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: ipaKey }))
      expect(Buffer.from(await stored.Body!.transformToByteArray())).toEqual(
        await readFile(sampleIpa)
      )

      // verify() asked the public URLs, as an iPhone would, and they answered with the objects.
      const path = (url: string) => new URL(url).pathname
      expect(cdn.served).toEqual(
        expect.arrayContaining([
          `HEAD ${path(manifestUrl)} 200`,
          `HEAD ${path(outcome.outputs['ipa-url']!)} 200`
        ])
      )
      const served = await fetch(`${cdn.url}${path(manifestUrl)}`)
      const manifest = parsePlist(await served.text()) as {
        items: Array<{
          assets: Array<{ kind: string; url: string }>
          metadata: Record<string, string>
        }>
      }
      const [item] = manifest.items
      expect(item!.assets.find((asset) => asset.kind === 'software-package')!.url).toBe(
        outcome.outputs['ipa-url']
      )
      expect(item!.metadata['bundle-identifier']).toBe('dev.ipa-ota.sample')
    },
    120_000
  )

  it('the stand-in refuses what a grant lacks: without comment: never the nightly job looks up pull requests it may not read', async () => {
    const nightly = jobs.find((job) => job.recipe.workflow.name === 'nightly')!
    const rest = { ...nightly.step.with }
    delete rest.comment
    const repo = `octo/recipe-${++repoCount}`
    await git.createRepo(repo)
    const cwd = await materialize(workspace(nightly.recipe, nightly.job))
    const outcome = await runJob(
      { ...nightly, step: { ...nightly.step, with: rest } },
      repo,
      nightly.grant,
      cwd
    )
    expect(outcome.github.refused).toEqual(['repos/list-pull-requests-associated-with-commit'])
  }, 120_000)

  it('the stand-in refuses what a grant lacks: without comment: never the S3 tag job looks up a pull request it may not read', async () => {
    const tag = jobs.find(isS3)!
    const rest = { ...tag.step.with }
    delete rest.comment
    const cwd = await materialize(workspace(tag.recipe, tag.job))
    const outcome = await runJob(
      { ...tag, step: { ...tag.step, with: rest } },
      `octo/recipe-${++repoCount}`,
      tag.grant,
      cwd
    )
    expect(outcome.github.refused).toEqual(['repos/list-pull-requests-associated-with-commit'])
  }, 120_000)

  it('the stand-in gives no OIDC token without id-token: write, and the deployment fails', async () => {
    const byActions = jobs.find(
      (job) => job.environment === 'github-pages' && job.step.with?.mode === undefined
    )!
    const grant = { ...byActions.grant }
    delete grant['id-token']
    const repo = `octo/recipe-${++repoCount}`
    await git.createRepo(repo)
    const cwd = await materialize(workspace(byActions.recipe, byActions.job))
    const outcome = await runJob(byActions, repo, grant, cwd)
    expect(outcome.code).not.toBe(0)
    expect(outcome.errors.join('\n')).toMatch(/id-token/)
  }, 120_000)

  it("the two-job recipe's publish job runs on the IPA its build job uploads", async () => {
    const first = jobs.find((job) => job.recipe === recipes[0])!
    const files = workspace(first.recipe, first.job)
    expect([...files.keys()]).toEqual(['App.ipa'])
    const cwd = await materialize(files)
    expect(await readdir(cwd)).toEqual(['App.ipa'])
    expect(first.step.with?.ipa).toBe('*.ipa')
  })
})
