import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createAscClient,
  tokenSource
} from "./chunk-NAJHIS3P.js";
import "./chunk-VFZOGO6E.js";
import {
  listDevices
} from "./chunk-FZGO6MZI.js";
import "./chunk-HX2S5KYY.js";
import {
  checkDevices
} from "./chunk-6XT4FEKW.js";
import {
  describeError
} from "./chunk-6P6ZSRAO.js";
import "./chunk-6DG7BXTN.js";

// src/asc/team-devices.ts
async function teamDevices(asc) {
  const devices = await listDevices(asc, { status: "ENABLED" });
  return devices.map((d) => ({ id: d.udid, name: d.name, platform: d.platform }));
}
async function teamDeviceCheck(asc, profile, warn, client = createAscClient({ baseUrl: asc.apiUrl, token: tokenSource(asc), retries: 2 })) {
  try {
    return checkDevices(await teamDevices(client), profile);
  } catch (error) {
    warn(`The team's device names are left out: ${describeError(error, () => void 0)}`);
    return void 0;
  }
}
export {
  teamDeviceCheck,
  teamDevices
};
