import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { parseProfile } from '../src/ipa/profile.js'
import { describeChanges } from '../src/ota/changes-text.js'
import { changesSince, comparisonChannel, newSinceBase } from '../src/ota/compare.js'
import { compareBuilds, type BuildFacts } from '../src/ota/comparison.js'
import { checkDevices, deviceKey, parseDeviceList } from '../src/ota/devices.js'
import { renderPageChanges } from '../src/ota/page-changes.js'
import type { BuildRecord } from '../src/ota/types.js'
import { CHANGES_BUDGET, changesMarkdown, devicesMarkdown } from '../src/report/changes.js'
import { record } from './support/ota-fixtures.js'

const PROFILES = resolve('../shared/fixtures/profiles')
const skipCorpus = !existsSync(PROFILES) && process.env.CI !== 'true'

/** A build.json with every comparison fact. */
function rich(buildId: string, createdAt: string, edit: (r: BuildRecord) => void = () => {}) {
  const built = record('main', buildId, createdAt)
  built.app = {
    ...built.app,
    version: '1.3',
    build: '41',
    ipaSize: 10_000_000,
    minimumOsVersion: '15.0',
    installedSize: 30_000_000,
    deviceFamilies: [1, 2],
    components: [
      { kind: 'executable', name: 'Demo', compressed: 4_000_000, installed: 12_000_000 },
      { kind: 'framework', name: 'Kit.framework', compressed: 2_000_000, installed: 6_000_000 },
      { kind: 'extension', name: 'Share.appex', compressed: 1_000_000, installed: 2_000_000 },
      { kind: 'assets', name: 'Assets.car', compressed: 3_000_000, installed: 10_000_000 }
    ],
    usageDescriptions: {
      NSCameraUsageDescription: 'Scan receipts',
      NSLocationWhenInUseUsageDescription: 'Find stores near you'
    },
    urlSchemes: ['demo']
  }
  built.profile = {
    type: 'ad-hoc',
    name: 'Demo Ad Hoc',
    expires: '2030-01-01T00:00:00.000Z',
    devices: 12,
    provisionsAllDevices: false,
    entitlements: ['application-identifier', 'aps-environment']
  }
  edit(built)
  return built
}

const base = rich('41-1', '2025-01-01T00:00:00.000Z')
const head = rich('42-1', '2025-01-02T00:00:00.000Z', (r) => {
  r.app.version = '1.4'
  r.app.build = '42'
  r.app.ipaSize = 11_000_000
  r.app.installedSize = 33_800_000
  r.app.minimumOsVersion = '16.0'
  r.app.components = [
    { kind: 'executable', name: 'Demo', compressed: 4_000_000, installed: 12_000_000 },
    { kind: 'framework', name: 'Kit.framework', compressed: 4_500_000, installed: 11_800_000 },
    { kind: 'assets', name: 'Assets.car', compressed: 3_000_000, installed: 10_000_000 }
  ]
  r.app.usageDescriptions = {
    NSCameraUsageDescription: 'Scan receipts',
    NSLocationWhenInUseUsageDescription: 'Show stores and deliveries near you',
    NSMicrophoneUsageDescription: 'Record voice notes'
  }
})

