import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  getOctokit,
  require_light,
  retry
} from "./chunk-EE5UHIU3.js";
import {
  httpStatus
} from "./chunk-YKE37VTB.js";
import {
  clean
} from "./chunk-UOO3K7Q7.js";
import {
  info,
  warning
} from "./chunk-P5LV7Z3P.js";
import {
  __toESM
} from "./chunk-6DG7BXTN.js";

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);
var VERSION = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = import_light.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info2) {
      const [state2, request, options] = info2.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;

// src/github.ts
function createOctokit(token, apiUrl, retries = 3) {
  return getOctokit(
    token,
    {
      baseUrl: apiUrl,
      // Not request.retries: plugin-retry would then retry every failure, 403 and 404 included.
      retry: { retries },
      throttle: {
        onRateLimit: retryRateLimit("rate limit", retries),
        onSecondaryRateLimit: retryRateLimit("secondary rate limit", retries)
      }
    },
    logServerErrors,
    retry,
    throttling
  );
}
function retryRateLimit(kind, retries) {
  return (retryAfter, options, _octokit, count) => {
    warning(`GitHub ${kind} on ${options.method} ${options.url}: retrying in ${retryAfter}s`);
    return count <= retries;
  };
}
function logServerErrors(octokit) {
  octokit.hook.error("request", (error, options) => {
    const status = httpStatus(error) ?? 0;
    if (status >= 500) {
      info(`GitHub answered ${status} to ${options.method} ${options.url}; retrying.`);
    }
    throw error;
  });
}

// src/ota/html.ts
import { createHash } from "node:crypto";
var HTML_ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text) {
  return clean(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
var Html = class {
  markup;
  constructor(markup) {
    this.markup = markup;
  }
  toString() {
    return this.markup;
  }
};
function interpolate(value) {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(interpolate).join("");
  if (value === void 0 || value === null || value === false) return "";
  return escapeHtml(String(value));
}
function html(strings, ...values) {
  let markup = strings[0] ?? "";
  values.forEach((value, index) => {
    markup += interpolate(value) + (strings[index + 1] ?? "");
  });
  return new Html(markup);
}
function raw(markup) {
  return new Html(markup);
}
function webHref(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
    if (parsed.username !== "" || parsed.password !== "") return void 0;
    return parsed.href;
  } catch {
    return void 0;
  }
}
function linkOrText(text, url) {
  const href = url === void 0 ? void 0 : webHref(url);
  return href === void 0 ? html`${text}` : html`<a href="${href}" rel="noopener noreferrer">${text}</a>`;
}
function cspHash(source) {
  return `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;
}
var BASE_CSS = `
:root { color-scheme: light dark; --bg: #f2f2f7; --card: #fff; --text: #1c1c1e; --muted: #6c6c70;
  --accent: #007aff; --line: #d1d1d6; --warn-bg: #fff4e5; --warn: #8a4b00; --bad: #c00011; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #000; --card: #1c1c1e; --text: #f2f2f7; --muted: #a1a1a6; --accent: #0a84ff;
    --line: #38383a; --warn-bg: #3a2a12; --warn: #ffd399; --bad: #b3000f; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; }
main { max-width: 34rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
a { color: var(--accent); }
h1 { font-size: 1.5rem; margin: 0; overflow-wrap: anywhere; }
h2 { font-size: 1rem; margin: 0 0 .5rem; color: var(--muted); text-transform: uppercase;
  letter-spacing: .04em; }
.card { background: var(--card); border-radius: 14px; padding: 1rem; margin: 1rem 0; }
.muted { color: var(--muted); }
.button { display: block; text-align: center; background: var(--accent); color: #fff;
  text-decoration: none; font-weight: 600; padding: .8rem 1rem; border-radius: 12px; border: 0;
  font-size: 1.05rem; width: 100%; cursor: pointer; }
.note { background: var(--warn-bg); color: var(--warn); border-radius: 10px; padding: .75rem;
  margin: .75rem 0 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
ul.list { list-style: none; margin: 0; padding: 0; }
ul.list li { padding: .75rem 0; border-top: 1px solid var(--line); }
ul.list li:first-child { border-top: 0; }
.banner { background: var(--bad); color: #fff; border-radius: 14px; padding: 1rem; margin: 1rem 0; }
.banner h2 { color: #fff; text-transform: none; letter-spacing: 0; font-size: 1.1rem; }
.banner ul { margin: 0; padding-left: 1.2rem; }
.banner a { color: #fff; }
.crumbs { margin: 0 0 .5rem; font-size: .95rem; }
.newer { background: var(--accent); border-radius: 12px; padding: .75rem 1rem; margin: .5rem 0 1rem; }
.newer a { color: #fff; font-weight: 600; text-decoration: none; display: block; }
[hidden] { display: none !important; }
`;
function renderDocument(parts) {
  const css = BASE_CSS + (parts.css ?? "");
  const csp = [
    "default-src 'none'",
    "img-src 'self' data:",
    `style-src ${cspHash(css)}`,
    parts.script === void 0 ? "script-src 'none'" : `script-src ${cspHash(parts.script)}`,
    ...parts.fetchesSite ? ["connect-src 'self'"] : [],
    "base-uri 'none'",
    "form-action 'none'"
  ].join("; ");
  const script = parts.script === void 0 ? "" : html`<script>${raw(parts.script)}</script>\n`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${parts.title}</title>
${parts.head ?? raw('<link rel="icon" href="data:,">')}
<style>${raw(css)}</style>
</head>
<body>
<main>
${parts.body}
</main>
${script}</body>
</html>
`.markup;
}

// src/report/markdown.ts
var PUNCTUATION = /[!-/:-@[-`{-~]/g;
var ZERO_WIDTH_JOINER = "\u200D";
function escapeText(text) {
  return clean(text).replace(
    PUNCTUATION,
    (char) => `&#${char.charCodeAt(0)};${char === "@" ? ZERO_WIDTH_JOINER : ""}`
  ).replace(/\t/g, " ").replace(/\n/g, "<br>");
}
function safeUrl(url, protocols = ["https:"]) {
  if (url === void 0) return void 0;
  try {
    const parsed = new URL(url);
    return protocols.includes(parsed.protocol) ? parsed.href : void 0;
  } catch {
    return void 0;
  }
}
function link(url, text, protocols) {
  const href = safeUrl(url, protocols);
  return href === void 0 ? escapeText(text) : html`<a href="${href}">${raw(escapeText(text))}</a>`.markup;
}
function image(url, alt, size) {
  const src = safeUrl(url);
  return src === void 0 ? "" : html`<img src="${src}" width="${size}" height="${size}" alt="${clean(alt).replace(/\n/g, " ")}">`.markup;
}
function codeBlock(text) {
  const line = clean(text).replace(/\n/g, " ");
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}text
${line}
${fence}`;
}
var graphemes = new Intl.Segmenter(void 0, { granularity: "grapheme" });
function graphemeCount(text) {
  let count = 0;
  const segments = graphemes.segment(text)[Symbol.iterator]();
  while (!segments.next().done) count++;
  return count;
}
function truncate(text, max) {
  if (text.length <= max) return text;
  let count = 0;
  let cut = 0;
  for (const { index } of graphemes.segment(text)) {
    if (count === max - 1) cut = index;
    if (++count > max) return `${text.slice(0, cut)}\u2026`;
  }
  return text;
}

export {
  createOctokit,
  html,
  raw,
  linkOrText,
  renderDocument,
  escapeText,
  safeUrl,
  link,
  image,
  codeBlock,
  graphemeCount,
  truncate
};
