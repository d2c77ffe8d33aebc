import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as core from '@actions/core'
import { parseBuildRecord } from '../../ota/record.js'
import type { BuildRecord, SiteChanges, SiteFile } from '../../ota/types.js'
import { GitError } from './git.js'
import type { Git } from './git.js'
import {
  branchPath,
  buildRecordEntries,
  classifyGitFailure,
  parseCatFileBatch,
  parseLsTree,
  pathsUnder
} from './tree.js'
import type { TreeEntry } from './tree.js'

/** The identity of the action's commits. */
export const BOT = {
  GIT_AUTHOR_NAME: 'github-actions[bot]',
  GIT_AUTHOR_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'github-actions[bot]',
  GIT_COMMITTER_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com'
}

const REGULAR_FILE = '100644'

/** The branch's state after a fetch. */
export interface Tip {
  commit: string
  tree: string
  entries: TreeEntry[]
}

/** The git work of one update, in one temporary repository, across attempts. */
export class UpdateSession {
  /** Blob ids of local files already hashed (the IPA is hashed once, whatever the attempts). */
  private readonly fileBlobs = new Map<string, string>()
  /** build.json contents already fetched, by blob id. */
  private readonly records = new Map<string, BuildRecord | undefined>()
  /** The default branch, once asked. */
  private head: { branch: string | undefined } | undefined

  constructor(
    private readonly git: Git,
    private readonly work: string,
    private readonly branch: string,
    /** The folder Pages serves. */
    readonly dir: string,
    private readonly history: 'keep' | 'squash'
  ) {}

  /** The repository's default branch, as the server announces its HEAD (undefined if unborn). */
  async defaultBranch(): Promise<string | undefined> {
    if (this.head === undefined) {
      const out = await this.git.text(['ls-remote', '--symref', 'origin', 'HEAD'])
      this.head = { branch: /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out)?.[1] }
    }
    return this.head.branch
  }

  /** Fetches the branch tip without history or blobs; undefined when the branch does not exist. */
  async fetchTip(): Promise<Tip | undefined> {
    const ref = `refs/remotes/origin/${this.branch}`
    try {
      await this.git.run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        // The repository lives for one update: maintenance would only cost a process per fetch.
        '--no-auto-maintenance',
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
    const [commit = '', tree = ''] = (
      await this.git.text(['rev-parse', `${ref}^{commit}`, `${ref}^{tree}`])
    ).split('\n')
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
          '--no-auto-maintenance',
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
    const writes = changes.write.map((file) => ({
      path: branchPath(this.dir, file.path),
      content: file.content
    }))
    // Without it Pages runs Jekyll, which hides files and folders starting with "_" or ".". It
    // acts only in the folder Pages serves.
    const noJekyll = branchPath(this.dir, '.nojekyll')
    if (!tip?.entries.some((entry) => entry.path === noJekyll)) {
      writes.push({ path: noJekyll, content: Buffer.alloc(0) })
    }
    const oids = await this.hashAll(writes.map((file) => file.content))
    writes.forEach((file, n) => lines.push(`${REGULAR_FILE} ${oids[n]}\t${file.path}\0`))
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
    // No delta search: against the remote's blobs at the same paths, which this blob-less
    // repository does not hold, it made git fetch them first, one hidden round trip per push.
    await this.git.run([
      '-c',
      'pack.window=0',
      'push',
      '--quiet',
      '--porcelain',
      ...lease,
      'origin',
      `${commit}:${ref}`
    ])
  }

  /**
   * Writes the blobs of `contents` and returns their ids, in order. The in-memory ones (pages,
   * manifest, records) go through one `hash-object --stdin-paths` rather than a process each.
   */
  private async hashAll(contents: Array<SiteFile['content']>): Promise<string[]> {
    // Relative to the repository folder, git's working directory: no runner path in the list.
    const folder = 'blobs'
    await mkdir(join(this.work, folder), { recursive: true })
    try {
      const listed: string[] = []
      for (const [n, content] of contents.entries()) {
        if (!Buffer.isBuffer(content)) continue
        listed.push(`${folder}/${n}`)
        await writeFile(join(this.work, folder, String(n)), content)
      }
      const ids =
        listed.length === 0
          ? []
          : (
              await this.git.text(['hash-object', '-w', '--no-filters', '--stdin-paths'], {
                input: listed.map((path) => `${path}\n`).join('')
              })
            ).split('\n')
      if (ids.length !== listed.length) {
        throw new Error(`git hash-object returned ${ids.length} ids for ${listed.length} files`)
      }
      let next = 0
      const oids: string[] = []
      for (const content of contents) {
        oids.push(Buffer.isBuffer(content) ? ids[next++]! : await this.hashFile(content.file))
      }
      return oids
    } finally {
      await rm(join(this.work, folder), { recursive: true, force: true })
    }
  }

  private async hashFile(path: string): Promise<string> {
    let oid = this.fileBlobs.get(path)
    if (!oid) {
      // git reads the file itself, streaming: the IPA is never loaded into memory here.
      oid = await this.git.text(['hash-object', '-w', '--no-filters', '--', path])
      this.fileBlobs.set(path, oid)
    }
    return oid
  }
}
