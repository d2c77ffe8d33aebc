/**
 * The README's workflows as data: every whole workflow (a YAML block with `jobs:`), and each job
 * that runs ipa-ota with what GitHub would give it: its event, its token's permissions (the job's
 * own, else the workflow's), its environment, and the artifacts it downloads.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

export interface Step {
  uses?: string
  run?: string
  with?: Record<string, string | number | boolean>
}

export interface Job {
  'runs-on': string
  needs?: string | string[]
  if?: string
  permissions?: Record<string, string>
  environment?: string | { name: string; url?: string }
  steps: Step[]
}

export interface Workflow {
  name?: string
  on: string | Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

export interface Recipe {
  /** The block's first line (a file name comment) or the workflow's name, for test titles. */
  title: string
  text: string
  workflow: Workflow
}

export interface ActionJob {
  recipe: Recipe
  name: string
  job: Job
  /** The first event of `on:`. */
  event: string
  /** The token's permissions: the job's, else the workflow's; {} grants nothing. */
  grant: Record<string, string>
  environment?: string
  /** The ipa-ota step. */
  step: Step
}

export function readmeRecipes(path = 'README.md'): Recipe[] {
  const readme = readFileSync(path, 'utf8')
  return [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .filter((text) => /^jobs:/m.test(text))
    .map((text) => {
      const workflow = parse(text) as Workflow
      const first = text.split('\n')[0]!
      return { title: first.startsWith('#') ? first : (workflow.name ?? first), text, workflow }
    })
}

export const isAction = (step: Step) => step.uses?.startsWith('ipa-ota/ipa-ota@') === true

const ASC_MODES = new Set(['provision', 'register-device'])

export function actionJobs(recipes: Recipe[]): ActionJob[] {
  return recipes.flatMap((recipe) => {
    const { workflow } = recipe
    const event = typeof workflow.on === 'string' ? workflow.on : Object.keys(workflow.on)[0]!
    return Object.entries(workflow.jobs).flatMap(([name, job]) =>
      // provision and register-device talk to App Store Connect: asc-action.test.ts runs them
      // through dist against its stand-in.
      job.steps
        .filter((step) => isAction(step) && !ASC_MODES.has(String(step.with?.mode)))
        .map((step) => ({
          recipe,
          name,
          job,
          event,
          grant: job.permissions ?? workflow.permissions ?? {},
          environment:
            typeof job.environment === 'string' ? job.environment : job.environment?.name,
          step
        }))
    )
  })
}

/** The jobs `job` needs, by name. */
export function needs(job: Job): string[] {
  return job.needs === undefined ? [] : [job.needs].flat()
}
