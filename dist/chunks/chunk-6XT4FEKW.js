import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

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

export {
  parseDeviceList,
  checkDevices,
  deviceKey,
  MAX_RECORDED_DEVICES,
  recordedDeviceKeys
};
