import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildRecordProblem, MAX_BUILD_JSON_BYTES, parseBuildRecord } from '../src/ota/record.js'
import { deviceKey, MAX_RECORDED_DEVICES } from '../src/ota/devices.js'
import { buildFacts } from '../src/ota/facts.js'
import { ipaInfo, profile, record } from './support/ota-fixtures.js'

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
        deviceIds: ['0123456789abcdef', 'fedcba9876543210'],
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

describe('the devices of a profile in build.json', () => {
  const udids = ['00008101-000A1B2C3D4E5F60', '0123456789abcdef0123456789abcdef01234567']
  const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16)

  it('are written as sorted hash keys of the lower-cased UDIDs, never the UDIDs', () => {
    const facts = buildFacts(ipaInfo({ profile: profile({ devices: udids }) }))
    const expected = udids.map((udid) => sha(udid.toLowerCase())).sort()
    expect(facts.profile?.deviceIds).toEqual(expected)
    expect(deviceKey('00008101-000a1b2c3d4e5f60')).toBe(deviceKey(udids[0]!))
    const json = JSON.stringify(facts)
    for (const udid of udids) expect(json.toLowerCase()).not.toContain(udid.toLowerCase())
    expect(
      buildFacts(ipaInfo({ profile: profile({ type: 'development', devices: udids }) })).profile
        ?.deviceIds
    ).toEqual(expected)
  })

  it('are left out for profiles without a device list and above the cap', () => {
    const none = (overrides: Parameters<typeof profile>[0]) =>
      buildFacts(ipaInfo({ profile: profile(overrides) })).profile
    expect(
      none({ type: 'enterprise', devices: [], provisionsAllDevices: true })
    ).not.toHaveProperty('deviceIds')
    expect(none({ type: 'app-store', devices: [] })).not.toHaveProperty('deviceIds')
    const many = Array.from({ length: MAX_RECORDED_DEVICES + 1 }, (_, i) =>
      i.toString(16).padStart(40, '0')
    )
    expect(none({ devices: many })).not.toHaveProperty('deviceIds')
    expect(none({ devices: many.slice(1) })?.deviceIds).toHaveLength(MAX_RECORDED_DEVICES)
  })

  const old = {
    type: 'ad-hoc' as const,
    name: 'P',
    expires: '2030-01-01T00:00:00.000Z',
    devices: 2,
    provisionsAllDevices: false
  }
  const keyed = { ...old, deviceIds: ['0123456789abcdef', 'fedcba9876543210'] }
  const withKeys = { ...record('main', '1-1', '2025-01-01T00:00:00.000Z'), profile: keyed }

  it('are read back, and a record written before them still reads', () => {
    const fail = (m: string) => expect.fail(m)
    expect(parseBuildRecord(JSON.stringify(withKeys), 'a', fail)?.profile?.deviceIds).toEqual([
      '0123456789abcdef',
      'fedcba9876543210'
    ])
    const read = parseBuildRecord(JSON.stringify({ ...withKeys, profile: old }), 'a', fail)
    expect(read?.profile).toEqual(old)
  })

  it('are refused when they are not keys, or more than the cap', () => {
    const keys = (deviceIds: unknown) =>
      buildRecordProblem({ ...withKeys, profile: { ...withKeys.profile, deviceIds } })
    expect(keys('ab')).toBe('profile.deviceIds is not a list of device keys')
    expect(keys(['00008101-000A1B2C3D4E5F60'])).toBe(
      'profile.deviceIds.0 is not a device key (16 hex digits)'
    )
    expect(keys(Array.from({ length: 1000 }, () => '0123456789abcdef'))).toBeUndefined()
    expect(keys(Array.from({ length: 1001 }, () => '0123456789abcdef'))).toBe(
      'profile.deviceIds is not a list of at most 1000 device keys'
    )
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
