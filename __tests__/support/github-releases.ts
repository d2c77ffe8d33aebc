/** GitHub Releases as the stand-in serves them, for the release host's tests and the host contract. */
import { expect } from 'vitest'
import type { GitHubStandIn, RecordedRequest, Reply, UploadDigest } from './github-server.js'

export interface FakeAsset {
  id: number
  name: string
  state: 'uploaded' | 'starter'
  content_type: string
  size: number
  /** Small uploads are kept; large ones only as a digest. */
  content?: Buffer
  sha256?: string
}
export interface FakeRelease {
  id: number
  tag_name: string
  target_commitish: string
  name: string
  body: string
  draft: boolean
  prerelease: boolean
  assets: FakeAsset[]
}

/** GitHub's releases as the stand-in serves them: enough state to publish, re-run and remove. */
/** The items of the page the request asks for (`page`, `per_page`, GitHub's default 30). */
function onPage<T>(items: T[], req: RecordedRequest): T[] {
  const perPage = Number(req.query.get('per_page') ?? 30)
  const page = Number(req.query.get('page') ?? 1)
  return items.slice((page - 1) * perPage, page * perPage)
}

export class ReleasesFake {
  releases: FakeRelease[] = []
  tags = new Set<string>()
  deletedRefs: string[] = []
  refusals: Reply[] = []
  private nextId = 1
  visibility: 'public' | 'private' | 'internal' = 'public'
  /** Published releases refuse asset changes, as with immutable releases turned on. */
  immutable = false

  constructor(
    private readonly gh: GitHubStandIn,
    private readonly owner: string,
    private readonly repo: string
  ) {
    const refuse = (reply: Reply) => {
      this.refusals.push(reply)
      return reply
    }
    const release = (req: RecordedRequest) =>
      this.releases.find((r) => r.id === Number(req.params.release_id))
    const findAsset = (req: RecordedRequest) => {
      for (const r of this.releases) {
        const asset = r.assets.find((a) => a.id === Number(req.params.asset_id))
        if (asset) return { release: r, asset }
      }
      return undefined
    }
    const locked = (r: FakeRelease) => this.immutable && !r.draft
    const immutableReply = () =>
      refuse({
        status: 422,
        body: { message: 'Cannot modify an immutable release.', documentation_url: 'x' }
      })

    gh.handle('repos/get', () => ({
      status: 200,
      body: {
        id: 1,
        name: this.repo,
        full_name: `${this.owner}/${this.repo}`,
        private: this.visibility !== 'public',
        visibility: this.visibility
      }
    }))
    gh.handle('repos/list-releases', (req) => ({
      status: 200,
      body: onPage(this.releases, req).map((r) => this.json(r))
    }))
    gh.handle('repos/create-release', (req) => {
      const body = req.body as { tag_name: string; target_commitish?: string; name?: string }
      const input = req.body as Partial<FakeRelease>
      if (this.releases.some((r) => r.tag_name === body.tag_name)) {
        return refuse({
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]
          }
        })
      }
      const created: FakeRelease = {
        id: this.nextId++,
        tag_name: body.tag_name,
        target_commitish: body.target_commitish ?? 'main',
        name: body.name ?? body.tag_name,
        body: input.body ?? '',
        draft: input.draft ?? false,
        prerelease: input.prerelease ?? false,
        assets: []
      }
      this.releases.push(created)
      if (!created.draft) this.tags.add(created.tag_name)
      return { status: 201, body: this.json(created) }
    })
    gh.handle('repos/update-release', (req) => {
      const r = release(req)
      if (!r) return { status: 404, body: { message: 'Not Found' } }
      if (locked(r)) return immutableReply()
      const patch = req.body as { draft?: boolean }
      if (patch.draft === false) {
        r.draft = false
        this.tags.add(r.tag_name)
      }
      return { status: 200, body: this.json(r) }
    })
    gh.handle('repos/delete-release', (req) => {
      const r = release(req)
      if (!r) return { status: 404, body: { message: 'Not Found' } }
      this.releases = this.releases.filter((each) => each !== r)
      return { status: 204 }
    })
    gh.handle('git/delete-ref', (req) => {
      const tag = req.params.ref?.replace(/^tags\//, '') ?? ''
      if (!this.tags.delete(tag)) {
        return { status: 422, body: { message: 'Reference does not exist' } }
      }
      this.deletedRefs.push(tag)
      return { status: 204 }
    })
    gh.handle('repos/list-release-assets', (req) => {
      const r = release(req)
      if (!r) return { status: 404, body: { message: 'Not Found' } }
      return { status: 200, body: onPage(r.assets, req).map((a) => this.assetJson(a)) }
    })
    gh.handle('repos/upload-release-asset', (req) => {
      const r = release(req)
      if (!r) return { status: 404, body: { message: 'Not Found' } }
      if (locked(r)) return immutableReply()
      const name = req.query.get('name') ?? ''
      if (r.assets.some((a) => a.name === name)) {
        return refuse({
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]
          }
        })
      }
      const raw = req.body as Buffer | UploadDigest | undefined
      const asset: FakeAsset = {
        id: this.nextId++,
        name,
        state: 'uploaded',
        content_type: String(req.headers['content-type']),
        size: Number(req.headers['content-length']),
        ...(Buffer.isBuffer(raw) ? { content: raw } : { sha256: raw?.sha256 })
      }
      r.assets.push(asset)
      return { status: 201, body: this.assetJson(asset) }
    })
    gh.handle('repos/get-release-asset', (req) => {
      const found = findAsset(req)
      if (!found) return { status: 404, body: { message: 'Not Found' } }
      expect(req.headers.accept).toBe('application/octet-stream')
      return {
        status: 200,
        body: JSON.parse(found.asset.content?.toString('utf8') ?? 'null') as unknown
      }
    })
    gh.handle('repos/delete-release-asset', (req) => {
      const found = findAsset(req)
      if (!found) return { status: 404, body: { message: 'Not Found' } }
      if (locked(found.release)) return immutableReply()
      found.release.assets = found.release.assets.filter((a) => a !== found.asset)
      return { status: 204 }
    })
  }

  private json(r: FakeRelease) {
    const { assets, ...rest } = r
    return {
      ...rest,
      upload_url: `${this.gh.url}/repos/${this.owner}/${this.repo}/releases/${r.id}/assets{?name,label}`,
      assets: assets.map((a) => this.assetJson(a))
    }
  }

  private assetJson(a: FakeAsset) {
    return { id: a.id, name: a.name, state: a.state, content_type: a.content_type, size: a.size }
  }

  byTag(tag: string): FakeRelease | undefined {
    return this.releases.find((r) => r.tag_name === tag)
  }

  addRelease(tag: string, assets: Omit<FakeAsset, 'id'>[]): FakeRelease {
    const r: FakeRelease = {
      id: this.nextId++,
      tag_name: tag,
      target_commitish: 'main',
      name: tag,
      body: '',
      draft: false,
      prerelease: false,
      assets: assets.map((a) => ({ ...a, id: this.nextId++ }))
    }
    this.releases.push(r)
    this.tags.add(tag)
    return r
  }
}
