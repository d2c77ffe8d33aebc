/** GitHub Pages settings as `GET /repos/{owner}/{repo}/pages` answers them, for the stand-in. */
import type { GitHubStandIn } from './github-server.js'

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
