import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createAscClient,
  tokenSource
} from "./chunk-NAJHIS3P.js";
import "./chunk-VFZOGO6E.js";
import {
  build
} from "./chunk-55SM7S5S.js";
import {
  parseProfile
} from "./chunk-BRSK65JD.js";
import "./chunk-GIDY5VL4.js";
import {
  createProfile,
  deleteProfile,
  findBundleId,
  listCertificates,
  listDevices,
  listProfiles,
  profileMembers
} from "./chunk-FZGO6MZI.js";
import "./chunk-HX2S5KYY.js";
import {
  group,
  info,
  setOutput
} from "./chunk-P5LV7Z3P.js";
import {
  UserError
} from "./chunk-6P6ZSRAO.js";
import "./chunk-6DG7BXTN.js";

// src/asc/run.ts
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/asc/install.ts
import { mkdir, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
function profilesFolders(platform, temp) {
  return platform === "darwin" ? [
    join(homedir(), "Library/MobileDevice/Provisioning Profiles"),
    join(homedir(), "Library/Developer/Xcode/UserData/Provisioning Profiles")
  ] : [join(temp, "ipa-ota-profiles")];
}
async function installProfiles(profiles, kind, folders, exportOptions) {
  for (const folder of folders) {
    await mkdir(folder, { recursive: true });
    for (const profile of profiles) {
      await writeFile(join(folder, `${profile.uuid}.mobileprovision`), profile.content);
    }
  }
  const teamId = profiles[0]?.teamId ?? "";
  const byBundle = Object.fromEntries(
    profiles.map((p) => [p.bundleId, { uuid: p.uuid, name: p.name }])
  );
  const options = {
    method: kind,
    teamID: teamId,
    signingStyle: "manual",
    provisioningProfiles: Object.fromEntries(profiles.map((p) => [p.bundleId, p.uuid]))
  };
  await writeFile(exportOptions, build(options));
  return { exportOptions, teamId, profiles: byBundle };
}

// src/asc/provision.ts
var KINDS = {
  "ad-hoc": { profileType: "IOS_APP_ADHOC", certificates: ["DISTRIBUTION", "IOS_DISTRIBUTION"] },
  development: {
    profileType: "IOS_APP_DEVELOPMENT",
    certificates: ["DEVELOPMENT", "IOS_DEVELOPMENT"]
  }
};
var IOS_CLASSES = /* @__PURE__ */ new Set(["IPHONE", "IPAD", "IPOD", "APPLE_WATCH", "APPLE_VISION_PRO"]);
var ownPrefix = (kind, identifier) => `ipa-ota ${kind} ${identifier} `;
async function provision(asc, options) {
  const kind = KINDS[options.kind];
  const certificate = chooseCertificate(await listCertificates(asc, kind.certificates), options);
  const devices = (await listDevices(asc, { status: "ENABLED", platform: "IOS" })).filter((d) => d.deviceClass === void 0 || IOS_CLASSES.has(d.deviceClass)).map((d) => d.id);
  const result = { profiles: [], created: [], deleted: [] };
  for (const identifier of options.bundleIds) {
    const bundle = await findBundleId(asc, identifier);
    const ours = (await listProfiles(asc, bundle.id)).filter(
      (p) => p.name.startsWith(ownPrefix(options.kind, identifier))
    );
    let keep = await findCurrent(asc, ours, kind.profileType, certificate.id, devices, options.now);
    const stale = ours.filter((p) => p !== keep);
    if (options.dryRun) {
      options.log(
        `${identifier}: ${keep ? `keep ${keep.name}` : `would create a profile with ${devices.length} device(s)`}${stale.length > 0 ? `; would delete ${stale.map((p) => p.name).join(", ")}` : ""}`
      );
      continue;
    }
    if (!keep) {
      keep = await createProfile(asc, {
        name: `${ownPrefix(options.kind, identifier)}${stamp(options.now)}`,
        profileType: kind.profileType,
        bundleId: bundle.id,
        certificate: certificate.id,
        devices
      });
      result.created.push(keep.name);
      options.log(`${identifier}: created ${keep.name} with ${devices.length} device(s)`);
    } else {
      options.log(`${identifier}: ${keep.name} is up to date`);
    }
    for (const old of stale) {
      await deleteProfile(asc, old.id);
      result.deleted.push(old.name);
      options.log(`${identifier}: deleted ${old.name}`);
    }
    result.profiles.push(await readContent(keep, bundle));
  }
  return result;
}
function chooseCertificate(all, options) {
  const valid = all.filter((c) => new Date(c.expirationDate) > options.now);
  const list = (certs) => certs.map((c) => `${c.name} (id ${c.id}, serial ${c.serialNumber})`).join("; ");
  const wanted = options.certificate?.toLowerCase();
  if (wanted !== void 0) {
    const found = valid.find(
      (c) => c.id.toLowerCase() === wanted || c.serialNumber.toLowerCase() === wanted
    );
    if (found) return found;
    throw new UserError(
      `Input certificate "${options.certificate}" is not a valid ${options.kind} certificate of the team: use one of ${list(valid) || "none"}.`
    );
  }
  if (valid.length === 1) return valid[0];
  if (valid.length === 0) {
    throw new UserError(
      `The team has no valid certificate of the type a${options.kind === "ad-hoc" ? "n ad-hoc" : " development"} profile needs (${KINDS[options.kind].certificates.join(" or ")}): create one in Certificates, Identifiers & Profiles \u203A Certificates.`
    );
  }
  throw new UserError(
    `The team has ${valid.length} valid ${options.kind} certificates: set the input certificate to the id or serial number of the one the build signs with: ${list(valid)}.`
  );
}
async function findCurrent(asc, ours, profileType, certificate, devices, now) {
  for (const profile of ours) {
    if (profile.profileState !== "ACTIVE" || profile.profileType !== profileType) continue;
    if (new Date(profile.expirationDate) <= now) continue;
    const members = await profileMembers(asc, profile.id);
    if (sameSet(members.certificates, [certificate]) && sameSet(members.devices, devices)) {
      return profile;
    }
  }
  return void 0;
}
function sameSet(a, b) {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}
function stamp(now) {
  return now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
}
async function readContent(profile, bundle) {
  const content = Buffer.from(profile.profileContent, "base64");
  const info2 = await parseProfile(content, bundle.identifier);
  return {
    bundleId: bundle.identifier,
    name: profile.name,
    uuid: info2.uuid,
    teamId: info2.teamId ?? bundle.seedId,
    content
  };
}

// src/asc/run.ts
function ascClient(asc) {
  return createAscClient({
    baseUrl: asc.apiUrl,
    token: tokenSource(asc),
    log: (line) => info(line)
  });
}
async function ascRun(settings) {
  const client = ascClient(settings.asc);
  if (settings.mode === "provision") {
    await provisionRun(settings, client);
  } else {
    const { registerDeviceRun } = await import("./register-run-A5ZU54KG.js");
    await registerDeviceRun(settings, client);
  }
}
async function provisionRun(settings, client) {
  const { bundleIds, profileType, certificate, dryRun } = settings.provision;
  const result = await group(
    "Provisioning profiles",
    () => provision(client, {
      bundleIds,
      kind: profileType,
      certificate,
      dryRun,
      now: /* @__PURE__ */ new Date(),
      log: (line) => info(line)
    })
  );
  if (dryRun) {
    info("dry-run: nothing was changed or written.");
    return;
  }
  const temp = process.env.RUNNER_TEMP || tmpdir();
  const folders = profilesFolders(process.platform, temp);
  const installed = await installProfiles(
    result.profiles,
    profileType,
    folders,
    join2(temp, "ExportOptions.plist")
  );
  info(`Installed ${result.profiles.length} profile(s) in ${folders.join(" and ")}.`);
  setOutput("export-options", installed.exportOptions);
  setOutput("profiles", JSON.stringify(installed.profiles));
  setOutput("team-id", installed.teamId);
  setOutput("profiles-dir", folders[0]);
}
export {
  ascClient,
  ascRun
};
