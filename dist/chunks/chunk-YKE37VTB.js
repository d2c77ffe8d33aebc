import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  oneLine
} from "./chunk-UOO3K7Q7.js";
import {
  UserError
} from "./chunk-6P6ZSRAO.js";

// src/github-errors.ts
var ACTIONS = {
  comment: {
    doing: "comment on the pull request",
    permissions: ["pull-requests: write"],
    notFound: "the repository or pull request does not exist or the token cannot see it; check pr-number and the token"
  },
  deploy: {
    doing: "create the deployment",
    permissions: ["deployments: write"],
    notFound: "the repository or commit does not exist or the token cannot see it; check that the commit was pushed"
  },
  pages: {
    doing: "publish to GitHub Pages",
    // Reading the Pages settings and builds needs pages: read; the push needs contents: write.
    permissions: ["pages: read", "contents: write"],
    notFound: "the repository, branch or Pages site does not exist or the token cannot see it; enable Pages in Settings \u2192 Pages or check pages-branch"
  },
  "pages-deploy": {
    doing: "deploy GitHub Pages",
    permissions: ["pages: write", "id-token: write"],
    notFound: 'the repository or its Pages site does not exist or the token cannot see it; enable Pages with Source "GitHub Actions" in Settings \u2192 Pages'
  },
  release: {
    doing: "publish to the GitHub release",
    permissions: ["contents: write"],
    notFound: "the repository or release does not exist or the token cannot see it; check release-tag and the token"
  }
};
function httpStatus(error) {
  return isHttpError(error) ? error.status : void 0;
}
function isHttpError(error) {
  return typeof error === "object" && error !== null && typeof error.status === "number";
}
function explainGitHubError(error, action) {
  const { doing, permissions, notFound } = ACTIONS[action];
  if (!isHttpError(error) || error.response === void 0) {
    const reason = error instanceof Error ? error.message : String(error);
    return new UserError(
      `Could not reach GitHub to ${doing}: ${oneLine(reason)}; check the network and GITHUB_API_URL, then re-run the job.`,
      {
        cause: error
      }
    );
  }
  const headers = error.response?.headers ?? {};
  const requestId = headers["x-github-request-id"];
  const id = requestId === void 0 ? "" : ` (GitHub request id ${requestId})`;
  const said = githubMessage(error);
  const what = `GitHub refused to ${doing}: ${error.status}${said ? ` ${said}` : ""}${describeRequest(error)}${id}`;
  const message = (() => {
    if (isRateLimited(error, said)) {
      const reset = Number(headers["x-ratelimit-reset"]);
      const when = Number.isFinite(reset) && reset > 0 ? ` (it resets at ${new Date(reset * 1e3).toISOString()})` : "";
      return /secondary/i.test(said) ? `${what}; this is GitHub's secondary rate limit for many requests in a short time: run fewer jobs at once or re-run the job in a few minutes.` : `${what}; the token's API rate limit is used up${when}: re-run the job later.`;
    }
    switch (error.status) {
      case 401:
        return `${what}; the github-token is invalid or expired: pass a valid token (the default is secrets.GITHUB_TOKEN).`;
      case 403:
        return `${what}; give the workflow job "permissions: ${permissions.join('" and "')}" (and in Settings \u2192 Actions \u2192 General, set Workflow permissions to "Read and write" if the organisation restricts them).`;
      case 404:
        return `${what}; ${notFound}.`;
      case 422:
        return `${what}; GitHub did not accept the request as sent.`;
      default:
        return error.status >= 500 ? `${what}; GitHub had a server error: re-run the job.` : `${what}.`;
    }
  })();
  return new UserError(message, { cause: error });
}
function isRateLimited(error, said) {
  if (error.status === 429) return true;
  return error.status === 403 && (/rate limit/i.test(said) || error.response?.headers?.["x-ratelimit-remaining"] === "0");
}
function githubMessage(error) {
  const data = error.response?.data;
  const message = typeof data === "object" && data !== null && typeof data.message === "string" ? data.message : "";
  return oneLine(message).slice(0, 300);
}
function describeRequest(error) {
  const { method, url } = error.request ?? {};
  if (!method || !url) return "";
  try {
    return ` (${method} ${new URL(url).pathname})`;
  } catch {
    return "";
  }
}

export {
  httpStatus,
  explainGitHubError
};
