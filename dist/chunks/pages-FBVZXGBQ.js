import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  FINAL_STATUSES,
  explainDeployError,
  ghesError,
  idTokenError,
  isGhes,
  isInProgress
} from "./chunk-AMHXIDJS.js";
import {
  explainGitHubError
} from "./chunk-YKE37VTB.js";
import "./chunk-UOO3K7Q7.js";
import {
  backoffMs,
  defaultSleep
} from "./chunk-VFZOGO6E.js";
import {
  probe
} from "./chunk-SHOERPQ2.js";
import {
  formatBytes,
  formatMiB
} from "./chunk-MMFUUSFF.js";
import {
  onCancel
} from "./chunk-FFMVIN2M.js";
import {
  siteUrl
} from "./chunk-PVM3KEWV.js";
import {
  parseBuildRecord
} from "./chunk-QZ3GCPB3.js";
import "./chunk-6XT4FEKW.js";
import {
  getIDToken,
  info,
  setSecret,
  warning
} from "./chunk-P5LV7Z3P.js";
import {
  UserError
} from "./chunk-6P6ZSRAO.js";
import "./chunk-6DG7BXTN.js";

// src/hosts/pages/git.ts
import { spawn } from "node:child_process";
import { devNull } from "node:os";
var INHERITED_ENV = [
  "PATH",
  "HOME",
  "USERPROFILE",
  "SystemRoot",
  "TEMP",
  "TMP",
  "TMPDIR",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "GIT_SSL_CAINFO",
  "GIT_SSL_CAPATH",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR"
];
var DEFAULT_GIT_LIMITS = {
  lowSpeedBytesPerSecond: 1e3,
  lowSpeedSeconds: 60,
  timeoutMs: 20 * 6e4
};
var GitError = class extends Error {
  constructor(message, exitCode, stderr, stdout) {
    super(message);
    this.exitCode = exitCode;
    this.stderr = stderr;
    this.stdout = stdout;
  }
  exitCode;
  stderr;
  stdout;
  name = "GitError";
};
function basicAuthorization(token) {
  return `basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
}
function gitAuthEnv(token, remoteUrl) {
  const { origin } = new URL(remoteUrl);
  const config = [
    ["credential.helper", ""],
    [`http.${origin}/.extraheader`, `AUTHORIZATION: ${basicAuthorization(token)}`]
  ];
  const env = { GIT_CONFIG_COUNT: String(config.length) };
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}
function gitEnv(options, limits) {
  const baseEnv = {};
  for (const name of INHERITED_ENV) {
    const value = process.env[name];
    if (value !== void 0) baseEnv[name] = value;
  }
  Object.assign(baseEnv, {
    // English messages: failures are recognised by their text.
    LC_ALL: "C",
    GIT_TERMINAL_PROMPT: "0",
    // Nothing of the runner's git configuration applies: a global url.insteadOf, core.hooksPath,
    // credential helper or signing setting would redirect, break or leak the push.
    GIT_CONFIG_GLOBAL: devNull,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_DIR: options.gitDir,
    GIT_HTTP_LOW_SPEED_LIMIT: String(limits.lowSpeedBytesPerSecond),
    GIT_HTTP_LOW_SPEED_TIME: String(limits.lowSpeedSeconds),
    ...options.env
  });
  return baseEnv;
}
function createGit(options) {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length > 0);
  const scrub = (text) => secrets.reduce((result, secret) => result.split(secret).join("***"), text);
  const limits = options.limits ?? DEFAULT_GIT_LIMITS;
  const baseEnv = gitEnv(options, limits);
  const run = (args, runOptions = {}) => new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: options.gitDir,
      env: { ...baseEnv, ...runOptions.env },
      stdio: ["pipe", "pipe", "pipe"],
      // Its own process group, so the kill timer also ends git's remote helper (git-remote-http).
      detached: process.platform !== "win32"
    });
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      killTree(child.pid);
    }, limits.timeoutMs);
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.stdin.on("error", () => void 0);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(
        new GitError(scrub(`git ${args[0]} could not start: ${error.message}`), null, "", "")
      );
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const out = Buffer.concat(stdout);
      if (code === 0 && !killed) return resolve(out);
      if (killed) {
        const message2 = `git ${args[0]} was stopped after ${Math.round(limits.timeoutMs / 1e3)} s without finishing`;
        return reject(new GitError(message2, code, `stalled: ${message2}`, ""));
      }
      const err = scrub(Buffer.concat(stderr).toString("utf8")).trim();
      const message = `git ${scrub(args.join(" "))} failed (exit ${code})${err ? `: ${err}` : ""}`;
      reject(new GitError(message, code, err, scrub(out.toString("utf8"))));
    });
    child.stdin.end(runOptions.input ?? "");
  });
  return {
    run,
    text: async (args, runOptions) => (await run(args, runOptions)).toString("utf8").trim(),
    scrub
  };
}
function killTree(pid) {
  if (pid === void 0) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
  }
}

// src/hosts/pages/deploy.ts
import { randomBytes } from "node:crypto";

// src/hosts/pages/deploy-branch.ts
import { mkdir as mkdir2, rm as rm2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/hosts/pages/session.ts
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/hosts/pages/tree.ts
var MAX_FILE_BYTES = 100 * 1024 * 1024;
var WARN_FILE_BYTES = 50 * 1024 * 1024;
function parseLsTree(output) {
  return output.toString("utf8").split("\0").filter((record) => record.length > 0).map((record) => {
    const tab = record.indexOf("	");
    const [mode = "", type = "", oid = ""] = record.slice(0, tab).split(" ");
    return { mode, type, oid, path: record.slice(tab + 1) };
  });
}
function parseCatFileBatch(output) {
  const contents = /* @__PURE__ */ new Map();
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(10, offset);
    if (newline < 0) break;
    const [oid = "", type = "", size = ""] = output.subarray(offset, newline).toString("utf8").split(" ");
    offset = newline + 1;
    if (type === "missing" || type === "") continue;
    const length = Number(size);
    contents.set(oid, output.subarray(offset, offset + length));
    offset += length + 1;
  }
  return contents;
}
function sourceDir(sourcePath) {
  return (sourcePath ?? "/").replace(/^\/+|\/+$/g, "");
}
function branchPath(dir, sitePath) {
  return dir ? `${dir}/${sitePath}` : sitePath;
}
function assertSitePath(path) {
  const segments = path.split("/");
  if (path.includes("\\") || path.includes("\0") || segments.some((segment) => segment === "" || segment === "." || segment === "..")) {
    throw new Error(`Invalid site path "${path}" in the publish plan`);
  }
}
function buildRecordEntries(entries, dir, root) {
  const prefix = [dir, root].filter(Boolean).join("/");
  const depth = prefix ? prefix.split("/").length : 0;
  return entries.filter((entry) => {
    if (entry.type !== "blob") return false;
    if (prefix && !entry.path.startsWith(`${prefix}/`)) return false;
    const rest = entry.path.split("/").slice(depth);
    return rest.length === 3 && rest[2] === "build.json";
  });
}
function pathsUnder(entries, dirs) {
  return entries.filter((entry) => dirs.some((dir) => entry.path.startsWith(`${dir}/`))).map((entry) => entry.path);
}
function checkFileSizes(files) {
  const tooLarge = files.find((file) => file.size >= MAX_FILE_BYTES);
  if (tooLarge) {
    throw new UserError(
      `${tooLarge.path} is ${formatMiB(tooLarge.size)}, but GitHub refuses files of 100 MiB or more in a push: make the build smaller or publish with \`host: s3\`, which takes any size.`
    );
  }
  return files.filter((file) => file.size >= WARN_FILE_BYTES).map(
    (file) => `${file.path} is ${formatMiB(file.size)}; GitHub warns about files over 50 MiB and refuses them from 100 MiB (\`host: s3\` takes any size).`
  );
}
function remoteReasons(output) {
  return output.split("\n").filter((line) => line.startsWith("remote:")).map(
    (line) => line.slice("remote:".length).trim().replace(/^(error:\s*|-\s+)/i, "")
  ).filter((line) => line !== "" && !/^review all repository rules/i.test(line)).join(" ");
}
function classifyGitFailure(output) {
  const text = output.toLowerCase();
  if (/couldn't find remote ref/.test(text)) return "missing-branch";
  if (/must have verified signatures|commits must be signed/.test(text)) return "unsigned";
  if (/\bgh013\b|repository rule violations/.test(text)) return "ruleset";
  if (/\bgh006\b|protected branch hook declined|protected branch update failed/.test(text))
    return "protected";
  if (/permission to .* denied|write access to repository not granted|returned error: 403|error: 403/.test(
    text
  )) {
    return "permission";
  }
  if (/authentication failed|could not read username|returned error: 401|invalid username/.test(text)) {
    return "auth";
  }
  if (/repository '.*' not found|repository not found|returned error: 404|does not appear to be a git repository/.test(
    text
  )) {
    return "not-found";
  }
  if (/\[rejected\]|fetch first|non-fast-forward|stale info|cannot lock ref|failed to lock|failed to update ref|incorrect old value/.test(
    text
  )) {
    return "race";
  }
  if (/operation too slow|^stalled: /m.test(text)) return "stalled";
  if (/rpc failed|early eof|hung up unexpectedly|unexpected disconnect|empty reply from server|connection reset|connection refused|couldn't connect|could not resolve host|timed out|transfer closed|returned error: 5\d\d|broken pipe|http\/2 stream/.test(
    text
  )) {
    return "transient";
  }
  return "other";
}

