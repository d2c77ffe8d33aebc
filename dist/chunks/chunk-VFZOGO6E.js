import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/hosts/backoff.ts
function backoffMs(attempt, random, baseMs = 1e3, capMs = 15e3) {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}
var defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export {
  backoffMs,
  defaultSleep
};
