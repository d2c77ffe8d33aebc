#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DEVICE_FAMILIES,
  expiryText,
  formatBytes,
  formatDate,
  formatUtc
} from "./chunk-D3NQSBZY.js";
import {
  UserError
} from "./chunk-HXDFBQW4.js";

// src/ota/layout.ts
import { createHash } from "node:crypto";
var MAX_SLUG_LENGTH = 64;
function asciiSlug(raw2) {
  return raw2.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9._]+/g, "-").replace(/\.{2,}/g, ".").replace(/-{2,}/g, "-").replace(/^[-._]+|[-.]+$/g, "");
}
function shortHash(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
function slugOrHash(raw2, what) {
  const trimmed = raw2.trim();
  if (trimmed === "") {
    throw new UserError(`The ${what} is empty; set it to a name such as "main" or "pr-12".`);
  }
  const segments = trimmed.split(/[/\\]/);
  if (segments.some((segment) => segment === ".." || segment === ".")) {
    throw new UserError(
      `The ${what} "${trimmed}" would point outside its folder; use a plain name without "." or ".." path parts.`
    );
  }
  const slug = asciiSlug(trimmed);
  if (slug === "") return `x-${shortHash(trimmed)}`;
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  return `${slug.slice(0, MAX_SLUG_LENGTH - 9).replace(/[-.]+$/, "")}-${shortHash(trimmed)}`;
}
function channelSlug(raw2) {
  return slugOrHash(raw2, "channel");
}
function buildIdSlug(raw2) {
  return slugOrHash(raw2, "build id");
}
function defaultBuildId(source, now = /* @__PURE__ */ new Date()) {
  const attempt = source.runAttempt ?? 1;
  if (source.runId !== void 0 && /^\d+$/.test(source.runId)) return `${source.runId}-${attempt}`;
  if (source.runNumber !== void 0) return `${source.runNumber}-${attempt}`;
  if (source.sha !== void 0 && /^[0-9a-f]{7,}$/i.test(source.sha)) {
    return source.sha.slice(0, 7).toLowerCase();
  }
  return now.toISOString().replace(/\.\d{3}Z$/, "").replace(/[-:]/g, "").replace("T", "-").toLowerCase();
}
function siteRoot(raw2) {
  const parts = raw2.split(/[/\\]+/).filter((part) => part !== "" && part !== ".");
  if (parts.some((part) => part === "..")) {
    throw new UserError(
      `The site path "${raw2}" would point outside the site; use a folder such as "ota".`
    );
  }
  if (parts.some((part) => asciiSlug(part) !== part)) {
    throw new UserError(
      `The site path "${raw2}" must use only lowercase letters, digits, "-", "." and "_" in each folder name.`
    );
  }
  return parts.join("/");
}
function sitePath(...parts) {
  return parts.filter((part) => part !== "").join("/");
}
function channelDir(root, channel) {
  return sitePath(siteRoot(root), channelSlug(channel));
}
function buildDir(root, channel, buildId) {
  return sitePath(siteRoot(root), channelSlug(channel), buildIdSlug(buildId));
}
function ipaFileName(appName) {
  const slug = asciiSlug(appName).slice(0, MAX_SLUG_LENGTH).replace(/[-.]+$/, "");
  return `${slug || "app"}.ipa`;
}
function isSlug(value) {
  return value !== "" && value.length <= MAX_SLUG_LENGTH && asciiSlug(value) === value;
}

// src/ota/html.ts
import { createHash as createHash2 } from "node:crypto";
var HTML_ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
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
  return `'sha256-${createHash2("sha256").update(source, "utf8").digest("base64")}'`;
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

// src/ota/page.ts
var PROFILE_LABELS = {
  development: "Development",
  "ad-hoc": "Ad Hoc",
  enterprise: "Enterprise (in-house)",
  "app-store": "App Store"
};
var CSS = `
header { display: flex; gap: 1rem; align-items: center; margin-top: .5rem; }
header img { width: 72px; height: 72px; border-radius: 16px; flex: none; }
header p { margin: .15rem 0 0; }
#desktop { text-align: center; }
#desktop img { width: 240px; height: 240px; max-width: 100%; background: #fff; border-radius: 8px; }
.notes { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.files { font-size: .9rem; }
`;
var SCRIPT = `(function () {
  var ua = navigator.userAgent;
  var ipadAsMac = /Macintosh/.test(ua) && navigator.maxTouchPoints > 1;
  var ios = /iPhone|iPad|iPod/.test(ua) || ipadAsMac;
  var inApp = /FBAN|FBAV|FB_IAB|Instagram|LinkedInApp|MicroMessenger|Telegram|\\bLine\\/|Snapchat|musical_ly|BytedanceWebview/.test(ua);
  var mode = !ios ? 'desktop' : inApp ? 'in-app' : 'ios';
  document.documentElement.setAttribute('data-device', mode);
  function show(id, visible) {
    var element = document.getElementById(id);
    if (element) element.hidden = !visible;
  }
  // A profile that expired after publishing: the same banner as a build published unusable.
  var expiredBanner = document.getElementById('expired');
  var expired = false;
  if (expiredBanner) {
    expired = new Date(expiredBanner.getAttribute('data-until')).getTime() < Date.now();
    expiredBanner.hidden = !expired;
  }
  show('install', mode === 'ios' && !expired);
  show('in-app', mode === 'in-app' && !expired);
  show('desktop', mode === 'desktop' && !expired);
  var copy = document.getElementById('copy-link');
  if (copy) {
    copy.addEventListener('click', function () {
      var done = function (text) { copy.textContent = text; };
      if (!navigator.clipboard) return done('Copy the address from the address bar');
      navigator.clipboard.writeText(location.href).then(
        function () { done('Link copied: paste it in Safari'); },
        function () { done('Copy the address from the address bar'); }
      );
    });
  }
  document.querySelectorAll('time[datetime]').forEach(function (element) {
    var date = new Date(element.getAttribute('datetime'));
    if (!isNaN(date.getTime())) element.textContent = date.toLocaleString();
  });
  document.querySelectorAll('[data-expires]').forEach(function (element) {
    var expires = new Date(element.getAttribute('data-expires')).getTime();
    if (expires < Date.now()) element.hidden = false;
  });
  // This page never changes once published; the channel's latest.json, rewritten on every
  // publish, says whether a newer build exists. Only a checked build id reaches the link.
  var newer = document.getElementById('newer');
  if (newer && window.fetch) {
    fetch('../latest.json', { cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (latest) {
        if (!latest || typeof latest.buildId !== 'string' || !/^[a-z0-9._-]+$/.test(latest.buildId)) return;
        if (latest.buildId === newer.getAttribute('data-build-id')) return;
        if (!(Date.parse(latest.createdAt) > Date.parse(newer.getAttribute('data-created')))) return;
        var link = document.getElementById('newer-link');
        link.href = '../' + latest.buildId + '/index.html';
        link.textContent = 'Newer build available: ' + String(latest.version) + ' (' + String(latest.build) + ') \u203A';
        newer.hidden = false;
      })
      .catch(function () {});
  }
})();
`;
function repositoryUrl(source) {
  if (source.repository === void 0) return void 0;
  const path = source.repository.split("/").map(encodeURIComponent).join("/");
  return `${source.serverUrl.replace(/\/+$/, "")}/${path}`;
}
var row = (term, value) => html`<dt>${term}</dt><dd>${value}</dd>`;
function sourceRows(source, createdAt) {
  const repo = repositoryUrl(source);
  const rows = [];
  if (source.repository !== void 0) {
    rows.push(row("Repository", linkOrText(source.repository, repo)));
  }
  if (source.pr !== void 0) {
    const url = repo === void 0 ? void 0 : `${repo}/pull/${source.pr}`;
    rows.push(row("Pull request", linkOrText(`#${source.pr}`, url)));
  }
  if (source.ref !== void 0) {
    const label = source.refType === "tag" ? "Tag" : "Branch";
    const url = repo === void 0 ? void 0 : `${repo}/tree/${source.ref.split("/").map(encodeURIComponent).join("/")}`;
    rows.push(row(label, linkOrText(source.ref, url)));
  }
  if (source.sha !== void 0) {
    const validSha = /^[0-9a-f]{7,64}$/i.test(source.sha);
    const url = repo === void 0 || !validSha ? void 0 : `${repo}/commit/${source.sha}`;
    rows.push(row("Commit", html`<code>${linkOrText(source.sha.slice(0, 7), url)}</code>`));
  }
  if (source.runId !== void 0) {
    const label = `${source.workflow ?? "Workflow"}${source.runNumber === void 0 ? "" : ` #${source.runNumber}`}`;
    const url = repo === void 0 || !/^\d+$/.test(source.runId) ? void 0 : `${repo}/actions/runs/${source.runId}`;
    rows.push(row("Workflow run", linkOrText(label, url)));
  }
  if (source.actor !== void 0) rows.push(row("By", source.actor));
  rows.push(row("Built", html`<time datetime="${createdAt}">${formatUtc(createdAt)}</time>`));
  return rows;
}
var DEVELOPER_MODE = "Developer Mode (iOS 16 or later): Settings \u203A Privacy & Security \u203A Developer Mode, then restart the device.";
function profileAdvice(record) {
  const profile = record.profile;
  if (profile === void 0) {
    return html`<p class="note">This build carries no provisioning profile, so no device can install it. Sign it with an ad hoc, development or enterprise profile.</p>`;
  }
  const devices = `${profile.devices} registered device${profile.devices === 1 ? "" : "s"}`;
  switch (profile.type) {
    case "development":
      return html`<p class="note">Only the ${devices} of the provisioning profile can install this development build. Turn on ${DEVELOPER_MODE}</p>`;
    case "ad-hoc":
      return html`<p class="note">Only the ${devices} of the provisioning profile can install this ad hoc build. If iOS says the app needs it, turn on ${DEVELOPER_MODE}</p>`;
    case "enterprise": {
      const team = profile.teamName ?? "the developer";
      return html`<p class="note">After installing, trust the developer before the first launch: Settings › General › VPN &amp; Device Management › ${team} › Trust.</p>`;
    }
    case "app-store":
      return html`<p class="note">This build is signed for the App Store and cannot be installed from this page; upload it to TestFlight instead.</p>`;
  }
}
function profileRows(record) {
  const profile = record.profile;
  if (profile === void 0) return [row("Profile", "none")];
  const { expires } = profile;
  const rows = [
    row(
      "Profile",
      `${PROFILE_LABELS[profile.type]}${profile.name === "" ? "" : ` \xB7 ${profile.name}`}`
    ),
    row(
      "Expires",
      html`<time datetime="${expires}">${formatUtc(expires)}</time> · ${publishedExpiry(record)} <strong data-expires="${expires}" hidden>(expired)</strong>`
    ),
    row("Devices", profile.provisionsAllDevices ? "any device" : String(profile.devices))
  ];
  if (profile.teamName !== void 0) rows.push(row("Team", profile.teamName));
  return rows;
}
function publishedExpiry(record) {
  const expires = record.profile?.expires;
  if (expires === void 0) return "";
  return `${expiryText(expires, new Date(record.createdAt))} (as of publishing)`;
}
function blockersOf(record) {
  const blockers = record.blockers;
  return Array.isArray(blockers) ? blockers.filter((each) => typeof each === "string") : [];
}
function banner(record, blockers) {
  if (blockers.length > 0) {
    return html`<section id="blocked" class="banner" role="alert"><h2>This build cannot be installed</h2><ul>${blockers.map((reason) => html`<li>${reason}</li>`)}</ul></section>\n`;
  }
  const expires = record.profile?.expires;
  if (expires === void 0) return "";
  return html`<section id="expired" class="banner" role="alert" data-until="${expires}" hidden><h2>This build cannot be installed</h2><p>Its provisioning profile expired on <time datetime="${expires}">${formatUtc(expires)}</time>, so iOS refuses to install it. Look for a newer build of this channel, or ask for one: the profile must be renewed and the app exported again.</p></section>\n`;
}
function navigation(record) {
  return html`<nav class="crumbs"><a id="channel-link" href="../index.html">All builds of ${record.channel}</a> · <a href="../../index.html">All channels</a></nav>
<p id="newer" class="newer" data-build-id="${record.buildId}" data-created="${record.createdAt}" hidden><a id="newer-link" href="../index.html">Newer build available ›</a></p>\n`;
}
function installBlock(input) {
  const qrSubject = input.qr === "page" ? "this page" : "the install link";
  return html`<div id="install"><a id="install-button" class="button" href="${input.record.urls.install}">Install</a></div>
<div id="in-app" hidden><p><strong>Open this page in Safari to install.</strong> Apps cannot be installed from this app's built-in browser: tap the ••• or share button and choose “Open in Safari”.</p><button id="copy-link" class="button" type="button">Copy link</button></div>
<div id="desktop"><p>Scan this code with the camera of your iPhone or iPad to install.</p><img src="${input.files.qrImage}" alt="QR code of ${qrSubject}" width="240" height="240"></div>\n`;
}
function renderPage(input) {
  const { record, title, files } = input;
  const { app } = record;
  const blockers = blockersOf(record);
  const version = `Version ${app.version} (${app.build})`;
  const icon = input.hasIcon ? html`<img src="icon.png" alt="" width="72" height="72">` : "";
  const appRows = [
    row("Bundle ID", html`<code>${app.bundleId}</code>`),
    row("Version", `${app.version} (${app.build})`),
    row("Size", formatBytes(app.ipaSize))
  ];
  if (app.minimumOsVersion !== void 0) {
    appRows.push(row("Requires", `iOS ${app.minimumOsVersion} or later`));
  }
  const notes = record.notes === void 0 || record.notes.trim() === "" ? "" : html`<section class="card"><h2>Release notes</h2><p class="notes">${record.notes}</p></section>`;
  const body = html`${navigation(record)}${banner(record, blockers)}<header>${icon}<div><h1>${title}</h1><p class="muted">${version}</p></div></header>
${blockers.length > 0 ? "" : html`<section class="card">\n${installBlock(input)}${profileAdvice(record)}\n</section>\n`}${notes}
${input.extra}<section class="card"><h2>App</h2><dl>${appRows}</dl></section>
<section class="card"><h2>Provisioning</h2><dl>${profileRows(record)}</dl></section>
<section class="card"><h2>Source</h2><dl>${sourceRows(record.source, record.createdAt)}</dl></section>
<p class="files muted"><a href="${files.ipa}">IPA</a> · <a href="${files.manifest}">manifest</a> · <a href="build.json">build.json</a></p>`;
  const head = input.hasIcon ? raw('<link rel="icon" href="icon.png">\n<link rel="apple-touch-icon" href="icon.png">') : void 0;
  return renderDocument({
    title: `Install ${title} ${app.version} (${app.build})`,
    body,
    css: CSS,
    script: SCRIPT,
    fetchesSite: true,
    ...head === void 0 ? {} : { head }
  });
}

// src/ota/indexes.ts
var CSS2 = `
.title { font-weight: 600; }
.actions { display: flex; gap: 1rem; margin-top: .25rem; }
.app { display: flex; gap: .75rem; align-items: center; }
.app img { width: 48px; height: 48px; border-radius: 11px; flex: none; }
.latest header { display: flex; gap: 1rem; align-items: center; margin-bottom: .75rem; }
.latest header img { width: 64px; height: 64px; border-radius: 14px; flex: none; }
.latest header p { margin: 0; }
.latest h2 { color: inherit; text-transform: none; letter-spacing: 0; font-size: 1.2rem; margin: 0; }
#desktop { text-align: center; }
#desktop img { width: 200px; height: 200px; max-width: 100%; background: #fff; border-radius: 8px; }
`;
var SCRIPT2 = `(function () {
  var ua = navigator.userAgent;
  var ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  var now = Date.now();
  var expired = function (element) {
    var until = element && element.getAttribute('data-until');
    return until ? new Date(until).getTime() < now : false;
  };
  var banner = document.getElementById('expired');
  var gone = expired(banner);
  if (banner) banner.hidden = !gone;
  var install = document.getElementById('install');
  var desktop = document.getElementById('desktop');
  if (install) install.hidden = !ios || gone;
  if (desktop) desktop.hidden = ios || gone;
  document.querySelectorAll('a.install[data-until]').forEach(function (link) {
    if (expired(link)) link.hidden = true;
  });
  document.querySelectorAll('time[datetime]').forEach(function (element) {
    var date = new Date(element.getAttribute('datetime'));
    if (!isNaN(date.getTime())) element.textContent = date.toLocaleString();
  });
})();
`;
var INSTALL_SCHEME = "itms-services://";
function newestFirst(a, b) {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return b.buildId.localeCompare(a.buildId, "en", { numeric: true });
}
function hasSafePath(record) {
  return isSlug(record.channel) && isSlug(record.buildId);
}
function groupByChannel(records) {
  const sorted = records.filter(hasSafePath).sort(newestFirst);
  const channels = /* @__PURE__ */ new Map();
  for (const record of sorted) {
    const builds = channels.get(record.channel) ?? [];
    builds.push(record);
    channels.set(record.channel, builds);
  }
  return channels;
}
function siteFile(path, text, contentType) {
  const content = Buffer.from(text, "utf8");
  return { path, content, size: content.length, contentType, immutable: false };
}
var htmlFile = (path, page) => siteFile(path, page, "text/html; charset=utf-8");
function installable(record) {
  return record.urls.install.startsWith(INSTALL_SCHEME) && blockersOf(record).length === 0;
}
var folder = (record) => encodeURIComponent(record.buildId);
var when = (record) => html`<time datetime="${record.createdAt}">${formatUtc(record.createdAt)}</time>`;
var expiry = (record) => record.profile === void 0 ? "" : ` \xB7 profile ${publishedExpiry(record)}`;
function latestCard(record) {
  const { app } = record;
  const dir = folder(record);
  const icon = record.urls.icon === void 0 ? "" : html`<img src="${dir}/icon.png" alt="">`;
  const blockers = blockersOf(record);
  const expires = record.profile?.expires;
  const banner2 = blockers.length > 0 ? html`<section class="banner" role="alert"><h2>The newest build cannot be installed</h2><ul>${blockers.map((reason) => html`<li>${reason}</li>`)}</ul></section>\n` : expires === void 0 ? "" : html`<section id="expired" class="banner" role="alert" data-until="${expires}" hidden><h2>The newest build cannot be installed</h2><p>Its provisioning profile has expired: ask for a new build.</p></section>\n`;
  const actions = installable(record) ? html`<div id="install"><a id="install-button" class="button" href="${record.urls.install}">Install</a></div>
<div id="desktop"><p>Scan this code with the camera of your iPhone or iPad to install.</p><img src="${dir}/qr.svg" alt="QR code of the newest build" width="200" height="200"></div>\n` : "";
  return html`<section class="card latest"><header>${icon}<div><p class="muted">Newest build</p><h2>${app.name} ${app.version} (${app.build})</h2><div class="muted">Build ${record.buildId} · ${when(record)}${expiry(record)}</div></div></header>
${banner2}${actions}<p><a href="${dir}/index.html">Details</a></p></section>`;
}
function channelPage(channel, builds) {
  const [latest, ...earlier] = builds;
  const items = earlier.map((record) => {
    const { app } = record;
    const install = installable(record) ? html`<a class="install" href="${record.urls.install}" data-until="${record.profile?.expires}">Install</a>` : "";
    return html`<li><div class="title">${app.name} ${app.version} (${app.build})</div>
<div class="muted">Build ${record.buildId} · ${when(record)}${expiry(record)}</div>
<div class="actions">${install}<a href="${folder(record)}/index.html">Details</a></div></li>\n`;
  });
  const list = items.length === 0 ? "" : html`<section class="card"><h2>Earlier builds</h2><ul class="list">\n${items}</ul></section>`;
  const body = html`<p class="crumbs"><a href="../index.html">All channels</a></p>
<h1>${channel}</h1>
<p class="muted">This page always shows the newest build of ${channel} first: bookmark it.</p>
${latest === void 0 ? "" : latestCard(latest)}
${list}`;
  return renderDocument({ title: `Builds of ${channel}`, body, css: CSS2, script: SCRIPT2 });
}
function rootPage(channels) {
  const items = [...channels].map(([channel, builds]) => {
    const latest = builds[0];
    const dir = encodeURIComponent(channel);
    const count = `${builds.length} build${builds.length === 1 ? "" : "s"}`;
    const icon = latest.urls.icon === void 0 ? "" : html`<img src="${dir}/${folder(latest)}/icon.png" alt="" width="48" height="48">`;
    const { app } = latest;
    return html`<li class="app">${icon}<div><a class="title" href="${dir}/index.html">${channel}</a>
<div>${app.name} ${app.version} (${app.build})</div>
<div class="muted">${count} · latest ${when(latest)}${expiry(latest)}</div></div></li>\n`;
  });
  const list = items.length === 0 ? html`<p class="muted">No builds yet.</p>` : html`<ul class="list">\n${items}</ul>`;
  return renderDocument({
    title: "Builds",
    body: html`<h1>Builds</h1>\n<section class="card">${list}</section>`,
    css: CSS2,
    script: TIMES_SCRIPT
  });
}
var TIMES_SCRIPT = `document.querySelectorAll('time[datetime]').forEach(function (element) {
  var date = new Date(element.getAttribute('datetime'));
  if (!isNaN(date.getTime())) element.textContent = date.toLocaleString();
});
`;
function latestJson(latest) {
  const { buildId, createdAt, app } = latest;
  const summary = { schema: 1, buildId, createdAt, version: app.version, build: app.build };
  return `${JSON.stringify(summary)}
`;
}
function renderIndexes(root, records) {
  const base = siteRoot(root);
  const channels = groupByChannel(records);
  const files = [htmlFile(sitePath(base, "index.html"), rootPage(channels))];
  for (const [channel, builds] of channels) {
    files.push(htmlFile(sitePath(base, channel, "index.html"), channelPage(channel, builds)));
    files.push(
      siteFile(sitePath(base, channel, "latest.json"), latestJson(builds[0]), "application/json")
    );
  }
  return files;
}

// src/ota/compare.ts
function findBase(current, head, channel) {
  return current.filter(
    (record) => hasSafePath(record) && record.channel === channel && record.app.bundleId === head.app.bundleId && !(record.channel === head.channel && record.buildId === head.buildId)
  ).sort(newestFirst)[0];
}
function compareBuilds(baseName, base, head) {
  const comparison = {
    base: { name: baseName, version: base.app.version, build: base.app.build },
    ipaSize: sizeChange(base.app.ipaSize, head.app.ipaSize)
  };
  const [a, b] = [base.app, head.app];
  if (a.installedSize !== void 0 && b.installedSize !== void 0) {
    comparison.installedSize = sizeChange(a.installedSize, b.installedSize);
  }
  if (a.version !== b.version || a.build !== b.build) {
    comparison.version = { before: `${a.version} (${a.build})`, after: `${b.version} (${b.build})` };
  }
  if (a.minimumOsVersion !== void 0 && b.minimumOsVersion !== void 0 && a.minimumOsVersion !== b.minimumOsVersion) {
    comparison.minimumOs = { before: a.minimumOsVersion, after: b.minimumOsVersion };
  }
  const familyNames = (families) => families.map(familyName);
  setList(comparison, "deviceFamilies", a.deviceFamilies, b.deviceFamilies, familyNames);
  if (a.usageDescriptions !== void 0 && b.usageDescriptions !== void 0) {
    const permissions = permissionChanges(a.usageDescriptions, b.usageDescriptions);
    if (permissions) comparison.permissions = permissions;
  }
  setList(comparison, "urlSchemes", a.urlSchemes, b.urlSchemes);
  if (a.components !== void 0 && b.components !== void 0) {
    const changed = componentChanges(a.components, b.components);
    if (changed.length > 0) comparison.components = changed;
    const named = (kinds) => (components) => components.filter((c) => kinds.includes(c.kind)).map((c) => c.name);
    setList(comparison, "frameworks", a.components, b.components, named(["framework"]));
    setList(comparison, "extensions", a.components, b.components, named(["extension", "watch"]));
  }
  setList(comparison, "entitlements", base.profile?.entitlements, head.profile?.entitlements);
  const profile = profileChanges(base.profile, head.profile);
  if (profile) comparison.profile = profile;
  return comparison;
}
function sizeChange(before, after) {
  const delta = after - before;
  return before > 0 ? { before, after, delta, percent: delta / before * 100 } : { before, after, delta };
}
function familyName(family) {
  return DEVICE_FAMILIES[family] ?? `family ${family}`;
}
function setList(comparison, key, before, after, names = (value) => value) {
  if (before === void 0 || after === void 0) return;
  const [old, now] = [new Set(names(before)), new Set(names(after))];
  const added = [...now].filter((name) => !old.has(name)).sort();
  const removed = [...old].filter((name) => !now.has(name)).sort();
  if (added.length > 0 || removed.length > 0) comparison[key] = { added, removed };
}
function permissionChanges(before, after) {
  const keys = (record) => Object.keys(record).sort();
  const added = keys(after).filter((key) => !Object.hasOwn(before, key)).map((key) => ({ key, text: after[key] }));
  const removed = keys(before).filter((key) => !Object.hasOwn(after, key)).map((key) => ({ key, text: before[key] }));
  const reworded = keys(after).filter((key) => Object.hasOwn(before, key) && before[key] !== after[key]).map((key) => ({ key, before: before[key], after: after[key] }));
  return added.length + removed.length + reworded.length > 0 ? { added, removed, reworded } : void 0;
}
function componentChanges(before, after) {
  const key = (c) => `${c.kind}/${c.name}`;
  const old = new Map(before.map((c) => [key(c), c]));
  const now = new Map(after.map((c) => [key(c), c]));
  const changes = [];
  for (const id of /* @__PURE__ */ new Set([...old.keys(), ...now.keys()])) {
    const [a, b] = [old.get(id), now.get(id)];
    const { kind, name } = b ?? a;
    const installed = sizeChange(a?.installed ?? 0, b?.installed ?? 0);
    const compressed = sizeChange(a?.compressed ?? 0, b?.compressed ?? 0);
    if (installed.delta !== 0 || compressed.delta !== 0) {
      changes.push({ kind, name, installed, compressed });
    }
  }
  return changes.sort(
    (x, y) => Math.abs(y.installed.delta) - Math.abs(x.installed.delta) || x.name.localeCompare(y.name)
  );
}
function profileChanges(before, after) {
  if (before === void 0 || after === void 0) return void 0;
  const changes = {};
  if (before.type !== after.type) changes.type = { before: before.type, after: after.type };
  if (formatDate(before.expires) !== formatDate(after.expires)) {
    changes.expires = { before: formatDate(before.expires), after: formatDate(after.expires) };
  }
  const count = (p) => p.provisionsAllDevices ? -1 : p.devices;
  if (count(before) !== count(after) && !after.provisionsAllDevices && !before.provisionsAllDevices) {
    changes.devices = { before: before.devices, after: after.devices };
  }
  return Object.keys(changes).length > 0 ? changes : void 0;
}
function formatDelta(change) {
  if (change.delta === 0) return "no change";
  const percent = formatPercent(change);
  return `${signedBytes(change)}${percent === "" ? "" : `, ${percent}`}`;
}
function signedBytes(change) {
  return `${change.delta < 0 ? "\u2212" : "+"}${formatBytes(Math.abs(change.delta))}`;
}
function formatPercent(change) {
  if (change.percent === void 0 || change.delta === 0) return "";
  return `${change.delta < 0 ? "\u2212" : "+"}${Math.abs(change.percent).toFixed(1)}%`;
}
function moverText(change) {
  const { installed, compressed } = change;
  const what = installed.before === 0 ? "added, " : installed.after === 0 ? "removed, " : "";
  const percent = what === "" ? formatPercent(installed) : "";
  return `${change.name} (${change.kind}): ${what}installed ${signedBytes(installed)}${percent === "" ? "" : ` (${percent})`}, download ${signedBytes(compressed)}`;
}
function describeChanges(comparison) {
  const { base } = comparison;
  const lines = [];
  const add = (label, text) => lines.push({ label, text });
  const size = `${formatBytes(comparison.ipaSize.after)} (${formatDelta(comparison.ipaSize)})`;
  const installed = comparison.installedSize ? ` \xB7 installed ${formatBytes(comparison.installedSize.after)} (${formatDelta(comparison.installedSize)})` : "";
  add("Size", `${size}${installed}`);
  if (comparison.version)
    add("Version", `${comparison.version.before} \u2192 ${comparison.version.after}`);
  if (comparison.minimumOs) {
    add("Minimum iOS", `${comparison.minimumOs.before} \u2192 ${comparison.minimumOs.after}`);
  }
  listLines(add, "Devices", comparison.deviceFamilies);
  const permissions = comparison.permissions;
  for (const { key, text } of permissions?.added ?? []) add("Permission added", `${key}: \u201C${text}\u201D`);
  for (const { key, before, after } of permissions?.reworded ?? []) {
    add("Permission reworded", `${key}: \u201C${before}\u201D \u2192 \u201C${after}\u201D`);
  }
  for (const { key, text } of permissions?.removed ?? []) {
    add("Permission removed", `${key}: \u201C${text}\u201D`);
  }
  listLines(add, "Entitlements", comparison.entitlements);
  listLines(add, "URL schemes", comparison.urlSchemes);
  listLines(add, "Frameworks", comparison.frameworks);
  listLines(add, "Extensions", comparison.extensions);
  const profile = comparison.profile;
  if (profile) {
    const parts = [
      profile.type && `${profile.type.before} \u2192 ${profile.type.after}`,
      profile.expires && `expires ${profile.expires.before} \u2192 ${profile.expires.after}`,
      profile.devices && `${profile.devices.before} \u2192 ${profile.devices.after} devices`
    ].filter((part) => typeof part === "string");
    add("Profile", parts.join("; "));
  }
  const movers = (comparison.components ?? []).map(moverText);
  return {
    title: `Changes since ${base.name} ${base.version} (${base.build})`,
    lines,
    movers
  };
}
function listLines(add, label, change) {
  if (change === void 0) return;
  if (change.added.length > 0) add(`${label} added`, change.added.join(", "));
  if (change.removed.length > 0) add(`${label} removed`, change.removed.join(", "));
}
function changesSince(current, head, channel) {
  const record = findBase(current, head, channel);
  return {
    channel,
    ownChannel: head.channel,
    ...record === void 0 ? {} : { base: { record, comparison: compareBuilds(record.channel, record, head) } }
  };
}
function noBaseText(changes) {
  return changes.channel === changes.ownChannel ? "first build of this channel" : `no build of ${changes.channel} to compare with`;
}

// src/ota/facts.ts
function buildFacts(info, title) {
  const { app, profile } = info;
  return {
    app: {
      bundleId: app.bundleId,
      version: app.version,
      build: app.build,
      // The name as shown everywhere: the title input, else the app's display name.
      name: title?.trim() || app.name,
      ...app.minimumOsVersion === void 0 ? {} : { minimumOsVersion: app.minimumOsVersion },
      ...app.platform === void 0 ? {} : { platform: app.platform },
      ipaSize: info.file.size,
      ...info.file.sha256 === void 0 ? {} : { sha256: info.file.sha256 },
      installedSize: info.installedSize,
      deviceFamilies: app.deviceFamilies,
      components: info.components,
      usageDescriptions: app.usageDescriptions,
      urlSchemes: app.urlSchemes
    },
    ...profile === void 0 ? {} : {
      profile: {
        type: profile.type,
        name: profile.name,
        ...profile.teamName === void 0 ? {} : { teamName: profile.teamName },
        ...profile.teamId === void 0 ? {} : { teamId: profile.teamId },
        expires: profile.expires.toISOString(),
        devices: profile.devices.length,
        provisionsAllDevices: profile.provisionsAllDevices,
        entitlements: profile.entitlements
      }
    }
  };
}

export {
  html,
  renderPage,
  channelSlug,
  buildIdSlug,
  defaultBuildId,
  siteRoot,
  sitePath,
  channelDir,
  buildDir,
  ipaFileName,
  newestFirst,
  hasSafePath,
  groupByChannel,
  renderIndexes,
  compareBuilds,
  describeChanges,
  changesSince,
  noBaseText,
  buildFacts
};