// src/hosts/pages/session.ts
var BOT = {
  GIT_AUTHOR_NAME: "github-actions[bot]",
  GIT_AUTHOR_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com",
  GIT_COMMITTER_NAME: "github-actions[bot]",
  GIT_COMMITTER_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com"
};
var REGULAR_FILE = "100644";
var UpdateSession = class {
  constructor(git, work, branch, dir, history) {
    this.git = git;
    this.work = work;
    this.branch = branch;
    this.dir = dir;
    this.history = history;
  }
  git;
  work;
  branch;
  dir;
  history;
  /** Blob ids of local files already hashed (the IPA is hashed once, whatever the attempts). */
  fileBlobs = /* @__PURE__ */ new Map();
  /** build.json contents already fetched, by blob id. */
  records = /* @__PURE__ */ new Map();
  /** The default branch, once asked. */
  head;
  /** The repository's default branch, as the server announces its HEAD (undefined if unborn). */
  async defaultBranch() {
    if (this.head === void 0) {
      const out = await this.git.text(["ls-remote", "--symref", "origin", "HEAD"]);
      this.head = { branch: /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out)?.[1] };
    }
    return this.head.branch;
  }
  /** Fetches the branch tip without history or blobs; undefined when the branch does not exist. */
  async fetchTip() {
    const ref = `refs/remotes/origin/${this.branch}`;
    try {
      await this.git.run([
        "fetch",
        "--quiet",
        "--no-tags",
        "--no-write-fetch-head",
        // The repository lives for one update: maintenance would only cost a process per fetch.
        "--no-auto-maintenance",
        "--depth=1",
        "--filter=blob:none",
        "origin",
        `+refs/heads/${this.branch}:${ref}`
      ]);
    } catch (error) {
      if (error instanceof GitError && classifyGitFailure(error.stderr) === "missing-branch") {
        return void 0;
      }
      throw error;
    }
    const [commit = "", tree = ""] = (await this.git.text(["rev-parse", `${ref}^{commit}`, `${ref}^{tree}`])).split("\n");
    const entries = parseLsTree(await this.git.run(["ls-tree", "-r", "-z", "--full-tree", commit]));
    return { commit, tree, entries };
  }
  /** The build.json records under `<dir>/<root>/*\/*\/`, fetching only those small blobs. */
  async readRecords(tip, root) {
    if (!tip) return [];
    const entries = buildRecordEntries(tip.entries, this.dir, root);
    const missing = [...new Set(entries.map((entry) => entry.oid))].filter(
      (oid) => !this.records.has(oid)
    );
    if (missing.length > 0) {
      await this.git.run(
        [
          "-c",
          "fetch.negotiationAlgorithm=noop",
          "fetch",
          "--quiet",
          "--no-tags",
          "--no-write-fetch-head",
          "--no-auto-maintenance",
          "--filter=blob:none",
          "--stdin",
          "origin"
        ],
        { input: missing.join("\n") + "\n" }
      );
      const contents = parseCatFileBatch(
        await this.git.run(["cat-file", "--batch"], { input: missing.join("\n") + "\n" })
      );
      for (const oid of missing) {
        const path = entries.find((entry) => entry.oid === oid)?.path ?? oid;
        this.records.set(
          oid,
          parseBuildRecord(
            contents.get(oid)?.toString("utf8") ?? "",
            `${path} on branch ${this.branch}`,
            warning
          )
        );
      }
    }
    return entries.map((entry) => this.records.get(entry.oid)).filter((record) => record !== void 0);
  }
  /** Writes the planned tree and its commit; undefined when the tree would not change. */
  async commit(tip, changes, message) {
    const index = { GIT_INDEX_FILE: join(this.work, "publish.index") };
    await rm(index.GIT_INDEX_FILE, { force: true });
    await this.git.run(tip ? ["read-tree", tip.tree] : ["read-tree", "--empty"], { env: index });
    const zeroOid = "0".repeat(tip?.tree.length ?? 40);
    const lines = pathsUnder(
      tip?.entries ?? [],
      changes.removeDirs.map((path) => branchPath(this.dir, path))
    ).map((path) => `0 ${zeroOid}	${path}\0`);
    for (const path of changes.removeFiles ?? []) {
      lines.push(`0 ${zeroOid}	${branchPath(this.dir, path)}\0`);
    }
    const writes = changes.write.map((file) => ({
      path: branchPath(this.dir, file.path),
      content: file.content
    }));
    const noJekyll = branchPath(this.dir, ".nojekyll");
    if (!tip?.entries.some((entry) => entry.path === noJekyll)) {
      writes.push({ path: noJekyll, content: Buffer.alloc(0) });
    }
    const oids = await this.hashAll(writes.map((file) => file.content));
    writes.forEach((file, n) => lines.push(`${REGULAR_FILE} ${oids[n]}	${file.path}\0`));
    if (lines.length > 0) {
      await this.git.run(["update-index", "-z", "--add", "--index-info"], {
        env: index,
        input: lines.join("")
      });
    }
    const tree = await this.git.text(["write-tree", "--missing-ok"], { env: index });
    if (tip && tree === tip.tree) return void 0;
    const parents = tip && this.history === "keep" ? ["-p", tip.commit] : [];
    return this.git.text(["commit-tree", "--no-gpg-sign", tree, ...parents], {
      env: BOT,
      input: message
    });
  }
  /** Pushes `commit` as the branch; squash replaces it only if nobody pushed since the fetch. */
  async push(tip, commit) {
    const ref = `refs/heads/${this.branch}`;
    const lease = this.history === "squash" ? [`--force-with-lease=${ref}:${tip?.commit ?? ""}`] : [];
    await this.git.run([
      "-c",
      "pack.window=0",
      "push",
      "--quiet",
      "--porcelain",
      ...lease,
      "origin",
      `${commit}:${ref}`
    ]);
  }
  /**
   * Writes the blobs of `contents` and returns their ids, in order. The in-memory ones (pages,
   * manifest, records) go through one `hash-object --stdin-paths` rather than a process each.
   */
  async hashAll(contents) {
    const folder = "blobs";
    await mkdir(join(this.work, folder), { recursive: true });
    try {
      const listed = [];
      for (const [n, content] of contents.entries()) {
        if (!Buffer.isBuffer(content)) continue;
        listed.push(`${folder}/${n}`);
        await writeFile(join(this.work, folder, String(n)), content);
      }
      const ids = listed.length === 0 ? [] : (await this.git.text(["hash-object", "-w", "--no-filters", "--stdin-paths"], {
        input: listed.map((path) => `${path}
`).join("")
      })).split("\n");
      if (ids.length !== listed.length) {
        throw new Error(`git hash-object returned ${ids.length} ids for ${listed.length} files`);
      }
      let next = 0;
      const oids = [];
      for (const content of contents) {
        oids.push(Buffer.isBuffer(content) ? ids[next++] : await this.hashFile(content.file));
      }
      return oids;
    } finally {
      await rm(join(this.work, folder), { recursive: true, force: true });
    }
  }
  async hashFile(path) {
    let oid = this.fileBlobs.get(path);
    if (!oid) {
      oid = await this.git.text(["hash-object", "-w", "--no-filters", "--", path]);
      this.fileBlobs.set(path, oid);
    }
    return oid;
  }
};

