#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatDate
} from "./chunk-JDYJ6V26.js";

// src/ipa/verdict.ts
var EXPIRY_WARNING_DAYS = 14;
var DAY_MS = 24 * 60 * 60 * 1e3;
var OTHER_PLATFORMS = {
  appletvos: "tvOS",
  watchos: "watchOS",
  macosx: "macOS",
  xros: "visionOS"
};
var IOS_DEVICE_FAMILIES = [1, 2];
var EXPORT_METHODS = "export it with method ad-hoc, enterprise or development (xcodebuild -exportArchive with method release-testing, enterprise or debugging)";
function judge(info, now) {
  const profile = info.profile;
  const errors = [
    ...platformErrors(info.app),
    ...signingErrors(info),
    ...profile === void 0 ? [] : profileErrors(profile, now)
  ];
  const warnings = [
    ...versionWarnings(info.app),
    ...profile === void 0 ? [] : profileWarnings(profile, info.app, now)
  ];
  return { installable: errors.length === 0, errors, warnings };
}
function platformErrors(app) {
  if (app.simulator) {
    return [
      'This is a simulator build, which cannot run on an iPhone or iPad: archive it for a device (destination "generic/platform=iOS") and export an .ipa from the archive.'
    ];
  }
  const platform = otherPlatform(app);
  if (platform === void 0) return [];
  return [
    `This is a ${platform} app, and only iPhone and iPad apps install over the air: publish the iOS app target's .ipa instead.`
  ];
}
function otherPlatform(app) {
  const dtPlatform = app.platform?.toLowerCase();
  if (dtPlatform !== void 0 && dtPlatform !== "iphoneos") {
    return OTHER_PLATFORMS[dtPlatform] ?? `"${app.platform}"`;
  }
  if (dtPlatform === void 0 && app.supportedPlatforms.length > 0) {
    const platforms = app.supportedPlatforms;
    if (!platforms.includes("iPhoneOS")) return platforms.join("/");
  }
  const families = app.deviceFamilies;
  if (families.length > 0 && !families.some((family) => IOS_DEVICE_FAMILIES.includes(family))) {
    return families.includes(4) ? "watch-only" : `device family ${families.join("/")}`;
  }
  return void 0;
}
function signingErrors(info) {
  if (info.profile === void 0 && !info.codeSigned) {
    return [
      `This build is not signed (it has no embedded.mobileprovision and no _CodeSignature), so iOS will refuse to install it: archive with a signing team and ${EXPORT_METHODS}.`
    ];
  }
  if (info.profile === void 0) {
    return [
      `This build has no embedded provisioning profile, so iOS will refuse to install it: ${EXPORT_METHODS}.`
    ];
  }
  if (!info.codeSigned) {
    return [
      "This build has a provisioning profile but no code signature (_CodeSignature is missing), so iOS will refuse to install it: export the .ipa with xcodebuild -exportArchive instead of zipping the .app by hand."
    ];
  }
  return [];
}
function profileErrors(profile, now) {
  const errors = [];
  if (profile.type === "app-store") {
    errors.push(
      `This build is signed for the App Store, which iOS will not install over the air: ${EXPORT_METHODS}.`
    );
  }
  if (profile.expires.getTime() <= now.getTime()) {
    errors.push(
      `The provisioning profile "${profile.name}" expired on ${formatDate(profile.expires)}, so iOS will refuse to install the build: renew the profile in the Apple Developer portal (or let Xcode manage signing) and export the build again.`
    );
  }
  const certificates = profile.certificates;
  if (certificates.length > 0 && certificates.every((certificate) => certificate.notAfter.getTime() <= now.getTime())) {
    const lastExpiry = Math.max(
      ...certificates.map((certificate) => certificate.notAfter.getTime())
    );
    errors.push(
      `Every signing certificate in the provisioning profile has expired (the last on ${formatDate(new Date(lastExpiry))}), so iOS will refuse to install the build: create a new certificate, regenerate the profile with it and export the build again.`
    );
  }
  return errors;
}
function versionWarnings(app) {
  if (!app.versionMissing) return [];
  return [
    `The Info.plist has no CFBundleShortVersionString, so the manifest and pages show the build number ${app.build} as the version: set Version in Xcode (target \u203A General \u203A Identity) and build again.`
  ];
}
function profileWarnings(profile, app, now) {
  const warnings = [];
  const msLeft = profile.expires.getTime() - now.getTime();
  if (msLeft > 0 && msLeft <= EXPIRY_WARNING_DAYS * DAY_MS) {
    const days = Math.ceil(msLeft / DAY_MS);
    warnings.push(
      `The provisioning profile "${profile.name}" expires on ${formatDate(profile.expires)} (in ${days} ${days === 1 ? "day" : "days"}), after which iOS will no longer install or launch this build: renew the profile and export the build again.`
    );
  }
  if (profile.appIdMatches === false) {
    warnings.push(
      `The provisioning profile is for the app id ${profile.appId ?? "(none)"}, which does not cover the bundle id ${app.bundleId}, so iOS may refuse to install the build: sign it with a profile made for ${app.bundleId}.`
    );
  }
  if (profile.signature === "invalid") {
    warnings.push(
      "The provisioning profile's signature does not verify (it was changed after Apple signed it), so iOS may refuse it: download the profile again from the Apple Developer portal and export the build again."
    );
  }
  if (profile.signature === "unsigned") {
    warnings.push(
      "The provisioning profile is a bare property list without Apple's signature, so iOS may refuse it: export the build again so Xcode embeds the signed profile."
    );
  }
  return warnings;
}

export {
  judge
};
