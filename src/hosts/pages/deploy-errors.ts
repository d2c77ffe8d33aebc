import { UserError } from '../../errors.js'
import { explainGitHubError } from '../../github-errors.js'
import { oneLine } from '../../text.js'

/**
 * GitHub Enterprise Server, decided as @actions/artifact decides it: any server but github.com,
 * *.ghe.com (GHE.com) and *.localhost. There, @actions/artifact refuses to upload.
 */
export function isGhes(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname.trim().toLowerCase()
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')
}

export function ghesError(): UserError {
  return new UserError(
    'This GitHub Pages site is deployed by GitHub Actions, which this action does through the Actions artifact service, and GitHub Enterprise Server does not offer that service to @actions/artifact: use `host: directory` to add the build to your site folder and deploy it with actions/upload-pages-artifact and actions/deploy-pages, or switch the site to "Deploy from a branch".'
  )
}

export function idTokenError(cause: unknown): UserError {
  const said = cause instanceof Error ? ` (${oneLine(cause.message)})` : ''
  return new UserError(
    `GitHub gave this job no OIDC token${said}, which deploying a "GitHub Actions" Pages site needs: add \`id-token: write\` (with \`pages: write\`) to the job's \`permissions:\`. Pull requests from forks never get one: publish their builds from a workflow_run workflow (README: "Pull requests from forks").`,
    { cause }
  )
}

/** The deployment was refused because another is running: wait for it and ask again. */
export const isInProgress = (error: unknown): boolean =>
  status(error) === 400 && /in progress deployment/i.test(message(error))

/**
 * Why GitHub refused `POST …/pages/deployments`, as the fix to make. `environmentsUrl` is the
 * repository's Settings › Environments page.
 */
export function explainDeployError(error: unknown, environmentsUrl: string): UserError {
  const said = message(error)
  if (status(error) === 400 && /missing environment/i.test(said)) {
    return new UserError(
      `GitHub refused to deploy GitHub Pages: the job has no environment (${oneLine(said).slice(0, 80)}…). Add \`environment: github-pages\` to the job that runs this action (see the README section "Pages deployed by GitHub Actions").`,
      { cause: error }
    )
  }
  if (/deployment branch|not allowed to deploy|protection rules/i.test(said)) {
    return new UserError(
      `GitHub refused to deploy GitHub Pages from this branch: ${oneLine(said).slice(0, 200)}. The github-pages environment allows only some branches; allow this run's branch at ${environmentsUrl} › github-pages › Deployment branches (for pull request builds: "No restriction", or a rule matching their branches).`,
      { cause: error }
    )
  }
  return explainGitHubError(error, 'pages-deploy')
}

/** What each final deployment status means for the person running the workflow. */
export const FINAL_STATUSES: Record<string, string> = {
  deployment_failed:
    'GitHub could not deploy it; re-run the job, and check githubstatus.com if it keeps failing',
  deployment_content_failed:
    'GitHub refused the files (links, or a site over 10 GB); remove symlinks from the branch and keep the site small (lower keep or max-site-size)',
  deployment_cancelled: 'it was cancelled (by a newer deployment or a person); re-run the job',
  deployment_lost: 'GitHub lost track of it; re-run the job'
}

const status = (error: unknown): number | undefined => (error as { status?: number }).status

function message(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } }).response?.data
  if (typeof data?.message === 'string') return data.message
  return error instanceof Error ? error.message : String(error)
}
