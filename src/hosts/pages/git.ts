import { spawn } from 'node:child_process'
import { devNull } from 'node:os'

/** Environment variables a git child may need from ours: search path, home, proxies, TLS trust. */
const INHERITED_ENV = [
  'PATH',
  'HOME',
  'USERPROFILE',
  'SystemRoot',
  'TEMP',
  'TMP',
  'TMPDIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR'
]

export interface GitOptions {
  /** The repository (`GIT_DIR`); a bare repository needs no work tree. */
  gitDir: string
  /** Extra environment for every command, e.g. from `gitAuthEnv`. */
  env?: Record<string, string>
  /** Strings removed from every message this adapter surfaces (the token and its encodings). */
  secrets?: string[]
  /** Bounds of every command (default DEFAULT_GIT_LIMITS). */
  limits?: GitLimits
}

/** How long one git command may run: a stalled fetch or push must not hold the job for hours. */
export interface GitLimits {
  /** A transfer slower than this many bytes per second… */
  lowSpeedBytesPerSecond: number
  /** …for this many seconds is aborted by git itself (GIT_HTTP_LOW_SPEED_LIMIT/_TIME). */
  lowSpeedSeconds: number
  /** Any command still running after this is killed (a server that accepts and never answers). */
  timeoutMs: number
}

/**
 * 1 KB/s for a minute means the connection is dead; 20 minutes is ample for the largest push
 * GitHub takes (files under 100 MiB) or the fetch of a 1 GB site, at runner speeds.
 */
export const DEFAULT_GIT_LIMITS: GitLimits = {
  lowSpeedBytesPerSecond: 1000,
  lowSpeedSeconds: 60,
  timeoutMs: 20 * 60_000
}

export interface GitRunOptions {
  /** Written to the command's standard input. */
  input?: string | Buffer
  /** Environment for this command only (e.g. `GIT_INDEX_FILE`). */
  env?: Record<string, string>
}

/** A failed git command; its message and stderr have the secrets removed. */
export class GitError extends Error {
  override name = 'GitError'
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly stdout: string
  ) {
    super(message)
  }
}

/** Runs git in one repository: argv arrays only, an explicit environment, secrets scrubbed. */
export interface Git {
  /** Runs `git <args>` and returns its standard output. */
  run(args: string[], options?: GitRunOptions): Promise<Buffer>
  /** Same as run, as trimmed text. */
  text(args: string[], options?: GitRunOptions): Promise<string>
  /** Removes the secrets from any text that may have come from git. */
  scrub(text: string): string
}

/** The value of an `Authorization` header that GitHub accepts from git for `token`. */
export function basicAuthorization(token: string): string {
  return `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`
}

/**
 * Per-process git configuration that authenticates the requests to `remoteUrl`'s server with
 * `token`. Passed through GIT_CONFIG_COUNT/KEY/VALUE (the environment form of `git -c`): nothing
 * is written to a config file, and unlike argv the environment does not show in other users'
 * process listings. The header is scoped to the server's origin (`http.<origin>/.extraheader`,
 * as actions/checkout does), so no other host ever receives it. `credential.helper` is emptied so
 * a runner's helper neither answers nor stores anything.
 */
export function gitAuthEnv(token: string, remoteUrl: string): Record<string, string> {
  const { origin } = new URL(remoteUrl)
  const config: Array<[string, string]> = [
    ['credential.helper', ''],
    [`http.${origin}/.extraheader`, `AUTHORIZATION: ${basicAuthorization(token)}`]
  ]
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(config.length) }
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key
    env[`GIT_CONFIG_VALUE_${index}`] = value
  })
  return env
}

/** The environment every git command runs in: the runner's basics, none of its git config. */
function gitEnv(options: GitOptions, limits: GitLimits): Record<string, string> {
  const baseEnv: Record<string, string> = {}
  for (const name of INHERITED_ENV) {
    const value = process.env[name]
    if (value !== undefined) baseEnv[name] = value
  }
  Object.assign(baseEnv, {
    // English messages: failures are recognised by their text.
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    // Nothing of the runner's git configuration applies: a global url.insteadOf, core.hooksPath,
    // credential helper or signing setting would redirect, break or leak the push.
    GIT_CONFIG_GLOBAL: devNull,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_DIR: options.gitDir,
    GIT_HTTP_LOW_SPEED_LIMIT: String(limits.lowSpeedBytesPerSecond),
    GIT_HTTP_LOW_SPEED_TIME: String(limits.lowSpeedSeconds),
    ...options.env
  })
  return baseEnv
}

export function createGit(options: GitOptions): Git {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length > 0)
  const scrub = (text: string): string =>
    secrets.reduce((result, secret) => result.split(secret).join('***'), text)

  const limits = options.limits ?? DEFAULT_GIT_LIMITS
  const baseEnv = gitEnv(options, limits)

  const run = (args: string[], runOptions: GitRunOptions = {}): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const child = spawn('git', args, {
        cwd: options.gitDir,
        env: { ...baseEnv, ...runOptions.env },
        stdio: ['pipe', 'pipe', 'pipe'],
        // Its own process group, so the kill timer also ends git's remote helper (git-remote-http).
        detached: process.platform !== 'win32'
      })
      let killed = false
      const timer = setTimeout(() => {
        killed = true
        killTree(child.pid)
      }, limits.timeoutMs)
      const stdout: Buffer[] = []
      const stderr: Buffer[] = []
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
      // git may exit before reading all its input; the exit code tells what happened.
      child.stdin.on('error', () => undefined)
      child.on('error', (error) => {
        clearTimeout(timer)
        reject(
          new GitError(scrub(`git ${args[0]} could not start: ${error.message}`), null, '', '')
        )
      })
      child.on('close', (code) => {
        clearTimeout(timer)
        const out = Buffer.concat(stdout)
        if (code === 0 && !killed) return resolve(out)
        if (killed) {
          const message = `git ${args[0]} was stopped after ${Math.round(limits.timeoutMs / 1000)} s without finishing`
          return reject(new GitError(message, code, `stalled: ${message}`, ''))
        }
        const err = scrub(Buffer.concat(stderr).toString('utf8')).trim()
        const message = `git ${scrub(args.join(' '))} failed (exit ${code})${err ? `: ${err}` : ''}`
        reject(new GitError(message, code, err, scrub(out.toString('utf8'))))
      })
      child.stdin.end(runOptions.input ?? '')
    })

  return {
    run,
    text: async (args, runOptions) => (await run(args, runOptions)).toString('utf8').trim(),
    scrub
  }
}

/** Kills a git command and the helpers it started (its process group where there is one). */
function killTree(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}
