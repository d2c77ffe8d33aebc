#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DEVICE_FAMILIES
} from "./chunk-5FE4Z5FD.js";
import {
  formatBytes,
  formatDate
} from "./chunk-JDYJ6V26.js";

// src/ota/devices.ts
import { createHash } from "node:crypto";
var UDID = /^(?:[0-9a-f]{40}|[0-9a-f]{8}-[0-9a-f]{16})$/i;
function parseDeviceList(text, source, warn) {
  const devices = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const [id = "", name = "", platform = ""] = line.split("	").map((cell) => cell.trim());
    if (index === 0 && /^device id$/i.test(id)) return;
    if (!UDID.test(id) || name === "") {
      const shown = line.length > 80 ? `${line.slice(0, 79)}\u2026` : line;
      warn(
        `${source} line ${index + 1} (${JSON.stringify(shown)}) is not "<device id><tab><device name>[<tab><platform>]", so it is skipped; fix it as the developer portal exports the list (Devices \u203A Export).`
      );
      return;
    }
    devices.push({ id, name, ...platform === "" ? {} : { platform } });
  });
  return devices;
}
function checkDevices(devices, profile) {
  if (profile.provisionsAllDevices) return { anyDevice: true, included: [], missing: [] };
  const provisioned = new Set(profile.devices.map((id) => id.toLowerCase()));
  const check = { anyDevice: false, included: [], missing: [] };
  for (const device of devices) {
    ;
    (provisioned.has(device.id.toLowerCase()) ? check.included : check.missing).push(device);
  }
  return check;
}
function deviceKey(udid) {
  return createHash("sha256").update(udid.toLowerCase()).digest("hex").slice(0, 16);
}
var MAX_RECORDED_DEVICES = 1e3;
function recordedDeviceKeys(profile) {
  if (profile.provisionsAllDevices || !["development", "ad-hoc"].includes(profile.type)) {
    return void 0;
  }
  if (profile.devices.length > MAX_RECORDED_DEVICES) return void 0;
  return [...new Set(profile.devices.map(deviceKey))].sort();
}

// src/ota/facts.ts
function buildFacts(info, title) {
  const { app, profile } = info;
  const deviceIds = profile && recordedDeviceKeys(profile);
  return {
    app: {
      bundleId: app.bundleId,
      version: app.version,
      build: app.build,
      // The name as shown everywhere: the title input, else the app's display name.
      name: title?.trim() || app.name,
      ...app.minimumOsVersion === void 0 ? {} : { minimumOsVersion: app.minimumOsVersion },
      ...app.platform === void 0 ? {} : { platform: app.platform },
      ipaSize: info.file.size,
      ...info.file.sha256 === void 0 ? {} : { sha256: info.file.sha256 },
      installedSize: info.installedSize,
      deviceFamilies: app.deviceFamilies,
      components: info.components,
      usageDescriptions: app.usageDescriptions,
      urlSchemes: app.urlSchemes
    },
    ...profile === void 0 ? {} : {
      profile: {
        type: profile.type,
        name: profile.name,
        ...profile.teamName === void 0 ? {} : { teamName: profile.teamName },
        ...profile.teamId === void 0 ? {} : { teamId: profile.teamId },
        expires: profile.expires.toISOString(),
        devices: profile.devices.length,
        ...deviceIds === void 0 ? {} : { deviceIds },
        provisionsAllDevices: profile.provisionsAllDevices,
        entitlements: profile.entitlements
      }
    }
  };
}

