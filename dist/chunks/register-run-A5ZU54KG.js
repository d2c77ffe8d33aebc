import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createOctokit,
  escapeText
} from "./chunk-OSQAMF3S.js";
import "./chunk-EE5UHIU3.js";
import "./chunk-YKE37VTB.js";
import {
  oneLine
} from "./chunk-UOO3K7Q7.js";
import {
  AscError,
  createDevice,
  enableDevice,
  listDevices
} from "./chunk-FZGO6MZI.js";
import {
  isRecord
} from "./chunk-HX2S5KYY.js";
import {
  info,
  notice,
  setOutput
} from "./chunk-P5LV7Z3P.js";
import "./chunk-6P6ZSRAO.js";
import "./chunk-6DG7BXTN.js";

// src/asc/register-run.ts
import { readFile } from "node:fs/promises";

// src/asc/device-request.ts
var UDID = /^(?:[0-9A-F]{8}-[0-9A-F]{16}|[0-9A-F]{40})$/i;
var MAX_NAME = 50;
var UDID_HELP = "a UDID is 25 characters like 00008030-001A2B3C4D5E802E, or 40 hexadecimal digits on older devices; find it in Finder (click the device\u2019s serial number line) or in Xcode \u203A Devices and Simulators";
var FORM = { udid: "UDID", name: "Device name", deviceType: "Device type" };
var COMMAND = "/ipa-ota add-device";
function looksLikeRequest(body, source) {
  return source === "form" ? new RegExp(`^###\\s+${FORM.udid}\\s*$`, "m").test(body) : body.split(/\r?\n/).some((line) => line.trim().startsWith(`${COMMAND} `));
}
function readDeviceRequest(body, source) {
  const fields = source === "form" ? formFields(body) : commandFields(body);
  const udid = (fields.udid ?? "").trim();
  if (!UDID.test(udid)) {
    return {
      problem: `${udid === "" ? "No UDID was given" : `"${oneLine(udid).slice(0, 60)}" is not a UDID`}: ${UDID_HELP}.`
    };
  }
  const name = oneLine(fields.name ?? "").slice(0, MAX_NAME).trim();
  if (name === "")
    return { problem: 'No device name was given: name the device, e.g. "Jane\u2019s iPhone 15".' };
  const deviceType = oneLine(fields.deviceType ?? "").slice(0, 30) || void 0;
  return { udid: udid.length === 40 ? udid.toLowerCase() : udid.toUpperCase(), name, deviceType };
}
function formFields(body) {
  const sections = /* @__PURE__ */ new Map();
  for (const part of body.replace(/\r\n?/g, "\n").split(/^###\s+/m).slice(1)) {
    const newline = part.indexOf("\n");
    const heading = (newline === -1 ? part : part.slice(0, newline)).trim();
    const value = newline === -1 ? "" : part.slice(newline + 1).trim();
    sections.set(heading.toLowerCase(), value === "_No response_" ? "" : value);
  }
  return {
    udid: sections.get(FORM.udid.toLowerCase()),
    name: sections.get(FORM.name.toLowerCase()),
    deviceType: sections.get(FORM.deviceType.toLowerCase())
  };
}
function commandFields(body) {
  const line = body.split(/\r?\n/).map((l) => l.trim()).find((l) => l.startsWith(`${COMMAND} `));
  const match = /^\S+\s+add-device\s+(\S+)\s*(.*)$/.exec(line ?? "");
  return { udid: match?.[1], name: match?.[2] };
}

// src/asc/device-guard.ts
var record = (value) => isRecord(value) ? value : {};
var text = (value) => typeof value === "string" ? value : "";
function decide(eventName, payload, approvalLabel) {
  const sender = record(payload.sender);
  const issue = record(payload.issue);
  const login = text(sender.login);
  const number = typeof issue.number === "number" ? issue.number : 0;
  if (eventName !== "issues" && eventName !== "issue_comment") {
    return {
      act: false,
      reason: `mode: register-device runs on issues and issue_comment events, not ${eventName}: change the workflow's on:`
    };
  }
  if (record(payload.repository).fork === true) {
    return {
      act: false,
      reason: "this repository is a fork: devices are registered only from the upstream repository"
    };
  }
  if (sender.type === "Bot" || login.endsWith("[bot]")) {
    return {
      act: false,
      reason: `the event comes from a bot (${login}), which cannot ask for devices`
    };
  }
  if (number === 0) return { act: false, reason: "the event has no issue" };
  if (eventName === "issue_comment") {
    if (payload.action !== "created") return { act: false, reason: "only new comments are read" };
    if (issue.pull_request !== void 0) {
      return {
        act: false,
        reason: "the comment is on a pull request, which may come from a fork: ask in an issue"
      };
    }
    const body2 = text(record(payload.comment).body);
    if (!looksLikeRequest(body2, "comment"))
      return { act: false, reason: "the comment is not an /ipa-ota add-device command" };
    return { act: true, actor: login, issue: number, body: body2, source: "comment" };
  }
  const body = text(issue.body);
  if (!looksLikeRequest(body, "form"))
    return { act: false, reason: "the issue is not a device request" };
  if (payload.action === "opened")
    return { act: true, actor: login, issue: number, body, source: "form" };
  if (payload.action === "labeled" && text(record(payload.label).name) === approvalLabel) {
    return { act: true, actor: login, issue: number, body, source: "form" };
  }
  return {
    act: false,
    reason: `only an opened issue or the ${approvalLabel} label start a registration`
  };
}

// src/asc/rebuild.ts
async function rebuildOpenPullRequests(octokit, repo, workflow) {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    ...repo,
    state: "open",
    per_page: 100
  });
  const result = { rebuilt: [], skipped: [] };
  for (const pull of pulls) {
    const { data } = await octokit.rest.actions.listWorkflowRuns({
      ...repo,
      workflow_id: workflow,
      head_sha: pull.head.sha,
      status: "success",
      per_page: 1
    });
    const run = data.workflow_runs[0];
    if (!run) {
      result.skipped.push(`#${pull.number}: no successful run of ${workflow} for its head commit`);
      continue;
    }
    try {
      await octokit.rest.actions.reRunWorkflow({ ...repo, run_id: run.id });
      result.rebuilt.push({ pr: pull.number, run: run.id });
    } catch (error) {
      const status = error.status;
      result.skipped.push(
        `#${pull.number}: GitHub refused to re-run run ${run.id} (${status ?? String(error)}${status === 403 ? ": the workflow needs permissions: actions: write" : ""})`
      );
    }
  }
  return result;
}

