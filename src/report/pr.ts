/** The pull-request comment through the GitHub API: find the pull requests, create or update our comment. */
import { UserError } from '../errors.js'
import type { Octokit } from '../github.js'
import type { BuildRecord } from '../ota/types.js'
import {
  addToHistory,
  commentMarker,
  isOlderRun,
  readShown,
  renderComment,
  renderRemovedComment,
  type CommentInput
} from './comment.js'
import { explainGitHubError } from '../github-errors.js'

/** The author of comments made with GITHUB_TOKEN. */
const ACTIONS_BOT = 'github-actions[bot]'

export interface Repo {
  owner: string
  repo: string
}

/** An open pull request, with the branch it merges into. */
export interface PullRequestRef {
  number: number
  baseRef: string
}

/** Open pull requests whose head is `sha` (for a push to a pull request's branch), by number. */
export async function findPullRequests(
  octokit: Octokit,
  target: Repo & { sha: string }
): Promise<PullRequestRef[]> {
  try {
    const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
      owner: target.owner,
      repo: target.repo,
      commit_sha: target.sha,
      per_page: 100
    })
    return pulls
      .filter((pull) => pull.state === 'open' && pull.head.sha === target.sha)
      .map((pull) => ({ number: pull.number, baseRef: pull.base.ref }))
      .sort((a, b) => a.number - b.number)
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
  /** The body to post when there is no comment yet. */
  body: string
  /**
   * The body to write over our current comment, or undefined to leave it as it is. Without it,
   * `body` replaces whatever is there.
   */
  revise?: (current: string) => string | undefined
  /** The login the token writes as, when GET /user cannot tell (a GitHub App's `<slug>[bot]`). */
  author?: string
}

/** Write-then-check rounds before giving up on a comment that other runs keep rewriting. */
const MAX_ROUNDS = 5

/**
 * Updates our comment (the marker of `key`, written by this token's identity) or creates it.
 * Every page of comments is read: on a busy pull request ours may be on any page. A comment
 * that only quotes the marker, by someone else, is never edited.
 *
 * GitHub has no conditional update for comments, so every write is read back: when another run
 * wrote in between (or both created a comment), the next round decides again on what it finds,
 * until the comment needs nothing from this run.
 */
export async function upsertComment(
  octokit: Octokit,
  target: UpsertTarget
): Promise<{ url: string; id: number; created: boolean }> {
  try {
    const identity = await identify(octokit, target.author)
    const revise = target.revise ?? (() => target.body)
    const params = { owner: target.owner, repo: target.repo }
    let mine: number | undefined
    for (let round = 1; ; round++) {
      const kept = await findOurComment(octokit, target, identity)
      // Runs racing on one pull request may each have found none and created one. Every run
      // keeps the oldest (the one later runs find and update) and removes its own duplicate.
      if (mine !== undefined && kept !== undefined && kept.id !== mine) {
        await octokit.rest.issues.deleteComment({ ...params, comment_id: mine })
        mine = undefined
      }
      if (kept === undefined) {
        const { data } = await octokit.rest.issues.createComment({
          ...params,
          issue_number: target.issueNumber,
          body: target.body
        })
        mine = data.id
        continue
      }
      const body = revise(kept.body)
      if (body === undefined || body === kept.body || round >= MAX_ROUNDS)
        return { url: kept.url, id: kept.id, created: kept.id === mine }
      await octokit.rest.issues.updateComment({ ...params, comment_id: kept.id, body })
    }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw explainGitHubError(error, 'comment')
  }
}

/** Our comment with the marker of `target.key`: the oldest, when racing runs made several. */
async function findOurComment(
  octokit: Octokit,
  target: Repo & { issueNumber: number; key: string },
  identity: Identity
): Promise<{ id: number; url: string; body: string } | undefined> {
  const marker = commentMarker(target.key)
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })
  const found = comments.find(
    (comment) =>
      comment.body?.startsWith(marker) === true &&
      comment.user?.login === identity.login &&
      (comment.user.type === 'Bot') === identity.bot
  )
  return found && { id: found.id, url: found.html_url, body: found.body ?? '' }
}

/** Rounds of "write the comment, re-read the site" before giving up on other runs publishing. */
const MAX_REREADS = 5

/**
 * Renders and posts the comment of one build; returns the comment's URL.
 *
 * With `reread`, the site's builds of this channel and app are read again after each write: a
 * newer run may have published, and commented, between this run's read and write of the comment,
 * its comment then overwritten by ours. When the site holds a newer build than the one this run
 * showed, the comment is written again to show it. The run whose write comes last re-reads last,
 * so the comment ends on the newest build.
 */
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
  } & Pick<CommentInput, 'changes' | 'devices'> & {
      /** The other builds of this channel and app on the site now; undefined when it cannot tell. */
      reread?: () => Promise<BuildRecord[] | undefined>
    }
): Promise<string> {
  let history = input.history
  for (let round = 1; ; round++) {
    const shown = newestOf(input.record, history)
    const url = await writeComment(octokit, { ...input, history })
    if (!input.reread || round >= MAX_REREADS) return url
    const fresh = await input.reread()
    if (fresh === undefined || newestOf(input.record, fresh).buildId === shown.buildId) return url
    history = fresh
  }
}

/** The newest build by run id and attempt: `record` unless a build of `history` is newer. */
function newestOf(record: BuildRecord, history: BuildRecord[]): BuildRecord {
  return history.reduce(
    (newest, build) => (isOlderRun(runOf(newest), runOf(build)) ? build : newest),
    record
  )
}

async function writeComment(
  octokit: Octokit,
  input: Parameters<typeof postComment>[1]
): Promise<string> {
  const key = input.commentKey ?? input.record.app.bundleId
  // The comment shows the newest build this run knows of: a newer run's build, when the site
  // already holds one (it published first), and never ours over it.
  const main = newestOf(input.record, input.history)
  const earlier = [input.record, ...input.history]
    .filter((build) => build !== main)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const body = renderComment({
    key,
    record: main,
    history: earlier,
    // The warnings, changes and device list describe this run's build only.
    ...(main === input.record
      ? { warnings: input.warnings, changes: input.changes, devices: input.devices }
      : { warnings: [] }),
    now: input.now
  })
  const known = new Set(earlier.map((build) => build.buildId))
  const revise = (current: string): string | undefined => {
    const shown = readShown(current)
    if (shown === undefined) return body
    // Already this build, with builds in its history that we do not know: older runs added them
    // since, and a rewrite would drop them.
    if (
      shown.buildId === main.buildId &&
      !isOlderRun(shown, runOf(main)) &&
      shown.history.some((id) => !known.has(id))
    )
      return undefined
    // The comment never goes back in time: over a newer run's build, ours joins the history only.
    return isOlderRun(runOf(main), shown) ? addToHistory(current, input) : body
  }
  const { url } = await upsertComment(octokit, { ...input, key, body, revise })
  return url
}

function runOf(build: BuildRecord): { runId?: string; runAttempt?: number } {
  return { runId: build.source.runId, runAttempt: build.source.runAttempt }
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
        { ...input, key },
        await identify(octokit, input.author)
      )
      if (existing === undefined) continue
      const { data } = await octokit.rest.issues.updateComment({
        owner: input.owner,
        repo: input.repo,
        comment_id: existing.id,
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