// src/hosts/pages/tar.ts
import { stat } from "node:fs/promises";
async function writeTreeTar(git, commit, file) {
  const entries = parseLsTree(await git.run(["ls-tree", "-r", "-z", "--full-tree", commit]));
  const skipped = entries.filter((entry) => entry.mode === "120000" || entry.mode === "160000").map((entry) => ({
    path: entry.path,
    kind: entry.mode === "120000" ? "symlink" : "submodule"
  }));
  await git.run([
    "-c",
    "tar.umask=022",
    "archive",
    "--format=tar",
    `--output=${file}`,
    `${commit}^{tree}`,
    "--",
    ...skipped.map((entry) => `:(exclude,literal)${entry.path}`)
  ]);
  return { size: (await stat(file)).size, skipped };
}

// src/hosts/pages/deploy-branch.ts
var short = (commit) => commit.slice(0, 12);
var MAX_PUSH_ATTEMPTS = 10;
var firstLine = (error) => error.stderr.split("\n")[0] || error.message;
async function branchTip(side) {
  let tip;
  try {
    const out = await side.git.text(["ls-remote", "--heads", "origin", `refs/heads/${side.branch}`]);
    tip = out.split(/\s/)[0] || void 0;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new UserError(
      `Could not read branch ${side.branch} to check that the newest builds are deployed: ${firstLine(error)}; re-run the job (the build is on the branch and the next deployment includes it).`,
      { cause: error }
    );
  }
  if (tip === void 0) {
    throw new UserError(
      `Branch ${side.branch} was deleted while the site was being deployed from it: re-run the job.`
    );
  }
  return tip;
}
async function fetchCommit(side, commit) {
  try {
    await side.git.run([
      "fetch",
      "--quiet",
      "--no-tags",
      "--no-write-fetch-head",
      // A repository for one deployment: maintenance would only cost a process per fetch.
      "--no-auto-maintenance",
      "--depth=1",
      "origin",
      commit
    ]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new UserError(
      `Could not fetch ${short(commit)} of branch ${side.branch} to deploy it: ${firstLine(error)}; re-run the job (the build is on the branch and the next run deploys it too).`,
      { cause: error }
    );
  }
}
var treeOf = (side, commit) => side.git.text(["rev-parse", "--verify", `${commit}^{tree}`]);
async function newerTip(side, target) {
  const tip = await branchTip(side);
  if (tip === target) return void 0;
  await fetchCommit(side, tip);
  const [tipFiles, targetFiles] = (await side.git.text(["rev-parse", `${tip}^{tree}`, `${target}^{tree}`])).split("\n");
  return tipFiles === targetFiles ? void 0 : tip;
}
async function pushEmptyCommit(side, base, label) {
  const commit = await side.git.text(
    ["commit-tree", "--no-gpg-sign", await treeOf(side, base), "-p", base],
    { env: BOT, input: `Deploy ${short(base)} again (${label})
` }
  );
  try {
    await side.git.run([
      "push",
      "--quiet",
      "--porcelain",
      "origin",
      `${commit}:refs/heads/${side.branch}`
    ]);
  } catch (error) {
    if (error instanceof GitError && classifyGitFailure(`${error.stdout}
${error.stderr}`) === "race") {
      return void 0;
    }
    if (!(error instanceof GitError)) throw error;
    throw new UserError(
      `Could not push a commit to branch ${side.branch} to deploy its newest builds: ${firstLine(error)}; re-run the job.`,
      { cause: error }
    );
  }
  info(
    `Pushed ${short(commit)}, the files of ${short(base)}, to branch ${side.branch} to deploy them.`
  );
  return commit;
}
async function deployableCommit(side, target, fresh, label) {
  if (fresh.has(target)) return { version: target };
  const [unused] = fresh;
  if (unused !== void 0) return { version: unused };
  const files = await treeOf(side, target);
  let base = target;
  for (let attempt = 1; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
    const made = await pushEmptyCommit(side, base, label);
    if (made !== void 0) return { version: made };
    base = await branchTip(side);
    await fetchCommit(side, base);
    if (await treeOf(side, base) !== files) return { moved: base };
  }
  throw new UserError(
    `Could not push a commit to branch ${side.branch} to deploy its newest builds: other runs kept pushing first ${MAX_PUSH_ATTEMPTS} times; re-run the job.`
  );
}
async function uploadTree(side, commit, name, upload2, sizeWarning) {
  const dir = join2(side.work, `artifact-${commit}`);
  await mkdir2(dir, { recursive: true });
  try {
    const tar = join2(dir, "artifact.tar");
    const { size, skipped } = await writeTreeTar(side.git, commit, tar);
    for (const entry of skipped) {
      warning(
        `${entry.path} on branch ${side.branch} is a ${entry.kind}, which a Pages deployment cannot hold: it is left out of the site.`
      );
    }
    const tooLarge = sizeWarning(size);
    if (tooLarge) warning(tooLarge);
    const { id } = await upload2(name, tar);
    info(
      `Uploaded ${formatBytes(size)} of branch ${side.branch} (${short(commit)}) as artifact ${name} (id ${id}).`
    );
    return id;
  } finally {
    await rm2(dir, { recursive: true, force: true });
  }
}

// src/hosts/pages/deployment.ts
var MAX_POLL_ERRORS = 10;
var short2 = (commit) => commit.slice(0, 12);
async function createDeployment(api, artifactId, target, moved2) {
  const { octokit, owner, repo } = api.repository;
  const server = api.repository.serverUrl.replace(/\/+$/, "");
  const environmentsUrl = `${server}/${owner}/${repo}/settings/environments`;
  const deadline = api.now() + api.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    let oidcToken;
    try {
      oidcToken = await api.idToken();
    } catch (error) {
      throw idTokenError(error);
    }
    const request = octokit.rest.repos.createPagesDeployment({
      owner,
      repo,
      artifact_id: artifactId,
      pages_build_version: target,
      oidc_token: oidcToken
    });
    const idOf = (data) => String(data.id ?? data.status_url.split("/").pop() ?? target);
    const unregister = api.onCancel(async () => {
      const created = await request.then(({ data }) => idOf(data)).catch(() => void 0);
      if (created === void 0) return;
      await octokit.rest.repos.cancelPagesDeployment({ owner, repo, pages_deployment_id: created }).then(() => info(`Cancelled Pages deployment ${created}.`)).catch(() => warning(`Could not cancel Pages deployment ${created}.`));
    });
    try {
      const id = idOf((await request).data);
      info(`Created Pages deployment ${id} of ${short2(target)}.`);
      return { id };
    } catch (error) {
      if (!isInProgress(error)) throw explainDeployError(error, environmentsUrl);
    } finally {
      unregister();
    }
    if (api.now() >= deadline) {
      throw new UserError(
        `Another GitHub Pages deployment kept running for the whole wait-timeout (${Math.round(api.timeoutMs / 1e3)} s), so ${short2(target)} of branch ${api.branch} was not deployed: raise wait-timeout, or re-run the job.`
      );
    }
    const delay = Math.max(api.intervalMs, backoffMs(attempt, api.random, api.intervalMs, 3e4));
    info(
      `Another Pages deployment is in progress; asking again in ${Math.round(delay / 1e3)} s.`
    );
    await api.sleep(delay);
    const newer = await moved2();
    if (newer !== void 0) return { moved: newer };
  }
}
async function waitForDeployment(api, id, target) {
  const { octokit, owner, repo } = api.repository;
  const params = { owner, repo, pages_deployment_id: id };
  const deadline = api.now() + api.timeoutMs;
  const { cancel, settle } = deploymentCanceller(api, id);
  const unregister = api.onCancel(cancel);
  try {
    let errors = 0;
    let last = "";
    for (; ; ) {
      try {
        const { status } = (await octokit.rest.repos.getPagesDeployment(params)).data;
        errors = 0;
        if (status === "succeed") {
          settle();
          info(`GitHub Pages deployed ${short2(target)}.`);
          return;
        }
        const meaning = status ? FINAL_STATUSES[status] : void 0;
        if (meaning) {
          settle();
          throw new UserError(
            `The GitHub Pages deployment of ${short2(target)} ended with ${status}: ${meaning}.`
          );
        }
        if (status && status !== last) info(`Pages deployment ${id}: ${status}`);
        last = status ?? last;
      } catch (error) {
        if (error instanceof UserError) throw error;
        if (++errors >= MAX_POLL_ERRORS) {
          await cancel();
          throw explainGitHubError(error, "pages-deploy");
        }
      }
      if (api.now() >= deadline) {
        await cancel();
        throw new UserError(
          `GitHub Pages did not finish deploying ${short2(target)} within wait-timeout (${Math.round(api.timeoutMs / 1e3)} s); the deployment was cancelled: raise wait-timeout and re-run the job.`
        );
      }
      await api.sleep(api.intervalMs);
    }
  } finally {
    unregister();
  }
}
function deploymentCanceller(api, id) {
  const { octokit, owner, repo } = api.repository;
  let pending = true;
  const cancel = async () => {
    if (!pending) return;
    pending = false;
    try {
      await octokit.rest.repos.cancelPagesDeployment({ owner, repo, pages_deployment_id: id });
      info(`Cancelled Pages deployment ${id}.`);
    } catch (error) {
      warning(
        `Could not cancel Pages deployment ${id}: ${explainGitHubError(error, "pages-deploy").message}`
      );
    }
  };
  return {
    cancel,
    settle: () => {
      pending = false;
    }
  };
}

