/**
 * GitHub's own OpenAPI description of api.github.com (@octokit/openapi), indexed into a route table
 * so the stand-in server can check every request our code sends: the route exists, the path and
 * query parameters have the right types, and the JSON body matches the operation's schema.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv, type ValidateFunction } from 'ajv'
import formats from 'ajv-formats'

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: unknown
}
type Ref = { $ref: string }
interface Operation {
  operationId: string
  parameters?: (Parameter | Ref)[]
  requestBody?: RequestBody | Ref
}
interface RequestBody {
  required?: boolean
  content: Record<string, { schema?: unknown }>
}
interface Spec {
  paths: Record<string, Record<string, Operation>>
  components: { parameters: Record<string, Parameter>; requestBodies: Record<string, RequestBody> }
}

export interface Route {
  method: string
  template: string
  operationId: string
  /** One regular expression per path segment, e.g. `{base}...{head}` is one segment. */
  segments: { literal?: string; pattern: RegExp; names: string[] }[]
  /** JSON pointer of the operation inside the description, for Ajv `$ref`s. */
  pointer: string
  /** Media type of the request body: JSON bodies are parsed, others are raw bytes. */
  bodyType?: string
  bodyRequired: boolean
}

export interface Match {
  route: Route
  params: Record<string, string>
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const SPEC_ID = 'github'
/** Trailing parameters that GitHub also accepts with unencoded slashes. */
const SLASHED = new Set(['ref', 'path', 'branch'])

let cache: { spec: Spec; routes: Route[]; byOperation: Map<string, Route> } | undefined
const validators = new Map<string, ValidateFunction>()
let ajvBody: Ajv | undefined
let ajvParams: Ajv | undefined

const escapePointer = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1')
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The description is 13 MB: parse it once per process, and only when a test starts a server. */
function load() {
  if (cache) return cache
  const file = createRequire(import.meta.url).resolve(
    '@octokit/openapi/generated/api.github.com.json'
  )
  const spec = nullableWithoutType(JSON.parse(readFileSync(file, 'utf8'))) as Spec
  const routes: Route[] = []
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method]
      if (!operation) continue
      let body = operation.requestBody
      if (body && '$ref' in body) body = spec.components.requestBodies[refName(body.$ref)]
      routes.push({
        method: method.toUpperCase(),
        template,
        operationId: operation.operationId,
        segments: template
          .split('/')
          .slice(1)
          .map((segment) => {
            const names = [...segment.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '')
            if (names.length === 0) {
              return { literal: segment, pattern: new RegExp(`^${escapeRegExp(segment)}$`), names }
            }
            const source = segment
              .split(/\{[^}]+\}/)
              .map(escapeRegExp)
              .join('(.+?)')
            return { pattern: new RegExp(`^${source}$`), names }
          }),
        pointer: `/paths/${escapePointer(template)}/${method}`,
        bodyType: body ? Object.keys(body.content)[0] : undefined,
        bodyRequired: body?.required === true
      })
    }
  }
  cache = { spec, routes, byOperation: new Map(routes.map((r) => [r.operationId, r])) }
  return cache
}

/**
 * Ajv refuses `nullable: true` beside no `type` (e.g. issues/update's `milestone`, a oneOf):
 * such a schema becomes "it, or null", which is what OpenAPI 3.0 means by it. Rewritten in place:
 * copying every node of the 13 MB description cost every test file that starts a server a second.
 */
function nullableWithoutType(node: unknown): unknown {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = nullableWithoutType(node[i])
    return node
  }
  if (node === null || typeof node !== 'object') return node
  const object = node as Record<string, unknown>
  for (const key of Object.keys(object)) object[key] = nullableWithoutType(object[key])
  if (object.nullable !== true || 'type' in object) return object
  const rest = { ...object }
  delete rest.nullable
  return { anyOf: [rest, { type: 'null' }] }
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1)
}

/** Whether `operationId` exists in the description (handlers for typos would never run). */
export function hasOperation(operationId: string): boolean {
  return load().byOperation.has(operationId)
}

/**
 * Finds the operation for a request. A literal segment wins over a parameter
 * (`releases/latest` over `releases/{release_id}`), as on GitHub. A trailing parameter such as
 * `git/ref/{ref}` or `contents/{path}` may hold unencoded slashes when nothing else matches.
 * Also returns the methods allowed on the path, to tell "no such route" from "wrong method".
 */
export function matchRoute(
  method: string,
  path: string
): { match?: Match; otherMethods: string[] } {
  const parts = path.split('/').slice(1)
  const exact = findRoute(method, parts, false)
  return exact.match || exact.otherMethods.length > 0 ? exact : findRoute(method, parts, true)
}

