import { describe, expect, it } from 'vitest'
import { buildRecordProblem, MAX_BUILD_JSON_BYTES, parseBuildRecord } from '../src/ota/record.js'
import { record } from './support/ota-fixtures.js'

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
    ['size', -1, 'size is not a size in bytes'],
    // Nested fields are checked as deeply as the index pages and the comparison read them.
    ['source.sha', 1, 'source.sha is not a string'],
    ['source.pr', '12', 'source.pr is not a number'],
    ['profile', { type: 'ad-hoc' }, 'profile.name is missing'],
    [
      'app.components',
      [{ kind: 'framework', name: 'A', compressed: 1 }],
      'app.components.0.installed is missing'
    ],
    [
      'app.components',
      [{ kind: 'x', name: 'A', compressed: 1, installed: 1 }],
      'app.components.0.kind is not a component kind'
    ],
    [
      'app.usageDescriptions',
      { NSCameraUsageDescription: 5 },
      'app.usageDescriptions.NSCameraUsageDescription is not a string'
    ],
    ['app.urlSchemes', 'demo', 'app.urlSchemes is not a list of strings'],
    ['app.installedSize', -5, 'app.installedSize is not a size in bytes']
  ])('names the first bad field: %s = %s', (path, value, problem) => {
    expect(buildRecordProblem(withField(path, value))).toBe(problem)
  })

  it('accepts a record holding every comparison fact', () => {
    const full = record('main', '1-1', '2025-01-01T00:00:00.000Z')
    const rich = {
      ...full,
      app: {
        ...full.app,
        installedSize: 2000,
        deviceFamilies: [1, 2],
        components: [{ kind: 'executable', name: 'Demo', compressed: 400, installed: 1000 }],
        usageDescriptions: { NSCameraUsageDescription: 'Scan receipts' },
        urlSchemes: ['demo']
      },
      profile: {
        type: 'ad-hoc',
        name: 'P',
        expires: '2030-01-01T00:00:00.000Z',
        devices: 2,
        provisionsAllDevices: false,
        entitlements: ['aps-environment']
      }
    }
    expect(buildRecordProblem(rich)).toBeUndefined()
  })

  it('refuses what is not an object', () => {
    expect(buildRecordProblem(null)).toBe('it is not a JSON object')
    expect(buildRecordProblem([1])).toBe('it is not a JSON object')
  })
})

describe('parseBuildRecord', () => {
  it('returns a valid record without a warning', () => {
    const warnings: string[] = []
    const valid = record('main', '1-1', '2025-01-01T00:00:00.000Z')
    expect(
      parseBuildRecord(JSON.stringify(valid), 'ota/main/1-1/build.json', (m) => warnings.push(m))
    ).toEqual(valid)
    expect(warnings).toEqual([])
  })

  it('skips a build.json over the size limit before parsing it, and keeps one at the limit', () => {
    const warnings: string[] = []
    const valid = record('main', '1-1', '2025-01-01T00:00:00.000Z')
    const padded = (bytes: number) => {
      const text = JSON.stringify({ ...valid, notes: '' })
      return text.replace('"notes":""', `"notes":"${'x'.repeat(bytes - text.length)}"`)
    }
    expect(padded(MAX_BUILD_JSON_BYTES)).toHaveLength(MAX_BUILD_JSON_BYTES)
    expect(
      parseBuildRecord(padded(MAX_BUILD_JSON_BYTES), 'a', (m) => warnings.push(m))
    ).toBeDefined()
    expect(warnings).toEqual([])
    expect(
      parseBuildRecord(padded(MAX_BUILD_JSON_BYTES + 1), 'ota/main/1-1/build.json', (m) =>
        warnings.push(m)
      )
    ).toBeUndefined()
    expect(warnings).toEqual([
      'Ignoring ota/main/1-1/build.json: it is larger than 4 MiB, far more than an ipa-ota build.json holds. It is left in place but not listed or counted; delete it or publish that build again.'
    ])
  })

  it('refuses a planted "sha": 1 when read, so no later code meets a number', () => {
    const warnings: string[] = []
    const planted = record('main', '1-1', '2025-01-01T00:00:00.000Z')
    const text = JSON.stringify({ ...planted, source: { ...planted.source, sha: 1 } })
    expect(
      parseBuildRecord(text, 'ota/main/1-1/build.json', (m) => warnings.push(m))
    ).toBeUndefined()
    expect(warnings).toEqual([
      expect.stringMatching(/^Ignoring ota\/main\/1-1\/build\.json: source\.sha is not a string/)
    ])
  })

  it.each([
    ['{"schema":1}', 'channel is missing'],
    ['not json', 'it is not JSON'],
    [JSON.stringify(withField('urls', undefined)), 'urls is missing']
  ])(
    'skips %s with a plain warning (through the callback) naming the file and the problem',
    (text, problem) => {
      const warnings: string[] = []
      expect(parseBuildRecord(text, 'ota/x/y/build.json', (m) => warnings.push(m))).toBeUndefined()
      expect(warnings).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Ignoring ota/x/y/build\\.json: ${problem}, so it is not an ipa-ota build\\.json\\.`
          )
        )
      ])
    }
  )
})