describe('compareBuilds', () => {
  it('names each change with its sign, and nothing that did not change', () => {
    const { title, lines, movers } = describeChanges(compareBuilds('main', base, head))
    expect(title).toBe('Changes since main 1.3 (41)')
    expect(lines).toEqual([
      { label: 'Size', text: '11.0 MB (+1.0 MB, +10.0%) · installed 33.8 MB (+3.8 MB, +12.7%)' },
      { label: 'Version', text: '1.3 (41) → 1.4 (42)' },
      { label: 'Minimum iOS', text: '15.0 → 16.0' },
      { label: 'Permission added', text: 'NSMicrophoneUsageDescription: “Record voice notes”' },
      {
        label: 'Permission reworded',
        text: 'NSLocationWhenInUseUsageDescription: “Find stores near you” → “Show stores and deliveries near you”'
      },
      { label: 'Extensions removed', text: 'Share.appex' }
    ])
    expect(movers).toEqual([
      'Kit.framework (framework): installed +5.8 MB (+96.7%), download +2.5 MB',
      'Share.appex (extension): removed, installed −2.0 MB, download −1.0 MB'
    ])
  })

  it('compares a record written before the new facts on what it holds', () => {
    const old = record('main', '40-1', '2024-12-01T00:00:00.000Z')
    const comparison = compareBuilds('main', old, head)
    expect(Object.keys(comparison).sort()).toEqual(['base', 'ipaSize', 'version'])
    expect(describeChanges(comparison).lines[0]).toEqual({
      label: 'Size',
      text: '11.0 MB (+11.0 MB, +1222122.2%)'
    })
  })

  it('reports a shrinking build with a minus sign, and a profile change', () => {
    const smaller = rich('43-1', '2025-01-03T00:00:00.000Z', (r) => {
      r.app.ipaSize = 9_000_000
      r.profile = {
        ...r.profile!,
        type: 'development',
        devices: 14,
        entitlements: ['application-identifier', 'get-task-allow']
      }
    })
    const { lines } = describeChanges(compareBuilds('main', base, smaller))
    expect(lines).toEqual([
      { label: 'Size', text: '9.0 MB (−1.0 MB, −10.0%) · installed 30.0 MB (no change)' },
      { label: 'Entitlements added', text: 'get-task-allow' },
      { label: 'Entitlements removed', text: 'aps-environment' },
      { label: 'Profile', text: 'ad-hoc → development; 12 → 14 devices' }
    ])
  })
})

describe('devices new since the base build', () => {
  const device = (c: string) => ({ id: c.repeat(40), name: c })
  const [alice, bob, carol] = [device('a'), device('b'), device('c')]
  const withDevices = (buildId: string, ids: string[] | undefined) =>
    rich(buildId, '2025-01-05T00:00:00.000Z', (r) => {
      r.profile = { ...r.profile!, devices: ids?.length ?? 2 }
      if (ids !== undefined) r.profile.deviceIds = ids.map(deviceKey)
    })
  const changes = (before: BuildRecord, after: BuildRecord) => ({
    channel: 'main',
    ownChannel: 'pr-5',
    base: { record: before, comparison: compareBuilds('main', before, after) }
  })

  it('are exactly the keys the build holds and its base did not', () => {
    const before = withDevices('1-1', [alice.id, bob.id])
    const after = withDevices('2-1', [bob.id, carol.id, alice.id])
    expect(compareBuilds('main', before, after).newDevices).toEqual([deviceKey(carol.id)])
    expect(newSinceBase(changes(before, after), [alice, bob, carol])).toEqual([carol])
    // A device that left the profile is not new, and nothing added means no list.
    expect(compareBuilds('main', after, before)).not.toHaveProperty('newDevices')
  })

  it('are none when either record lacks the list, or nothing was compared', () => {
    const listed = withDevices('2-1', [alice.id, carol.id])
    const old = withDevices('1-1', undefined)
    expect(compareBuilds('main', old, listed)).not.toHaveProperty('newDevices')
    expect(compareBuilds('main', listed, old)).not.toHaveProperty('newDevices')
    expect(newSinceBase(changes(old, listed), [alice, carol])).toEqual([])
    expect(newSinceBase(undefined, [alice, carol])).toEqual([])
    expect(newSinceBase({ channel: 'main', ownChannel: 'main' }, [alice])).toEqual([])
  })

  it('match a UDID whatever its case', () => {
    const before = withDevices('1-1', [])
    const after = withDevices('2-1', ['00008101-000A1B2C3D4E5F60'])
    const device = { id: '00008101-000a1b2c3d4e5f60', name: 'Dana' }
    expect(newSinceBase(changes(before, after), [device])).toEqual([device])
  })
})

