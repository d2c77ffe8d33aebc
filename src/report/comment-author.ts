/**
 * Which comments are ours: the marker of the comment key, written by the account of this run's
 * token. A comment by someone else that only quotes the marker is never edited.
 */
import { commentMarker } from './comment-protocol.js'

/**
 * Who writes our comments. GET /user is refused for GITHUB_TOKEN and GitHub App tokens, so the
 * login is learned from what GitHub answers: the author of the comment this run created, or of a
 * comment that a bot stamped with its own login (only apps that the repository's admins installed
 * write as bots; a person could stamp a comment with their own login and have it taken over).
 */
export interface Writer {
  /** The comment-author input, or the login GitHub answered with; undefined until known. */
  login?: string
  /** The comment this run created. */
  created?: number
}

/** The account of GITHUB_TOKEN, which wrote our comments before they were stamped. */
const ACTIONS_BOT = 'github-actions[bot]'
const STAMP = /<!-- ipa-ota-author:(\S*) -->$/

/**
 * The comment with its first line (the marker) followed by the login that writes it; none for
 * GITHUB_TOKEN's, which is recognised without (so its first comment is not written twice).
 */
export function stamp(body: string, login: string | undefined): string {
  const [first = '', ...rest] = body.split('\n')
  const marker = first.replace(STAMP, '')
  const tag =
    login === undefined || login === ACTIONS_BOT
      ? ''
      : `<!-- ipa-ota-author:${encodeURIComponent(login)} -->`
  return [marker + tag, ...rest].join('\n')
}

function stampOf(body: string): string | undefined {
  const match = STAMP.exec(body.split('\n')[0] ?? '')
  try {
    return match ? decodeURIComponent(match[1]!) : undefined
  } catch {
    return undefined
  }
}

export interface ListedComment {
  id: number
  html_url: string
  body?: string
  user: { login: string; type: string } | null
}

export function isOurs(comment: ListedComment, key: string, writer: Writer): boolean {
  const body = comment.body ?? ''
  if (!body.startsWith(commentMarker(key)) || !comment.user) return false
  if (comment.id === writer.created) return true
  const { login, type } = comment.user
  if (writer.login !== undefined) return login === writer.login
  const stamped = stampOf(body)
  return type === 'Bot' && (stamped === login || (stamped === undefined && login === ACTIONS_BOT))
}
