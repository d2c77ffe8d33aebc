/**
 * `mode: register-device`: a device request on an issue, from someone with write access (or
 * approved by them with a label), registered with Apple; then the open pull requests rebuild and
 * the issue gets the answer and is closed.
 */
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { createOctokit, type Octokit } from '../github.js'
import type { Settings } from '../inputs.js'
import { escapeText } from '../report/markdown.js'
import type { AscClient } from './client.js'
import { decide } from './device-guard.js'
import { readDeviceRequest } from './device-request.js'
import { rebuildOpenPullRequests, type RebuildResult } from './rebuild.js'
import { DEVICE_LIMIT, registerDevice, slotsUsed, type Outcome } from './register.js'
import type { Device } from './resources.js'

export interface RegisterContext {
  octokit: Octokit
  repo: { owner: string; repo: string }
  eventName: string
  payload: Record<string, unknown>
}

export interface RegisterResult {
  /** What happened, one line (also logged). */
  summary: string
  device?: Device
  rebuilt: number[]
}

export async function registerDeviceRun(
  settings: Settings,
  asc: AscClient,
  context?: RegisterContext
): Promise<RegisterResult> {
  const ctx = context ?? (await contextFromEnvironment(settings))
  const result = await register(settings, asc, ctx)
  // A refusal is shown on the run's page too, so the one who asked can see why.
  if (result.device) core.info(result.summary)
  else core.notice(result.summary)
  core.setOutput('device-id', result.device?.id ?? '')
  core.setOutput('rebuilt', result.rebuilt.join(','))
  return result
}

async function register(
  settings: Settings,
  asc: AscClient,
  ctx: RegisterContext
): Promise<RegisterResult> {
  const { approvalLabel, buildWorkflow } = settings.registerDevice
  const decision = decide(ctx.eventName, ctx.payload, approvalLabel)
  if (!decision.act) return { summary: `Nothing to do: ${decision.reason}.`, rebuilt: [] }
  const issue = { ...ctx.repo, issue_number: decision.issue }
  const reply = (body: string) => ctx.octokit.rest.issues.createComment({ ...issue, body })

  if (!(await canWrite(ctx, decision.actor))) {
    if (decision.source === 'form' && ctx.payload.action === 'opened') {
      await reply(
        `Thanks! Registering a device uses one of the team's yearly device slots, so someone with write access approves it by adding the \`${approvalLabel.replaceAll('`', '')}\` label.`
      )
    }
    return {
      summary: `Not registered: ${decision.actor} has no write access to the repository.`,
      rebuilt: []
    }
  }
  const request = readDeviceRequest(decision.body, decision.source)
  if ('problem' in request) {
    await reply(`The device was not registered. ${escapeText(request.problem)}`)
    return { summary: `Not registered: ${request.problem}`, rebuilt: [] }
  }
  const { device, outcome } = await registerDevice(asc, request)
  const used = await slotsUsed(asc, device.deviceClass)
  const rebuild = buildWorkflow
    ? await rebuildOpenPullRequests(ctx.octokit, ctx.repo, buildWorkflow)
    : { rebuilt: [], skipped: ['no build-workflow is set, so no pull request is rebuilt'] }
  await reply(replyText(device, outcome, used, rebuild))
  await ctx.octokit.rest.issues.update({ ...issue, state: 'closed', state_reason: 'completed' })
  return {
    summary: `${device.name} ${outcome}; rebuilding ${rebuild.rebuilt.map((r) => `#${r.pr}`).join(', ') || 'nothing'}.`,
    device,
    rebuilt: rebuild.rebuilt.map((r) => r.pr)
  }
}

/** Write, maintain and admin all read as write or admin in this API. */
async function canWrite(ctx: RegisterContext, username: string): Promise<boolean> {
  try {
    const { data } = await ctx.octokit.rest.repos.getCollaboratorPermissionLevel({
      ...ctx.repo,
      username
    })
    return data.permission === 'admin' || data.permission === 'write'
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false
    throw error
  }
}

const CLASS_NAMES: Record<string, string> = {
  IPHONE: 'iPhone',
  IPAD: 'iPad',
  IPOD: 'iPod',
  APPLE_WATCH: 'Apple Watch',
  APPLE_TV: 'Apple TV',
  APPLE_VISION_PRO: 'Apple Vision Pro',
  MAC: 'Mac'
}

function replyText(device: Device, outcome: Outcome, used: number, rebuild: RebuildResult): string {
  const kind = CLASS_NAMES[device.deviceClass ?? ''] ?? 'device'
  const lines = [
    `**${escapeText(device.name)}** (\`${device.udid}\`) is ${outcome} in the App Store Connect team.`,
    '',
    rebuild.rebuilt.length > 0
      ? `Rebuilding ${rebuild.rebuilt.map((r) => `#${r.pr}`).join(', ')}: their next install links carry a profile with this device.`
      : 'No open pull request was rebuilt.',
    // Our own text: pull request numbers and the build-workflow input.
    ...rebuild.skipped.map((line) => `- ${line}`),
    '',
    `Device slots: ${used} of Apple's ${DEVICE_LIMIT} ${kind} slots are taken this membership year, ${Math.max(0, DEVICE_LIMIT - used)} left (disabled devices count until the membership renews).`
  ]
  return lines.join('\n')
}

async function contextFromEnvironment(settings: Settings): Promise<RegisterContext> {
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/')
  const path = process.env.GITHUB_EVENT_PATH
  const payload = path ? (JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>) : {}
  return {
    octokit: createOctokit(settings.token, process.env.GITHUB_API_URL ?? 'https://api.github.com'),
    repo: { owner, repo },
    eventName: process.env.GITHUB_EVENT_NAME ?? '',
    payload
  }
}
