import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  explainGitHubError,
  httpStatus
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
  parseBuildRecord
} from "./chunk-QZ3GCPB3.js";
import "./chunk-6XT4FEKW.js";
import {
  isBuildRecordPath
} from "./chunk-KRAJ3KLH.js";
import {
  HttpClient,
  info,
  require_undici,
  warning
} from "./chunk-P5LV7Z3P.js";
import {
  UserError
} from "./chunk-6P6ZSRAO.js";
import {
  __toESM
} from "./chunk-6DG7BXTN.js";

// src/hosts/release/api.ts
import { createReadStream } from "node:fs";
import { Transform, pipeline } from "node:stream";

// src/hosts/release/upload.ts
import { Readable as NodeReadable } from "node:stream";
var import_undici = __toESM(require_undici(), 1);
var streamingFetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const response = await (0, import_undici.request)(url, {
    method: init?.method ?? "GET",
    headers: init?.headers,
    body: init?.body,
    signal: init?.signal ?? void 0,
    dispatcher: new HttpClient().getAgentDispatcher(url)
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const each of [value ?? []].flat()) headers.append(name, each);
  }
  const empty = response.statusCode === 204 || response.statusCode === 304;
  if (empty) await response.body.dump();
  return new Response(
    empty ? null : NodeReadable.toWeb(response.body),
    { status: response.statusCode, headers }
  );
};

// src/hosts/release/api.ts
var PROGRESS_MIN_SIZE = 8 * 1024 * 1024;
function createGitHubReleaser(octokit, owner, repo) {
  return { ...releaseReads(octokit, owner, repo), ...releaseWrites(octokit, owner, repo) };
}
function releaseReads(octokit, owner, repo) {
  return {
    async visibility() {
      const { data } = await octokit.rest.repos.get({ owner, repo });
      return { private: data.private, visibility: data.visibility };
    },
    async listReleases() {
      return await octokit.paginate(octokit.rest.repos.listReleases, {
        owner,
        repo,
        per_page: 100
      });
    },
    async listAssets(release) {
      return octokit.paginate(octokit.rest.repos.listReleaseAssets, {
        owner,
        repo,
        release_id: release.id,
        per_page: 100
      });
    },
    async readAsset(asset) {
      try {
        const { data } = await octokit.rest.repos.getReleaseAsset({
          owner,
          repo,
          asset_id: asset.id,
          headers: { accept: "application/octet-stream" }
        });
        return data instanceof ArrayBuffer ? Buffer.from(data).toString("utf8") : typeof data === "string" ? data : JSON.stringify(data);
      } catch (error) {
        if (httpStatus(error) === 404) return void 0;
        throw error;
      }
    }
  };
}
function releaseWrites(octokit, owner, repo) {
  return {
    async createDraft({ tag, name, body, targetCommitish }) {
      try {
        const { data } = await octokit.rest.repos.createRelease({
          owner,
          repo,
          tag_name: tag,
          ...targetCommitish === void 0 ? {} : { target_commitish: targetCommitish },
          name,
          body,
          draft: true,
          prerelease: true
        });
        return data;
      } catch (error) {
        if (isAlreadyExists(error)) return void 0;
        throw error;
      }
    },
    async publish(release) {
      await octokit.rest.repos.updateRelease({ owner, repo, release_id: release.id, draft: false });
      return { ...release, draft: false };
    },
    async deleteRelease(release) {
      await octokit.rest.repos.deleteRelease({ owner, repo, release_id: release.id });
      try {
        await octokit.rest.git.deleteRef({ owner, repo, ref: `tags/${release.tag_name}` });
      } catch (error) {
        const status = httpStatus(error);
        if (status !== 404 && status !== 422) throw error;
      }
    },
    /**
     * One streamed upload. The retry plugin is off because a consumed stream cannot be sent
     * again; the store retries with a fresh stream.
     */
    async uploadAsset(release, name, file) {
      const data = Buffer.isBuffer(file.content) ? file.content : withProgress(createReadStream(file.content.file), name, file.size);
      await octokit.request({
        method: "POST",
        url: release.upload_url,
        name,
        data,
        headers: { "content-type": file.contentType, "content-length": file.size },
        request: { retries: 0, fetch: streamingFetch }
      });
    },
    async deleteAsset(asset) {
      try {
        await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id });
      } catch (error) {
        if (httpStatus(error) !== 404) throw error;
      }
    }
  };
}
function explainReleaseError(error, tag) {
  if (error instanceof UserError) return error;
  const status = httpStatus(error);
  const message = JSON.stringify(error.response?.data ?? "");
  if (status === 422 && /immutable/i.test(message)) {
    return new UserError(
      `The release ${tag ?? ""} is immutable (immutable releases are turned on for this repository), so its assets cannot be added, replaced or deleted: set release-tag: ota-{build-id} so every build gets a release of its own, or turn off immutable releases in Settings \u2192 General \u2192 Releases.`,
      { cause: error }
    );
  }
  return explainGitHubError(error, "release");
}
function isAlreadyExists(error) {
  const { response } = error;
  const errors = response?.data?.errors;
  return httpStatus(error) === 422 && Array.isArray(errors) && errors.some((each) => each?.code === "already_exists");
}
function withProgress(source, name, size) {
  if (size < PROGRESS_MIN_SIZE) return source;
  let loaded = 0;
  let nextPercent = 10;
  const counter = new Transform({
    transform(chunk, _encoding, callback) {
      loaded += chunk.length;
      const percent = Math.floor(loaded * 100 / size);
      if (percent >= nextPercent) {
        info(`Uploaded ${percent}% of ${name}`);
        nextPercent = Math.floor(percent / 10) * 10 + 10;
      }
      callback(null, chunk);
    }
  });
  return pipeline(source, counter, () => void 0);
}