// src/ota/comparison.ts
function compareBuilds(baseName, base, head) {
  const comparison = {
    base: { name: baseName, version: base.app.version, build: base.app.build },
    ipaSize: sizeChange(base.app.ipaSize, head.app.ipaSize)
  };
  const [a, b] = [base.app, head.app];
  if (a.installedSize !== void 0 && b.installedSize !== void 0) {
    comparison.installedSize = sizeChange(a.installedSize, b.installedSize);
  }
  if (a.version !== b.version || a.build !== b.build) {
    comparison.version = { before: `${a.version} (${a.build})`, after: `${b.version} (${b.build})` };
  }
  if (a.minimumOsVersion !== void 0 && b.minimumOsVersion !== void 0 && a.minimumOsVersion !== b.minimumOsVersion) {
    comparison.minimumOs = { before: a.minimumOsVersion, after: b.minimumOsVersion };
  }
  const familyNames = (families) => families.map(familyName);
  setList(comparison, "deviceFamilies", a.deviceFamilies, b.deviceFamilies, familyNames);
  if (a.usageDescriptions !== void 0 && b.usageDescriptions !== void 0) {
    const permissions = permissionChanges(a.usageDescriptions, b.usageDescriptions);
    if (permissions) comparison.permissions = permissions;
  }
  setList(comparison, "urlSchemes", a.urlSchemes, b.urlSchemes);
  if (a.components !== void 0 && b.components !== void 0) {
    const changed = componentChanges(a.components, b.components);
    if (changed.length > 0) comparison.components = changed;
    const named = (kinds) => (components) => components.filter((c) => kinds.includes(c.kind)).map((c) => c.name);
    setList(comparison, "frameworks", a.components, b.components, named(["framework"]));
    setList(comparison, "extensions", a.components, b.components, named(["extension", "watch"]));
  }
  setList(comparison, "entitlements", base.profile?.entitlements, head.profile?.entitlements);
  const profile = profileChanges(base.profile, head.profile);
  if (profile) comparison.profile = profile;
  const [before, after] = [base.profile?.deviceIds, head.profile?.deviceIds];
  if (before !== void 0 && after !== void 0) {
    const old = new Set(before);
    const added = after.filter((key) => !old.has(key));
    if (added.length > 0) comparison.newDevices = added;
  }
  return comparison;
}
function sizeChange(before, after) {
  const delta = after - before;
  return before > 0 ? { before, after, delta, percent: delta / before * 100 } : { before, after, delta };
}
function familyName(family) {
  return DEVICE_FAMILIES[family] ?? `family ${family}`;
}
function setList(comparison, key, before, after, names = (value) => value) {
  if (before === void 0 || after === void 0) return;
  const [old, now] = [new Set(names(before)), new Set(names(after))];
  const added = [...now].filter((name) => !old.has(name)).sort();
  const removed = [...old].filter((name) => !now.has(name)).sort();
  if (added.length > 0 || removed.length > 0) comparison[key] = { added, removed };
}
function permissionChanges(before, after) {
  const keys = (record) => Object.keys(record).sort();
  const added = keys(after).filter((key) => !Object.hasOwn(before, key)).map((key) => ({ key, text: after[key] }));
  const removed = keys(before).filter((key) => !Object.hasOwn(after, key)).map((key) => ({ key, text: before[key] }));
  const reworded = keys(after).filter((key) => Object.hasOwn(before, key) && before[key] !== after[key]).map((key) => ({ key, before: before[key], after: after[key] }));
  return added.length + removed.length + reworded.length > 0 ? { added, removed, reworded } : void 0;
}
function componentChanges(before, after) {
  const key = (c) => `${c.kind}/${c.name}`;
  const old = new Map(before.map((c) => [key(c), c]));
  const now = new Map(after.map((c) => [key(c), c]));
  const changes = [];
  for (const id of /* @__PURE__ */ new Set([...old.keys(), ...now.keys()])) {
    const [a, b] = [old.get(id), now.get(id)];
    const { kind, name } = b ?? a;
    const installed = sizeChange(a?.installed ?? 0, b?.installed ?? 0);
    const compressed = sizeChange(a?.compressed ?? 0, b?.compressed ?? 0);
    if (installed.delta !== 0 || compressed.delta !== 0) {
      changes.push({ kind, name, installed, compressed });
    }
  }
  return changes.sort(
    (x, y) => Math.abs(y.installed.delta) - Math.abs(x.installed.delta) || x.name.localeCompare(y.name)
  );
}
function profileChanges(before, after) {
  if (before === void 0 || after === void 0) return void 0;
  const changes = {};
  if (before.type !== after.type) changes.type = { before: before.type, after: after.type };
  if (formatDate(before.expires) !== formatDate(after.expires)) {
    changes.expires = { before: formatDate(before.expires), after: formatDate(after.expires) };
  }
  const count = (p) => p.provisionsAllDevices ? -1 : p.devices;
  if (count(before) !== count(after) && !after.provisionsAllDevices && !before.provisionsAllDevices) {
    changes.devices = { before: before.devices, after: after.devices };
  }
  return Object.keys(changes).length > 0 ? changes : void 0;
}

