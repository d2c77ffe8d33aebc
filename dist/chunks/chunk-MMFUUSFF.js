import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/format.ts
function formatBytes(bytes) {
  const units = ["bytes", "kB", "MB", "GB"];
  let unit = 0;
  while (unit < units.length - 1 && Number(rounded(bytes / 1e3 ** unit, unit)) >= 1e3) unit++;
  return `${rounded(bytes / 1e3 ** unit, unit)} ${units[unit]}`;
}
function formatMiB(bytes) {
  return `${Math.floor(bytes / 2 ** 20 * 10) / 10} MiB`;
}
function rounded(value, unit) {
  return value.toFixed(unit === 0 || value >= 100 ? 0 : 1);
}
function formatUtc(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
function formatDate(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 10);
}

export {
  formatBytes,
  formatMiB,
  formatUtc,
  formatDate
};