// src/hosts/release/install.ts
async function checkInstallFromRelease(ipaUrl, fetchFn) {
  const advice = "keep the release as an archive and pair it with host: pages or host: s3 for installs";
  const result = await probe(ipaUrl, fetchFn);
  if ("failure" in result) {
    return `Could not check ${ipaUrl} (${result.failure}): the itms-services link may not install from the release; ${advice}.`;
  }
  if (result.status >= 300 && result.status < 400) {
    return `The itms-services link may not install from a GitHub release: GitHub answers ${ipaUrl} with a redirect (${result.status}) to a short-lived download URL, and iOS's installer does not follow redirects; ${advice}.`;
  }
  if (result.status !== 200) {
    return `${ipaUrl} answered ${result.status}, so the build cannot be installed from the release yet; ${advice}.`;
  }
  info(
    `${ipaUrl} answers 200 without a redirect: the install link can install from the release.`
  );
  return void 0;
}

// src/hosts/release/layout.ts
var PLACEHOLDER = /\{(channel|build-id)\}/g;
var SLUG = "[a-z0-9._-]+";
function releaseTag(template, channel, buildId) {
  const tag = template.replace(
    PLACEHOLDER,
    (_, name) => name === "channel" ? channel : buildId
  );
  if (!/^[A-Za-z0-9._/-]+$/.test(tag) || /\.\.|\/\/|^[/.-]|[/.]$|\.lock$|\/\./.test(tag) || /[{}]/.test(template.replace(PLACEHOLDER, ""))) {
    throw new UserError(
      `Input release-tag "${template}" does not make a valid tag ("${tag}"): use letters, digits, ".", "-", "_" and "/" with the placeholders {channel} and {build-id}, e.g. ota-{channel}.`
    );
  }
  return tag;
}
function parseReleaseTag(template, tag) {
  const parts = template.split(PLACEHOLDER);
  const pattern = parts.map(
    (part, index) => index % 2 === 0 ? part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") : `(?<${part === "channel" ? "channel" : "buildId"}>${SLUG})`
  ).join("");
  let match;
  try {
    match = new RegExp(`^${pattern}$`).exec(tag);
  } catch {
    return template === tag ? {} : void 0;
  }
  return match ? { ...match.groups } : void 0;
}
function assetName(buildId, file) {
  return `${buildId}-${file}`.replace(/[^A-Za-z0-9._-]/g, ".");
}
function releasePlace(layout, sitePath) {
  const root = layout.path.split("/").filter(Boolean);
  const parts = sitePath.split("/").filter(Boolean);
  if (root.some((segment, index) => parts[index] !== segment)) {
    throw new Error(`Site path "${sitePath}" is outside the site folder "${layout.path}"`);
  }
  const relative = parts.slice(root.length);
  const [channel, buildId, ...rest] = relative;
  if (channel === void 0 || relative.join("/") === "index.html") return { kind: "root" };
  if (buildId === void 0 || relative.length === 2 && buildId === "index.html") {
    return { kind: "channel", channel };
  }
  const tag = releaseTag(layout.tagTemplate, channel, buildId);
  if (rest.length === 0) return { kind: "build", channel, buildId, tag };
  const file = rest.join("/");
  return { kind: "asset", channel, buildId, file, tag, asset: assetName(buildId, file) };
}
function releaseUrl(layout, sitePath) {
  const repository = `${layout.serverUrl.replace(/\/$/, "")}/${encodeURIComponent(layout.owner)}/${encodeURIComponent(layout.repo)}`;
  const tagPath = (tag) => tag.split("/").map(encodeURIComponent).join("/");
  const place = releasePlace(layout, sitePath);
  switch (place.kind) {
    case "asset":
      return place.file.endsWith(".html") ? `${repository}/releases/tag/${tagPath(place.tag)}` : `${repository}/releases/download/${tagPath(place.tag)}/${encodeURIComponent(place.asset)}`;
    case "build":
      return `${repository}/releases/tag/${tagPath(place.tag)}`;
    case "channel":
      return layout.tagTemplate.includes("{build-id}") ? `${repository}/releases` : `${repository}/releases/tag/${tagPath(releaseTag(layout.tagTemplate, place.channel, ""))}`;
    case "root":
      return `${repository}/releases`;
  }
}

