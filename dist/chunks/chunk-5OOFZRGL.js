import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isBuildRecordPath,
  isSlug
} from "./chunk-KRAJ3KLH.js";
import {
  info
} from "./chunk-P5LV7Z3P.js";

// src/hosts/converge.ts
var ABANDONED_AFTER_MS = 24 * 60 * 60 * 1e3;
var BUILD_FILE = /^(index\.html|manifest\.(plist|xml)|qr\.(png|svg)|icon(-57|-512)?\.png|[^/]+\.ipa)(\.[0-9a-f-]{36}\.partial)?$/;
var MAX_ROUNDS = 20;
function convergentStore(site, options) {
  const { warn } = options;
  return {
    // The files skipped here were reported by update's first read.
    read: (root) => site.readRecords(root, () => {
    }),
    async update(root, plan) {
      await sweepAbandoned(site, root, (options.now ?? (() => /* @__PURE__ */ new Date()))());
      const first = plan(await site.readRecords(root, warn));
      await applyInOrder(site, first);
      let applied = first;
      if (indexPages(first).length === 0) return first;
      for (let round = 1; ; round++) {
        const next = plan(await site.readRecords(root, () => {
        }), applied);
        if (sameFiles(indexPages(next), indexPages(applied))) return next;
        if (round > MAX_ROUNDS) {
          warn(
            `Other runs kept changing the site under ${root || "the root"}; the index pages may miss a build until the next publish.`
          );
          return applied;
        }
        await site.write(indexPages(next));
        for (const path of next.removeFiles ?? []) await site.removeFile(path);
        applied = next;
      }
    }
  };
}
async function sweepAbandoned(site, root, now) {
  for (const build of await site.incompleteBuilds(root)) {
    if (now.getTime() - build.modified.getTime() <= ABANDONED_AFTER_MS) continue;
    const [channel = "", buildId = ""] = build.dir.split("/").slice(-2);
    const ours = isSlug(channel) && isSlug(buildId) && build.files.every((f) => BUILD_FILE.test(f));
    if (!ours) continue;
    await site.removeDir(build.dir);
    info(
      `Removed ${build.dir}/, an upload abandoned without its build.json since ${build.modified.toISOString()}.`
    );
  }
}
function indexPages(changes) {
  return changes.write.filter((file) => !file.immutable);
}
async function applyInOrder(site, changes) {
  const record = (file) => isBuildRecordPath(file.path);
  await site.write(changes.write.filter((file) => file.immutable && !record(file)));
  await site.write(changes.write.filter((file) => file.immutable && record(file)));
  for (const dir of changes.removeDirs) await site.removeDir(dir);
  await site.write(indexPages(changes));
  for (const path of changes.removeFiles ?? []) await site.removeFile(path);
}
function sameFiles(a, b) {
  const bytes = (files) => new Map(files.map((file) => [file.path, Buffer.isBuffer(file.content) ? file.content : null]));
  const [left, right] = [bytes(a), bytes(b)];
  if (left.size !== right.size) return false;
  for (const [path, content] of left) {
    const other = right.get(path);
    if (content === null || other === null || other === void 0 || !content.equals(other)) {
      return false;
    }
  }
  return true;
}

export {
  convergentStore
};
