/**
 * Stand-ins for the runner's services that `@actions/artifact` and `core.getIDToken()` talk to, on
 * 127.0.0.1: the artifact service's Twirp calls (CreateArtifact, FinalizeArtifact), the blob store
 * they hand an upload URL for (Azure block-blob PUTs, as the real client sends them), and the OIDC
 * token endpoint. `env` holds the variables the runner gives an action step.
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import yauzl from 'yauzl'

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'
const RUN_BACKEND_ID = 'c6a9d7a4-1b7e-4f35-9d1d-2f3f5c6e7a80'
const JOB_BACKEND_ID = '5b0c1d2e-3f40-4a51-8b62-7c83d94ea5fb'

export interface StoredArtifact {
  id: number
  name: string
  /** expires_at of CreateArtifact, as sent. */
  expiresAt?: string
  /** The uploaded zip, once its block list is committed. */
  zip?: Buffer
  finalized: boolean
  /** FinalizeArtifact's size and hash. */
  size?: string
  hash?: string
}

/** One entry of a tar as `tar -tv` lists it. */
export interface TarEntry {
  path: string
  /** e.g. "-rw-r--r--", "drwxr-xr-x", "lrwxrwxrwx". */
  mode: string
}

export interface ActionsServices {
  url: string
  /** The environment of an action step: runtime token, results URL, OIDC request URL and token. */
  env: Record<string, string>
  /** The OIDC token the endpoint issues. */
  oidcToken: string
  artifacts: Map<number, StoredArtifact>
  /** Twirp and OIDC calls, in order, e.g. "CreateArtifact", "oidc". */
  calls: string[]
  /** Makes CreateArtifact answer as GitHub does when the storage quota is used up. */
  quotaExceeded: boolean
  /** Awaited before FinalizeArtifact answers: a slow upload, e.g. of one run among several. */
  beforeFinalize?: (artifact: StoredArtifact) => Promise<void>
  /** The single file of an artifact's zip, its name and bytes. */
  unzip(id: number): Promise<{ name: string; content: Buffer }[]>
  /** The entries of artifact.tar inside the artifact's zip. */
  tarEntries(id: number): Promise<TarEntry[]>
  /** One file's content out of artifact.tar. */
  tarFile(id: number, path: string): Promise<Buffer>
  close(): Promise<void>
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

export async function startActionsServices(): Promise<ActionsServices> {
  const scratch = await mkdtemp(join(tmpdir(), 'actions-services-'))
  const artifacts = new Map<number, StoredArtifact>()
  const blocks = new Map<string, Buffer>()
  const calls: string[] = []
  const oidcToken = `oidc.${randomUUID()}`
  const oidcRequestToken = `oidc-request-${randomUUID()}`
  // The client reads the run's backend ids from the scp claim; it does not check the signature.
  const runtimeToken = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
    scp: `Actions.ExampleScope Actions.Results:${RUN_BACKEND_ID}:${JOB_BACKEND_ID}`
  })}.signature`
  let nextId = 1000
  let url = ''

  const server = createServer((req, res) => {
    void answer(req)
      .catch((error: unknown): Answer => ({ status: 500, body: { msg: String(error) } }))
      .then(({ status, body, headers }) => {
        res.writeHead(status, {
          'x-ms-request-id': randomUUID(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers
        })
        res.end(body === undefined ? undefined : JSON.stringify(body))
      })
  })

  type Answer = { status: number; body?: unknown; headers?: Record<string, string> }
  const services: ActionsServices = {
    url: '',
    env: {},
    oidcToken,
    artifacts,
    calls,
    quotaExceeded: false,
    async unzip(id) {
      const zip = artifacts.get(id)?.zip
      if (!zip) throw new Error(`artifact ${id} has no uploaded content`)
      return readZip(zip)
    },
    async tarEntries(id) {
      const tar = await tarPath(id)
      const { stdout } = await promisify(execFile)('tar', ['-tvf', tar], { maxBuffer: 1 << 26 })
      return stdout
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => {
          const [mode = '', , , , , ...rest] = line.split(/\s+/)
          return { mode, path: rest.join(' ').replace(/ -> .*$/, '') }
        })
    },
    async tarFile(id, path) {
      const { stdout } = await promisify(execFile)('tar', ['-xOf', await tarPath(id), path], {
        encoding: 'buffer',
        maxBuffer: 1 << 28
      })
      return stdout
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rm(scratch, { recursive: true, force: true })
    }
  }

  // An uploaded artifact never changes: its tar is written once, so readers at once never see it half-written.
  const tars = new Map<number, Promise<string>>()
  function tarPath(id: number): Promise<string> {
    let file = tars.get(id)
    if (!file) {
      file = writeTar(id)
      tars.set(id, file)
      file.catch(() => tars.delete(id))
    }
    return file
  }
  async function writeTar(id: number): Promise<string> {
    const entries = await services.unzip(id)
    const tar = entries.find((entry) => entry.name === 'artifact.tar')
    if (!tar || entries.length !== 1) {
      throw new Error(`artifact ${id} holds ${entries.map((e) => e.name).join(', ')}`)
    }
    const file = join(scratch, `${id}.tar`)
    await writeFile(file, tar.content)
    return file
  }

  async function answer(req: IncomingMessage): Promise<Answer> {
    const target = new URL(req.url ?? '/', 'http://stand-in')
    const body = await read(req)
    if (target.pathname === '/oidc') {
      calls.push('oidc')
      if (req.headers.authorization !== `Bearer ${oidcRequestToken}`) return { status: 401 }
      return { status: 200, body: { value: oidcToken } }
    }
    if (target.pathname.startsWith(TWIRP)) {
      const method = target.pathname.slice(TWIRP.length)
      calls.push(method)
      if (req.headers.authorization !== `Bearer ${runtimeToken}`) {
        return { status: 401, body: { code: 'unauthenticated', msg: 'invalid token' } }
      }
      const request = JSON.parse(body.toString('utf8')) as Record<string, unknown>
      if (
        request.workflow_run_backend_id !== RUN_BACKEND_ID ||
        request.workflow_job_run_backend_id !== JOB_BACKEND_ID
      ) {
        return { status: 400, body: { code: 'invalid_argument', msg: 'unknown run' } }
      }
      const name = String(request.name)
      const existing = [...artifacts.values()].find((artifact) => artifact.name === name)
      if (method === 'CreateArtifact') {
        if (services.quotaExceeded) {
          return {
            status: 403,
            body: {
              code: 'permission_denied',
              msg: 'insufficient usage to create artifact'
            }
          }
        }
        if (existing) {
          return {
            status: 409,
            body: {
              code: 'already_exists',
              msg: 'an artifact with this name already exists on the workflow run'
            }
          }
        }
        const id = nextId++
        artifacts.set(id, {
          id,
          name,
          expiresAt: request.expires_at as string | undefined,
          finalized: false
        })
        return {
          status: 200,
          body: {
            ok: true,
            signed_upload_url: `${url}/devstoreaccount1/actions-results/${id}/${encodeURIComponent(name)}.zip?sig=stand-in-signature`
          }
        }
      }
      if (method === 'FinalizeArtifact') {
        if (!existing?.zip) {
          return { status: 404, body: { code: 'not_found', msg: 'no upload for this artifact' } }
        }
        await services.beforeFinalize?.(existing)
        Object.assign(existing, {
          finalized: true,
          size: request.size as string,
          hash: (request.hash as string | undefined) ?? undefined
        })
        return { status: 200, body: { ok: true, artifact_id: String(existing.id) } }
      }
      return { status: 404, body: { code: 'bad_route', msg: `no handler for ${method}` } }
    }
    // The blob store: Put Block, then Put Block List (what BlockBlobClient.uploadStream sends).
    const blob = /^\/devstoreaccount1\/actions-results\/(\d+)\//.exec(target.pathname)
    if (blob && req.method === 'PUT' && target.searchParams.get('sig') === 'stand-in-signature') {
      const artifact = artifacts.get(Number(blob[1]))
      if (!artifact) return { status: 404 }
      const comp = target.searchParams.get('comp')
      if (comp === 'block') {
        blocks.set(`${artifact.id}:${target.searchParams.get('blockid')}`, body)
        return { status: 201 }
      }
      if (comp === 'blocklist') {
        const ids = [
          ...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)
        ]
        artifact.zip = Buffer.concat(
          ids.map(([, id]) => blocks.get(`${artifact.id}:${id}`) ?? Buffer.alloc(0))
        )
        return { status: 201, headers: { etag: '"0x1"' } }
      }
      if (req.headers['x-ms-blob-type'] === 'BlockBlob') {
        artifact.zip = body
        return { status: 201, headers: { etag: '"0x1"' } }
      }
    }
    return { status: 404, body: { msg: `${req.method} ${target.pathname}: not served` } }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  services.url = url
  services.env = {
    ACTIONS_RUNTIME_TOKEN: runtimeToken,
    ACTIONS_RESULTS_URL: `${url}/`,
    ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/oidc?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidcRequestToken
  }
  return services
}

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

function readZip(zip: Buffer): Promise<{ name: string; content: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error) return reject(error)
      const entries: { name: string; content: Buffer }[] = []
      archive.on('error', reject)
      archive.on('end', () => resolve(entries))
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError)
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            entries.push({ name: entry.fileName, content: Buffer.concat(chunks) })
            archive.readEntry()
          })
        })
      })
      archive.readEntry()
    })
  })
}
