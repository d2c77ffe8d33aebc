/**
 * An in-memory store of issue and pull-request comments behind the GitHub stand-in: create,
 * get, update, list (paginated with `per_page`, `page` and a `Link` header, like GitHub) and delete.
 */
import type { GitHubStandIn, RecordedRequest, Reply } from './github-server.js'

export interface FakeComment {
  id: number
  owner: string
  repo: string
  issueNumber: number
  body: string
  login: string
  type: 'User' | 'Bot'
  createdAt: string
  updatedAt: string
}

export interface CommentsFake {
  /** Every comment still present, oldest first. */
  comments: FakeComment[]
  /** Seeds a comment, by default from the token's identity. */
  add(comment: {
    owner: string
    repo: string
    issueNumber: number
    body: string
    login?: string
    type?: 'User' | 'Bot'
  }): FakeComment
  /** The comments of one issue or pull request, oldest first. */
  on(owner: string, repo: string, issueNumber: number): FakeComment[]
}

export interface CommentsFakeOptions {
  /** The login the token acts as, e.g. github-actions[bot] for GITHUB_TOKEN. */
  login: string
  /**
   * Bot tokens (GITHUB_TOKEN, GitHub App installations) cannot read GET /user: it answers 403
   * "Resource not accessible by integration". Defaults to Bot for logins ending in [bot].
   */
  type?: 'User' | 'Bot'
}

const NOT_FOUND: Reply = {
  status: 404,
  body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }
}

export function installCommentsFake(
  server: GitHubStandIn,
  options: CommentsFakeOptions
): CommentsFake {
  const identity = {
    login: options.login,
    type: options.type ?? botOrUser(options.login)
  }
  const comments: FakeComment[] = []
  let nextId = 1_000_000

  const userJson = (login: string, type: string) => ({
    login,
    id: hashId(login),
    node_id: `U_${login}`,
    type,
    site_admin: false,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    url: `${server.url}/users/${encodeURIComponent(login)}`
  })

  const toJson = (c: FakeComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${server.url}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${c.owner}/${c.repo}/issues/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${server.url}/repos/${c.owner}/${c.repo}/issues/${c.issueNumber}`,
    body: c.body,
    user: userJson(c.login, c.type),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.login === identity.login ? 'NONE' : 'CONTRIBUTOR'
  })

  const add: CommentsFake['add'] = (input) => {
    const now = new Date().toISOString()
    const comment: FakeComment = {
      id: nextId++,
      owner: input.owner,
      repo: input.repo,
      issueNumber: input.issueNumber,
      body: input.body,
      login: input.login ?? identity.login,
      type: input.type ?? (input.login === undefined ? identity.type : botOrUser(input.login)),
      createdAt: now,
      updatedAt: now
    }
    comments.push(comment)
    return comment
  }

  const on = (owner: string, repo: string, issueNumber: number) =>
    comments.filter((c) => c.owner === owner && c.repo === repo && c.issueNumber === issueNumber)

  const find = (req: RecordedRequest) =>
    comments.find(
      (c) =>
        c.owner === req.params.owner &&
        c.repo === req.params.repo &&
        String(c.id) === req.params.comment_id
    )

  const bodyText = (req: RecordedRequest) => (req.body as { body: string }).body

  server.handle('users/get-authenticated', () =>
    identity.type === 'Bot'
      ? {
          status: 403,
          body: {
            message: 'Resource not accessible by integration',
            documentation_url:
              'https://docs.github.com/rest/users/users#get-the-authenticated-user',
            status: '403'
          }
        }
      : { status: 200, body: userJson(identity.login, identity.type) }
  )

  server.handle('issues/create-comment', (req) => {
    const { owner = '', repo = '', issue_number = '' } = req.params
    const created = add({ owner, repo, issueNumber: Number(issue_number), body: bodyText(req) })
    return {
      status: 201,
      body: toJson(created),
      headers: { location: toJson(created).url }
    }
  })

  server.handle('issues/get-comment', (req) => {
    const comment = find(req)
    return comment ? { status: 200, body: toJson(comment) } : NOT_FOUND
  })

  server.handle('issues/update-comment', (req) => {
    const comment = find(req)
    if (!comment) return NOT_FOUND
    comment.body = bodyText(req)
    comment.updatedAt = new Date().toISOString()
    return { status: 200, body: toJson(comment) }
  })

  server.handle('issues/delete-comment', (req) => {
    const comment = find(req)
    if (!comment) return NOT_FOUND
    comments.splice(comments.indexOf(comment), 1)
    return { status: 204 }
  })

  server.handle('issues/list-comments', (req) => {
    const { owner = '', repo = '', issue_number = '' } = req.params
    const since = req.query.get('since')
    const all = on(owner, repo, Number(issue_number)).filter(
      (c) => since === null || c.updatedAt >= new Date(since).toISOString()
    )
    const perPage = Math.min(Number(req.query.get('per_page') ?? 30) || 30, 100)
    const page = Math.max(Number(req.query.get('page') ?? 1) || 1, 1)
    const lastPage = Math.max(Math.ceil(all.length / perPage), 1)
    const link = linkHeader(`${server.url}${req.path}`, req.query, page, lastPage)
    return {
      status: 200,
      body: all.slice((page - 1) * perPage, page * perPage).map(toJson),
      headers: link ? { link } : undefined
    }
  })

  return { comments, add, on }
}

/** GitHub's Link header: next and last after the first page, first and prev after that. */
function linkHeader(
  base: string,
  query: URLSearchParams,
  page: number,
  lastPage: number
): string | undefined {
  const to = (n: number, rel: string) => {
    const q = new URLSearchParams(query)
    q.set('page', String(n))
    return `<${base}?${q.toString()}>; rel="${rel}"`
  }
  const links = [
    ...(page < lastPage ? [to(page + 1, 'next'), to(lastPage, 'last')] : []),
    ...(page > 1 ? [to(1, 'first'), to(page - 1, 'prev')] : [])
  ]
  return links.length > 0 ? links.join(', ') : undefined
}

function botOrUser(login: string): 'Bot' | 'User' {
  return login.endsWith('[bot]') ? 'Bot' : 'User'
}

/** A stable numeric user id for a login. */
function hashId(login: string): number {
  let id = 7
  for (const char of login) id = (id * 31 + char.charCodeAt(0)) % 2_147_483_647
  return id
}