describe('changesSince and comparisonChannel', () => {
  const sameApp = (
    channel: string,
    buildId: string,
    createdAt: string,
    bundleId = 'com.example.demo'
  ) => {
    const r = record(channel, buildId, createdAt)
    r.app.bundleId = bundleId
    return r
  }
  const site = [
    sameApp('main', '1-1', '2025-01-01T00:00:00Z'),
    sameApp('main', '2-1', '2025-01-02T00:00:00Z'),
    sameApp('main', '3-1', '2025-01-03T00:00:00Z', 'com.example.other'),
    sameApp('pr-5', '7-1', '2025-01-04T00:00:00Z')
  ]

  it('takes the newest build of the same app in the base channel', () => {
    const pr = sameApp('pr-5', '8-1', '2025-01-05T00:00:00Z')
    expect(changesSince(site, pr, 'main').base?.record.buildId).toBe('2-1')
    // On a push: the previous build of its own channel, never itself.
    expect(changesSince([...site, pr], pr, 'pr-5').base?.record.buildId).toBe('7-1')
    expect(changesSince(site, pr, 'develop')).toEqual({ channel: 'develop', ownChannel: 'pr-5' })
  })

  it('picks the channel from compare-to, the base branch of a PR, or the build own channel', () => {
    const own = { ownChannel: 'pr-5' }
    expect(comparisonChannel({ ...own, pullRequest: true, baseRef: 'release/2.0' })).toBe(
      'release-2.0'
    )
    expect(comparisonChannel({ ...own, pullRequest: false, baseRef: 'main' })).toBe('pr-5')
    expect(
      comparisonChannel({ ...own, pullRequest: true, baseRef: 'main', compareTo: 'nightly' })
    ).toBe('nightly')
    expect(
      comparisonChannel({ ...own, pullRequest: true, baseRef: 'main', compareTo: 'none' })
    ).toBeUndefined()
  })
})

describe('the devices-file list', () => {
  it('reads the portal export with or without its header and warns about each bad line by number', () => {
    const warnings: string[] = []
    const text = [
      'Device ID\tDevice Name\tDevice Platform',
      '00008110-000A1B2C3D4E5F60\tAlice’s iPhone\tios',
      '',
      'not-a-udid\tMallory',
      `${'a'.repeat(40)}\tBob's iPad`,
      `${'b'.repeat(40)}`
    ].join('\r\n')
    const devices = parseDeviceList(text, 'devices.txt', (m) => warnings.push(m))
    expect(devices).toEqual([
      { id: '00008110-000A1B2C3D4E5F60', name: 'Alice’s iPhone', platform: 'ios' },
      { id: 'a'.repeat(40), name: "Bob's iPad" }
    ])
    expect(warnings).toEqual([
      expect.stringMatching(/^devices\.txt line 4 \("not-a-udid\\tMallory"\) is not/),
      expect.stringMatching(/^devices\.txt line 6 /)
    ])
    expect(parseDeviceList(`${'c'.repeat(40)}\tCarol`, 'x', () => {})).toHaveLength(1)
  })

  it.skipIf(skipCorpus)(
    'classifies listed devices with the UDIDs of a real ad hoc profile',
    async () => {
      const profile = await parseProfile(
        await readFile(resolve(PROFILES, 'NotificationService--embedded.mobileprovision'))
      )
      expect(profile.devices.length).toBe(90)
      const [first, second] = profile.devices as [string, string]
      const list = [
        `${first.toUpperCase()}\tAlice’s iPhone\tios`,
        `${second}\tBob’s iPad\tios`,
        `${'0'.repeat(40)}\tCarol’s iPhone\tios`
      ].join('\n')
      const check = checkDevices(
        parseDeviceList(list, 'devices', () => {}),
        profile
      )
      expect(check.anyDevice).toBe(false)
      expect(check.included.map((d) => d.name)).toEqual(['Alice’s iPhone', 'Bob’s iPad'])
      expect(check.missing.map((d) => d.name)).toEqual(['Carol’s iPhone'])

      const enterprise = await parseProfile(
        await readFile(resolve(PROFILES, 'embedded--embedded.mobileprovision'))
      )
      expect(
        checkDevices(
          parseDeviceList(list, 'devices', () => {}),
          enterprise
        )
      ).toEqual({
        anyDevice: true,
        included: [],
        missing: []
      })
    }
  )
})