// src/asc/register.ts
var DEVICE_LIMIT = 100;
async function registerDevice(asc, request) {
  const known = await findDevice(asc, request.udid, true);
  if (known) return reuse(asc, known);
  try {
    return { device: await createDevice(asc, request), outcome: "registered" };
  } catch (error) {
    if (!(error instanceof AscError && error.status === 409)) throw error;
    const found = await findDevice(asc, request.udid, false);
    if (!found) throw error;
    return reuse(asc, found);
  }
}
async function reuse(asc, device) {
  if (device.status === "ENABLED") return { device, outcome: "already registered" };
  return { device: await enableDevice(asc, device.id), outcome: "enabled again" };
}
async function findDevice(asc, udid, filtered) {
  const devices = await listDevices(asc, filtered ? { udid } : {});
  return devices.find((d) => d.udid.toLowerCase() === udid.toLowerCase());
}
async function slotsUsed(asc, deviceClass) {
  const devices = await listDevices(asc);
  return devices.filter((d) => d.deviceClass === deviceClass).length;
}

// src/asc/register-run.ts
async function registerDeviceRun(settings, asc, context) {
  const ctx = context ?? await contextFromEnvironment(settings);
  const result = await register(settings, asc, ctx);
  if (result.device) info(result.summary);
  else notice(result.summary);
  setOutput("device-id", result.device?.id ?? "");
  setOutput("rebuilt", result.rebuilt.join(","));
  return result;
}
async function register(settings, asc, ctx) {
  const { approvalLabel, buildWorkflow } = settings.registerDevice;
  const decision = decide(ctx.eventName, ctx.payload, approvalLabel);
  if (!decision.act) return { summary: `Nothing to do: ${decision.reason}.`, rebuilt: [] };
  const issue = { ...ctx.repo, issue_number: decision.issue };
  const reply = (body) => ctx.octokit.rest.issues.createComment({ ...issue, body });
  if (!await canWrite(ctx, decision.actor)) {
    if (decision.source === "form" && ctx.payload.action === "opened") {
      await reply(
        `Thanks! Registering a device uses one of the team's yearly device slots, so someone with write access approves it by adding the \`${approvalLabel.replaceAll("`", "")}\` label.`
      );
    }
    return {
      summary: `Not registered: ${decision.actor} has no write access to the repository.`,
      rebuilt: []
    };
  }
  const request = readDeviceRequest(decision.body, decision.source);
  if ("problem" in request) {
    await reply(`The device was not registered. ${escapeText(request.problem)}`);
    return { summary: `Not registered: ${request.problem}`, rebuilt: [] };
  }
  const { device, outcome } = await registerDevice(asc, request);
  const used = await slotsUsed(asc, device.deviceClass);
  const rebuild = buildWorkflow ? await rebuildOpenPullRequests(ctx.octokit, ctx.repo, buildWorkflow) : { rebuilt: [], skipped: ["no build-workflow is set, so no pull request is rebuilt"] };
  await reply(replyText(device, outcome, used, rebuild));
  await ctx.octokit.rest.issues.update({ ...issue, state: "closed", state_reason: "completed" });
  return {
    summary: `${device.name} ${outcome}; rebuilding ${rebuild.rebuilt.map((r) => `#${r.pr}`).join(", ") || "nothing"}.`,
    device,
    rebuilt: rebuild.rebuilt.map((r) => r.pr)
  };
}
async function canWrite(ctx, username) {
  try {
    const { data } = await ctx.octokit.rest.repos.getCollaboratorPermissionLevel({
      ...ctx.repo,
      username
    });
    return data.permission === "admin" || data.permission === "write";
  } catch (error) {
    if (error.status === 404) return false;
    throw error;
  }
}
var CLASS_NAMES = {
  IPHONE: "iPhone",
  IPAD: "iPad",
  IPOD: "iPod",
  APPLE_WATCH: "Apple Watch",
  APPLE_TV: "Apple TV",
  APPLE_VISION_PRO: "Apple Vision Pro",
  MAC: "Mac"
};
function replyText(device, outcome, used, rebuild) {
  const kind = CLASS_NAMES[device.deviceClass ?? ""] ?? "device";
  const lines = [
    `**${escapeText(device.name)}** (\`${device.udid}\`) is ${outcome} in the App Store Connect team.`,
    "",
    rebuild.rebuilt.length > 0 ? `Rebuilding ${rebuild.rebuilt.map((r) => `#${r.pr}`).join(", ")}: their next install links carry a profile with this device.` : "No open pull request was rebuilt.",
    // Our own text: pull request numbers and the build-workflow input.
    ...rebuild.skipped.map((line) => `- ${line}`),
    "",
    `Device slots: ${used} of Apple's ${DEVICE_LIMIT} ${kind} slots are taken this membership year, ${Math.max(0, DEVICE_LIMIT - used)} left (disabled devices count until the membership renews).`
  ];
  return lines.join("\n");
}
async function contextFromEnvironment(settings) {
  const [owner = "", repo = ""] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
  const path = process.env.GITHUB_EVENT_PATH;
  const payload = path ? JSON.parse(await readFile(path, "utf8")) : {};
  return {
    octokit: createOctokit(settings.token, process.env.GITHUB_API_URL ?? "https://api.github.com"),
    repo: { owner, repo },
    eventName: process.env.GITHUB_EVENT_NAME ?? "",
    payload
  };
}
export {
  registerDeviceRun
};
