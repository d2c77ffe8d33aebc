import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildRecordProblem, parseBuildRecord } from '../src/ota/record.js'
import { record } from './support/ota-fixtures.js'
import { captureStdout } from './support/files.js'

afterEach(() => {
  vi.restoreAllMocks()
})

/** A valid record with `path` replaced by `value` (undefined deletes it). */
function withField(path: string, value: unknown): unknown {
  const copy = structuredClone(record('main', '1-1', '2025-01-01T00:00:00.000Z')) as unknown
  const keys = path.split('.')
  const last = keys.pop()!
  const parent = keys.reduce((at, key) => (at as Record<string, unknown>)[key], copy) as Record<
    string,
    unknown
  >
  if (value === undefined) delete parent[last]
  else parent[last] = value
  return copy
}

describe('buildRecordProblem', () => {
  it('accepts a complete record, with or without the optional fields', () => {
    const full = record('main', '1-1', '2025-01-01T00:00:00.000Z')
    expect(buildRecordProblem(full)).toBeUndefined()
    expect(
      buildRecordProblem({ ...full, notes: 'n', urls: { ...full.urls, icon: 'https://x/i.png' } })
    ).toBeUndefined()
  })

  it.each([
    ['schema', 2, 'its schema is 2, not 1'],
    ['schema', undefined, 'its schema is missing, not 1'],
    ['channel', 7, 'channel is not a string'],
    ['buildId', undefined, 'buildId is missing'],
    ['createdAt', null, 'createdAt is not a string'],
    ['app', 'Demo', 'app is not an object'],
    ['app.name', undefined, 'app.name is missing'],
    ['app.ipaSize', '900', 'app.ipaSize is not a size in bytes'],
    ['app.sha256', 5, 'app.sha256 is not a string'],
    ['source', undefined, 'source is missing'],
    ['urls', undefined, 'urls is missing'],
    ['urls.install', 1, 'urls.install is not a string'],
    ['urls.icon', false, 'urls.icon is not a string'],
    ['size', Number.NaN, 'size is not a size in bytes'],
    ['size', -1, 'size is not a size in bytes']
  ])('names the first bad field: %s = %s', (path, value, problem) => {
    expect(buildRecordProblem(withField(path, value))).toBe(problem)
  })

  it('refuses what is not an object', () => {
    expect(buildRecordProblem(null)).toBe('it is not a JSON object')
    expect(buildRecordProblem([1])).toBe('it is not a JSON object')
  })
})

describe('parseBuildRecord', () => {
  it('returns a valid record without a warning', () => {
    const output = captureStdout()
    const valid = record('main', '1-1', '2025-01-01T00:00:00.000Z')
    expect(parseBuildRecord(JSON.stringify(valid), 'ota/main/1-1/build.json')).toEqual(valid)
    expect(output()).toBe('')
  })

  it.each([
    ['{"schema":1}', 'channel is missing'],
    ['not json', 'it is not JSON'],
    [JSON.stringify(withField('urls', undefined)), 'urls is missing']
  ])('skips %s with a warning naming the file and the problem', (text, problem) => {
    const output = captureStdout()
    expect(parseBuildRecord(text, 'ota/x/y/build.json')).toBeUndefined()
    expect(output()).toMatch(
      new RegExp(
        `^::warning::Ignoring ota/x/y/build\\.json: ${problem}, so it is not an ipa-ota build\\.json\\.`
      )
    )
  })
})