// src/hosts/pages/repo.ts
import { mkdtemp, rm as rm3 } from "node:fs/promises";
import { join as join3 } from "node:path";
async function withTempRepo(options, use) {
  const dir = await mkdtemp(join3(options.tempDir, `ipa-ota-${options.purpose}-`));
  try {
    const git = createGit({
      gitDir: dir,
      env: gitAuthEnv(options.token, options.remoteUrl),
      secrets: [options.token, basicAuthorization(options.token).slice("basic ".length)],
      limits: options.limits
    });
    await git.run(["init", "--bare", "--quiet", "--template="]);
    await git.run(["remote", "add", "origin", options.remoteUrl]);
    return await use(git, dir);
  } finally {
    await rm3(dir, { recursive: true, force: true });
  }
}

// src/hosts/pages/deploy.ts
var PAGES_SIZE_LIMIT_BYTES = 1024 ** 3;
var MAX_ROUNDS = 20;
var upload = async (name, tarFile) => (await import("./artifact-OZV4G5PY.js")).uploadPagesArtifact(name, tarFile);
async function deployPagesBranch(start, options) {
  const api = deploymentApi(options);
  const label = `run ${options.runId}-${options.runAttempt} ${randomBytes(3).toString("hex")}`;
  const repo = { ...options, purpose: "deploy", limits: options.gitLimits };
  return withTempRepo(repo, async (git, work) => {
    const side = { git, work, branch: options.branch };
    const fresh = new Set(start.pushed ? [start.commit] : []);
    let target = start.commit;
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const next = await deployRound(target, { options, api, side, fresh, label });
      if ("live" in next) return next.live;
      target = next.target;
    }
    throw new UserError(
      `Branch ${options.branch} kept receiving builds while this run deployed it ${MAX_ROUNDS} times: re-run the job once the other runs are done, so the site serves every build.`
    );
  });
}
async function deployRound(target, { options, api, side, fresh, label }) {
  await fetchCommit(side, target);
  const name = `ipa-ota-pages-${options.runId}-${options.runAttempt}-${target.slice(0, 12)}-${randomBytes(3).toString("hex")}`;
  const sizeWarning = (size) => artifactSizeWarning(size, options.branch, options.sizeLimitBytes);
  const artifactId = await uploadTree(side, target, name, upload, sizeWarning);
  const newer = await newerTip(side, target);
  if (newer !== void 0) return moved(options.branch, newer, "deploying that");
  const own = await deployableCommit(side, target, fresh, label);
  if ("moved" in own) return moved(options.branch, own.moved, "deploying that");
  const { version } = own;
  const created = await createDeployment(api, artifactId, version, () => newerTip(side, target));
  if ("moved" in created) return moved(options.branch, created.moved, "deploying that");
  fresh.delete(version);
  await waitForDeployment(api, created.id, version);
  const after = await newerTip(side, target);
  if (after === void 0) return { live: version };
  return moved(options.branch, after, "deploying it too, so no build is lost");
}
function moved(branch, tip, doing) {
  info(`Branch ${branch} moved to ${short3(tip)} meanwhile; ${doing}.`);
  return { target: tip };
}
function deploymentApi(options) {
  return {
    repository: options.repository,
    branch: options.branch,
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs ?? 5e3,
    idToken: options.idToken ?? (() => getIDToken()),
    onCancel: options.onCancel ?? onCancel,
    sleep: options.sleep ?? defaultSleep,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random
  };
}
function artifactSizeWarning(size, branch, limitBytes = PAGES_SIZE_LIMIT_BYTES) {
  if (size <= limitBytes) return void 0;
  const limit = limitBytes % 1024 ** 3 === 0 ? `${limitBytes / 1024 ** 3} GB` : `${limitBytes} bytes`;
  return `The Pages artifact of branch ${branch} is ${formatBytes(size)}, over the ${limit} GitHub Pages supports, so the deployment may be slow or fail: lower keep or max-site-size, or publish large builds with host: s3.`;
}
var short3 = (commit) => commit.slice(0, 12);

