import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  oneLine
} from "./chunk-UOO3K7Q7.js";
import {
  isRecord
} from "./chunk-HX2S5KYY.js";
import {
  UserError
} from "./chunk-6P6ZSRAO.js";

// src/event/fork.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment"
]);
var DEPENDABOT_READ_ONLY = /* @__PURE__ */ new Set([
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "push"
]);
function isForkPullRequest(eventPayload) {
  const pr = eventPayload.pull_request;
  if (!isRecord(pr)) return false;
  const head = isRecord(pr.head) ? pr.head.repo : void 0;
  const base = isRecord(pr.base) ? pr.base.repo : void 0;
  if (head === null) return true;
  if (!isRecord(head) || !isRecord(base)) return false;
  if (typeof head.id === "number" && typeof base.id === "number") return head.id !== base.id;
  return head.full_name !== base.full_name;
}
function isDependabotRun(eventName, actor) {
  return actor === "dependabot[bot]" && eventName !== void 0 && DEPENDABOT_READ_ONLY.has(eventName);
}
function forkPolicy(eventName, eventPayload, mode) {
  if (!isForkPullRequest(eventPayload)) return "go";
  if (eventName !== "pull_request_target") return "skip";
  return mode === "remove" ? "go" : "refuse";
}

// src/event/guard.ts
var README = '(see the README: "Pull requests from forks")';
var FORK_SKIP_REASON = oneLine(
  `This pull request comes from a fork, so its token is read-only: ipa-ota published nothing and posted no comment.
  To publish builds of fork pull requests, build in a pull_request workflow, upload the .ipa as an artifact, and publish it from a workflow_run workflow ${README}.`
);
var DEPENDABOT_SKIP_REASON = oneLine(
  `Dependabot started this run, so its token is read-only and it has no secrets: ipa-ota published nothing and posted no comment.
  To publish Dependabot's builds, publish them from a workflow_run workflow as for forks ${README}.`
);
var UNSIGNED_FORK_SKIP_REASON = oneLine(
  `The build run built a fork's code, and its IPA is unsigned (no embedded.mobileprovision): a fork's run gets no signing secrets, and signing its code means trusting it. ipa-ota published nothing.
  To publish it, a maintainer approves the signing job of the fork recipe (an environment with required reviewers that re-signs the archive) and the publish job takes the signed IPA ${README}.`
);
function skipAfterReading(build, signed) {
  return build.fork === true && !signed ? UNSIGNED_FORK_SKIP_REASON : void 0;
}
var FORK_TARGET_REFUSAL = oneLine(
  `This pull_request_target run is for a pull request from a fork: publishing its build means the workflow built the fork's code with a token that can write, which lets the fork take over the repository.
  Build in a pull_request workflow and publish from a workflow_run workflow instead ${README}; mode: remove is fine on pull_request_target.`
);
function unreadableEvent(why, mode) {
  return `The event payload cannot be read (${why}), so nothing tells whether this run is for a fork's pull request: ipa-ota ${mode === "publish" ? "published" : "removed"} nothing. Re-run the workflow; if it happens again, report it with the runner's version.`;
}
async function judgeRun(input) {
  const { context, mode } = input;
  if (context.eventUnreadable !== void 0) {
    return refuse(unreadableEvent(context.eventUnreadable, mode));
  }
  if (isDependabotRun(context.eventName, context.source.actor)) return skip(DEPENDABOT_SKIP_REASON);
  const fork = forkPolicy(context.eventName, context.event, mode);
  if (fork === "skip") return skip(FORK_SKIP_REASON);
  if (fork === "refuse") return refuse(FORK_TARGET_REFUSAL);
  if (context.workflowRun) return judgeWorkflowRun(input, context.workflowRun);
  const { source } = context;
  const what = source.pr !== void 0 ? `pull request #${source.pr}` : `${source.ref ?? "no ref"}`;
  return go(
    mode,
    { source, baseRef: context.baseRef },
    `a ${source.event ?? "local"} run for ${what}`
  );
}
async function judgeWorkflowRun(input, run) {
  const { context, mode } = input;
  const own = isOwnRepository(context, run);
  const forPullRequest = run.event !== void 0 && PULL_REQUEST_EVENTS.has(run.event);
  const build = (pr, baseRef) => ({
    source: Object.freeze({ ...context.source, pr }),
    baseRef,
    fork: !own
  });
  if (own && !forPullRequest) {
    return go(mode, build(), `a ${run.event ?? "workflow"} run of this repository`);
  }
  if (input.prNumber !== void 0) {
    return go(mode, build(input.prNumber), `pr-number names pull request #${input.prNumber}`);
  }
  const listed = mode === "publish" ? run.pullRequests.find((pull) => built(pull, run)) : void 0;
  if (listed !== void 0) {
    return go(
      mode,
      build(listed.number, listed.baseRef),
      `pull request #${listed.number}, listed with the build run, has the built commit as its head`
    );
  }
  const found = await findBuilt(input, run, own);
  if (found !== void 0) {
    return go(
      mode,
      build(found.number, found.baseRef),
      `pull request #${found.number} into ${found.baseRef} has the built commit as its head`
    );
  }
  if (input.channel !== void 0) return go(mode, build(), `channel names the channel`);
  return skip(notFound(context, run, mode, own));
}
function isOwnRepository(context, run) {
  if (run.headRepositoryId !== void 0 && context.repositoryId !== void 0) {
    return run.headRepositoryId === context.repositoryId;
  }
  const ours = context.source.repository?.toLowerCase();
  return ours !== void 0 && run.headRepository?.toLowerCase() === ours;
}
function built(pull, run) {
  return run.headSha !== void 0 && pull.headSha === run.headSha && run.headRepositoryId !== void 0 && pull.headRepositoryId === run.headRepositoryId;
}
async function findBuilt(input, run, own) {
  const { lookup, mode } = input;
  if (lookup === void 0 || run.headSha === void 0) return void 0;
  if (mode === "publish" && own) {
    const [byCommit] = await lookup.openByCommit(run.headSha);
    if (byCommit !== void 0) return byCommit;
  }
  if (run.headRepository === void 0 || run.headBranch === void 0) return void 0;
  const head = {
    repository: run.headRepository,
    branch: run.headBranch,
    sha: run.headSha
  };
  return lookup.byHead(head, mode === "publish" ? "open" : "closed");
}
function notFound(context, run, mode, own) {
  const head = `${run.headRepository ?? "?"}:${run.headBranch ?? "?"} at ${run.headSha?.slice(0, 7) ?? "?"}`;
  const repository = context.source.repository ?? "this repository";
  const why = mode === "publish" ? "it was closed, or pushed again since" : "it is still open, or was pushed again before it closed";
  const fork = own ? "" : " The build run is a fork's, whose branch name never chooses a channel.";
  return oneLine(
    `The triggering run built ${head}, but no ${mode === "publish" ? "open" : "closed"} pull request of ${repository} has that head commit (${why}): ipa-ota ${mode === "publish" ? "published" : "removed"} nothing.${fork} Set channel (and pr-number) to ${mode} it anyway.`
  );
}
function go(mode, build, reason) {
  return { action: mode, build, reason };
}
function skip(reason) {
  return { action: "skip", reason };
}
function refuse(reason) {
  return { action: "refuse", reason };
}

