import { spawn } from 'node:child_process'
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGit } from '../../src/hosts/pages/git.js'
import type { Git } from '../../src/hosts/pages/git.js'

/**
 * A stand-in for GitHub's git smart-HTTP endpoint: bare repositories served by the real
 * `git http-backend` (CGI) behind a Node server that authenticates as GitHub does and counts the
 * bytes of every request.
 */

const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend'

export type Access = 'read' | 'write'

export interface GitRequestInfo {
  method: string
  /** e.g. "/owner/repo.git/git-upload-pack" */
  path: string
  /** "git-upload-pack" (fetch) or "git-receive-pack" (push); from the path or ?service=. */
  service?: string
}

export interface GitRequestRecord extends GitRequestInfo {
  status: number
  /** Bytes of the request body as received (possibly gzip). */
  bytesIn: number
  /** Bytes of the response body sent. */
  bytesOut: number
  /** The raw Authorization header, to check what clients send. */
  authorization?: string
  /** Set when the fault hook dropped the connection. */
  dropped?: boolean
}

export interface GitServerOptions {
  /** Tokens GitHub would accept (as the Basic password) and what each may do. */
  tokens?: Record<string, Access>
  /** Return 'drop' to cut the connection once the request body starts arriving. */
  fault?: (request: GitRequestInfo) => 'drop' | undefined
}

export interface GitServer {
  /** Base URL, standing for GITHUB_SERVER_URL: remotes are `${url}/<owner>/<repo>.git`. */
  url: string
  /** Every request, in order of completion. */
  requests: GitRequestRecord[]
  /** Creates an empty bare repository `<owner>/<repo>.git` ready for partial clones. */
  createRepo(fullName: string): Promise<void>
  /** Runs git directly in a served repository (setup and assertions, no HTTP). */
  git(fullName: string): Git
  /** `${url}/<owner>/<repo>.git` */
  remote(fullName: string): string
  /** The bare repository's folder on disk. */
  path(fullName: string): string
  close(): Promise<void>
}

export async function startGitServer(options: GitServerOptions = {}): Promise<GitServer> {
  const root = await mkdtemp(join(tmpdir(), 'git-server-'))
  const tokens = options.tokens ?? {}
  const requests: GitRequestRecord[] = []

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const info: GitRequestInfo = {
      method: req.method ?? 'GET',
      path: url.pathname,
      service: url.searchParams.get('service') ?? url.pathname.match(/(git-[a-z-]+)$/)?.[1]
    }
    const record: GitRequestRecord = {
      ...info,
      status: 0,
      bytesIn: 0,
      bytesOut: 0,
      authorization: req.headers.authorization
    }
    res.on('close', () => requests.push(record))
    req.on('data', (chunk: Buffer) => (record.bytesIn += chunk.length))

    const reply = (status: number, body: string, headers: Record<string, string> = {}): void => {
      record.status = status
      res.writeHead(status, { 'Content-Type': 'text/plain', ...headers })
      res.end(body)
    }

    // GitHub: no credentials → 401 with a Basic challenge; a read-only token may not push.
    const access = authenticate(req.headers.authorization, tokens)
    if (!access) {
      req.resume()
      return reply(401, 'Invalid username or token.\n', {
        'WWW-Authenticate': 'Basic realm="GitHub"'
      })
    }
    if (info.service === 'git-receive-pack' && access !== 'write') {
      req.resume()
      const repo = info.path.replace(/^\/|\/(info\/refs|git-receive-pack)$/g, '')
      return reply(403, `Permission to ${repo} denied to github-actions[bot].\n`)
    }

    if (options.fault?.(info) === 'drop') {
      record.dropped = true
      req.once('data', () => req.socket.destroy())
      return
    }

    const child = spawn(HTTP_BACKEND, [], {
      env: {
        PATH: process.env.PATH ?? '',
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: root,
        PATH_INFO: decodeURIComponent(url.pathname),
        REQUEST_METHOD: info.method,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: 'github-actions[bot]',
        REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1'
      },
      stdio: ['pipe', 'pipe', 'ignore']
    })
    req.pipe(child.stdin)
    child.stdin.on('error', () => undefined)
    res.on('close', () => child.kill())

    // CGI output: header lines, a blank line, then the body, streamed as it comes.
    let head = Buffer.alloc(0)
    let headersSent = false
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        record.bytesOut += chunk.length
        res.write(chunk)
        return
      }
      head = Buffer.concat([head, chunk])
      const text = head.toString('latin1')
      const match = /\r?\n\r?\n/.exec(text)
      if (!match) return
      const headers: Record<string, string> = {}
      let status = 200
      for (const line of text.slice(0, match.index).split(/\r?\n/)) {
        const colon = line.indexOf(':')
        const name = line.slice(0, colon).trim()
        const value = line.slice(colon + 1).trim()
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10)
        else headers[name] = value
      }
      record.status = status
      res.writeHead(status, headers)
      headersSent = true
      const body = head.subarray(match.index + match[0].length)
      record.bytesOut += body.length
      res.write(body)
    })
    await new Promise<void>((resolve) => child.on('close', () => resolve()))
    if (!headersSent) return reply(502, 'git http-backend sent no headers\n')
    res.end()
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  const gitDir = (fullName: string): string => join(root, `${fullName}.git`)
  // createGit ignores the machine's git config, so test commits name their author here.
  const identity = {
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com'
  }
  const git = (fullName: string): Git => createGit({ gitDir: gitDir(fullName), env: identity })

  return {
    url,
    requests,
    git,
    remote: (fullName) => `${url}/${fullName}.git`,
    path: gitDir,
    async createRepo(fullName) {
      await mkdir(gitDir(fullName), { recursive: true })
      await git(fullName).run(['init', '--bare', '--quiet'])
      // Appended as text rather than by a `git config` process per key. No gc after each push:
      // these repositories never grow enough to need it.
      await appendFile(
        join(gitDir(fullName), 'config'),
        '[uploadpack]\n\tallowFilter = true\n\tallowAnySHA1InWant = true\n' +
          '[http]\n\treceivepack = true\n[receive]\n\tautogc = false\n'
      )
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rm(root, { recursive: true, force: true })
    }
  }
}

function authenticate(
  header: string | undefined,
  tokens: Record<string, Access>
): Access | undefined {
  const match = /^basic\s+(\S+)$/i.exec(header ?? '')
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const password = decoded.slice(decoded.indexOf(':') + 1)
  return tokens[password]
}
