import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderIndexes
} from "./chunk-YEY4SC4P.js";

// src/hosts/converge.ts
import { posix } from "node:path";
var MAX_ROUNDS = 20;
function convergentStore(site, warn) {
  return {
    // The files skipped here were reported by update's first read.
    read: (root) => site.readRecords(root, () => {
    }),
    async update(root, plan) {
      const changes = plan(await site.readRecords(root, warn));
      await applyInOrder(site, changes);
      let written = changes.write.filter((file) => !file.immutable);
      if (written.length === 0) return;
      for (let round = 1; ; round++) {
        const fresh = renderIndexes(root, await site.readRecords(root, () => {
        }));
        if (sameFiles(fresh, written)) return;
        if (round > MAX_ROUNDS) {
          warn(
            `Other runs kept changing the site under ${root || "the root"}; the index pages may miss a build until the next publish.`
          );
          return;
        }
        const stale = written.filter((file) => !fresh.some((each) => each.path === file.path));
        await site.write(fresh);
        for (const file of stale) await site.removeFile(file.path);
        written = fresh;
      }
    }
  };
}
async function applyInOrder(site, changes) {
  const isRecord = (file) => posix.basename(file.path) === "build.json";
  await site.write(changes.write.filter((file) => file.immutable && !isRecord(file)));
  await site.write(changes.write.filter((file) => file.immutable && isRecord(file)));
  for (const dir of changes.removeDirs) await site.removeDir(dir);
  await site.write(changes.write.filter((file) => !file.immutable));
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
