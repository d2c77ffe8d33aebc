/**
 * What a workflow's `permissions:` lets its GITHUB_TOKEN do, per REST operation, from GitHub's
 * "Permissions required for GitHub Apps" pages. The stand-in GitHub refuses an operation the grant
 * cannot answer as GitHub does (403 "Resource not accessible by integration"), so a recipe that
 * makes a call its permissions do not cover fails its test.
 */

export type Level = 'read' | 'write'
/** A job's `permissions:` (scope → level); `none` and absent scopes grant nothing. */
export type Grant = Record<string, string>

/** Each alternative is a list of scopes that must all be granted; any alternative suffices. */
type Rule = Array<Array<[scope: string, level: Level]>>

const any = (...alternatives: Array<[string, Level]>): Rule => alternatives.map((each) => [each])
const all = (...scopes: Array<[string, Level]>): Rule => [scopes]

/** Operations every token may call (repository metadata is always readable). */
const METADATA: Rule = [[]]

const RULES: Record<string, Rule | 'never'> = {
  'repos/get': METADATA,
  'repos/get-pages': any(['pages', 'read']),
  'repos/get-latest-pages-build': any(['pages', 'read']),
  'repos/create-pages-deployment': any(['pages', 'write']),
  'repos/get-pages-deployment': any(['pages', 'read']),
  'repos/cancel-pages-deployment': any(['pages', 'write']),
  'repos/list-pull-requests-associated-with-commit': all(
    ['contents', 'read'],
    ['pull-requests', 'read']
  ),
  'pulls/list': any(['pull-requests', 'read']),
  // Comments on a pull request are issue comments: either scope answers them.
  'issues/list-comments': any(['pull-requests', 'read'], ['issues', 'read']),
  'issues/create-comment': any(['pull-requests', 'write'], ['issues', 'write']),
  'issues/update-comment': any(['pull-requests', 'write'], ['issues', 'write']),
  'issues/delete-comment': any(['pull-requests', 'write'], ['issues', 'write']),
  'repos/create-deployment': any(['deployments', 'write']),
  'repos/create-deployment-status': any(['deployments', 'write']),
  'repos/list-releases': any(['contents', 'read']),
  'repos/list-release-assets': any(['contents', 'read']),
  'repos/get-release-asset': any(['contents', 'read']),
  'repos/create-release': any(['contents', 'write']),
  'repos/update-release': any(['contents', 'write']),
  'repos/delete-release': any(['contents', 'write']),
  'repos/delete-release-asset': any(['contents', 'write']),
  'repos/upload-release-asset': any(['contents', 'write']),
  'git/delete-ref': any(['contents', 'write']),
  // An installation token has no user: GitHub answers 403 whatever the permissions.
  'users/get-authenticated': 'never'
}

function grants(grant: Grant, scope: string, level: Level): boolean {
  const given = grant[scope]
  return given === 'write' || (given === 'read' && level === 'read')
}

/**
 * Whether `grant` lets a token call `operationId`: 'never' for what no GITHUB_TOKEN may call (the
 * action must cope with GitHub's 403 there), undefined when the table has no rule for it, which
 * the stand-in reports as a violation so the table grows with the action.
 */
export function permits(grant: Grant, operationId: string): boolean | 'never' | undefined {
  const rule = RULES[operationId]
  if (rule === undefined || rule === 'never') return rule
  return rule.some((scopes) => scopes.every(([scope, level]) => grants(grant, scope, level)))
}

/** The git server's access for a token with `grant`: contents read or write, else none. */
export function gitAccess(grant: Grant): Level | undefined {
  if (grant.contents === 'write') return 'write'
  return grant.contents === 'read' ? 'read' : undefined
}
