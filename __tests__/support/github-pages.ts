/** GitHub Pages settings as `GET /repos/{owner}/{repo}/pages` answers them, for the stand-in. */
import type { GitHubStandIn, Reply } from './github-server.js'

/** A public "Deploy from a branch" site of octo/app on gh-pages; override any field. */
export function pagesSettings(server: GitHubStandIn, overrides: Record<string, unknown> = {}) {
  return {
    url: `${server.url}/repos/octo/app/pages`,
    status: 'built',
    cname: null,
    custom_404: false,
    html_url: 'https://octo.github.io/app/',
    build_type: 'legacy',
    source: { branch: 'gh-pages', path: '/' },
    public: true,
    https_enforced: true,
    ...overrides
  }
}

/** Answers `repos/get-pages` with `pagesSettings(server, overrides)`. */
export function servePagesSettings(
  server: GitHubStandIn,
  overrides: Record<string, unknown> = {}
): void {
  server.handle('repos/get-pages', () => ({ status: 200, body: pagesSettings(server, overrides) }))
}

/** One Pages deployment the fake received. */
export interface FakePagesDeployment {
  id: number
  artifactId: number
  buildVersion: string
  /** Statuses still to report, one per GET; the last one stays. */
  pending: string[]
  status: string
  cancelled: boolean
}

export interface PagesDeploymentsFake {
  deployments: FakePagesDeployment[]
  /**
   * Artifact ids of the deployments that reached `succeed` and changed the site, in order: the
   * last one is live. A redeploy of a version deployed before is not in it (deploy-pages#383).
   */
  live: number[]
  /** The pages_build_version of each entry of `live`. */
  liveVersions: string[]
  /** Statuses each new deployment reports on successive GETs (default: in progress, syncing, succeed). */
  statuses: string[]
  /** When set, POST …/pages/deployments answers this instead (e.g. 403, Missing environment). */
  refuse?: Reply
}

/**
 * The Pages deployment endpoints of GitHub for `owner/repo`: create (refused with GitHub's 400
 * while another deployment is in progress), status polled through `statuses`, cancel. A request
 * must name an uploaded, finalized artifact, a commit that exists (`commitExists`; any other
 * pages_build_version answers 404), and the OIDC token the runner issued. As on GitHub
 * (deploy-pages#383), a deployment of a version deployed before succeeds at once and changes
 * nothing: the site keeps serving what it served.
 */
export function installPagesDeploymentsFake(
  server: GitHubStandIn,
  options: {
    artifactExists: (id: number) => boolean
    commitExists: (sha: string) => Promise<boolean>
    oidcToken: string
  }
): PagesDeploymentsFake {
  const fake: PagesDeploymentsFake = {
    deployments: [],
    live: [],
    liveVersions: [],
    statuses: ['deployment_in_progress', 'syncing_files', 'succeed']
  }
  const FINAL = new Set([
    'succeed',
    'deployment_failed',
    'deployment_content_failed',
    'deployment_cancelled',
    'deployment_lost'
  ])
  let nextId = 7000
  const find = (id: string) => fake.deployments.find((d) => String(d.id) === id)
  const goLive = (deployment: FakePagesDeployment) => {
    fake.live.push(deployment.artifactId)
    fake.liveVersions.push(deployment.buildVersion)
  }

  server.handle('repos/create-pages-deployment', async (req) => {
    if (fake.refuse) return fake.refuse
    const body = req.body as {
      artifact_id?: number
      pages_build_version?: string
      oidc_token?: string
    }
    if (body.oidc_token !== options.oidcToken) {
      return { status: 400, body: { message: 'Invalid OIDC token' } }
    }
    if (body.artifact_id === undefined || !options.artifactExists(body.artifact_id)) {
      return { status: 404, body: { message: 'Artifact not found' } }
    }
    const version = body.pages_build_version ?? ''
    if (!(await options.commitExists(version))) {
      return { status: 404, body: { message: 'Not Found' } }
    }
    const running = fake.deployments.find((d) => !FINAL.has(d.status))
    if (running) {
      return {
        status: 400,
        body: {
          message: `Deployment request failed for ${version} due to in progress deployment. Please cancel ${running.buildVersion} first or wait for it to complete.`
        }
      }
    }
    const redeploy = fake.deployments.some(
      (d) => d.buildVersion === version && d.status === 'succeed'
    )
    const [first = 'succeed', ...rest] = redeploy ? [] : fake.statuses
    const deployment: FakePagesDeployment = {
      id: nextId++,
      artifactId: body.artifact_id,
      buildVersion: version,
      pending: rest,
      status: first,
      cancelled: false
    }
    fake.deployments.push(deployment)
    if (first === 'succeed' && !redeploy) goLive(deployment)
    const base = `${server.url}/repos/${req.params.owner}/${req.params.repo}/pages/deployments`
    return {
      status: 200,
      body: {
        id: deployment.id,
        status_url: `${base}/${deployment.id}`,
        page_url: 'https://octo.github.io/app/'
      }
    }
  })
  server.handle('repos/get-pages-deployment', (req) => {
    const deployment = find(req.params.pages_deployment_id ?? '')
    if (!deployment) return { status: 404, body: { message: 'Not Found' } }
    const reported = deployment.status
    if (!FINAL.has(reported) && deployment.pending.length > 0) {
      deployment.status = deployment.pending.shift()!
      if (deployment.status === 'succeed') goLive(deployment)
    }
    return { status: 200, body: { status: reported } }
  })
  server.handle('repos/cancel-pages-deployment', (req) => {
    const deployment = find(req.params.pages_deployment_id ?? '')
    if (!deployment) return { status: 404, body: { message: 'Not Found' } }
    deployment.cancelled = true
    deployment.status = 'deployment_cancelled'
    return { status: 204 }
  })
  return fake
}