// src/hosts/pages/store.ts
import { stat as stat2 } from "node:fs/promises";

// src/hosts/pages/git-errors.ts
function explainGitFailure(error, failure, remoteUrl, branch, attempts) {
  const repository = remoteUrl.replace(/\.git$/, "");
  const said = remoteReasons(`${error.stdout}
${error.stderr}`);
  const because = said ? ` (GitHub: ${said})` : "";
  switch (failure) {
    case "unsigned":
      return new UserError(
        `A rule requires signed commits on branch ${branch}${because}, and the action's commits are unsigned: exclude ${branch} from "Require signed commits" (in the ruleset at ${repository}/settings/rules, or the branch protection rule at ${repository}/settings/branches), or publish with host: s3.`
      );
    case "ruleset":
      return new UserError(
        `A repository ruleset refused the push to branch ${branch}${because}: exclude ${branch} from the ruleset's target branches at ${repository}/settings/rules, or publish with host: s3.`
      );
    case "protected":
      return new UserError(
        `Branch ${branch} is protected and its protection refused the push${because}: remove the protection rule that matches ${branch} at ${repository}/settings/branches (the branch holds only published builds), or publish with host: s3.`
      );
    case "permission":
      return new UserError(
        `GitHub refused to let this workflow write branch ${branch} of ${remoteUrl}: grant the job \`permissions: contents: write\` (a pull request from a fork, or Dependabot's, only gets a read-only token: publish its build from a workflow_run workflow, see the README: "Pull requests from forks").`
      );
    case "auth":
      return new UserError(
        `GitHub did not accept the token for ${remoteUrl}: pass a valid token (the default, github.token, works when the job has \`permissions: contents: write\`).`
      );
    case "not-found":
      return new UserError(
        `Repository ${remoteUrl} was not found: check the repository and that the token may read it (\`permissions: contents: write\`).`
      );
    case "stalled":
      return new UserError(
        `The git server stopped answering while publishing to branch ${branch} of ${remoteUrl} (${error.message}): re-run the job; if it keeps happening, check githubstatus.com.`
      );
    case "race":
    case "transient":
      return new UserError(
        `Could not publish to branch ${branch} of ${remoteUrl} after ${attempts} attempts (${failure === "race" ? "other runs kept pushing first" : "the network kept failing"}): re-run the job. Last error: ${error.message}`
      );
    default:
      return error;
  }
}

