/**
 * The GitHub side of mode: register-device behind the GitHub stand-in: collaborators'
 * permissions, open pull requests, the build workflow's runs per head commit, re-runs and issue
 * updates. Comments are the comments fake's.
 */
import type { GitHubStandIn } from './github-server.js'

export interface DeviceRepoFake {
  /** login → admin, write, read or none (others read, as on a public repository). */
  permissions: Record<string, string>
  pulls: { number: number; sha: string }[]
  /** head sha → successful run ids of the build workflow, newest first. */
  runs: Record<string, number[]>
  /** Workflow ids (file names) asked for. */
  workflows: string[]
  reruns: number[]
  updates: { issue: number; state?: string; state_reason?: string }[]
}

export function installDeviceRepoFake(server: GitHubStandIn): DeviceRepoFake {
  const fake: DeviceRepoFake = {
    permissions: {},
    pulls: [],
    runs: {},
    workflows: [],
    reruns: [],
    updates: []
  }
  server.handle('repos/get-collaborator-permission-level', ({ params }) => {
    const permission = fake.permissions[params.username ?? ''] ?? 'read'
    return {
      status: 200,
      body: { permission, role_name: permission, user: { login: params.username } }
    }
  })
  server.handle('pulls/list', ({ query }) => ({
    status: 200,
    body:
      query.get('state') === 'open'
        ? fake.pulls.map((p) => ({ number: p.number, state: 'open', head: { sha: p.sha } }))
        : []
  }))
  server.handle('actions/list-workflow-runs', ({ params, query }) => {
    fake.workflows.push(params.workflow_id ?? '')
    const ids =
      query.get('status') === 'success' ? (fake.runs[query.get('head_sha') ?? ''] ?? []) : []
    const limited = ids.slice(0, Number(query.get('per_page') ?? 30))
    return {
      status: 200,
      body: {
        total_count: ids.length,
        workflow_runs: limited.map((id) => ({
          id,
          head_sha: query.get('head_sha'),
          conclusion: 'success'
        }))
      }
    }
  })
  server.handle('actions/re-run-workflow', ({ params }) => {
    fake.reruns.push(Number(params.run_id))
    return { status: 201, body: {} }
  })
  server.handle('issues/update', ({ params, body }) => {
    const { state, state_reason } = body as { state?: string; state_reason?: string }
    fake.updates.push({ issue: Number(params.issue_number), state, state_reason })
    return { status: 200, body: { number: Number(params.issue_number), state } }
  })
  return fake
}