describe('rendered changes', () => {
  const HOSTILE =
    '<img src=x onerror=alert(1)> [x](javascript:alert(2)) @octocat **bold** <!-- x -->'
  const hostileHead: BuildFacts = {
    ...head,
    app: { ...head.app, usageDescriptions: { NSCameraUsageDescription: HOSTILE } }
  }
  const changes = {
    channel: 'main',
    ownChannel: 'pr-5',
    base: { record: base, comparison: compareBuilds('main', base, hostileHead) }
  }
  const devices = checkDevices(
    [
      { id: 'a'.repeat(40), name: '<script>alert(3)</script>' },
      { id: 'b'.repeat(40), name: '@octocat [y](javascript:alert(4))' }
    ],
    { devices: ['a'.repeat(40)], provisionsAllDevices: false }
  )

  it('keeps hostile usage texts and device names as text in Markdown', () => {
    const markdown = [changesMarkdown(changes), devicesMarkdown(devices)].join('\n\n')
    const html = new MarkdownIt({ html: true, linkify: true }).render(markdown)
    expect(html).not.toMatch(/<(img|script|a)\b/)
    expect(html).not.toContain('<!--')
    expect(html).not.toMatch(/@octocat/)
    expect(html).toContain('<h4>Changes since main 1.3 (41)</h4>')
    expect(html).toMatch(
      /<details><summary>Largest size changes by component &#40;2&#41;<\/summary>/
    )
    expect(markdown).toContain('**Not in this profile:**')
  })

  it('escapes them in the page fragment', () => {
    const html = renderPageChanges({
      changes,
      devices,
      profile: base.profile,
      now: new Date('2029-12-22T00:00:00Z')
    }).markup
    expect(html).not.toMatch(/<(img|script|a)\b/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('expires in 10 days')
    expect(html).toContain('<dt>Not in this profile</dt><dd>@octocat [y](javascript:alert(4)):')
  })

  it('stays within its budget however many permissions a build adds', () => {
    const many = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [`NS${i}UsageDescription`, '<&>"\''.repeat(100)])
    )
    const huge = {
      channel: 'main',
      ownChannel: 'pr-5',
      base: {
        record: base,
        comparison: compareBuilds('main', base, {
          ...head,
          app: { ...head.app, usageDescriptions: many }
        })
      }
    }
    const markdown = changesMarkdown(huge)
    expect(markdown.length).toBeLessThan(CHANGES_BUDGET + 4_000)
    expect(markdown).toMatch(/- …and \d+ more changes\n/)
    const crowd = checkDevices(
      Array.from({ length: 2000 }, (_, i) => ({ id: String(i), name: '<@>'.repeat(30) })),
      { devices: [], provisionsAllDevices: false }
    )
    expect(devicesMarkdown(crowd).length).toBeLessThan(3_500)
    expect(devicesMarkdown(crowd)).toMatch(/and \d+ more: add them/)
  })

  it('says only that there is no base build when there is none', () => {
    expect(changesMarkdown({ channel: 'pr-5', ownChannel: 'pr-5' })).toBe(
      '**Changes:** first build of this channel.'
    )
    expect(changesMarkdown({ channel: 'main', ownChannel: 'pr-5' })).toBe(
      '**Changes:** no build of main to compare with.'
    )
    expect(changesMarkdown(undefined)).toBe('')
  })
})