// src/hosts/pages/own-branch.ts
function sharedBranchReason(facts) {
  if (facts.branch === facts.defaultBranch) return "it is the repository's default branch";
  if (!facts.dir) return void 0;
  const outside = facts.entries.find(
    (entry) => !entry.path.startsWith(`${facts.dir}/`) && entry.path !== ".nojekyll"
  );
  return outside ? `it holds ${outside.path}, outside /${facts.dir}` : void 0;
}
function assertOwnBranch(facts, options) {
  const reason = sharedBranchReason(facts);
  if (reason === void 0) return;
  const where = `branch ${facts.branch}${facts.dir ? `, folder /${facts.dir}` : ""}`;
  const setting = `the Pages setting at ${options.settingsUrl} (Settings \u2192 Pages \u2192 Build and deployment)`;
  const fixes = `serve the site from branch gh-pages ("Deploy from a branch"), or set Source to "GitHub Actions", which this action then deploys from pages-branch`;
  if (options.history === "squash") {
    throw new UserError(
      `GitHub Pages serves this site from ${where}, which holds more than the site (${reason}), and history: squash would replace that branch's whole history: nothing was written. Change ${setting}: ${fixes}. history: squash is never used on such a branch.`
    );
  }
  if (options.allowShared) return;
  throw new UserError(
    `GitHub Pages serves this site from ${where}, which holds more than the site (${reason}), so the builds are not committed into it: nothing was written. Change ${setting}: ${fixes}. To publish into ${facts.branch} all the same, set pages-shared-branch: true.`
  );
}

