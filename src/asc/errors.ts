/** Apple's `errors[]` answers turned into one line that names the fix. */
import { UserError } from '../errors.js'
import { isRecord } from '../guards.js'

export interface AppleError {
  status: string
  code: string
  title: string
  detail?: string
}

/** An App Store Connect answer that was not a success, with Apple's errors. */
export class AscError extends UserError {
  override name = 'AscError'
  constructor(
    message: string,
    readonly status: number,
    readonly errors: AppleError[]
  ) {
    super(message)
  }
}

export function appleErrors(body: unknown): AppleError[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return []
  return body.errors.filter(isRecord).map((e) => ({
    status: text(e.status),
    code: text(e.code),
    title: text(e.title),
    ...(typeof e.detail === 'string' ? { detail: e.detail } : {})
  }))
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : ''

const KEY_PAGE = 'App Store Connect › Users and Access › Integrations › App Store Connect API'

/** What to do about an answer, by status and Apple's code. */
function fixFor(status: number, errors: AppleError[]): string {
  const code = errors[0]?.code ?? ''
  if (status === 401) {
    return `check that asc-key-id, asc-issuer-id and asc-private-key belong to the same key, which is not revoked (${KEY_PAGE}), and that the runner's clock is right`
  }
  if (status === 403) {
    return `give the API key the Admin or App Manager role (${KEY_PAGE}); a Developer key cannot manage devices and profiles`
  }
  if (status === 429) return 'the API key ran out of its hourly request budget: run again later'
  if (status >= 500)
    return "Apple's server failed: run again later (https://developer.apple.com/system-status/)"
  if (code.startsWith('ENTITY_ERROR')) return 'fix the value Apple names'
  return 'see Apple’s detail above'
}

/** One line: what was asked, Apple's words, and the fix. */
export function explainAscError(
  method: string,
  path: string,
  status: number,
  body: unknown
): AscError {
  const errors = appleErrors(body)
  const words = errors
    .map((e) => `${e.code}: ${e.detail ?? e.title}`)
    .join('; ')
    .replace(/\s+/g, ' ')
  return new AscError(
    `App Store Connect answered ${status} to ${method} ${path}${words ? ` (${words})` : ''}: ${fixFor(status, errors)}.`,
    status,
    errors
  )
}