// src/input-files.ts
import { constants } from "node:fs";
import { open, realpath, statfs } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
var TEXT_FILE_CAP = 256 * 1024;
var PSEUDO_FILE_SYSTEMS = /* @__PURE__ */ new Set([40864, 1650812274]);
function inputRoots(env = process.env) {
  return [env.GITHUB_WORKSPACE, env.RUNNER_TEMP].filter((root) => Boolean(root));
}
async function confinedPath(path, input, roots, hint = "check the path") {
  let real;
  try {
    real = await realpath(path);
  } catch (error) {
    throw unreadable(path, input, error, hint);
  }
  const realRoots = await Promise.all(
    roots.map((root) => realpath(root).catch(() => resolve(root)))
  );
  if (realRoots.length > 0 && !realRoots.some((root) => inside(real, root))) {
    throw new UserError(
      `Input ${input} "${path}" resolves to ${real}, outside the workspace and RUNNER_TEMP (${roots.join(", ")}): give a file inside them; a symbolic link out of them is refused, as it could publish any file of the runner.`
    );
  }
  if (/^\/(proc|sys)(\/|$)/.test(real) || PSEUDO_FILE_SYSTEMS.has((await statfs(real)).type)) {
    throw new UserError(
      `Input ${input} "${path}" resolves to ${real}, a file of the system, not of the build: give the path of a file an earlier step wrote.`
    );
  }
  return real;
}
async function readInputText(path, input, options) {
  const maxBytes = options.maxBytes ?? TEXT_FILE_CAP;
  const real = await confinedPath(path, input, options.roots, options.hint);
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  const file = await open(real, flags).catch((error) => {
    throw unreadable(path, input, error, options.hint);
  });
  try {
    const stats = await file.stat();
    if (!stats.isFile()) {
      throw new UserError(
        `Input ${input} "${path}" is not a regular file (a folder, device or pipe): ${options.hint}.`
      );
    }
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    if (stats.size > maxBytes || bytesRead > maxBytes) {
      throw new UserError(
        `Input ${input} "${path}" is larger than ${maxBytes / 1024} KiB, the limit for it: ${options.hint}.`
      );
    }
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await file.close();
  }
}
function inside(path, root) {
  const rel = relative(root, path);
  return rel === "" || rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
function unreadable(path, input, error, hint) {
  const code = error.code;
  return new UserError(
    `Input ${input} "${path}" cannot be read (${typeof code === "string" ? code : String(error)}): ${hint}.`
  );
}

export {
  skipAfterReading,
  unreadableEvent,
  judgeRun,
  inputRoots,
  confinedPath,
  readInputText
};
