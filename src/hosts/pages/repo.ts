import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { basicAuthorization, createGit, gitAuthEnv } from './git.js'
import type { Git, GitLimits } from './git.js'

export interface TempRepoOptions {
  /** `<serverUrl>/<owner>/<repo>.git`, as remote `origin`; it never carries the token. */
  remoteUrl: string
  token: string
  /** The repository is made under it (prefix ipa-ota-, so a cancelled run's cleanup sweeps it). */
  tempDir: string
  /** Names the folder, e.g. "pages" or "deploy". */
  purpose: string
  limits?: GitLimits
}

/**
 * Runs `use` on a new temporary bare repository whose `origin` is the site's repository,
 * authenticated for that server only, and removes it afterwards whatever happens.
 */
export async function withTempRepo<T>(
  options: TempRepoOptions,
  use: (git: Git, dir: string) => Promise<T>
): Promise<T> {
  const dir = await mkdtemp(join(options.tempDir, `ipa-ota-${options.purpose}-`))
  try {
    const git = createGit({
      gitDir: dir,
      env: gitAuthEnv(options.token, options.remoteUrl),
      secrets: [options.token, basicAuthorization(options.token).slice('basic '.length)],
      limits: options.limits
    })
    // No template: a runner's template could install hooks that would run on push.
    await git.run(['init', '--bare', '--quiet', '--template='])
    await git.run(['remote', 'add', 'origin', options.remoteUrl])
    return await use(git, dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
