import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import { Transform, pipeline } from 'node:stream'
import * as core from '@actions/core'
import { UserError } from '../../errors.js'
import type { Octokit } from '../../github.js'
import { explainGitHubError, httpStatus } from '../../github-errors.js'
import type { SiteFile } from '../../ota/types.js'
import { streamingFetch } from './upload.js'

export interface Release {
  id: number
  tag_name: string
  draft: boolean
  upload_url: string
}

export interface ReleaseAsset {
  id: number
  name: string
  /** "uploaded", or "starter" for an upload that never finished. */
  state: string
}

/**
 * The GitHub Releases calls the release host makes, in the store's terms (as softprops/
 * action-gh-release's `Releaser`): the store's logic runs against this seam, and the GitHub
 * implementation below is the only code that knows Octokit. Methods throw GitHub's errors as they
 * come (with `status`); the store explains them.
 */
export interface Releaser {
  visibility(): Promise<{ private: boolean; visibility?: string }>
  listReleases(): Promise<Release[]>
  listAssets(release: Release): Promise<ReleaseAsset[]>
  /** The asset's text; undefined when it is gone (another run deleted it). */
  readAsset(asset: ReleaseAsset): Promise<string | undefined>
  /**
   * Creates a draft prerelease (a draft until its assets are in: immutable releases lock a
   * release's assets when it is published); undefined when the tag has a release already.
   */
  createDraft(params: {
    tag: string
    name: string
    body: string
    targetCommitish?: string
  }): Promise<Release | undefined>
  publish(release: Release): Promise<Release>
  /** Deletes the release and its tag (a draft has none). */
  deleteRelease(release: Release): Promise<void>
  /** One upload attempt of `file` as `name`; the asset must not exist. */
  uploadAsset(release: Release, name: string, file: SiteFile): Promise<void>
  /** A missing asset is not an error. */
  deleteAsset(asset: ReleaseAsset): Promise<void>
}

const PROGRESS_MIN_SIZE = 8 * 1024 * 1024

/** The Releaser on GitHub's REST API: its reads, then its writes. */
export function createGitHubReleaser(octokit: Octokit, owner: string, repo: string): Releaser {
  return { ...releaseReads(octokit, owner, repo), ...releaseWrites(octokit, owner, repo) }
}

type ReleaseReads = Pick<Releaser, 'visibility' | 'listReleases' | 'listAssets' | 'readAsset'>

function releaseReads(octokit: Octokit, owner: string, repo: string): ReleaseReads {
  return {
    async visibility() {
      const { data } = await octokit.rest.repos.get({ owner, repo })
      return { private: data.private, visibility: data.visibility }
    },
    async listReleases() {
      return await octokit.paginate(octokit.rest.repos.listReleases, {
        owner,
        repo,
        per_page: 100
      })
    },
    async listAssets(release) {
      return octokit.paginate(octokit.rest.repos.listReleaseAssets, {
        owner,
        repo,
        release_id: release.id,
        per_page: 100
      })
    },
    async readAsset(asset) {
      try {
        const { data } = await octokit.rest.repos.getReleaseAsset({
          owner,
          repo,
          asset_id: asset.id,
          headers: { accept: 'application/octet-stream' }
        })
        // The asset comes back parsed, as text or as bytes depending on the content type served.
        return data instanceof ArrayBuffer
          ? Buffer.from(data).toString('utf8')
          : typeof data === 'string'
            ? data
            : JSON.stringify(data)
      } catch (error) {
        if (httpStatus(error) === 404) return undefined
        throw error
      }
    }
  }
}

function releaseWrites(
  octokit: Octokit,
  owner: string,
  repo: string
): Omit<Releaser, keyof ReleaseReads> {
  return {
    async createDraft({ tag, name, body, targetCommitish }) {
      try {
        const { data } = await octokit.rest.repos.createRelease({
          owner,
          repo,
          tag_name: tag,
          ...(targetCommitish === undefined ? {} : { target_commitish: targetCommitish }),
          name,
          body,
          draft: true,
          prerelease: true
        })
        return data
      } catch (error) {
        if (isAlreadyExists(error)) return undefined
        throw error
      }
    },
    async publish(release) {
      await octokit.rest.repos.updateRelease({ owner, repo, release_id: release.id, draft: false })
      return { ...release, draft: false }
    },
    async deleteRelease(release) {
      await octokit.rest.repos.deleteRelease({ owner, repo, release_id: release.id })
      try {
        await octokit.rest.git.deleteRef({ owner, repo, ref: `tags/${release.tag_name}` })
      } catch (error) {
        // A draft never had its tag; 422 is "Reference does not exist".
        const status = httpStatus(error)
        if (status !== 404 && status !== 422) throw error
      }
    },
    /**
     * One streamed upload. The retry plugin is off because a consumed stream cannot be sent
     * again; the store retries with a fresh stream.
     */
    async uploadAsset(release, name, file) {
      const data = Buffer.isBuffer(file.content)
        ? file.content
        : withProgress(createReadStream(file.content.file), name, file.size)
      await octokit.request({
        method: 'POST',
        url: release.upload_url,
        name,
        data,
        headers: { 'content-type': file.contentType, 'content-length': file.size },
        request: { retries: 0, fetch: streamingFetch }
      })
    },
    async deleteAsset(asset) {
      try {
        await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id })
      } catch (error) {
        if (httpStatus(error) !== 404) throw error
      }
    }
  }
}

/** A GitHub error in words the user can act on, naming the release. */
export function explainReleaseError(error: unknown, tag: string | undefined): unknown {
  if (error instanceof UserError) return error
  const status = httpStatus(error)
  const message = JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? '')
  if (status === 422 && /immutable/i.test(message)) {
    return new UserError(
      `The release ${tag ?? ''} is immutable (immutable releases are turned on for this repository), so its assets cannot be added, replaced or deleted: set release-tag: ota-{build-id} so every build gets a release of its own, or turn off immutable releases in Settings → General → Releases.`,
      { cause: error }
    )
  }
  return explainGitHubError(error, 'release')
}

/** GitHub's 422 for a tag that already has a release: `errors: [{ code: 'already_exists' }]`. */
function isAlreadyExists(error: unknown): boolean {
  const { response } = error as { response?: { data?: unknown } }
  const errors = (response?.data as { errors?: unknown } | undefined)?.errors
  return (
    httpStatus(error) === 422 &&
    Array.isArray(errors) &&
    errors.some((each) => (each as { code?: unknown } | null)?.code === 'already_exists')
  )
}

/** Logs every ~10 % of a large upload as the stream is read. */
function withProgress(source: Readable, name: string, size: number): Readable {
  if (size < PROGRESS_MIN_SIZE) return source
  let loaded = 0
  let nextPercent = 10
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      loaded += chunk.length
      const percent = Math.floor((loaded * 100) / size)
      if (percent >= nextPercent) {
        core.info(`Uploaded ${percent}% of ${name}`)
        nextPercent = Math.floor(percent / 10) * 10 + 10
      }
      callback(null, chunk)
    }
  })
  // The pipeline forwards a read error to the counter, which fails the upload.
  return pipeline(source, counter, () => undefined)
}
