import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  info
} from "./chunk-P5LV7Z3P.js";

// src/cancel.ts
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
var TEMP_PREFIX = "ipa-ota-";
var CLEANUP_MS = 4e3;
var cleanups = /* @__PURE__ */ new Set();
function onCancel(cleanup) {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
function exitOnCancel(tempDir, exit = (code) => process.exit(code)) {
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    info(`Cancelled (${signal}): removing temporary files and stopping.`);
    const finish = () => {
      if (tempDir) removeTemporaryFolders(tempDir);
      exit(1);
    };
    if (cleanups.size === 0) return finish();
    const timer = new Promise((resolve) => setTimeout(resolve, CLEANUP_MS));
    void Promise.race([Promise.allSettled([...cleanups].map((cleanup) => cleanup())), timer]).then(
      finish
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
function removeTemporaryFolders(tempDir) {
  let names;
  try {
    names = readdirSync(tempDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(TEMP_PREFIX)) rmSync(join(tempDir, name), { recursive: true, force: true });
  }
}

export {
  onCancel,
  exitOnCancel
};
