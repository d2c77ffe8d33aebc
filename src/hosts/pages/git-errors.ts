import { UserError } from '../../errors.js'
import type { GitError } from './git.js'
import { remoteReasons } from './tree.js'
import type { GitFailure } from './tree.js'

/** A failed fetch or push of `branch`, as the fix to make; `attempts` made so far. */
export function explainGitFailure(
  error: GitError,
  failure: GitFailure,
  remoteUrl: string,
  branch: string,
  attempts: number
): Error {
  const repository = remoteUrl.replace(/\.git$/, '')
  const said = remoteReasons(`${error.stdout}\n${error.stderr}`)
  const because = said ? ` (GitHub: ${said})` : ''
  switch (failure) {
    case 'unsigned':
      return new UserError(
        `A rule requires signed commits on branch ${branch}${because}, and the action's commits are unsigned: exclude ${branch} from "Require signed commits" (in the ruleset at ${repository}/settings/rules, or the branch protection rule at ${repository}/settings/branches), or publish with host: s3.`
      )
    case 'ruleset':
      return new UserError(
        `A repository ruleset refused the push to branch ${branch}${because}: exclude ${branch} from the ruleset's target branches at ${repository}/settings/rules, or publish with host: s3.`
      )
    case 'protected':
      return new UserError(
        `Branch ${branch} is protected and its protection refused the push${because}: remove the protection rule that matches ${branch} at ${repository}/settings/branches (the branch holds only published builds), or publish with host: s3.`
      )
    case 'permission':
      return new UserError(
        `GitHub refused to let this workflow write branch ${branch} of ${remoteUrl}: grant the job \`permissions: contents: write\` (a pull request from a fork, or Dependabot's, only gets a read-only token: publish its build from a workflow_run workflow, see the README: "Pull requests from forks").`
      )
    case 'auth':
      return new UserError(
        `GitHub did not accept the token for ${remoteUrl}: pass a valid token (the default, github.token, works when the job has \`permissions: contents: write\`).`
      )
    case 'not-found':
      return new UserError(
        `Repository ${remoteUrl} was not found: check the repository and that the token may read it (\`permissions: contents: write\`).`
      )
    case 'stalled':
      return new UserError(
        `The git server stopped answering while publishing to branch ${branch} of ${remoteUrl} (${error.message}): re-run the job; if it keeps happening, check githubstatus.com.`
      )
    case 'race':
    case 'transient':
      return new UserError(
        `Could not publish to branch ${branch} of ${remoteUrl} after ${attempts} attempts (${failure === 'race' ? 'other runs kept pushing first' : 'the network kept failing'}): re-run the job. Last error: ${error.message}`
      )
    default:
      return error
  }
}
