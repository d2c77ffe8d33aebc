/** Runs the bundled action (dist/index.js) the way the GitHub runner does, in a child process. */
import { execFile, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv } from './action-inputs.js'

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** The lines the runner turns into error annotations. */
  errors: string[]
}

export interface RunOptions {
  inputs: Record<string, string>
  event?: { name: string; payload: unknown }
  env?: Record<string, string>
  token?: string
  cwd?: string
  /** Receives the action's process, e.g. to send it SIGTERM as the runner does on cancel. */
  onSpawn?: (child: ChildProcess) => void
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'))
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
    event: join(dir, 'event.json')
  }
  await writeFile(files.output, '')
  await writeFile(files.summary, '')
  await writeFile(files.event, JSON.stringify(options.event?.payload ?? {}))
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SERVER_URL: 'https://github.com',
    // Nothing answers here. A run that asks GitHub anyway (a push looks up its pull requests unless
    // comment: never) retries for 14 s, then warns: give such a run a stand-in's URL.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    // The run id follows the run number here, so the default build id (<run id>-<attempt>) reads
    // as the run number and a test that sets only GITHUB_RUN_NUMBER still gets a run of its own.
    GITHUB_RUN_ID: options.env?.GITHUB_RUN_NUMBER ?? '17',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'iOS',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: options.cwd ?? dir,
    ...inputEnv(options.inputs, options.token),
    ...options.env
  }
  const { code, stdout, stderr } = await new Promise<{
    code: number
    stdout: string
    stderr: string
  }>((resolve) => {
    const child = execFile(
      process.execPath,
      [join(process.cwd(), 'dist/index.js')],
      { env, cwd: options.cwd ?? dir, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    )
    options.onSpawn?.(child)
  })
  try {
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputs(await readFile(files.output, 'utf8')),
      summary: await readFile(files.summary, 'utf8'),
      errors: stdout.split('\n').filter((line) => line.startsWith('::error'))
    }
  } finally {
    // The run's RUNNER_TEMP (and workspace, without options.cwd): nothing reads it afterwards.
    await rm(dir, { recursive: true, force: true })
  }
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm
  for (const [, name, , value] of text.matchAll(pattern)) outputs[name!] = value!
  return outputs
}
