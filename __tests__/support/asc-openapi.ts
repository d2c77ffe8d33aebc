/**
 * Apple's OpenAPI description of the App Store Connect API (the shared fixtures), indexed so the
 * stand-in can check every request: the path and method exist, every query parameter is one the
 * operation declares (with its comma-separated values valid), and the JSON body matches the schema.
 */
import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import formats from 'ajv-formats'
import { corpusFolder } from './corpus.js'

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: { type?: string; items?: unknown }
}
interface Operation {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content: Record<string, unknown> }
}
interface Spec {
  paths: Record<string, Record<string, Operation>>
}

export interface AscRoute {
  method: string
  template: string
  operationId: string
  pattern: RegExp
  names: string[]
  operation: Operation
  pointer: string
}

/** Call at a test file's top: on CI a missing description fails the file. */
export const ascCorpus = corpusFolder('app-store-connect')

let cache: { spec: Spec; routes: AscRoute[]; ajv: Ajv } | undefined
const validators = new Map<string, ValidateFunction>()

const escapePointer = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1')

function load() {
  if (cache) return cache
  const spec = JSON.parse(readFileSync(ascCorpus.path('openapi.json'), 'utf8')) as Spec
  const routes: AscRoute[] = []
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation.operationId) continue
      const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)
      const source = template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '([^/]+)')
      routes.push({
        method: method.toUpperCase(),
        template,
        operationId: operation.operationId,
        pattern: new RegExp(`^${source}$`),
        names,
        operation,
        pointer: `/paths/${escapePointer(template)}/${method}`
      })
    }
  }
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false })
  formats.default(ajv)
  ajv.addSchema(spec, 'asc')
  cache = { spec, routes, ajv }
  return cache
}

export interface AscMatch {
  route: AscRoute
  params: Record<string, string>
}

export function matchAscRoute(method: string, path: string): AscMatch | string {
  const onPath = load().routes.filter((r) => r.pattern.test(path))
  const route = onPath.find((r) => r.method === method)
  if (!route) {
    return onPath.length > 0
      ? `no ${method} on this path (only ${onPath.map((r) => r.method).join(', ')})`
      : 'no such path in the App Store Connect API'
  }
  const found = route.pattern.exec(path)!
  const params = Object.fromEntries(
    route.names.map((n, i) => [n, decodeURIComponent(found[i + 1]!)])
  )
  return { route, params }
}

function validator(pointer: string): ValidateFunction {
  let validate = validators.get(pointer)
  if (!validate) {
    validate = load().ajv.compile({ $ref: `asc#${pointer}` })
    validators.set(pointer, validate)
  }
  return validate
}

/**
 * Query problems. `cursor` is allowed on GETs: Apple's `links.next` carries it, and the
 * description leaves it out (it documents paging in prose).
 */
export function checkAscQuery(match: AscMatch, query: URLSearchParams): string[] {
  const problems: string[] = []
  const declared = match.route.operation.parameters ?? []
  for (const name of new Set(query.keys())) {
    if (name === 'cursor' && match.route.method === 'GET') continue
    const index = declared.findIndex((p) => p.in === 'query' && p.name === name)
    if (index === -1) {
      problems.push(`query parameter ${name} is not declared`)
      continue
    }
    const parameter = declared[index]!
    const raw = query.get(name) ?? ''
    const value =
      parameter.schema?.type === 'array'
        ? raw.split(',')
        : parameter.schema?.type === 'integer'
          ? Number(raw)
          : raw
    const validate = validator(`${match.route.pointer}/parameters/${index}/schema`)
    if (!validate(value)) {
      problems.push(
        ...(validate.errors ?? []).map((e) => `query ${name}${e.instancePath} ${e.message ?? ''}`)
      )
    }
  }
  for (const p of declared) {
    if (p.in === 'query' && p.required && !query.has(p.name)) problems.push(`missing ${p.name}`)
  }
  return problems
}

export function checkAscBody(match: AscMatch, body: unknown): string[] {
  const requestBody = match.route.operation.requestBody
  if (!requestBody) return body === undefined ? [] : ['a body where the operation takes none']
  if (body === undefined) return requestBody.required ? ['missing the required JSON body'] : []
  const validate = validator(`${match.route.pointer}/requestBody/content/application~1json/schema`)
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message ?? ''}`)
}
