/**
 * A GitHub Pages site whose source is "GitHub Actions", wired from the stand-ins: the stand-in
 * GitHub reports its settings and takes its deployments, which must name an artifact finalized in
 * the Actions services and a commit of the repository on the git server. What the site serves is
 * the artifact.tar of the last successful deployment.
 */
import type { ActionsServices, TarEntry } from './actions-services.js'
import type { GitServer } from './git-server.js'
import {
  installPagesDeploymentsFake,
  pagesSettings,
  type PagesDeploymentsFake
} from './github-pages.js'
import type { GitHubStandIn } from './github-server.js'

export interface ActionsPagesSite {
  deployments: PagesDeploymentsFake
  /**
   * The git server under a *.localhost name, for the host's serverUrl and GITHUB_SERVER_URL:
   * @actions/artifact takes a loopback address for GitHub Enterprise Server, and git's curl
   * resolves *.localhost to loopback.
   */
  serverUrl: string
  /** What the runner gives an action step: the services' variables and GITHUB_SERVER_URL. */
  env: Record<string, string>
  /** The entries of artifact.tar the site serves; none before the first deployment. */
  liveEntries(): Promise<TarEntry[]>
  /** One file the site serves. */
  liveFile(path: string): Promise<Buffer>
}

/** Serves `repo` (on `git`) as a "GitHub Actions" Pages site on the stand-in `github`. */
export function serveActionsPagesSite(
  github: GitHubStandIn,
  git: GitServer,
  repo: string,
  services: ActionsServices
): ActionsPagesSite {
  github.handle('repos/get-pages', () => ({
    status: 200,
    // The branch a site was deployed from before it switched to "GitHub Actions" is not used.
    body: pagesSettings(github, {
      url: `${github.url}/repos/${repo}/pages`,
      build_type: 'workflow',
      source: { branch: 'main', path: '/docs' }
    })
  }))
  const deployments = installPagesDeploymentsFake(github, {
    artifactExists: (id) => services.artifacts.get(id)?.finalized === true,
    commitExists: (sha) =>
      git
        .git(repo)
        .run(['cat-file', '-e', `${sha}^{commit}`])
        .then(
          () => true,
          () => false
        ),
    oidcToken: services.oidcToken
  })
  const serverUrl = git.url.replace('127.0.0.1', 'github.localhost')
  const live = () => deployments.live.at(-1)
  // A finalized artifact never changes: each is unpacked and listed once, not on every check.
  const listed = new Map<number, Promise<TarEntry[]>>()
  const entriesOf = (id: number) => {
    if (!listed.has(id)) listed.set(id, services.tarEntries(id))
    return listed.get(id)!
  }
  return {
    deployments,
    serverUrl,
    env: { ...services.env, GITHUB_SERVER_URL: serverUrl },
    liveEntries: async () => {
      const id = live()
      return id === undefined ? [] : entriesOf(id)
    },
    liveFile: async (path) => {
      const id = live()
      if (id === undefined) throw new Error(`nothing is deployed, so ${path} is not served`)
      return services.tarFile(id, path)
    }
  }
}
