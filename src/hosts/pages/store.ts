import { mkdtemp, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import * as core from '@actions/core'
import { UserError } from '../../errors.js'
import { parseBuildRecord } from '../../ota/record.js'
import type { BuildRecord, SiteChanges, SiteFile } from '../../ota/types.js'
import type { Planner, SiteStore } from '../types.js'
import { backoffMs, defaultSleep } from '../backoff.js'
import { basicAuthorization, createGit, gitAuthEnv, GitError } from './git.js'
import type { Git } from './git.js'
import {
  assertSitePath,
  branchPath,
  buildRecordEntries,
  checkFileSizes,
  classifyGitFailure,
  parseLsTree,
  pathsUnder,
  remoteReasons
} from './tree.js'
import type { TreeEntry } from './tree.js'

/** Where the site lives in the repository. */
export interface PagesBranch {
  branch: string
  /** Folder of the branch that Pages serves ("" for the root, "docs" for /docs). */
  dir: string
}

export interface PagesStoreOptions {
  /** `<serverUrl>/<owner>/<repo>.git`; it never carries the token. */
  remoteUrl: string
  token: string
  /** Resolves the branch and folder; called once per update. */
  target: () => Promise<PagesBranch>
  /** `squash` replaces the branch by one parentless commit on each publish. */
  history: 'keep' | 'squash'
  /** A temporary repository is made under it for each update and removed afterwards. */
  tempDir: string
  /** Attempts when another run pushed first or the network failed (default 8). */
  maxAttempts?: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export interface PagesStore extends SiteStore {
  /** The branch commit that holds the last update (undefined before the first). */
  readonly commit: string | undefined
}

const BOT = {
  GIT_AUTHOR_NAME: 'github-actions[bot]',
  GIT_AUTHOR_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'github-actions[bot]',
  GIT_COMMITTER_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com'
}

const REGULAR_FILE = '100644'

/** The branch's state after a fetch. */
interface Tip {
  commit: string
  tree: string
  entries: TreeEntry[]
}

/**
 * A SiteStore on a git branch (GitHub Pages "Deploy from a branch"). Each update works in a
 * temporary bare repository with plumbing only: a depth-1, blob-less fetch (earlier IPAs are never
 * downloaded), a temporary index, one commit, one push; a lost race re-plans on the new tip.
 */
export function createPagesStore(options: PagesStoreOptions): PagesStore {
  const maxAttempts = options.maxAttempts ?? 8
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const secrets = [options.token, basicAuthorization(options.token).slice('basic '.length)]
  let lastCommit: string | undefined

  /** Runs `use` on a temporary bare repository with the branch's remote, removed afterwards. */
  async function withSession<T>(
    use: (session: UpdateSession, branch: string) => Promise<T>
  ): Promise<T> {
    const { branch, dir } = await options.target()
    const work = await mkdtemp(join(options.tempDir, 'ipa-ota-pages-'))
    try {
      const git = createGit({
        gitDir: work,
        env: gitAuthEnv(options.token, options.remoteUrl),
        secrets
      })
      // No template: a runner's template could install hooks that would run on push.
      await git.run(['init', '--bare', '--quiet', '--template='])
      await git.run(['remote', 'add', 'origin', options.remoteUrl])
      return await use(new UpdateSession(git, work, branch, dir, options.history), branch)
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }

  async function read(root: string): Promise<BuildRecord[]> {
    return withSession(async (session, branch) => {
      try {
        return await session.readRecords(await session.fetchTip(), siteRootOf(root))
      } catch (error) {
        if (!(error instanceof GitError)) throw error
        const failure = classifyGitFailure(`${error.stdout}\n${error.stderr}`)
        if (failure === 'transient') {
          throw new UserError(
            `Could not read branch ${branch} of ${options.remoteUrl} (the network failed): ${error.message}`
          )
        }
        throw explain(error, failure, options.remoteUrl, branch, 1)
      }
    })
  }

  async function update<P extends SiteChanges>(
    root: string,
    plan: Planner<P>,
    message: string
  ): Promise<P> {
    const siteRoot = siteRootOf(root)
    return withSession(async (session, branch) => {
      const warned = new Set<string>()

      for (let attempt = 1; ; attempt++) {
        try {
          const tip = await session.fetchTip()
          const current = await session.readRecords(tip, siteRoot)
          const changes = plan(current)
          for (const warning of await checkChanges(changes)) {
            if (!warned.has(warning)) core.warning(warning)
            warned.add(warning)
          }
          const commit = await session.commit(tip, changes, message)
          if (commit === undefined) {
            core.info(`Branch ${branch} already holds these files; nothing to push.`)
            lastCommit = tip?.commit
            return changes
          }
          await session.push(tip, commit)
          lastCommit = commit
          logChanges(branch, commit, changes, attempt)
          return changes
        } catch (error) {
          if (!(error instanceof GitError)) throw error
          const failure = classifyGitFailure(`${error.stdout}\n${error.stderr}`)
          if ((failure === 'race' || failure === 'transient') && attempt < maxAttempts) {
            const delay = backoffMs(attempt, random)
            core.info(
              failure === 'race'
                ? `Another run updated ${branch} first; planning again on its new tip in ${delay} ms (attempt ${attempt + 1} of ${maxAttempts}).`
                : `Network failure talking to ${options.remoteUrl}; retrying in ${delay} ms (attempt ${attempt + 1} of ${maxAttempts}): ${error.stderr.split('\n')[0] ?? ''}`
            )
            await sleep(delay)
            continue
          }
          throw explain(error, failure, options.remoteUrl, branch, attempt)
        }
      }
    })
  }

  return {
    read,
    update,
    get commit() {
      return lastCommit
    }
  }
}

function siteRootOf(root: string): string {
  return root.replace(/^\/+|\/+$/g, '')
}

/** Validates the plan's paths and sizes before anything is hashed or sent; returns size warnings. */
async function checkChanges(changes: SiteChanges): Promise<string[]> {
  const removeFiles = changes.removeFiles ?? []
  for (const path of [...changes.write.map((f) => f.path), ...changes.removeDirs, ...removeFiles]) {
    assertSitePath(path)
  }
  const sizes = await Promise.all(
    changes.write.map(async (file) => ({
      path: file.path,
      size: Buffer.isBuffer(file.content)
        ? file.content.length
        : (await stat(file.content.file)).size
    }))
  )
  return checkFileSizes(sizes)
}

function logChanges(branch: string, commit: string, changes: SiteChanges, attempt: number): void {
  for (const removed of changes.removeDirs) core.info(`Removed ${removed}/`)
  core.info(
    `Pushed ${changes.write.length} file(s) to branch ${branch} as ${commit.slice(0, 12)}${attempt > 1 ? ` (attempt ${attempt})` : ''}.`
  )
}

function explain(
  error: GitError,
  failure: ReturnType<typeof classifyGitFailure>,
  remoteUrl: string,
  branch: string,
  attempts: number
): Error {
  const repository = remoteUrl.replace(/\.git$/, '')
  const said = remoteReasons(`${error.stdout}\n${error.stderr}`)
  const because = said ? ` (GitHub: ${said})` : ''
  switch (failure) {
    case 'unsigned':
      return new UserError(
        `A rule requires signed commits on branch ${branch}${because}, and the action's commits are unsigned: exclude ${branch} from "Require signed commits" (in the ruleset at ${repository}/settings/rules, or the branch protection rule at ${repository}/settings/branches), or publish with host: s3.`
      )
    case 'ruleset':
      return new UserError(
        `A repository ruleset refused the push to branch ${branch}${because}: exclude ${branch} from the ruleset's target branches at ${repository}/settings/rules, or publish with host: s3.`
      )
    case 'protected':
      return new UserError(
        `Branch ${branch} is protected and its protection refused the push${because}: remove the protection rule that matches ${branch} at ${repository}/settings/branches (the branch holds only published builds), or publish with host: s3.`
      )
    case 'permission':
      return new UserError(
        `GitHub refused to let this workflow write branch ${branch} of ${remoteUrl}: grant the job \`permissions: contents: write\` (a pull request from a fork, or Dependabot's, only gets a read-only token: publish its build from a workflow_run workflow, see the README: "Pull requests from forks").`
      )
    case 'auth':
      return new UserError(
        `GitHub did not accept the token for ${remoteUrl}: pass a valid token (the default, github.token, works when the job has \`permissions: contents: write\`).`
      )
    case 'not-found':
      return new UserError(
        `Repository ${remoteUrl} was not found: check the repository and that the token may read it (\`permissions: contents: write\`).`
      )
    case 'race':
    case 'transient':
      return new UserError(
        `Could not publish to branch ${branch} of ${remoteUrl} after ${attempts} attempts (${failure === 'race' ? 'other runs kept pushing first' : 'the network kept failing'}): re-run the job. Last error: ${error.message}`
      )
    default:
      return error
  }
}

/** The git work of one update, in one temporary repository, across attempts. */
class UpdateSession {
  /** Blob ids of local files already hashed (the IPA is hashed once, whatever the attempts). */
  private readonly fileBlobs = new Map<string, string>()
  /** build.json contents already fetched, by blob id. */
  private readonly records = new Map<string, BuildRecord | undefined>()

  constructor(
    private readonly git: Git,
    private readonly work: string,
    private readonly branch: string,
    private readonly dir: string,
    private readonly history: 'keep' | 'squash'
  ) {}

  /** Fetches the branch tip without history or blobs; undefined when the branch does not exist. */
  async fetchTip(): Promise<Tip | undefined> {
    const ref = `refs/remotes/origin/${this.branch}`
    try {
      await this.git.run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        '--depth=1',
        '--filter=blob:none',
        'origin',
        `+refs/heads/${this.branch}:${ref}`
      ])
    } catch (error) {
      if (error instanceof GitError && classifyGitFailure(error.stderr) === 'missing-branch') {
        return undefined
      }
      throw error
    }
    const commit = await this.git.text(['rev-parse', '--verify', `${ref}^{commit}`])
    const tree = await this.git.text(['rev-parse', '--verify', `${commit}^{tree}`])
    const entries = parseLsTree(await this.git.run(['ls-tree', '-r', '-z', '--full-tree', commit]))
    return { commit, tree, entries }
  }

  /** The build.json records under `<dir>/<root>/*\/*\/`, fetching only those small blobs. */
  async readRecords(tip: Tip | undefined, root: string): Promise<BuildRecord[]> {
    if (!tip) return []
    const entries = buildRecordEntries(tip.entries, this.dir, root)
    const missing = [...new Set(entries.map((entry) => entry.oid))].filter(
      (oid) => !this.records.has(oid)
    )
    if (missing.length > 0) {
      // One explicit fetch of exactly these blobs, as git's own lazy fetch does it (one round
      // trip instead of one per blob). "noop" negotiation: announcing the tip as "have" would make
      // the server assume we hold its blobs and send nothing.
      await this.git.run(
        [
          '-c',
          'fetch.negotiationAlgorithm=noop',
          'fetch',
          '--quiet',
          '--no-tags',
          '--no-write-fetch-head',
          '--filter=blob:none',
          '--stdin',
          'origin'
        ],
        { input: missing.join('\n') + '\n' }
      )
      const contents = parseCatFileBatch(
        await this.git.run(['cat-file', '--batch'], { input: missing.join('\n') + '\n' })
      )
      for (const oid of missing) {
        const path = entries.find((entry) => entry.oid === oid)?.path ?? oid
        this.records.set(
          oid,
          parseBuildRecord(
            contents.get(oid)?.toString('utf8') ?? '',
            `${path} on branch ${this.branch}`,
            core.warning
          )
        )
      }
    }
    return entries
      .map((entry) => this.records.get(entry.oid))
      .filter((record) => record !== undefined)
  }

  /** Writes the planned tree and its commit; undefined when the tree would not change. */
  async commit(
    tip: Tip | undefined,
    changes: SiteChanges,
    message: string
  ): Promise<string | undefined> {
    const index = { GIT_INDEX_FILE: join(this.work, 'publish.index') }
    await rm(index.GIT_INDEX_FILE, { force: true })
    await this.git.run(tip ? ['read-tree', tip.tree] : ['read-tree', '--empty'], { env: index })

    // One --index-info batch; mode 0 removes a path (unlike --force-remove, it needs no work tree).
    const zeroOid = '0'.repeat(tip?.tree.length ?? 40)
    const lines = pathsUnder(
      tip?.entries ?? [],
      changes.removeDirs.map((path) => branchPath(this.dir, path))
    ).map((path) => `0 ${zeroOid}\t${path}\0`)
    for (const path of changes.removeFiles ?? []) {
      lines.push(`0 ${zeroOid}\t${branchPath(this.dir, path)}\0`)
    }
    for (const file of changes.write) {
      lines.push(`${REGULAR_FILE} ${await this.hash(file)}\t${branchPath(this.dir, file.path)}\0`)
    }
    if (!tip?.entries.some((entry) => entry.path === '.nojekyll')) {
      // Without it Pages runs Jekyll, which hides files and folders starting with "_" or ".".
      lines.push(`${REGULAR_FILE} ${await this.hashBytes(Buffer.alloc(0))}\t.nojekyll\0`)
    }
    if (lines.length > 0) {
      await this.git.run(['update-index', '-z', '--add', '--index-info'], {
        env: index,
        input: lines.join('')
      })
    }

    // --missing-ok: the earlier builds' blobs were never fetched, and must not be.
    const tree = await this.git.text(['write-tree', '--missing-ok'], { env: index })
    if (tip && tree === tip.tree) return undefined
    const parents = tip && this.history === 'keep' ? ['-p', tip.commit] : []
    return this.git.text(['commit-tree', '--no-gpg-sign', tree, ...parents], {
      env: BOT,
      input: message
    })
  }

  /** Pushes `commit` as the branch; squash replaces it only if nobody pushed since the fetch. */
  async push(tip: Tip | undefined, commit: string): Promise<void> {
    const ref = `refs/heads/${this.branch}`
    const lease =
      this.history === 'squash' ? [`--force-with-lease=${ref}:${tip?.commit ?? ''}`] : []
    await this.git.run(['push', '--quiet', '--porcelain', ...lease, 'origin', `${commit}:${ref}`])
  }

  private async hash(file: SiteFile): Promise<string> {
    if (Buffer.isBuffer(file.content)) return this.hashBytes(file.content)
    const path = file.content.file
    let oid = this.fileBlobs.get(path)
    if (!oid) {
      // git reads the file itself, streaming: the IPA is never loaded into memory here.
      oid = await this.git.text(['hash-object', '-w', '--no-filters', '--', path])
      this.fileBlobs.set(path, oid)
    }
    return oid
  }

  private hashBytes(content: Buffer): Promise<string> {
    return this.git.text(['hash-object', '-w', '--no-filters', '--stdin'], { input: content })
  }
}

/** Splits `git cat-file --batch` output into contents by object id. */
function parseCatFileBatch(output: Buffer): Map<string, Buffer> {
  const contents = new Map<string, Buffer>()
  let offset = 0
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset)
    if (newline < 0) break
    const [oid = '', type = '', size = ''] = output
      .subarray(offset, newline)
      .toString('utf8')
      .split(' ')
    offset = newline + 1
    if (type === 'missing' || type === '') continue
    const length = Number(size)
    contents.set(oid, output.subarray(offset, offset + length))
    offset += length + 1
  }
  return contents
}
