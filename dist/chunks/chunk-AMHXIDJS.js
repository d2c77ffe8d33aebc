import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  explainGitHubError
} from "./chunk-YKE37VTB.js";
import {
  oneLine
} from "./chunk-UOO3K7Q7.js";
import {
  UserError
} from "./chunk-6P6ZSRAO.js";

// src/hosts/pages/deploy-errors.ts
function isGhes(serverUrl) {
  const host = new URL(serverUrl).hostname.trim().toLowerCase();
  return host !== "github.com" && !host.endsWith(".ghe.com") && !host.endsWith(".localhost");
}
function ghesError() {
  return new UserError(
    'This GitHub Pages site is deployed by GitHub Actions, which this action does through the Actions artifact service, and GitHub Enterprise Server does not offer that service to @actions/artifact: use `host: directory` to add the build to your site folder and deploy it with actions/upload-pages-artifact and actions/deploy-pages, or switch the site to "Deploy from a branch".'
  );
}
function idTokenError(cause) {
  const said = cause instanceof Error ? ` (${oneLine(cause.message)})` : "";
  return new UserError(
    `GitHub gave this job no OIDC token${said}, which deploying a "GitHub Actions" Pages site needs: add \`id-token: write\` (with \`pages: write\`) to the job's \`permissions:\`. Pull requests from forks never get one: publish their builds from a workflow_run workflow (README: "Pull requests from forks").`,
    { cause }
  );
}
var isInProgress = (error) => status(error) === 400 && /in progress deployment/i.test(message(error));
function explainDeployError(error, environmentsUrl) {
  const said = message(error);
  if (status(error) === 400 && /missing environment/i.test(said)) {
    return new UserError(
      `GitHub refused to deploy GitHub Pages: the job has no environment (${oneLine(said).slice(0, 80)}\u2026). Add \`environment: github-pages\` to the job that runs this action (see the README section "Pages deployed by GitHub Actions").`,
      { cause: error }
    );
  }
  if (/deployment branch|not allowed to deploy|protection rules/i.test(said)) {
    return new UserError(
      `GitHub refused to deploy GitHub Pages from this branch: ${oneLine(said).slice(0, 200)}. The github-pages environment allows only some branches; allow this run's branch at ${environmentsUrl} \u203A github-pages \u203A Deployment branches (for pull request builds: "No restriction", or a rule matching their branches).`,
      { cause: error }
    );
  }
  return explainGitHubError(error, "pages-deploy");
}
var FINAL_STATUSES = {
  deployment_failed: "GitHub could not deploy it; re-run the job, and check githubstatus.com if it keeps failing",
  deployment_content_failed: "GitHub refused the files (links, or a site over 10 GB); remove symlinks from the branch and keep the site small (lower keep or max-site-size)",
  deployment_cancelled: "it was cancelled (by a newer deployment or a person); re-run the job",
  deployment_lost: "GitHub lost track of it; re-run the job"
};
var status = (error) => error.status;
function message(error) {
  const data = error.response?.data;
  if (typeof data?.message === "string") return data.message;
  return error instanceof Error ? error.message : String(error);
}

export {
  isGhes,
  ghesError,
  idTokenError,
  isInProgress,
  explainDeployError,
  FINAL_STATUSES
};