// src/hosts/pages/store.ts
function createPagesStore(options) {
  const retry = {
    remoteUrl: options.remoteUrl,
    maxAttempts: options.maxAttempts ?? 16,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random
  };
  let last = { commit: void 0, pushed: false };
  const policy = {
    history: options.history,
    allowShared: options.allowSharedBranch ?? false,
    settingsUrl: `${options.remoteUrl.replace(/\.git$/, "")}/settings/pages`
  };
  const read = (root) => openSession(options, (session, branch) => readRecords(session, branch, root, options.remoteUrl));
  const update = (root, plan, message) => openSession(options, async (session, branch) => {
    const step = { branch, siteRoot: siteRootOf(root), plan, message, policy };
    const warned = /* @__PURE__ */ new Set();
    for (let attempt = 1; ; attempt++) {
      try {
        const done = await attemptUpdate(session, { ...step, warned, attempt });
        last = done;
        return done.changes;
      } catch (error) {
        if (!(error instanceof GitError)) throw error;
        await retryOrThrow(error, branch, attempt, retry);
      }
    }
  });
  return {
    read,
    update,
    get commit() {
      return last.commit;
    },
    get pushed() {
      return last.pushed;
    }
  };
}
async function attemptUpdate(session, step) {
  const { branch } = step;
  const tip = await session.fetchTip();
  const defaultBranch = await session.defaultBranch();
  const facts = { branch, dir: session.dir, defaultBranch, entries: tip?.entries ?? [] };
  assertOwnBranch(facts, step.policy);
  const changes = step.plan(await session.readRecords(tip, step.siteRoot));
  for (const warning2 of await checkChanges(changes)) {
    if (!step.warned.has(warning2)) warning(warning2);
    step.warned.add(warning2);
  }
  const commit = await session.commit(tip, changes, step.message);
  if (commit === void 0) {
    info(`Branch ${branch} already holds these files; nothing to push.`);
    return { changes, commit: tip?.commit, pushed: false };
  }
  await session.push(tip, commit);
  logChanges(branch, commit, changes, step.attempt);
  return { changes, commit, pushed: true };
}
function retryDelayMs(failure, attempt, random) {
  return backoffMs(attempt, random, failure === "race" ? 250 : 1e3);
}
async function retryOrThrow(error, branch, attempt, { remoteUrl, maxAttempts, sleep, random }) {
  const failure = classifyGitFailure(`${error.stdout}
${error.stderr}`);
  if (failure !== "race" && failure !== "transient" || attempt >= maxAttempts) {
    throw explainGitFailure(error, failure, remoteUrl, branch, attempt);
  }
  const delay = retryDelayMs(failure, attempt, random);
  info(
    failure === "race" ? `Another run updated ${branch} first; planning again on its new tip in ${delay} ms (attempt ${attempt + 1} of ${maxAttempts}).` : `Network failure talking to ${remoteUrl}; retrying in ${delay} ms (attempt ${attempt + 1} of ${maxAttempts}): ${error.stderr.split("\n")[0] ?? ""}`
  );
  await sleep(delay);
}
async function openSession(options, use) {
  const { branch, dir } = await options.target();
  const repo = { ...options, purpose: "pages", limits: options.gitLimits };
  return withTempRepo(
    repo,
    (git, work) => use(new UpdateSession(git, work, branch, dir, options.history), branch)
  );
}
async function readRecords(session, branch, root, remoteUrl) {
  try {
    return await session.readRecords(await session.fetchTip(), siteRootOf(root));
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const failure = classifyGitFailure(`${error.stdout}
${error.stderr}`);
    if (failure === "transient") {
      throw new UserError(
        `Could not read branch ${branch} of ${remoteUrl} (the network failed): ${error.message}`
      );
    }
    throw explainGitFailure(error, failure, remoteUrl, branch, 1);
  }
}
function siteRootOf(root) {
  return root.replace(/^\/+|\/+$/g, "");
}
async function checkChanges(changes) {
  const removeFiles = changes.removeFiles ?? [];
  for (const path of [...changes.write.map((f) => f.path), ...changes.removeDirs, ...removeFiles]) {
    assertSitePath(path);
  }
  const sizes = await Promise.all(
    changes.write.map(async (file) => ({
      path: file.path,
      size: Buffer.isBuffer(file.content) ? file.content.length : (await stat2(file.content.file)).size
    }))
  );
  return checkFileSizes(sizes);
}
function logChanges(branch, commit, changes, attempt) {
  for (const removed of changes.removeDirs) info(`Removed ${removed}/`);
  info(
    `Pushed ${changes.write.length} file(s) to branch ${branch} as ${commit.slice(0, 12)}${attempt > 1 ? ` (attempt ${attempt})` : ""}.`
  );
}

// src/hosts/pages/site.ts
import { isIP } from "node:net";
var pagesSettingsUrl = (r) => `${r.serverUrl.replace(/\/+$/, "")}/${r.owner}/${r.repo}/settings/pages`;
async function readPagesSite(repository, options) {
  const { octokit, owner, repo } = repository;
  const settingsUrl = pagesSettingsUrl(repository);
  let settings;
  try {
    settings = (await octokit.rest.repos.getPages({ owner, repo })).data;
  } catch (error) {
    if (error.status !== 404) throw explainGitHubError(error, "pages");
  }
  return decidePagesSite(settings, {
    ...options,
    repository: `${owner}/${repo}`,
    settingsUrl,
    likelyUrl: likelyPagesUrl(repository)
  });
}
function likelyPagesUrl(r) {
  const server = new URL(r.serverUrl);
  const owner = r.owner.toLowerCase();
  if (server.hostname === "github.com") {
    const userSite = r.repo.toLowerCase() === `${owner}.github.io`;
    return `https://${owner}.github.io/${userSite ? "" : `${r.repo}/`}`;
  }
  if (isIP(server.hostname.replace(/^\[|\]$/g, "")) !== 0) {
    return `https://${server.host}/pages/${r.owner}/${r.repo}/`;
  }
  return `https://pages.${server.host}/${r.owner}/${r.repo}/`;
}
function decidePagesSite(settings, options) {
  const { fallbackBranch, baseUrl, repository, settingsUrl } = options;
  if (!settings) {
    if (baseUrl === void 0) {
      info(
        `GitHub Pages is not enabled for ${repository}: pushing the build to branch ${fallbackBranch} so it can be selected.`
      );
      return {
        url: options.likelyUrl,
        branch: fallbackBranch,
        dir: "",
        stepLeft: `GitHub Pages is not enabled for ${repository}; the build is pushed to branch ${fallbackBranch}. One step left: enable Pages from branch ${fallbackBranch} at ${settingsUrl} (Source "Deploy from a branch"), then re-run this workflow.`
      };
    }
    warning(
      `GitHub Pages is not enabled for ${repository}: the build is pushed to branch ${fallbackBranch}, but it is served only once you choose "Deploy from a branch" with that branch at ${settingsUrl}.`
    );
    return { url: withSlash(baseUrl), branch: fallbackBranch, dir: "" };
  }
  if (settings.public === false) {
    throw new UserError(
      `The GitHub Pages site of ${repository} is private, but an iPhone's installer cannot sign in to download the build: make it public at ${settingsUrl}, or use \`host: s3\`.`
    );
  }
  const reported = settings.html_url;
  if (baseUrl === void 0 && !reported) {
    throw new UserError(
      `GitHub did not report the address of the Pages site of ${repository}: set the base-url input to it.`
    );
  }
  const url = withSlash(baseUrl ?? httpsOf(reported, settingsUrl));
  if (settings.build_type === "workflow")
    return { url, branch: fallbackBranch, dir: "", workflow: true };
  return {
    url,
    branch: settings.source?.branch ?? fallbackBranch,
    dir: sourceDir(settings.source?.path)
  };
}
function httpsOf(url, settingsUrl) {
  if (!url.startsWith("http://")) return url;
  warning(
    `GitHub Pages reports ${url} over http, but iOS installs only over https: using https; if it fails, enable "Enforce HTTPS" at ${settingsUrl}.`
  );
  return `https://${url.slice("http://".length)}`;
}
var withSlash = (url) => url.endsWith("/") ? url : `${url}/`;

