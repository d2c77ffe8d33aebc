#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatBytes,
  formatDate,
  judge,
  readIpa
} from "./chunk-VIYYGVVY.js";
import {
  onePath
} from "./chunk-65SFUJGA.js";

// src/cli/inspect.ts
import { parseArgs } from "node:util";

// src/ipa/inspect.ts
var DEVICE_FAMILIES = {
  1: "iPhone",
  2: "iPad",
  3: "Apple TV",
  4: "Apple Watch",
  6: "Mac",
  7: "Apple Vision"
};
function inspectJson(info, verdict) {
  const { profile, icon } = info;
  return {
    file: info.file,
    app: info.app,
    bundled: info.bundled,
    codeSigned: info.codeSigned,
    ...profile && {
      profile: {
        ...profile,
        created: profile.created?.toISOString(),
        expires: profile.expires.toISOString(),
        certificates: profile.certificates.map((certificate) => ({
          ...certificate,
          notAfter: certificate.notAfter.toISOString()
        }))
      }
    },
    ...icon && {
      icon: {
        path: icon.path,
        width: icon.width,
        height: icon.height,
        crushed: icon.crushed,
        bytes: icon.png.length
      }
    },
    verdict
  };
}
function formatInspect(info, verdict) {
  const { app, profile, icon } = info;
  const lines = [];
  const add = (label, value) => {
    lines.push(`${`${label}:`.padEnd(15)}${safe(value)}`);
  };
  add("App", `${app.name} ${app.version} (${app.build})`);
  add("Bundle id", app.bundleId);
  add("File", `${info.file.path} (${formatBytes(info.file.size)})`);
  if (info.file.sha256) add("SHA-256", info.file.sha256);
  const platforms = app.supportedPlatforms.length ? ` (${app.supportedPlatforms.join(", ")})` : "";
  add(
    "Platform",
    `${app.platform ?? "not declared"}${platforms}${app.simulator ? ", built for the simulator" : ""}`
  );
  add("Minimum OS", app.minimumOsVersion ?? "not declared");
  add(
    "Devices",
    app.deviceFamilies.length ? app.deviceFamilies.map((family) => DEVICE_FAMILIES[family] ?? `family ${family}`).join(", ") : "not declared"
  );
  if (app.sdk || app.xcode) add("Built with", `SDK ${app.sdk ?? "?"}, Xcode ${app.xcode ?? "?"}`);
  add("Bundle", app.bundlePath);
  for (const bundled of info.bundled) {
    add(
      bundled.kind === "watch" ? "Watch app" : "Extension",
      `${bundled.name ?? bundled.path} (${bundled.bundleId ?? "no bundle id"})`
    );
  }
  add("Code signed", info.codeSigned ? "yes (_CodeSignature/CodeResources)" : "no");
  if (profile) {
    add("Profile", `${profile.type}, "${profile.name}" (${profile.uuid})`);
    if (profile.teamName || profile.teamId) {
      add(
        "  Team",
        [profile.teamName, profile.teamId && `(${profile.teamId})`].filter(Boolean).join(" ")
      );
    }
    add("  Expires", formatDate(profile.expires));
    add(
      "  Devices",
      profile.provisionsAllDevices ? "all (enterprise)" : `${profile.devices.length} provisioned`
    );
    if (profile.appId) {
      const match = profile.appIdMatches === void 0 ? "" : profile.appIdMatches ? " (matches)" : " (does NOT match the bundle id)";
      add("  App id", `${profile.appId}${match}`);
    }
    add("  Platforms", profile.platforms.join(", ") || "not declared");
    add("  Signature", profile.signature);
    for (const certificate of profile.certificates) {
      add(
        "  Certificate",
        `${certificate.commonName ?? certificate.subject}, expires ${formatDate(certificate.notAfter)}`
      );
    }
  } else {
    add("Profile", "none (no embedded.mobileprovision)");
  }
  add(
    "Icon",
    icon ? `${icon.path} (${icon.width}\xD7${icon.height}${icon.crushed ? ", converted from CgBI" : ""})` : "none found outside Assets.car"
  );
  add("Verdict", verdict.installable ? "installable over the air" : "NOT installable over the air");
  for (const error of verdict.errors) add("  Error", error);
  for (const warning of verdict.warnings) add("  Warning", warning);
  return lines.join("\n");
}
function safe(text) {
  return text.replace(
    new RegExp("\\p{Cc}", "gu"),
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}

// src/cli/inspect.ts
async function inspectCommand(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, sha256: { type: "boolean" } }
  });
  const path = onePath(positionals);
  const info = await readIpa(path, { sha256: values.sha256 });
  const verdict = judge(info, /* @__PURE__ */ new Date());
  process.stdout.write(
    values.json ? `${JSON.stringify(inspectJson(info, verdict), null, 2)}
` : `${formatInspect(info, verdict)}
`
  );
}
export {
  inspectCommand
};
