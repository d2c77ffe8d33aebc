#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  UserError,
  usage
} from "./cli-chunks/chunk-65SFUJGA.js";

// src/cli.ts
import { enableCompileCache } from "node:module";
enableCompileCache();
async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case "inspect":
      return (await import("./cli-chunks/inspect-4IXS2ISB.js")).inspectCommand(rest);
    case "site":
      return (await import("./cli-chunks/site-YYSLTK7A.js")).siteCommand(rest);
    case void 0:
    case "-h":
    case "--help":
      process.stdout.write(`${usage}
`);
      return;
    default:
      throw new UserError(`Unknown command "${command}".
${usage}`);
  }
}
main(process.argv.slice(2)).catch((error) => {
  const known = error instanceof UserError || error.code?.startsWith("ERR_PARSE_ARGS");
  console.error(
    `ipa-ota: ${known ? error.message : String(error?.stack ?? error)}`
  );
  process.exitCode = 1;
});
