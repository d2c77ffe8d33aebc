import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/text.ts
var INVISIBLE = /(?![\t\n\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}]/gu;
function clean(text) {
  return text.replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(INVISIBLE, "");
}
function cleanStrings(value) {
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, cleanStrings(item)])
    );
  }
  return value;
}
function oneLine(text) {
  return clean(text).replace(/\s+/g, " ").trim();
}
function logText(value) {
  return oneLine(String(value)).replace(/:(?=:)/g, ": ").replace(/#(?=#\[)/g, "# ");
}
function logLine(strings, ...values) {
  if (!/^[^\s:#]/.test(strings[0] ?? "")) {
    throw new Error("logLine: a log line must start with constant text, not with a value.");
  }
  return strings.reduce((line, text, index) => `${line}${logText(values[index - 1])}${text}`);
}

export {
  clean,
  cleanStrings,
  oneLine,
  logLine
};
