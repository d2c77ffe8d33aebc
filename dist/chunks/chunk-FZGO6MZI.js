import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isRecord
} from "./chunk-HX2S5KYY.js";
import {
  UserError
} from "./chunk-6P6ZSRAO.js";

// src/asc/resources.ts
var flat = (resource) => ({ ...resource.attributes, id: resource.id });
async function listDevices(asc, filter = {}) {
  const devices = await asc.list("/v1/devices", {
    "filter[udid]": filter.udid,
    "filter[status]": filter.status,
    "filter[platform]": filter.platform
  });
  return devices.map(flat);
}
async function createDevice(asc, device) {
  const body = { data: { type: "devices", attributes: { ...device, platform: "IOS" } } };
  return flat(await asc.post("/v1/devices", body));
}
async function enableDevice(asc, id) {
  const body = { data: { type: "devices", id, attributes: { status: "ENABLED" } } };
  return flat(await asc.patch(`/v1/devices/${id}`, body));
}
async function findBundleId(asc, identifier) {
  const found = await asc.list("/v1/bundleIds", {
    "filter[identifier]": [identifier]
  });
  const exact = found.map(flat).find((b) => b.identifier === identifier);
  if (!exact) {
    throw new UserError(
      `Bundle id ${identifier} is not registered in the team of this API key: fix bundle-ids, or register it in Certificates, Identifiers & Profiles \u203A Identifiers.`
    );
  }
  return exact;
}
async function listCertificates(asc, types) {
  const found = await asc.list("/v1/certificates", {
    "filter[certificateType]": types
  });
  return found.map(flat);
}
async function listProfiles(asc, bundleIdId) {
  const found = await asc.list(`/v1/bundleIds/${bundleIdId}/profiles`);
  return found.map(flat);
}
async function profileMembers(asc, profileId) {
  const [devices, certificates] = await Promise.all([
    asc.list(`/v1/profiles/${profileId}/devices`, { "fields[devices]": ["udid"] }),
    asc.list(`/v1/profiles/${profileId}/certificates`, { "fields[certificates]": ["name"] })
  ]);
  return { devices: devices.map((d) => d.id), certificates: certificates.map((c) => c.id) };
}
async function createProfile(asc, profile) {
  const body = {
    data: {
      type: "profiles",
      attributes: { name: profile.name, profileType: profile.profileType },
      relationships: {
        bundleId: { data: { type: "bundleIds", id: profile.bundleId } },
        certificates: { data: [{ type: "certificates", id: profile.certificate }] },
        devices: { data: profile.devices.map((id) => ({ type: "devices", id })) }
      }
    }
  };
  return flat(await asc.post("/v1/profiles", body));
}
async function deleteProfile(asc, id) {
  await asc.delete(`/v1/profiles/${id}`);
}

// src/asc/errors.ts
var AscError = class extends UserError {
  constructor(message, status, errors) {
    super(message);
    this.status = status;
    this.errors = errors;
  }
  status;
  errors;
  name = "AscError";
};
function appleErrors(body) {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(isRecord).map((e) => ({
    status: text(e.status),
    code: text(e.code),
    title: text(e.title),
    ...typeof e.detail === "string" ? { detail: e.detail } : {}
  }));
}
var text = (value) => typeof value === "string" || typeof value === "number" ? String(value) : "";
var KEY_PAGE = "App Store Connect \u203A Users and Access \u203A Integrations \u203A App Store Connect API";
function fixFor(status, errors) {
  const code = errors[0]?.code ?? "";
  if (status === 401) {
    return `check that asc-key-id, asc-issuer-id and asc-private-key belong to the same key, which is not revoked (${KEY_PAGE}), and that the runner's clock is right`;
  }
  if (status === 403) {
    return `give the API key the Admin or App Manager role (${KEY_PAGE}); a Developer key cannot manage devices and profiles`;
  }
  if (status === 429) return "the API key ran out of its hourly request budget: run again later";
  if (status >= 500)
    return "Apple's server failed: run again later (https://developer.apple.com/system-status/)";
  if (code.startsWith("ENTITY_ERROR")) return "fix the value Apple names";
  return "see Apple\u2019s detail above";
}
function explainAscError(method, path, status, body) {
  const errors = appleErrors(body);
  const words = errors.map((e) => `${e.code}: ${e.detail ?? e.title}`).join("; ").replace(/\s+/g, " ");
  return new AscError(
    `App Store Connect answered ${status} to ${method} ${path}${words ? ` (${words})` : ""}: ${fixFor(status, errors)}.`,
    status,
    errors
  );
}

export {
  AscError,
  explainAscError,
  listDevices,
  createDevice,
  enableDevice,
  findBundleId,
  listCertificates,
  listProfiles,
  profileMembers,
  createProfile,
  deleteProfile
};
