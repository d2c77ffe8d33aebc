import { describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import {
  buildDir,
  channelSlug,
  defaultBuildId,
  defaultChannel,
  ipaFileName,
  isSlug,
  siteRoot
} from '../src/ota/layout.js'

describe('channelSlug', () => {
  it.each([
    ['main', 'main'],
    ['feature/Login-Screen', 'feature-login-screen'],
    ['release/1.2.x', 'release-1.2.x'],
    ['Ünïcödé Brånch', 'unicode-branch'],
    ['fix  spaces__and--dashes', 'fix-spaces__and-dashes'],
    ['v1..2', 'v1.2'],
    ['-.leading/trailing.-', 'leading-trailing'],
    ['dependabot/npm_and_yarn/@types/node-24', 'dependabot-npm_and_yarn-types-node-24']
  ])('%s → %s', (raw, slug) => {
    expect(channelSlug(raw)).toBe(slug)
    expect(isSlug(slug)).toBe(true)
  })

  it.each(['../x', '..', 'a/../../b', './x', 'a\\..\\b'])(
    'refuses %s, which would escape its folder',
    (raw) => {
      expect(() => channelSlug(raw)).toThrow(UserError)
      expect(() => channelSlug(raw)).toThrow(/outside its folder/)
    }
  )

  it('refuses an empty channel', () => {
    expect(() => channelSlug('  ')).toThrow(/channel is empty/)
  })

  it('gives a name without ASCII a stable folder of its own', () => {
    const fire = channelSlug('火 三')
    expect(fire).toMatch(/^x-[0-9a-f]{8}$/)
    expect(channelSlug('火 三')).toBe(fire)
    expect(channelSlug('水')).not.toBe(fire)
  })

  it('keeps long names short and distinct', () => {
    const a = channelSlug(`feature/${'a'.repeat(100)}-one`)
    const b = channelSlug(`feature/${'a'.repeat(100)}-two`)
    expect(a.length).toBeLessThanOrEqual(64)
    expect(a).not.toBe(b)
    expect(isSlug(a)).toBe(true)
  })

  it('is idempotent', () => {
    for (const raw of ['Feature/X', '火', 'a..b', `x${'y'.repeat(80)}`]) {
      const once = channelSlug(raw)
      expect(channelSlug(once)).toBe(once)
    }
  })
})

describe('defaultChannel', () => {
  const server = { serverUrl: 'https://github.com' }
  it('names pull requests, branches, tags and local runs', () => {
    expect(defaultChannel({ ...server, pr: 12, ref: 'feature/x', refType: 'branch' })).toBe('pr-12')
    expect(defaultChannel({ ...server, ref: 'feature/X', refType: 'branch' })).toBe('feature-x')
    expect(defaultChannel({ ...server, ref: 'v1.2.0', refType: 'tag' })).toBe('v1.2.0')
    expect(defaultChannel(server)).toBe('local')
  })
})

describe('defaultBuildId', () => {
  const server = { serverUrl: 'https://github.com' }
  const now = new Date('2024-05-06T07:08:09.123Z')
  it('prefers run id and attempt, then run number and attempt, then the short SHA, then a timestamp', () => {
    // Two workflows with the same run number get different folders: run ids are repository-wide.
    const push = { ...server, runId: '8812345601', runNumber: 42, runAttempt: 1 }
    const nightly = { ...server, runId: '8812399977', runNumber: 42, runAttempt: 1 }
    expect(defaultBuildId(push, now)).toBe('8812345601-1')
    expect(defaultBuildId(nightly, now)).toBe('8812399977-1')
    // A re-run publishes a new attempt folder.
    expect(defaultBuildId({ ...push, runAttempt: 2 }, now)).toBe('8812345601-2')
    expect(
      defaultBuildId({ ...server, runNumber: 123, runAttempt: 2, sha: 'abcdef1234' }, now)
    ).toBe('123-2')
    expect(defaultBuildId({ ...server, runNumber: 7 }, now)).toBe('7-1')
    expect(defaultBuildId({ ...server, sha: 'ABCDEF1234567890' }, now)).toBe('abcdef1')
    // Two CLI runs in the same second get two folders.
    const [a, b] = [defaultBuildId(server, now), defaultBuildId(server, now)]
    expect(a).toMatch(/^20240506-070809-[0-9a-f]{6}$/)
    expect(b).toMatch(/^20240506-070809-[0-9a-f]{6}$/)
    expect(a).not.toBe(b)
  })
})

describe('paths', () => {
  it('joins the build folder and leaves out an empty root', () => {
    expect(buildDir('ota', 'pr-12', '34-1')).toBe('ota/pr-12/34-1')
    expect(buildDir('/builds/ios/', 'Main', '1-1')).toBe('builds/ios/main/1-1')
    expect(buildDir('', 'main', '1-1')).toBe('main/1-1')
    expect(buildDir('.', 'main', '1-1')).toBe('main/1-1')
  })

  it('refuses a root that leaves the site or is not URL-safe', () => {
    expect(() => siteRoot('../ota')).toThrow(UserError)
    expect(() => siteRoot('my builds')).toThrow(/lowercase letters/)
    expect(() => buildDir('ota', 'main', '../1')).toThrow(/outside its folder/)
  })

  it('names the IPA in ASCII whatever the app is called', () => {
    expect(ipaFileName('My App')).toBe('my-app.ipa')
    expect(ipaFileName('Café 😀')).toBe('cafe.ipa')
    expect(ipaFileName('火')).toBe('app.ipa')
    expect(ipaFileName('')).toBe('app.ipa')
    expect(ipaFileName('a'.repeat(200))).toBe(`${'a'.repeat(64)}.ipa`)
  })
})
