import { stat } from 'node:fs/promises'
import type { Git } from './git.js'
import { parseLsTree } from './tree.js'

/** What a Pages artifact cannot hold: GitHub fails the deployment on links (deployment_content_failed). */
export interface SkippedEntry {
  path: string
  kind: 'symlink' | 'submodule'
}

/**
 * Writes `artifact.tar` for GitHub Pages: an uncompressed tar of the whole tree of `commit`,
 * regular files and folders only, modes 0644 (0755 for executables and folders).
 *
 * `git archive` is the tar writer: it streams blobs straight from the object store into the file (a 1 GB IPA
 * never passes through this process), writes folder entries, and pax headers for long paths.
 * Given a tree rather than a commit it writes no pax global header; `tar.umask=022` gives
 * 0644/0755 whatever the runner's umask. Symlinks and submodules are left out (and returned),
 * since the deployment would fail on them. Every blob of the tree must be in the repository.
 */
export async function writeTreeTar(
  git: Git,
  commit: string,
  file: string
): Promise<{ size: number; skipped: SkippedEntry[] }> {
  const entries = parseLsTree(await git.run(['ls-tree', '-r', '-z', '--full-tree', commit]))
  const skipped: SkippedEntry[] = entries
    .filter((entry) => entry.mode === '120000' || entry.mode === '160000')
    .map((entry) => ({
      path: entry.path,
      kind: entry.mode === '120000' ? ('symlink' as const) : ('submodule' as const)
    }))
  // --output: git writes the file itself (Git.run would hold the whole tar in memory).
  await git.run([
    '-c',
    'tar.umask=022',
    'archive',
    '--format=tar',
    `--output=${file}`,
    `${commit}^{tree}`,
    '--',
    ...skipped.map((entry) => `:(exclude,literal)${entry.path}`)
  ])
  return { size: (await stat(file)).size, skipped }
}
