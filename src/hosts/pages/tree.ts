import { UserError } from '../../errors.js'
import { formatMiB } from '../../format.js'

/** One line of `git ls-tree -r -z`. */
export interface TreeEntry {
  mode: string
  type: string
  oid: string
  /** Path in the branch. */
  path: string
}

/** GitHub refuses files above this in a push. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024
/** GitHub warns about files above this in a push. */
export const WARN_FILE_BYTES = 50 * 1024 * 1024

export function parseLsTree(output: Buffer | string): TreeEntry[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter((record) => record.length > 0)
    .map((record) => {
      const tab = record.indexOf('\t')
      const [mode = '', type = '', oid = ''] = record.slice(0, tab).split(' ')
      return { mode, type, oid, path: record.slice(tab + 1) }
    })
}

/** Splits `git cat-file --batch` output into contents by object id. */
export function parseCatFileBatch(output: Buffer): Map<string, Buffer> {
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

/** The folder Pages serves from, as a branch path prefix: "/" → "", "/docs" → "docs". */
export function sourceDir(sourcePath: string | undefined): string {
  return (sourcePath ?? '/').replace(/^\/+|\/+$/g, '')
}

/** Where a site path lives in the branch. */
export function branchPath(dir: string, sitePath: string): string {
  return dir ? `${dir}/${sitePath}` : sitePath
}

/**
 * Rejects site paths that could escape or wipe the site ("", "..", absolute, backslashes), so a
 * faulty plan can never delete or write outside its folder.
 */
export function assertSitePath(path: string): void {
  const segments = path.split('/')
  if (
    path.includes('\\') ||
    path.includes('\0') ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw new Error(`Invalid site path "${path}" in the publish plan`)
  }
}

/** The build.json entries `<dir>/<root>/<channel>/<build>/build.json` of a tree listing. */
export function buildRecordEntries(entries: TreeEntry[], dir: string, root: string): TreeEntry[] {
  const prefix = [dir, root].filter(Boolean).join('/')
  const depth = prefix ? prefix.split('/').length : 0
  return entries.filter((entry) => {
    if (entry.type !== 'blob') return false
    if (prefix && !entry.path.startsWith(`${prefix}/`)) return false
    const rest = entry.path.split('/').slice(depth)
    return rest.length === 3 && rest[2] === 'build.json'
  })
}

/** Every blob path under one of `dirs` (branch paths, without trailing slash). */
export function pathsUnder(entries: TreeEntry[], dirs: string[]): string[] {
  return entries
    .filter((entry) => dirs.some((dir) => entry.path.startsWith(`${dir}/`)))
    .map((entry) => entry.path)
}

/**
 * GitHub's push limits: a file of 100 MiB or more is refused (UserError before anything is sent),
 * one of 50 MiB or more gets a warning (returned).
 */
export function checkFileSizes(files: Array<{ path: string; size: number }>): string[] {
  const tooLarge = files.find((file) => file.size >= MAX_FILE_BYTES)
  if (tooLarge) {
    throw new UserError(
      `${tooLarge.path} is ${formatMiB(tooLarge.size)}, but GitHub refuses files of 100 MiB or more in a push: make the build smaller or publish with \`host: s3\`, which takes any size.`
    )
  }
  return files
    .filter((file) => file.size >= WARN_FILE_BYTES)
    .map(
      (file) =>
        `${file.path} is ${formatMiB(file.size)}; GitHub warns about files over 50 MiB and refuses them from 100 MiB (\`host: s3\` takes any size).`
    )
}

export type GitFailure =
  /** Someone else pushed first (non-fast-forward, stale lease, ref lock held). */
  | 'race'
  /** The network or the server failed; the same request may succeed later. */
  | 'transient'
  /** The transfer stalled (git's low-speed limit or the kill timer): not retried, so it stays bounded. */
  | 'stalled'
  /** The token may read but not write. */
  | 'permission'
  /** The token was not accepted at all. */
  | 'auth'
  | 'not-found'
  | 'missing-branch'
  /** A rule requires signed commits (branch protection or ruleset); ours are unsigned. */
  | 'unsigned'
  /** A repository ruleset refused the push (GH013). */
  | 'ruleset'
  /** Branch protection refused the push (GH006). */
  | 'protected'
  | 'other'

/**
 * What the server said about a refused push, on one line: its `remote:` lines without the
 * `error:` and list prefixes, the rules page link and blank lines.
 */
export function remoteReasons(output: string): string {
  return output
    .split('\n')
    .filter((line) => line.startsWith('remote:'))
    .map((line) =>
      line
        .slice('remote:'.length)
        .trim()
        .replace(/^(error:\s*|-\s+)/i, '')
    )
    .filter((line) => line !== '' && !/^review all repository rules/i.test(line))
    .join(' ')
}

/** Classifies git's output (LC_ALL=C) of a failed fetch or push. */
export function classifyGitFailure(output: string): GitFailure {
  const text = output.toLowerCase()
  if (/couldn't find remote ref/.test(text)) return 'missing-branch'
  // GitHub's refusals by rule come back as `[remote rejected]`; they must not read as a race.
  if (/must have verified signatures|commits must be signed/.test(text)) return 'unsigned'
  if (/\bgh013\b|repository rule violations/.test(text)) return 'ruleset'
  if (/\bgh006\b|protected branch hook declined|protected branch update failed/.test(text))
    return 'protected'
  if (
    /permission to .* denied|write access to repository not granted|returned error: 403|error: 403/.test(
      text
    )
  ) {
    return 'permission'
  }
  if (
    /authentication failed|could not read username|returned error: 401|invalid username/.test(text)
  ) {
    return 'auth'
  }
  if (
    /repository '.*' not found|repository not found|returned error: 404|does not appear to be a git repository/.test(
      text
    )
  ) {
    return 'not-found'
  }
  if (
    /\[rejected\]|fetch first|non-fast-forward|stale info|cannot lock ref|failed to lock|failed to update ref|incorrect old value/.test(
      text
    )
  ) {
    return 'race'
  }
  // Before 'transient': git reports curl's low-speed abort as "RPC failed; curl 28 …".
  if (/operation too slow|^stalled: /m.test(text)) return 'stalled'
  if (
    /rpc failed|early eof|hung up unexpectedly|unexpected disconnect|empty reply from server|connection reset|connection refused|couldn't connect|could not resolve host|timed out|transfer closed|returned error: 5\d\d|broken pipe|http\/2 stream/.test(
      text
    )
  ) {
    return 'transient'
  }
  return 'other'
}
