#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  buildFacts,
  compareBuilds,
  describeChanges
} from "./chunk-S25EM5RS.js";
import {
  readIpa,
  terminalSafe
} from "./chunk-D3NQSBZY.js";
import {
  UsageError,
  defineCommand
} from "./chunk-HXDFBQW4.js";

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
    if (values.json) {
      process.stdout.write(`${JSON.stringify(comparison, null, 2)}
`);
      return;
    }
    const { title, lines, movers } = describeChanges(comparison);
    const text = [
      title,
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
