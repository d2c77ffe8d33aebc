import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  backoffMs,
  defaultSleep
} from "./chunk-VFZOGO6E.js";
import {
  explainAscError
} from "./chunk-FZGO6MZI.js";
import {
  isRecord
} from "./chunk-HX2S5KYY.js";
import {
  UserError
} from "./chunk-6P6ZSRAO.js";

// src/asc/client.ts
var MAX_PAGES = 100;
function createAscClient(options) {
  const base = new URL(options.baseUrl);
  const send = createSend(options);
  return {
    async get(path, query) {
      return dataOf(await send("GET", urlOf(base, path, query)));
    },
    list: (path, query) => listAll(send, base, path, query),
    async post(path, body) {
      return dataOf(await send("POST", urlOf(base, path), body));
    },
    async patch(path, body) {
      return dataOf(await send("PATCH", urlOf(base, path), body));
    },
    async delete(path) {
      await send("DELETE", urlOf(base, path));
    }
  };
}
function createSend(options) {
  const retries = options.retries ?? 4;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  return async function send(method, url, body) {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${options.token()}`,
          accept: "application/json",
          ...body === void 0 ? {} : { "content-type": "application/json" }
        },
        body: body === void 0 ? void 0 : JSON.stringify(body)
      }).catch((error) => {
        if (attempt > retries) throw unreachable(url, error);
        return void 0;
      });
      if (!response) {
        await sleep(backoffMs(attempt, random));
        continue;
      }
      const text = await response.text();
      const parsed = parseJson(text);
      if (response.ok) return parsed;
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt > retries) {
        throw explainAscError(method, url.pathname, response.status, parsed);
      }
      const wait = backoffMs(attempt, random);
      options.log?.(
        `App Store Connect answered ${response.status} to ${method} ${url.pathname}; retrying in ${wait} ms.`
      );
      await sleep(wait);
    }
  };
}
function unreachable(url, error) {
  const { cause } = error;
  const why = cause?.code ?? cause?.message ?? String(error);
  return new UserError(
    `App Store Connect at ${url.origin} cannot be reached (${why}): check asc-api-url and the runner's network.`
  );
}
function urlOf(base, path, query = {}) {
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(query)) {
    if (value === void 0) continue;
    url.searchParams.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  return url;
}
async function listAll(send, base, path, query) {
  const all = [];
  let next = urlOf(base, path, { limit: 200, ...query });
  for (let page = 0; next; page++) {
    if (page === MAX_PAGES) throw new Error(`${path} has more than ${MAX_PAGES} pages`);
    const body = await send("GET", next);
    const data = isRecord(body) && Array.isArray(body.data) ? body.data : [];
    all.push(...data);
    next = nextPage(body, base);
  }
  return all;
}
function parseJson(text) {
  if (text === "") return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
function dataOf(body) {
  if (!isRecord(body) || !isRecord(body.data)) {
    throw new Error("App Store Connect sent an answer without a data object");
  }
  return body.data;
}
function nextPage(body, base) {
  const links = isRecord(body) && isRecord(body.links) ? body.links : {};
  if (typeof links.next !== "string") return void 0;
  const next = new URL(links.next, base);
  if (next.origin !== base.origin) {
    throw new Error(`App Store Connect's next page ${next.origin} is not on ${base.origin}`);
  }
  return next;
}

// src/asc/jwt.ts
import { createPrivateKey, sign } from "node:crypto";
var TOKEN_LIFETIME_S = 1140;
var RENEW_BEFORE_S = 120;
var base64url = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
function readP8(text) {
  let key;
  try {
    key = createPrivateKey(text.includes("\\n") ? text.replaceAll("\\n", "\n") : text);
  } catch {
    throw new UserError(
      "Input asc-private-key is not a private key: paste the whole AuthKey_<key id>.p8 file, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----."
    );
  }
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    throw new UserError(
      "Input asc-private-key is not an App Store Connect API key (those are P-256 EC keys): use the .p8 file downloaded from Users and Access \u203A Integrations \u203A App Store Connect API."
    );
  }
  return key;
}
function signToken(key, privateKey, nowS) {
  const header = base64url({ alg: "ES256", kid: key.keyId, typ: "JWT" });
  const payload = base64url({
    iss: key.issuerId,
    iat: nowS,
    exp: nowS + TOKEN_LIFETIME_S,
    aud: "appstoreconnect-v1"
  });
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), {
    key: privateKey,
    dsaEncoding: "ieee-p1363"
  });
  return `${header}.${payload}.${signature.toString("base64url")}`;
}
function tokenSource(key, now = Date.now) {
  const privateKey = readP8(key.privateKey);
  let current;
  return () => {
    const nowS = Math.floor(now() / 1e3);
    if (!current || current.expiresS - nowS < RENEW_BEFORE_S) {
      current = { token: signToken(key, privateKey, nowS), expiresS: nowS + TOKEN_LIFETIME_S };
    }
    return current.token;
  };
}

export {
  createAscClient,
  tokenSource
};
