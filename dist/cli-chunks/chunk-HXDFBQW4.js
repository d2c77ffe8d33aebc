#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/errors.ts
var UserError = class extends Error {
  name = "UserError";
};

// src/cli/args.ts
import { parseArgs } from "node:util";
var UsageError = class extends UserError {
  name = "UsageError";
};
var EXIT = { ok: 0, failed: 1, usage: 2 };
function defineCommand(command) {
  return command;
}
function parseCommand(command, args) {
  const options = Object.fromEntries(
    Object.entries(command.flags).map(([name, flag]) => [
      name,
      flag.default === void 0 ? { type: flag.type } : { type: flag.type, default: flag.default }
    ])
  );
  const { values, positionals, tokens } = parseArgs({
    args,
    options: { ...options, help: { type: "boolean", short: "h" } },
    strict: false,
    allowPositionals: true,
    tokens: true
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const flag = token.name === "help" ? { type: "boolean" } : command.flags[token.name];
    if (flag === void 0) throw new UsageError(`unknown option ${token.rawName}.`);
    if (flag.type === "boolean" && token.value !== void 0)
      throw new UsageError(`${token.rawName} takes no value.`);
    if (flag.type === "string" && token.value === void 0)
      throw new UsageError(`${token.rawName} needs a value.`);
    if (flag.type === "string" && !token.inlineValue && token.value?.startsWith("-"))
      throw new UsageError(
        `${token.rawName} needs a value, not the option ${token.value} (write ${token.rawName}=${token.value} if that is the value).`
      );
  }
  if (values.help === true) return void 0;
  delete values.help;
  for (const [name, flag] of Object.entries(command.flags)) {
    if (flag.type === "boolean") values[name] = values[name] === true;
  }
  return { values, positionals };
}
function commandHelp(command, summary) {
  const rows = [
    ...Object.entries(command.flags).map(([name, flag]) => [
      `--${name}${flag.type === "string" ? ` ${flag.value ?? "<value>"}` : ""}`,
      `${flag.help}${flag.default === void 0 ? "" : ` (default: ${flag.default})`}.`
    ]),
    ["-h, --help", "Show this help."]
  ];
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `Usage: ipa-ota ${command.name} ${command.args} [options]`,
    "",
    summary,
    "",
    "Options:",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    "",
    "Exit status:",
    ...exitLines(command.exits ?? [])
  ].join("\n");
}
function exitLines(extra) {
  return [
    `${EXIT.ok}  done`,
    `${EXIT.failed}  the IPA could not be read, or the command failed`,
    `${EXIT.usage}  wrong usage: unknown option, missing or bad value`,
    ...extra
  ].map((line) => `  ${line}`);
}
function warn(message) {
  process.stderr.write(`warning: ${message}
`);
}
function oneOf(flag, value, allowed) {
  if (!allowed.includes(value))
    throw new UsageError(`${flag} is "${value}": use one of ${allowed.join(", ")}.`);
  return value;
}
function onePath(positionals) {
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? "give the path of the .ipa." : `give exactly one .ipa path, not ${positionals.length}.`
    );
  return positionals[0];
}

export {
  __require,
  __commonJS,
  __toESM,
  UserError,
  UsageError,
  EXIT,
  defineCommand,
  parseCommand,
  commandHelp,
  warn,
  oneOf,
  onePath
};
