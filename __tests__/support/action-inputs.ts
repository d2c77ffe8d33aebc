import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface ActionYml {
  inputs: Record<string, { default?: string; description: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

export const actionYml = parse(readFileSync('action.yml', 'utf8')) as ActionYml

/**
 * INPUT_* variables as the runner sets them: action.yml's declared defaults (so code and metadata
 * cannot drift), overridden by `inputs`. Expressions such as ${{ github.token }} become `token`.
 */
export function inputEnv(
  inputs: Record<string, string>,
  token = 'ghs_testtoken0000'
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    const value = inputs[name] ?? spec.default ?? ''
    env[`INPUT_${name.toUpperCase()}`] = value.includes('${{') ? token : value
  }
  for (const name of Object.keys(inputs)) {
    if (!(name in actionYml.inputs))
      throw new Error(`test uses input ${name}, which action.yml does not declare`)
  }
  return env
}

/**
 * Sets `env` on process.env for the duration of `fn`, restoring the previous values afterwards.
 * The runner folders of the machine running the tests (a CI job's RUNNER_TEMP) are not the test's:
 * they are unset unless `env` gives them.
 */
export async function withEnv<T>(given: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const env = { GITHUB_WORKSPACE: '', RUNNER_TEMP: '', ...given }
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  try {
    return await fn()
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}
