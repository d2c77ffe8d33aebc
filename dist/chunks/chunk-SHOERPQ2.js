import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/hosts/probe.ts
var PROBE_TIMEOUT_MS = 3e4;
async function probe(url, fetchFn = fetch) {
  try {
    const response = await fetchFn(url, {
      method: "HEAD",
      redirect: "manual",
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS)
    });
    const location = response.headers.get("location");
    return location === null ? { status: response.status } : { status: response.status, location };
  } catch (error) {
    const cause = error.cause;
    return { failure: cause?.code ?? cause?.message ?? String(error) };
  }
}

export {
  probe
};