// src/hosts/release/read.ts
async function explained(tag, action) {
  try {
    return await action();
  } catch (error) {
    throw explainReleaseError(error, tag);
  }
}
async function readReleases(context) {
  const releases = await explained(void 0, () => context.releaser.listReleases());
  const ours = releases.filter((r) => parseReleaseTag(context.layout.tagTemplate, r.tag_name));
  const known = [];
  for (const release of ours) known.push(await readRelease(context.releaser, release));
  return known;
}
async function readRelease(releaser, release) {
  const tag = release.tag_name;
  const assets = await explained(tag, () => releaser.listAssets(release));
  const records = await Promise.all(
    assets.filter((asset) => asset.state === "uploaded" && asset.name.endsWith("-build.json")).map(async (asset) => {
      const text = await explained(tag, () => releaser.readAsset(asset));
      return text === void 0 ? void 0 : parseBuildRecord(text, `the release asset ${asset.name} of ${tag}`, warning);
    })
  );
  return { release, assets, builds: records.filter((record) => record !== void 0) };
}

// src/hosts/release/remove.ts
async function removeBuilds(context, releases, removeDirs) {
  const { releaser } = context;
  const removed = /* @__PURE__ */ new Set();
  for (const dir of removeDirs) {
    const place = releasePlace(context.layout, dir);
    if (place.kind === "build") removed.add(`${place.channel}/${place.buildId}`);
  }
  for (const known of releases) {
    const tag = known.release.tag_name;
    const gone = known.builds.filter((r) => removed.has(`${r.channel}/${r.buildId}`));
    if (gone.length === 0) continue;
    const ids = known.builds.map((record) => record.buildId);
    for (const record of gone) {
      const assets = known.assets.filter((asset) => ownerOf(asset.name, ids) === record.buildId);
      for (const asset of assets) await explained(tag, () => releaser.deleteAsset(asset));
      info(`Deleted ${assets.length} assets of ${record.buildId} from the release ${tag}`);
    }
    const left = await explained(tag, () => releaser.listAssets(known.release));
    if (left.length === 0) {
      await explained(tag, () => releaser.deleteRelease(known.release));
      info(`Deleted the release ${tag} and its tag`);
    }
  }
}
function ownerOf(name, buildIds) {
  return buildIds.filter((id) => name.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0];
}

