import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  convergentStore
} from "./chunk-5J6QC3N5.js";
import "./chunk-YEY4SC4P.js";
import "./chunk-OYV7WFNP.js";
import {
  siteUrl
} from "./chunk-PVM3KEWV.js";
import {
  parseBuildRecord
} from "./chunk-5S4GEZM7.js";
import "./chunk-7JHR2T3Z.js";
import {
  UserError
} from "./chunk-6P6ZSRAO.js";
import "./chunk-6DG7BXTN.js";

// src/hosts/directory.ts
import { randomUUID } from "node:crypto";
import { copyFile, mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
function createDirectoryHost(options) {
  return {
    name: "directory",
    locate: async () => (sitePath) => siteUrl(options.baseUrl, sitePath),
    store: convergentStore(
      {
        readRecords: (root, warn) => readRecords(options.dir, join(options.dir, root), warn),
        write: (files) => writeFiles(options.dir, files),
        removeDir: (dir) => remove(options.dir, dir),
        removeFile: (path) => remove(options.dir, path)
      },
      options.warn
    )
  };
}
async function readRecords(siteDir, rootDir, warn) {
  const records = [];
  for (const channel of await subfolders(siteDir, rootDir)) {
    for (const build of await subfolders(siteDir, join(rootDir, channel))) {
      const file = join(rootDir, channel, build, "build.json");
      const text = await read(siteDir, file, () => readFile(file, "utf8"));
      const record = text === void 0 ? void 0 : parseBuildRecord(text, file, warn);
      if (record) records.push(record);
    }
  }
  return records;
}
async function subfolders(siteDir, dir) {
  const entries = await read(siteDir, dir, () => readdir(dir, { withFileTypes: true }));
  return (entries ?? []).filter((e) => e.isDirectory()).map((e) => e.name);
}
async function remove(siteDir, path) {
  const target = join(siteDir, path);
  await write(siteDir, target, () => rm(target, { recursive: true, force: true }));
}
async function writeFiles(siteDir, files) {
  for (const file of files) {
    const target = join(siteDir, file.path);
    const partial = `${target}.${randomUUID()}.partial`;
    await write(siteDir, target, async () => {
      await mkdir(dirname(target), { recursive: true });
      try {
        if (Buffer.isBuffer(file.content)) await writeFile(partial, file.content);
        else await copyFile(file.content.file, partial);
        await rename(partial, target);
      } finally {
        await rm(partial, { force: true });
      }
    });
  }
}
var REASONS = {
  ENOTDIR: "a file is in the way where a folder is needed",
  EEXIST: "a file is in the way where a folder is needed",
  EISDIR: "a folder is in the way where a file is needed",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  ENOENT: "no such file or folder"
};
async function read(siteDir, path, step) {
  try {
    return await step();
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw fsError("read", siteDir, path, error);
  }
}
async function write(siteDir, path, step) {
  try {
    await step();
  } catch (error) {
    throw fsError("write", siteDir, path, error);
  }
}
function fsError(verb, siteDir, path, error) {
  const code = error.code ?? "";
  const reason = REASONS[code] ?? (code || String(error));
  return new UserError(
    `Could not ${verb} ${path} in the site folder ${siteDir} (${reason}): set output-dir (--out for the CLI) to a folder you can write to that holds only the site, or remove what is in the way.`,
    { cause: error }
  );
}
export {
  createDirectoryHost
};
