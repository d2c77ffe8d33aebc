import { readFile } from 'node:fs/promises'
import { isRecord } from './guards.js'
import type { SourceInfo } from './ota/types.js'

/** The workflow run the action executes in, read from the runner's environment when called. */
export interface RunContext {
  owner?: string
  repo?: string
  apiUrl: string
  source: SourceInfo
  /** The webhook payload of the triggering event ({} when there is none). */
  event: Record<string, unknown>
  /** RUNNER_TEMP, or the OS temp folder outside a runner. */
  tempDir: string
}

export async function readRunContext(
  env: NodeJS.ProcessEnv,
  fallbackTemp: string
): Promise<RunContext> {
  const event = await readEvent(env.GITHUB_EVENT_PATH)
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const refType = env.GITHUB_REF_TYPE === 'tag' ? 'tag' : 'branch'
  const pr = pullRequestNumber(event)
  // On pull requests GITHUB_REF_NAME is "<n>/merge"; the head branch names the build better.
  const ref = pr !== undefined ? env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME : env.GITHUB_REF_NAME
  const headSha = pr !== undefined ? pullRequestHeadSha(event) : undefined
  return {
    owner: owner || undefined,
    repo: repo || undefined,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    source: {
      serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
      repository: env.GITHUB_REPOSITORY || undefined,
      event: env.GITHUB_EVENT_NAME || undefined,
      ref: ref || undefined,
      refType: ref ? refType : undefined,
      pr,
      sha: headSha ?? (env.GITHUB_SHA || undefined),
      runId: env.GITHUB_RUN_ID || undefined,
      runNumber: positiveInt(env.GITHUB_RUN_NUMBER),
      runAttempt: positiveInt(env.GITHUB_RUN_ATTEMPT),
      workflow: env.GITHUB_WORKFLOW || undefined,
      actor: env.GITHUB_ACTOR || undefined
    },
    event,
    tempDir: env.RUNNER_TEMP || fallbackTemp
  }
}

async function readEvent(path: string | undefined): Promise<Record<string, unknown>> {
  if (!path) return {}
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'))
    return isRecord(parsed) ? parsed : {}
  } catch {
    return {}
  }
}

function pullRequestNumber(event: Record<string, unknown>): number | undefined {
  const pr = event.pull_request
  return isRecord(pr) && typeof pr.number === 'number' ? pr.number : undefined
}

function pullRequestHeadSha(event: Record<string, unknown>): string | undefined {
  const pr = event.pull_request
  const head = isRecord(pr) ? pr.head : undefined
  return isRecord(head) && typeof head.sha === 'string' ? head.sha : undefined
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : undefined
}