// src/hosts/pages/verify.ts
async function waitUntilServed(repository, options) {
  const { octokit, owner, repo } = repository;
  const interval = options.intervalMs ?? 5e3;
  const deadline = options.now() + options.timeoutMs;
  const settingsUrl = pagesSettingsUrl(repository);
  for (; ; ) {
    let build;
    if (options.deployed) {
      build = { status: "built", commit: options.commit, error: { message: null } };
    } else {
      try {
        build = (await octokit.rest.repos.getLatestPagesBuild({ owner, repo })).data;
      } catch (error) {
        if (error.status !== 404) {
          return [`Could not check the Pages build: ${explainGitHubError(error, "pages").message}`];
        }
      }
    }
    if (build?.commit === options.commit && build.status === "errored") {
      return [
        `GitHub Pages failed to build commit ${options.commit.slice(0, 12)}: ${build.error.message ?? "no reason given"}; see ${settingsUrl}.`
      ];
    }
    if (build?.status === "built") {
      const served = await probe(options.manifestUrl);
      if ("status" in served && served.status === 200) return [];
      if ("location" in served && served.location) {
        return [
          `${options.manifestUrl} answers ${served.status} redirecting to ${served.location}, but iOS does not follow redirects for the manifest: set base-url to the address the site is finally served from.`
        ];
      }
    }
    if (options.now() >= deadline) {
      return [
        `GitHub Pages did not serve ${options.manifestUrl} within ${Math.round(options.timeoutMs / 1e3)} s; the build may still go live shortly (see the "pages build and deployment" workflow and ${settingsUrl}).`
      ];
    }
    await options.sleep(interval);
  }
}

// src/hosts/pages/index.ts
function createPagesHost(options) {
  setSecret(options.token);
  setSecret(basicAuthorization(options.token).slice("basic ".length));
  const repository = {
    octokit: options.octokit,
    owner: options.owner,
    repo: options.repo,
    serverUrl: options.serverUrl
  };
  const sleep = options.sleep ?? defaultSleep;
  const idToken = options.deploy?.idToken ?? (() => getIDToken());
  const located = locateOnce(repository, options, idToken);
  const remoteUrl = `${options.serverUrl.replace(/\/+$/, "")}/${options.owner}/${options.repo}.git`;
  const branchStore = createPagesStore({
    remoteUrl,
    token: options.token,
    target: located,
    history: options.history,
    allowSharedBranch: options.allowSharedBranch,
    gitLimits: options.gitLimits,
    tempDir: options.tempDir,
    sleep,
    random: options.random
  });
  let deployed = false;
  const deploy = async () => {
    const found = await located();
    if (!found.workflow || branchStore.commit === void 0) return;
    const start = { commit: branchStore.commit, pushed: branchStore.pushed };
    await deployPagesBranch(
      start,
      deployOptions(options, { repository, remoteUrl, found, idToken, sleep })
    );
    deployed = true;
  };
  const store = {
    // The "GitHub Actions" mode deploys from the branch, so the branch holds the site either way.
    read: (root) => branchStore.read(root),
    async update(root, plan, message) {
      const updated = await branchStore.update(root, plan, message);
      await deploy();
      return updated;
    }
  };
  return {
    name: "pages",
    async locate() {
      const { url } = await located();
      return (sitePath) => siteUrl(url, sitePath);
    },
    store,
    verify: (record) => verifyServed(located, branchStore, record.urls.manifest, () => deployed, {
      repository,
      options,
      sleep
    })
  };
}
function locateOnce(repository, options, idToken) {
  let site;
  return () => {
    if (!site) {
      site = readPagesSite(repository, {
        fallbackBranch: options.branch,
        baseUrl: options.baseUrl
      }).then(async (found) => {
        if (found.workflow) await checkDeployable(options.serverUrl, idToken);
        return found;
      });
      site.then(
        (found) => info(
          found.workflow ? `GitHub Pages serves ${found.url}, deployed by GitHub Actions: the files are kept on branch ${found.branch} and deployed from it.` : `GitHub Pages serves ${found.url} from branch ${found.branch}${found.dir ? `, folder /${found.dir}` : ""}.`
        ),
        // A failed lookup is not kept: a later call asks again.
        () => site = void 0
      );
    }
    return site;
  };
}
async function checkDeployable(serverUrl, idToken) {
  if (isGhes(serverUrl)) throw ghesError();
  try {
    await idToken();
  } catch (error) {
    throw idTokenError(error);
  }
}
function deployOptions(options, run) {
  return {
    repository: run.repository,
    remoteUrl: run.remoteUrl,
    token: options.token,
    branch: run.found.branch,
    tempDir: options.tempDir,
    runId: options.runId ?? "local",
    runAttempt: options.runAttempt ?? 1,
    timeoutMs: options.waitTimeoutMs,
    intervalMs: options.pollIntervalMs,
    idToken: run.idToken,
    onCancel: options.deploy?.onCancel,
    sizeLimitBytes: options.deploy?.sizeLimitBytes,
    gitLimits: options.gitLimits,
    sleep: run.sleep,
    now: options.now,
    random: options.random
  };
}
async function verifyServed(located, branchStore, manifestUrl, deployed, run) {
  const { stepLeft } = await located();
  if (stepLeft !== void 0) throw new UserError(stepLeft);
  if (!run.options.wait || branchStore.commit === void 0) return [];
  return waitUntilServed(run.repository, {
    commit: branchStore.commit,
    deployed: deployed(),
    manifestUrl,
    timeoutMs: run.options.waitTimeoutMs,
    intervalMs: run.options.pollIntervalMs,
    sleep: run.sleep,
    now: run.options.now ?? Date.now
  });
}
export {
  createPagesHost
};