// src/ota/changes-text.ts
function formatDelta(change) {
  if (change.delta === 0) return "no change";
  const percent = formatPercent(change);
  return `${signedBytes(change)}${percent === "" ? "" : `, ${percent}`}`;
}
function signedBytes(change) {
  return `${change.delta < 0 ? "\u2212" : "+"}${formatBytes(Math.abs(change.delta))}`;
}
function formatPercent(change) {
  if (change.percent === void 0 || change.delta === 0) return "";
  return `${change.delta < 0 ? "\u2212" : "+"}${Math.abs(change.percent).toFixed(1)}%`;
}
function moverText(change) {
  const { installed, compressed } = change;
  const what = installed.before === 0 ? "added, " : installed.after === 0 ? "removed, " : "";
  const percent = what === "" ? formatPercent(installed) : "";
  return `${change.name} (${change.kind}): ${what}installed ${signedBytes(installed)}${percent === "" ? "" : ` (${percent})`}, download ${signedBytes(compressed)}`;
}
function describeChanges(comparison) {
  const { base } = comparison;
  const lines = [];
  const add = (label, text) => lines.push({ label, text });
  const size = `${formatBytes(comparison.ipaSize.after)} (${formatDelta(comparison.ipaSize)})`;
  const installed = comparison.installedSize ? ` \xB7 installed ${formatBytes(comparison.installedSize.after)} (${formatDelta(comparison.installedSize)})` : "";
  add("Size", `${size}${installed}`);
  if (comparison.version)
    add("Version", `${comparison.version.before} \u2192 ${comparison.version.after}`);
  if (comparison.minimumOs) {
    add("Minimum iOS", `${comparison.minimumOs.before} \u2192 ${comparison.minimumOs.after}`);
  }
  listLines(add, "Devices", comparison.deviceFamilies);
  const permissions = comparison.permissions;
  for (const { key, text } of permissions?.added ?? []) add("Permission added", `${key}: \u201C${text}\u201D`);
  for (const { key, before, after } of permissions?.reworded ?? []) {
    add("Permission reworded", `${key}: \u201C${before}\u201D \u2192 \u201C${after}\u201D`);
  }
  for (const { key, text } of permissions?.removed ?? []) {
    add("Permission removed", `${key}: \u201C${text}\u201D`);
  }
  listLines(add, "Entitlements", comparison.entitlements);
  listLines(add, "URL schemes", comparison.urlSchemes);
  listLines(add, "Frameworks", comparison.frameworks);
  listLines(add, "Extensions", comparison.extensions);
  const profile = comparison.profile;
  if (profile) {
    const parts = [
      profile.type && `${profile.type.before} \u2192 ${profile.type.after}`,
      profile.expires && `expires ${profile.expires.before} \u2192 ${profile.expires.after}`,
      profile.devices && `${profile.devices.before} \u2192 ${profile.devices.after} devices`
    ].filter((part) => typeof part === "string");
    add("Profile", parts.join("; "));
  }
  const movers = (comparison.components ?? []).map(moverText);
  return {
    title: `Changes since ${base.name} ${base.version} (${base.build})`,
    lines,
    movers
  };
}
function listLines(add, label, change) {
  if (change === void 0) return;
  if (change.added.length > 0) add(`${label} added`, change.added.join(", "));
  if (change.removed.length > 0) add(`${label} removed`, change.removed.join(", "));
}
function noBaseText(changes) {
  return changes.channel === changes.ownChannel ? "first build of this channel" : `no build of ${changes.channel} to compare with`;
}

export {
  parseDeviceList,
  checkDevices,
  MAX_RECORDED_DEVICES,
  buildFacts,
  compareBuilds,
  describeChanges,
  noBaseText
};
