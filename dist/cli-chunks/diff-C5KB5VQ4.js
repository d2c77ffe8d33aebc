#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  buildFacts,
  compareBuilds,
  describeChanges
} from "./chunk-HY2FAJIA.js";
import {
  readIpa,
  terminalSafe
} from "./chunk-5FE4Z5FD.js";
import {
  UsageError,
  defineCommand
} from "./chunk-CZINHVEP.js";
import "./chunk-YT2QSNRK.js";
import "./chunk-6JSUQI4E.js";
import "./chunk-JDYJ6V26.js";
import "./chunk-MK2NFTYZ.js";

// src/cli/diff.ts
import { basename } from "node:path";
var command = defineCommand({
  name: "diff",
  args: "<old.ipa> <new.ipa>",
  flags: {
    json: { type: "boolean", help: "Print the comparison as JSON instead of text" }
  },
  async run(values, positionals) {
    if (positionals.length !== 2) {
      throw new UsageError("give two .ipa paths: the old build, then the new one.");
    }
    const [oldPath, newPath] = positionals;
    const [before, after] = await Promise.all([readIpa(oldPath), readIpa(newPath)]);
    const comparison = compareBuilds(basename(oldPath), buildFacts(before), buildFacts(after));
    const otherApp = before.app.bundleId === after.app.bundleId ? void 0 : { before: before.app.bundleId, after: after.app.bundleId };
    if (values.json) {
      const json = otherApp === void 0 ? comparison : { bundleId: otherApp, ...comparison };
      process.stdout.write(`${JSON.stringify(json, null, 2)}
`);
      return;
    }
    const { title, lines, movers } = describeChanges(comparison);
    const text = [
      title,
      ...otherApp === void 0 ? [] : [`Bundle id: ${otherApp.before} \u2192 ${otherApp.after} (two different apps)`],
      ...lines.map((line) => `${line.label}: ${line.text}`),
      ...movers.length > 0 ? ["Largest size changes by component:", ...movers.map((m) => `  ${m}`)] : []
    ];
    process.stdout.write(`${text.map(terminalSafe).join("\n")}
`);
  }
});
export {
  command
};