function findRoute(
  method: string,
  parts: string[],
  greedyTail: boolean
): { match?: Match; otherMethods: string[] } {
  let best: { match: Match; literals: number[] } | undefined
  const otherMethods: string[] = []
  for (const route of load().routes) {
    const last = route.segments.at(-1)
    const tailParam = last?.literal === undefined && SLASHED.has(last?.names[0] ?? '')
    const candidate =
      route.segments.length === parts.length
        ? parts
        : greedyTail && tailParam && parts.length > route.segments.length
          ? [
              ...parts.slice(0, route.segments.length - 1),
              parts.slice(route.segments.length - 1).join('/')
            ]
          : undefined
    if (!candidate) continue
    const params: Record<string, string> = {}
    const literals: number[] = []
    const matched = route.segments.every((segment, i) => {
      const found = segment.pattern.exec(candidate[i] ?? '')
      if (!found) return false
      if (segment.literal !== undefined) literals.push(i)
      segment.names.forEach((name, j) => {
        params[name] = safeDecode(found[j + 1] ?? '')
      })
      return true
    })
    if (!matched) continue
    if (route.method !== method) {
      otherMethods.push(route.method)
      continue
    }
    if (!best || moreSpecific(literals, best.literals)) {
      best = { match: { route, params }, literals }
    }
  }
  return { match: best?.match, otherMethods }
}

/** Earlier literal segments are more specific: compare the literal positions in order. */
function moreSpecific(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] ?? Infinity) < (b[i] ?? Infinity)
  }
  return a.length > b.length
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export function routeOf(operationId: string): Route | undefined {
  return load().byOperation.get(operationId)
}

/**
 * Two Ajv instances share the whole description (added once, compiled lazily per schema):
 * parameters arrive as strings and are coerced to their declared types; bodies are not coerced.
 */
function ajv(kind: 'body' | 'params'): Ajv {
  const existing = kind === 'body' ? ajvBody : ajvParams
  if (existing) return existing
  const created = new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    logger: false,
    coerceTypes: kind === 'params' ? 'array' : false
  })
  formats.default(created)
  created.addSchema(load().spec, SPEC_ID)
  if (kind === 'body') ajvBody = created
  else ajvParams = created
  return created
}

/**
 * A compiled validator for the schema at `pointer`. Parameter values are wrapped in a holder
 * object because Ajv coerces a value by rewriting it in its parent.
 */
function validator(kind: 'body' | 'params', pointer: string): ValidateFunction {
  const key = `${kind} ${pointer}`
  let validate = validators.get(key)
  if (!validate) {
    const ref = { $ref: `${SPEC_ID}#${pointer}` }
    validate = ajv(kind).compile(
      kind === 'body' ? ref : { type: 'object', properties: { value: ref } }
    )
    validators.set(key, validate)
  }
  return validate
}

/** Ajv's errors as "body/title must be string"; `holder` drops the parameter holder from paths. */
function describeErrors(validate: ValidateFunction, subject: string, holder = ''): string[] {
  return (validate.errors ?? []).map(
    (e) => `${subject}${e.instancePath.slice(holder.length)} ${e.message ?? 'is invalid'}`
  )
}

/** The operation's parameters with their JSON pointers (parameters are often `$ref`s). */
function parametersOf(route: Route): { parameter: Parameter; pointer: string }[] {
  const { spec } = load()
  const method = route.method.toLowerCase()
  const operation = spec.paths[route.template]?.[method]
  return (operation?.parameters ?? []).flatMap((p, i) => {
    if ('$ref' in p) {
      const name = refName(p.$ref)
      const parameter = spec.components.parameters[name]
      return parameter
        ? [{ parameter, pointer: `/components/parameters/${escapePointer(name)}` }]
        : []
    }
    return [{ parameter: p, pointer: `${route.pointer}/parameters/${i}` }]
  })
}

/** Problems with the path and query parameters, one human-readable line each. */
export function checkParameters(match: Match, query: URLSearchParams): string[] {
  const problems: string[] = []
  for (const { parameter, pointer } of parametersOf(match.route)) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue
    const values =
      parameter.in === 'path'
        ? [match.params[parameter.name]].filter((v) => v !== undefined)
        : query.getAll(parameter.name)
    if (values.length === 0) {
      if (parameter.required)
        problems.push(`missing required ${parameter.in} parameter ${parameter.name}`)
      continue
    }
    if (!parameter.schema || acceptsAnyText(parameter.schema)) continue
    const validate = validator('params', `${pointer}/schema`)
    if (!validate({ value: values.length === 1 ? values[0] : values })) {
      problems.push(
        ...describeErrors(validate, `${parameter.in} parameter ${parameter.name}`, '/value')
      )
    }
  }
  return problems
}

/**
 * A URL carries text, so `oneOf: [integer, string]` (e.g. pages_deployment_id) takes any value;
 * Ajv's coercion would match "7000" to both branches and call it ambiguous.
 */
function acceptsAnyText(schema: unknown): boolean {
  const { oneOf } = schema as { oneOf?: { type?: string; format?: string; pattern?: string }[] }
  return (
    oneOf?.some((branch) => branch.type === 'string' && !branch.format && !branch.pattern) ?? false
  )
}

/** Problems with a parsed JSON body. */
export function checkBody(route: Route, body: unknown): string[] {
  if (route.bodyType !== 'application/json') return []
  if (body === undefined) return route.bodyRequired ? ['missing the required JSON body'] : []
  const validate = validator('body', `${bodyPointer(route)}/content/application~1json/schema`)
  return validate(body) ? [] : describeErrors(validate, 'body')
}

function bodyPointer(route: Route): string {
  const body = load().spec.paths[route.template]?.[route.method.toLowerCase()]?.requestBody
  return body && '$ref' in body
    ? `/components/requestBodies/${escapePointer(refName(body.$ref))}`
    : `${route.pointer}/requestBody`
}
