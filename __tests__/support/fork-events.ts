/**
 * Event payloads and pull requests as GitHub sends them, for the fork and workflow_run tests, and
 * the stand-ins those tests share.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { startGitServer, type GitRequestRecord, type GitServer } from './git-server.js'
import { servePagesSettings } from './github-pages.js'
import {
  installCommentsFake,
  startGitHub,
  type CommentsFake,
  type GitHubStandIn
} from './github-server.js'
import { writeSampleIpa } from './sample-ipa.js'

export const BUILT = 'b'.repeat(40)
export const BASE_REPO = { id: 1, full_name: 'octo/app' }
export const FORK_REPO = { id: 2, full_name: 'someone/app' }
/** workflow_run.pull_requests names repositories by id and API url only. */
export const API_REPO = 'https://api.github.com/repos/octo/app'

type Repository = typeof BASE_REPO

/** A pull request as the pulls endpoints answer it (the fields we read). */
export function pull(
  number: number,
  head: { sha: string; ref: string; repo: Repository },
  state: 'open' | 'closed' = 'open'
) {
  return {
    number,
    state,
    head: { ...head, label: `${head.repo.full_name.split('/')[0]}:${head.ref}` },
    base: { ref: 'main', sha: 'e'.repeat(40), repo: BASE_REPO }
  }
}

/** The event of a publish workflow on workflow_run, after a build run (pull_request by default). */
export function workflowRunEvent(options: {
  pullRequests: unknown[]
  head: Repository
  event?: string
  branch?: string
}) {
  return {
    name: 'workflow_run',
    payload: {
      action: 'completed',
      workflow_run: {
        id: 987654,
        name: 'build',
        event: options.event ?? 'pull_request',
        conclusion: 'success',
        head_sha: BUILT,
        head_branch: options.branch ?? 'feature/dark-mode',
        run_number: 31,
        run_attempt: 1,
        pull_requests: options.pullRequests,
        head_repository: options.head,
        repository: BASE_REPO,
        actor: { login: 'contributor' }
      },
      repository: BASE_REPO
    }
  }
}

/** The Pages site the stand-in GitHub names for every test's repository. */
export const FORK_SITE = 'https://octo.github.io/app/'

/**
 * What the fork and provenance tests share: an app, one git server for the file, and per test a
 * repository of its own (so no site carries over) and a fresh GitHub stand-in with the comments
 * fake and Pages settings for FORK_SITE (a test may answer repos/get-pages otherwise). Registers the
 * hooks; read the fields inside tests only.
 */
export interface ForkStage {
  readonly work: string
  readonly ipa: string
  readonly git: GitServer
  readonly github: GitHubStandIn
  readonly comments: CommentsFake
  /** This test's repository, e.g. octo/app-3. */
  readonly repo: string
  /** The runner variables that point the action at the stand-ins and this test's repository. */
  env(): Record<string, string>
  /** The pushes to this test's repository. */
  pushes(): GitRequestRecord[]
  /** The files of a branch of this test's repository. */
  files(branch?: string): Promise<string[]>
}

export function forkStage(token: string, name: string): ForkStage {
  let work = ''
  let ipa = ''
  let git: GitServer | undefined
  let github: GitHubStandIn | undefined
  let comments: CommentsFake | undefined
  let repo = ''
  let repoCount = 0
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('forkStage is read inside tests only')
    return value
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), `${name}-`))
    ipa = join(work, 'App.ipa')
    await writeSampleIpa(ipa, { name: 'Sample', version: '3.0', build: '9' })
    git = await startGitServer({ tokens: { [token]: 'write' } })
  })
  beforeEach(async () => {
    repo = `octo/app-${++repoCount}`
    await ready(git).createRepo(repo)
    github = await startGitHub({ token })
    comments = installCommentsFake(github, { login: 'github-actions[bot]' })
    servePagesSettings(github, { html_url: FORK_SITE })
  })
  afterEach(async () => {
    expect(ready(github).violations).toEqual([])
    await github?.close()
  })
  afterAll(async () => {
    await git?.close()
    await rm(work, { recursive: true, force: true })
  })

  return {
    get work() {
      return work
    },
    get ipa() {
      return ipa
    },
    get git() {
      return ready(git)
    },
    get github() {
      return ready(github)
    },
    get comments() {
      return ready(comments)
    },
    get repo() {
      return repo
    },
    env: () => ({
      GITHUB_API_URL: ready(github).url,
      GITHUB_SERVER_URL: ready(git).url,
      GITHUB_REPOSITORY: repo
    }),
    pushes: () =>
      ready(git).requests.filter(
        (r) => r.service === 'git-receive-pack' && r.path.startsWith(`/${repo}.git/`)
      ),
    files: async (branch = 'gh-pages') =>
      (await ready(git).git(repo).text(['ls-tree', '-r', '--name-only', branch])).split('\n')
  }
}
