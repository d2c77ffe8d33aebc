#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  judge
} from "./chunk-VEPF7GGK.js";
import {
  formatInspect,
  inspectJson,
  readIpa
} from "./chunk-5FE4Z5FD.js";
import {
  defineCommand,
  onePath
} from "./chunk-CZINHVEP.js";
import "./chunk-YT2QSNRK.js";
import "./chunk-6JSUQI4E.js";
import "./chunk-JDYJ6V26.js";
import "./chunk-MK2NFTYZ.js";

// src/cli/inspect.ts
var NOT_INSTALLABLE = 3;
var command = defineCommand({
  name: "inspect",
  args: "<ipa>",
  flags: {
    json: { type: "boolean", help: "Print JSON instead of text" },
    sha256: { type: "boolean", help: "Also compute the IPA's SHA-256 (reads the whole file)" }
  },
  exits: [`${NOT_INSTALLABLE}  the IPA was read, but a device cannot install it over the air`],
  async run(values, positionals) {
    const path = onePath(positionals);
    const info = await readIpa(path, { sha256: values.sha256 });
    const now = /* @__PURE__ */ new Date();
    const verdict = judge(info, now);
    process.stdout.write(
      values.json ? `${JSON.stringify(inspectJson(info, verdict), null, 2)}
` : `${formatInspect(info, verdict, now)}
`
    );
    return verdict.installable ? 0 : NOT_INSTALLABLE;
  }
});
export {
  NOT_INSTALLABLE,
  command
};
