/**
 * The pull-request comment through the GitHub API: find the pull requests, find our comment, write
 * it. Which build it shows is comment-protocol.ts's; its Markdown is comment.ts's.
 */
import { UserError } from '../errors.js'
import type { Octokit } from '../github.js'
import type { BuildRecord } from '../ota/types.js'
import { showNewest, type CommentWriter, type Renderers } from './comment-protocol.js'
import { relistHistory, renderComment, renderRemovedComment, type CommentInput } from './comment.js'
import { explainGitHubError } from '../github-errors.js'
import { isOurs, stamp, type Writer } from './comment-author.js'
import { newestFirst } from '../ota/order.js'

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

/** Our comment with the marker of `key`: the oldest, when racing runs made several. */
async function findOurComment(
  octokit: Octokit,
  target: Repo & { issueNumber: number; key: string },
  writer: Writer
): Promise<{ id: number; url: string; body: string } | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })
  const found = comments.find((comment) => isOurs(comment, target.key, writer))
  if (found === undefined) return undefined
  writer.login ??= found.user?.login
  return { id: found.id, url: found.html_url, body: found.body ?? '' }
}

export interface UpsertTarget extends Repo {
  issueNumber: number
  key: string
  /** The body to write over our comment (undefined: there is none yet), or undefined to leave it. */
  revise: (current: string | undefined) => string | undefined
  /** The comment-author input: the login the token writes as, when it is a person's token. */
  author?: string
}

export interface Upserted {
  url?: string
  written: boolean
  /** The account that created the comment, when this call created it. */
  createdAs?: { login: string; type: string }
}

/** Writes before giving up on a comment that other runs keep rewriting (creating one takes 2). */
const MAX_WRITES = 8

/**
 * Updates our comment (the marker of `key`, written by this token's account) or creates it.
 * Every page of comments is read: on a busy pull request ours may be on any page. A comment that
 * only quotes the marker, by someone else, is never edited. Every write is read back: when
 * another run wrote in between (or both created a comment), the next round decides again on what
 * it finds, until the comment needs nothing from this run.
 */
export async function upsertComment(octokit: Octokit, target: UpsertTarget): Promise<Upserted> {
  const writer: Writer = { login: target.author }
  const params = { owner: target.owner, repo: target.repo }
  const result: Upserted = { written: false }
  try {
    for (let round = 1; round <= MAX_WRITES + 1; round++) {
      const kept = await findOurComment(octokit, target, writer)
      // Runs racing on one pull request may each have found none and created one. Every run
      // keeps the oldest (the one later runs find and update) and removes its own duplicate.
      if (writer.created !== undefined && kept !== undefined && kept.id !== writer.created) {
        await octokit.rest.issues.deleteComment({ ...params, comment_id: writer.created })
        writer.created = undefined
      }
      const revised = target.revise(kept?.body)
      const body = revised ?? kept?.body
      if (body === undefined) return result
      const stamped = stamp(body, writer.login)
      if (kept !== undefined && stamped === kept.body) return { ...result, url: kept.url }
      if (round > MAX_WRITES) break
      result.written = true
      if (kept === undefined) {
        const { data } = await octokit.rest.issues.createComment({
          ...params,
          issue_number: target.issueNumber,
          body: stamped
        })
        writer.created = data.id
        writer.login ??= data.user?.login
        result.createdAs = data.user ? { login: data.user.login, type: data.user.type } : undefined
      } else {
        await octokit.rest.issues.updateComment({ ...params, comment_id: kept.id, body: stamped })
      }
    }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw explainGitHubError(error, 'comment')
  }
  throw new UserError(
    `The comment on pull request #${target.issueNumber} was written ${MAX_WRITES} times and changed again after each: other runs keep rewriting it. Look for several ipa-ota comments of one app there; if the token is a person's, set comment-author to its login.`
  )
}

/**
 * Renders and posts the comment of one build; returns the comment's URL. With `reread` (every
 * build on the site now, or undefined when it cannot tell), the site is read again after each
 * write and the comment written again until it shows the site as it is (comment-protocol.ts).
 */
export async function postComment(
  octokit: Octokit,
  input: Repo & {
    issueNumber: number
    record: BuildRecord
    /** The other builds of this channel and app on the site after this run published. */
    history: BuildRecord[]
    /** The build ids this run's retention removed from the site. */
    removed?: readonly string[]
    warnings: string[]
    now: Date
    /** The comment-key input; default: the bundle id. */
    commentKey?: string
    /** The comment-author input. */
    author?: string
    /** Where a problem that does not stop the comment is told. */
    warn?: (message: string) => void
    reread?: () => Promise<readonly BuildRecord[] | undefined>
  } & Pick<CommentInput, 'changes' | 'devices'>
): Promise<string | undefined> {
  const key = input.commentKey ?? input.record.app.bundleId
  const renderers: Renderers = {
    render: ({ main, history }) =>
      renderComment({
        key,
        record: main,
        history,
        // The warnings, changes and device list describe this run's build only.
        ...(main.buildId === input.record.buildId
          ? { warnings: input.warnings, changes: input.changes, devices: input.devices }
          : { warnings: [] }),
        now: input.now
      }),
    relist: (current, history) => relistHistory(current, history, input.now)
  }
  const writer: CommentWriter = {
    write: async (revise) => {
      const done = await upsertComment(octokit, { ...input, key, revise })
      if (done.createdAs?.type === 'User' && input.author === undefined) {
        input.warn?.(
          `The comment was written as ${done.createdAs.login}, a person's account: set comment-author: ${done.createdAs.login} so that later runs update it instead of posting another.`
        )
      }
      return done
    }
  }
  const first = {
    record: input.record,
    builds: [input.record, ...input.history],
    removed: input.removed ?? []
  }
  return showNewest(writer, renderers, first, input.reread)
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
  for (const record of [...input.removed].sort(newestFirst)) {
    const key = input.commentKey ?? record.app.bundleId
    byKey.set(key, [...(byKey.get(key) ?? []), record])
  }
  const urls: string[] = []
  for (const [key, history] of byKey) {
    const { url } = await upsertComment(octokit, {
      ...input,
      key,
      revise: (current) =>
        current === undefined ? undefined : renderRemovedComment({ key, history })
    })
    if (url !== undefined) urls.push(url)
  }
  return urls
}