// src/hosts/release/write.ts
import { posix } from "node:path";
var UPLOAD_ATTEMPTS = 3;
var RECREATE_ROUNDS = 3;
async function writeBuild(context, releases, place, files) {
  const record = (file) => isBuildRecordPath(file.path);
  const ordered = [...files.filter((f) => !record(f)), ...files.filter(record)];
  for (let round = 1; ; round++) {
    const known = await releaseFor(context, releases, place, files);
    try {
      for (const file of ordered) {
        await upload(context, known, assetName(place.buildId, posix.basename(file.path)), file);
      }
      if (known.release.draft) known.release = await context.releaser.publish(known.release);
      info(`Uploaded ${ordered.length} assets of ${place.buildId} to the release ${place.tag}`);
      return;
    } catch (error) {
      if (httpStatus(error) !== 404 || round >= RECREATE_ROUNDS) {
        throw explainReleaseError(error, place.tag);
      }
      info(
        `The release ${place.tag} was deleted while this run uploaded to it (another run removed its last build); creating it again.`
      );
      releases.splice(releases.indexOf(known), 1);
    }
  }
}
async function releaseFor(context, releases, place, files) {
  const found = releases.find((each) => each.release.tag_name === place.tag);
  if (found) return found;
  const perBuild = context.layout.tagTemplate.includes("{build-id}");
  const created = await explained(
    place.tag,
    () => context.releaser.createDraft({
      tag: place.tag,
      name: perBuild ? `OTA ${place.channel} ${place.buildId}` : `OTA ${place.channel}`,
      body: releaseBody(place.channel),
      targetCommitish: recordSha(files)
    })
  );
  let known;
  if (created) {
    info(`Created the prerelease ${place.tag}`);
    known = { release: created, assets: [], builds: [] };
  } else {
    known = (await readReleases(context)).find((each) => each.release.tag_name === place.tag);
    if (!known) {
      throw new UserError(
        `GitHub says the release ${place.tag} already exists, but it is not among the releases the token can list: check that no other tool made ${place.tag}, or choose another release-tag.`
      );
    }
    info(`Another run created the release ${place.tag} first; adding this build to it.`);
  }
  releases.push(known);
  return known;
}
async function upload(context, known, name, file) {
  const { releaser } = context;
  const tag = known.release.tag_name;
  for (let attempt = 1; ; attempt++) {
    for (const old of known.assets.filter((asset) => asset.name === name)) {
      await explained(tag, () => releaser.deleteAsset(old));
    }
    try {
      await releaser.uploadAsset(known.release, name, file);
      return;
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404) throw error;
      if (attempt >= UPLOAD_ATTEMPTS || status !== void 0 && status < 500) {
        throw explainReleaseError(error, tag);
      }
      const delay = backoffMs(attempt, context.random);
      warning(
        `Uploading ${name} to ${tag} failed (${status ?? String(error)}); retrying in ${delay} ms.`
      );
      await context.sleep(delay);
      known.assets = await releaser.listAssets(known.release);
    }
  }
}
function releaseBody(channel) {
  return [
    `Over-the-air builds of the \`${channel}\` channel, published by ipa-ota. Each build's files start with its build id.`,
    "",
    "Open the install link from the pull-request comment on the iPhone. GitHub serves these files through a redirect, which the iOS installer does not follow, so installs work best from the Pages or S3 host; this release keeps the builds as an archive."
  ].join("\n");
}
function recordSha(files) {
  const record = files.find((file) => isBuildRecordPath(file.path));
  if (!record || !Buffer.isBuffer(record.content)) return void 0;
  let sha;
  try {
    sha = JSON.parse(record.content.toString("utf8")).source?.sha;
  } catch {
    return void 0;
  }
  return typeof sha === "string" && /^[0-9a-f]{40}$/i.test(sha) ? sha : void 0;
}

// src/hosts/release/store.ts
function createReleaseStore(options) {
  const context = {
    releaser: options.releaser,
    layout: options.layout,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random
  };
  releaseTag(context.layout.tagTemplate, "channel", "build");
  return {
    read: async () => (await readReleases(context)).flatMap((known) => known.builds),
    async update(_root, plan) {
      await options.before?.();
      const releases = await readReleases(context);
      const changes = plan(releases.flatMap((known) => known.builds));
      await apply(context, releases, changes);
      return changes;
    }
  };
}
async function apply(context, releases, changes) {
  const builds = /* @__PURE__ */ new Map();
  for (const file of changes.write) {
    const place = releasePlace(context.layout, file.path);
    if (place.kind !== "asset" || file.contentType.startsWith("text/html")) continue;
    const key = `${place.channel}/${place.buildId}`;
    const group = builds.get(key) ?? {
      tag: place.tag,
      channel: place.channel,
      buildId: place.buildId,
      files: []
    };
    group.files.push(file);
    builds.set(key, group);
  }
  for (const { files, ...place } of builds.values()) {
    await writeBuild(context, releases, place, files);
  }
  await removeBuilds(context, releases, changes.removeDirs);
}

// src/hosts/release/index.ts
function createReleaseHost(options) {
  const { owner, repo } = options;
  const releaser = createGitHubReleaser(options.octokit, owner, repo);
  const layout = { path: options.path, tagTemplate: options.tagTemplate };
  let publicCheck;
  function requirePublicRepository() {
    publicCheck ??= (async () => {
      const data = await releaser.visibility().catch((error) => {
        throw explainReleaseError(error, void 0);
      });
      if (data.private || data.visibility === "internal") {
        throw new UserError(
          `The repository ${owner}/${repo} is ${data.visibility ?? "private"}, so its release assets can only be downloaded with a GitHub login, which an iPhone's installer does not have: publish with host: s3 (or Pages on a public site) instead.`
        );
      }
    })();
    return publicCheck;
  }
  return {
    name: "release",
    async locate() {
      await requirePublicRepository();
      return (sitePath) => releaseUrl({ ...layout, serverUrl: options.serverUrl, owner, repo }, sitePath);
    },
    store: createReleaseStore({
      releaser,
      layout,
      before: requirePublicRepository,
      sleep: options.sleep,
      random: options.random
    }),
    async verify(record) {
      const warning2 = await checkInstallFromRelease(record.urls.ipa, options.fetch ?? fetch);
      return warning2 === void 0 ? [] : [warning2];
    }
  };
}
export {
  createReleaseHost
};
