import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/hosts/url.ts
function siteUrl(baseUrl, sitePath) {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return base + sitePath.split("/").map(encodeURIComponent).join("/");
}

export {
  siteUrl
};
