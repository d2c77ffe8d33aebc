import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  UserError
} from "./chunk-6P6ZSRAO.js";

// src/ota/layout.ts
import { createHash, randomBytes } from "node:crypto";
var MAX_SLUG_LENGTH = 64;
function asciiSlug(raw) {
  return raw.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9._]+/g, "-").replace(/\.{2,}/g, ".").replace(/-{2,}/g, "-").replace(/^[-._]+|[-.]+$/g, "");
}
function shortHash(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
function slugOrHash(raw, what) {
  const trimmed = raw.trim();
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
function channelSlug(raw) {
  return slugOrHash(raw, "channel");
}
function buildIdSlug(raw) {
  return slugOrHash(raw, "build id");
}
var BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
function randomPart() {
  let bits = 0n;
  for (const byte of randomBytes(16)) bits = bits << 8n | BigInt(byte);
  let text = "";
  for (let i = 0; i < 26; i++) text += BASE32[Number(bits >> BigInt(125 - 5 * i) & 31n)];
  return text;
}
function unlistedBuildId(raw) {
  const random = randomPart();
  const id = buildIdSlug(raw).slice(0, MAX_SLUG_LENGTH - random.length - 1).replace(/[-.]+$/, "");
  return `${id}-${random}`;
}
function defaultChannel(source) {
  if (source.pr !== void 0) return `pr-${source.pr}`;
  if (source.ref !== void 0 && source.ref.trim() !== "") return channelSlug(source.ref);
  return "local";
}
function defaultBuildId(source, now = /* @__PURE__ */ new Date()) {
  const attempt = source.runAttempt ?? 1;
  if (source.runId !== void 0 && /^\d+$/.test(source.runId)) return `${source.runId}-${attempt}`;
  if (source.runNumber !== void 0) return `${source.runNumber}-${attempt}`;
  if (source.sha !== void 0 && /^[0-9a-f]{7,}$/i.test(source.sha)) {
    return source.sha.slice(0, 7).toLowerCase();
  }
  const time = now.toISOString().replace(/\.\d{3}Z$/, "").replace(/[-:]/g, "").replace("T", "-").toLowerCase();
  return `${time}-${randomBytes(3).toString("hex")}`;
}
function siteRoot(raw) {
  const parts = raw.split(/[/\\]+/).filter((part) => part !== "" && part !== ".");
  if (parts.some((part) => part === "..")) {
    throw new UserError(
      `The site path "${raw}" would point outside the site; use a folder such as "ota".`
    );
  }
  if (parts.some((part) => asciiSlug(part) !== part)) {
    throw new UserError(
      `The site path "${raw}" must use only lowercase letters, digits, "-", "." and "_" in each folder name.`
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
function isBuildRecordPath(path) {
  return path === "build.json" || path.endsWith("/build.json");
}

export {
  channelSlug,
  buildIdSlug,
  unlistedBuildId,
  defaultChannel,
  defaultBuildId,
  siteRoot,
  sitePath,
  channelDir,
  buildDir,
  ipaFileName,
  isSlug,
  isBuildRecordPath
};
