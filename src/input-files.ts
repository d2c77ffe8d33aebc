/**
 * Files named by inputs (ipa, notes-file, devices-file) stay in their place: on a runner they must
 * resolve, symbolic links followed, to a regular file inside the workspace or RUNNER_TEMP, so a
 * path or a link cannot make the action publish /proc/self/environ (the token) or a file of
 * another job. Outside a runner (the CLI, a local run) there is no such folder: the file is only
 * required to be a regular file outside /proc and /sys. Text files also have a size cap.
 */
import { constants } from 'node:fs'
import { open, realpath, statfs } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { UserError } from './errors.js'

/** Notes and device lists are a few kilobytes; beyond this a file is not what the input wants. */
export const TEXT_FILE_CAP = 256 * 1024

/** Linux's procfs and sysfs (statfs f_type): files that describe the machine, not the build. */
const PSEUDO_FILE_SYSTEMS = new Set([0x9fa0, 0x62656572])

/** The folders input files must be in: the workspace and RUNNER_TEMP when set; none outside a runner. */
export function inputRoots(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env.GITHUB_WORKSPACE, env.RUNNER_TEMP].filter((root): root is string => Boolean(root))
}

/**
 * The real path of the file `path` names (relative to the working directory) for input `input`,
 * or a UserError saying why it may not be used. `roots` as from `inputRoots`.
 */
export async function confinedPath(
  path: string,
  input: string,
  roots: string[],
  hint = 'check the path'
): Promise<string> {
  let real: string
  try {
    real = await realpath(path)
  } catch (error) {
    throw unreadable(path, input, error, hint)
  }
  const realRoots = await Promise.all(
    roots.map((root) => realpath(root).catch(() => resolve(root)))
  )
  if (realRoots.length > 0 && !realRoots.some((root) => inside(real, root))) {
    throw new UserError(
      `Input ${input} "${path}" resolves to ${real}, outside the workspace and RUNNER_TEMP (${roots.join(', ')}): give a file inside them; a symbolic link out of them is refused, as it could publish any file of the runner.`
    )
  }
  if (/^\/(proc|sys)(\/|$)/.test(real) || PSEUDO_FILE_SYSTEMS.has((await statfs(real)).type)) {
    throw new UserError(
      `Input ${input} "${path}" resolves to ${real}, a file of the system, not of the build: give the path of a file an earlier step wrote.`
    )
  }
  return real
}

/**
 * The text of the file input `input` names: confined as `confinedPath` says, a regular file, and
 * at most `maxBytes`. `hint` says what the input should name, for the error.
 */
export async function readInputText(
  path: string,
  input: string,
  options: { roots: string[]; hint: string; maxBytes?: number }
): Promise<string> {
  const maxBytes = options.maxBytes ?? TEXT_FILE_CAP
  const real = await confinedPath(path, input, options.roots, options.hint)
  // O_NOFOLLOW: a link put in the checked path's place since is refused, not followed.
  // O_NONBLOCK: opening a named pipe does not wait for a writer (fstat then refuses it).
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK
  const file = await open(real, flags).catch((error) => {
    throw unreadable(path, input, error, options.hint)
  })
  try {
    const stats = await file.stat()
    if (!stats.isFile()) {
      throw new UserError(
        `Input ${input} "${path}" is not a regular file (a folder, device or pipe): ${options.hint}.`
      )
    }
    // Read one byte past the cap, so a file that grew after stat is caught too.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1)
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0)
    if (stats.size > maxBytes || bytesRead > maxBytes) {
      throw new UserError(
        `Input ${input} "${path}" is larger than ${maxBytes / 1024} KiB, the limit for it: ${options.hint}.`
      )
    }
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await file.close()
  }
}

/** Whether `path` is `root` or inside it (both real, absolute paths). */
function inside(path: string, root: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

function unreadable(path: string, input: string, error: unknown, hint: string): UserError {
  const code = (error as NodeJS.ErrnoException).code
  return new UserError(
    `Input ${input} "${path}" cannot be read (${typeof code === 'string' ? code : String(error)}): ${hint}.`
  )
}
