#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  UserError
} from "./chunk-6JSUQI4E.js";

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
  UsageError,
  EXIT,
  defineCommand,
  parseCommand,
  commandHelp,
  warn,
  oneOf,
  onePath
};
