import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  convergentStore
} from "./chunk-5OOFZRGL.js";
import {
  siteUrl
} from "./chunk-PVM3KEWV.js";
import {
  parseBuildRecord
} from "./chunk-QZ3GCPB3.js";
import "./chunk-6XT4FEKW.js";
import "./chunk-KRAJ3KLH.js";
import "./chunk-P5LV7Z3P.js";
import {
  UserError
} from "./chunk-6P6ZSRAO.js";
import "./chunk-6DG7BXTN.js";

// src/hosts/directory.ts
import { randomUUID } from "node:crypto";
import { copyFile, lstat, mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
function createDirectoryHost(options) {
  return {
    name: "directory",
    locate: async () => (sitePath) => siteUrl(options.baseUrl, sitePath),
    store: convergentStore(
      {
        readRecords: (root, warn) => readRecords(options.dir, join(options.dir, root), warn),
        incompleteBuilds: (root) => incompleteBuilds(options.dir, root),
        write: (files) => writeFiles(options.dir, files),
        removeDir: (dir) => remove(options.dir, dir),
        removeFile: (path) => remove(options.dir, path)
      },
      { warn: options.warn, now: options.now }
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
async function incompleteBuilds(siteDir, root) {
  const found = [];
  for (const channel of await subfolders(siteDir, join(siteDir, root))) {
    for (const build of await subfolders(siteDir, join(siteDir, root, channel))) {
      const dir = join(siteDir, root, channel, build);
      const names = await read(siteDir, dir, () => readdir(dir)) ?? [];
      if (names.includes("build.json")) continue;
      const times = await Promise.all(
        [dir, ...names.map((name) => join(dir, name))].map(async (path) => {
          const stats = await read(siteDir, path, () => lstat(path));
          return stats?.mtimeMs ?? 0;
        })
      );
      const modified = new Date(Math.max(...times));
      found.push({ dir: posix.join(root, channel, build), files: names, modified });
    }
  }
  return found;
}
async function subfolders(siteDir, dir) {
  const entries = await read(siteDir, dir, () => readdir(dir, { withFileTypes: true }));
  return (entries ?? []).filter((e) => e.isDirectory()).map((e) => e.name);
}
async function remove(siteDir, path) {
  const target = join(siteDir, path);
  await refuseLinks(siteDir, path);
  await write(siteDir, target, () => rm(target, { recursive: true, force: true }));
}
async function refuseLinks(siteDir, path) {
  const parts = path.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..")) throw new Error(`Site path "${path}" leaves the site folder`);
  let current = siteDir;
  for (const part of parts.slice(0, -1)) {
    current = join(current, part);
    const stats = await lstat(current).catch((error) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return void 0;
      throw fsError("read", siteDir, current, error);
    });
    if (stats === void 0) return;
    if (stats.isSymbolicLink()) {
      throw new UserError(
        `${current} in the site folder ${siteDir} is a symbolic link, and the action never writes through one (it could point anywhere on the runner): remove the link, or set output-dir (--out for the CLI) to a folder that holds only the site.`
      );
    }
  }
}
async function writeFiles(siteDir, files) {
  for (const file of files) {
    const target = join(siteDir, file.path);
    const partial = `${target}.${randomUUID()}.partial`;
    await refuseLinks(siteDir, file.path);
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
