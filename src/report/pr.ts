/** The pull-request comment through the GitHub API: find the pull requests, create or update our comment. */
import { UserError } from '../errors.js'
import type { Octokit } from '../github.js'
import type { BuildRecord } from '../ota/types.js'
import { commentMarker, renderComment, renderRemovedComment, type CommentInput } from './comment.js'
import { explainGitHubError } from '../github-errors.js'

/** The author of comments made with GITHUB_TOKEN. */
const ACTIONS_BOT = 'github-actions[bot]'

export interface Repo {
  owner: string
  repo: string
}

/** Open pull requests whose head is `sha` (for a push to a pull request's branch), by number. */
export async function findPullRequests(
  octokit: Octokit,
  target: Repo & { sha: string }
): Promise<number[]> {
  try {
    const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
      owner: target.owner,
      repo: target.repo,
      commit_sha: target.sha,
      per_page: 100
    })
    return pulls
      .filter((pull) => pull.state === 'open' && pull.head.sha === target.sha)
      .map((pull) => pull.number)
      .sort((a, b) => a - b)
  } catch (error) {
    throw explainGitHubError(error, 'comment')
  }
}

/** Who our comments are written by: a login, or for integration tokens any bot with one of these names. */
interface Identity {
  login: string
  bot: boolean
}

/**
 * The token's identity. GET /user answers for personal tokens; GITHUB_TOKEN and GitHub App
 * tokens get 403 there, and their comments are written by a Bot account: `github-actions[bot]`
 * for GITHUB_TOKEN. An App token's bot has the App's own name, which the caller passes as
 * `author` (without it, the App's earlier comment is not recognised and a new one is posted).
 */
async function identify(octokit: Octokit, author: string | undefined): Promise<Identity> {
  if (author !== undefined) return { login: author, bot: author.endsWith('[bot]') }
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return { login: data.login, bot: data.type === 'Bot' }
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (status === 401 || status === 403 || status === 404) return { login: ACTIONS_BOT, bot: true }
    throw explainGitHubError(error, 'comment')
  }
}

export interface UpsertTarget extends Repo {
  issueNumber: number
  key: string
  body: string
  /** The login the token writes as, when GET /user cannot tell (a GitHub App's `<slug>[bot]`). */
  author?: string
}

/**
 * Updates our comment (the marker of `key`, written by this token's identity) or creates it.
 * Every page of comments is read: on a busy pull request ours may be on any page. A comment
 * that only quotes the marker, by someone else, is never edited.
 */
export async function upsertComment(
  octokit: Octokit,
  target: UpsertTarget
): Promise<{ url: string; id: number; created: boolean }> {
  try {
    const identity = await identify(octokit, target.author)
    const existing = await findOurComment(octokit, target, identity)
    const params = { owner: target.owner, repo: target.repo, body: target.body }
    if (existing !== undefined) {
      const { data } = await octokit.rest.issues.updateComment({ ...params, comment_id: existing })
      return { url: data.html_url, id: data.id, created: false }
    }
    const { data } = await octokit.rest.issues.createComment({
      ...params,
      issue_number: target.issueNumber
    })
    // Runs racing on one pull request may each have found none and created one. Every run keeps
    // the oldest (the one later runs find and update) and removes its own duplicate.
    const oldest = await findOurComment(octokit, target, identity)
    if (oldest !== undefined && oldest !== data.id) {
      await octokit.rest.issues.deleteComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: data.id
      })
      const { data: kept } = await octokit.rest.issues.updateComment({
        ...params,
        comment_id: oldest
      })
      return { url: kept.html_url, id: kept.id, created: false }
    }
    return { url: data.html_url, id: data.id, created: true }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw explainGitHubError(error, 'comment')
  }
}

/** Our comment with the marker of `target.key`: the oldest, when racing runs made several. */
async function findOurComment(
  octokit: Octokit,
  target: UpsertTarget,
  identity: Identity
): Promise<number | undefined> {
  const marker = commentMarker(target.key)
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })
  return comments.find(
    (comment) =>
      comment.body?.startsWith(marker) === true &&
      comment.user?.login === identity.login &&
      (comment.user.type === 'Bot') === identity.bot
  )?.id
}

/** Renders and posts the comment of one build; returns the comment's URL. */
export async function postComment(
  octokit: Octokit,
  input: Repo & {
    issueNumber: number
    record: BuildRecord
    history: BuildRecord[]
    warnings: string[]
    now: Date
    /** The comment-key input; default: the bundle id. */
    commentKey?: string
    author?: string
  } & Pick<CommentInput, 'changes' | 'devices'>
): Promise<string> {
  const key = input.commentKey ?? input.record.app.bundleId
  const body = renderComment({
    key,
    record: input.record,
    history: input.history,
    warnings: input.warnings,
    now: input.now,
    changes: input.changes,
    devices: input.devices
  })
  const { url } = await upsertComment(octokit, { ...input, key, body })
  return url
}

/**
 * After mode: remove, rewrites each app's existing comment to list its builds as removed.
 * Nothing is posted for an app that never had a comment. Returns the URLs of the updated comments.
 */
export async function postRemovedComment(
  octokit: Octokit,
  input: Repo & {
    issueNumber: number
    removed: BuildRecord[]
    commentKey?: string
    author?: string
  }
): Promise<string[]> {
  const byKey = new Map<string, BuildRecord[]>()
  for (const record of [...input.removed].sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    const key = input.commentKey ?? record.app.bundleId
    byKey.set(key, [...(byKey.get(key) ?? []), record])
  }
  const urls: string[] = []
  try {
    for (const [key, history] of byKey) {
      const existing = await findOurComment(
        octokit,
        { ...input, key, body: '' },
        await identify(octokit, input.author)
      )
      if (existing === undefined) continue
      const { data } = await octokit.rest.issues.updateComment({
        owner: input.owner,
        repo: input.repo,
        comment_id: existing,
        body: renderRemovedComment({ key, history })
      })
      urls.push(data.html_url)
    }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw explainGitHubError(error, 'comment')
  }
  return urls
}
