import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/errors.ts
var UserError = class extends Error {
  name = "UserError";
};
function describeError(error, debug) {
  if (error instanceof UserError) return error.message;
  if (error instanceof Error) {
    debug(error.stack ?? error.message);
    return `${error.name}: ${error.message}`;
  }
  return String(error);
}

export {
  UserError,
  describeError
};
