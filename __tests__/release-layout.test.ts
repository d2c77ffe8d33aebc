import { describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import {
  assetName,
  parseReleaseTag,
  releasePlace,
  releaseTag,
  releaseUrl
} from '../src/hosts/release/layout.js'

const repo = {
  serverUrl: 'https://ghe.example.com/',
  owner: 'octo',
  repo: 'app',
  path: 'builds/ios'
}

describe('release tags', () => {
  it('fills {channel} and {build-id}', () => {
    expect(releaseTag('ota-{channel}', 'pr-12', '34-1')).toBe('ota-pr-12')
    expect(releaseTag('ota/{channel}/{build-id}', 'main', '34-1')).toBe('ota/main/34-1')
  })

  it.each([
    'ota {channel}',
    'ota-{sha}',
    '{channel}..x',
    '-{channel}',
    'ota-{channel}.lock',
    'x/{channel}/'
  ])('refuses the template %s, naming release-tag', (template) => {
    expect(() => releaseTag(template, 'main', '1-1')).toThrow(UserError)
    expect(() => releaseTag(template, 'main', '1-1')).toThrow(/^Input release-tag/)
  })

  it('recognises only tags the template makes, with their channel and build id', () => {
    expect(parseReleaseTag('ota-{channel}', 'ota-pr-3')).toEqual({ channel: 'pr-3' })
    expect(parseReleaseTag('ota-{channel}', 'v1.0.0')).toBeUndefined()
    expect(parseReleaseTag('ota.{build-id}', 'otaX1-1')).toBeUndefined()
    expect(parseReleaseTag('r/{channel}/{build-id}', 'r/main/7-2')).toEqual({
      channel: 'main',
      buildId: '7-2'
    })
    expect(parseReleaseTag('ota-builds', 'ota-builds')).toEqual({})
  })
})

describe('release places and URLs', () => {
  const layout = { ...repo, tagTemplate: 'ota-{channel}' }

  it('flattens build files into build-prefixed assets', () => {
    expect(releasePlace(layout, 'builds/ios/main/3-1/manifest.plist')).toEqual({
      kind: 'asset',
      channel: 'main',
      buildId: '3-1',
      file: 'manifest.plist',
      tag: 'ota-main',
      asset: '3-1-manifest.plist'
    })
    expect(releasePlace(layout, 'builds/ios/main/3-1')).toMatchObject({
      kind: 'build',
      tag: 'ota-main'
    })
    expect(releasePlace(layout, 'builds/ios/main')).toEqual({ kind: 'channel', channel: 'main' })
    expect(releasePlace(layout, 'builds/ios/main/index.html')).toEqual({
      kind: 'channel',
      channel: 'main'
    })
    expect(releasePlace(layout, 'builds/ios/index.html')).toEqual({ kind: 'root' })
    expect(() => releasePlace(layout, 'elsewhere/main/3-1/x')).toThrow(/outside the site folder/)
  })

  it('keeps asset names to the characters GitHub keeps', () => {
    expect(assetName('3-1', 'My App+.ipa')).toBe('3-1-My.App..ipa')
  })

  it('links files to downloads and pages to the release page or the list', () => {
    const base = 'https://ghe.example.com/octo/app/releases'
    expect(releaseUrl(layout, 'builds/ios/main/3-1/app.ipa')).toBe(
      `${base}/download/ota-main/3-1-app.ipa`
    )
    expect(releaseUrl(layout, 'builds/ios/main/3-1/index.html')).toBe(`${base}/tag/ota-main`)
    expect(releaseUrl(layout, 'builds/ios/main/index.html')).toBe(`${base}/tag/ota-main`)
    expect(releaseUrl(layout, 'builds/ios/index.html')).toBe(base)
    const perBuild = { ...repo, tagTemplate: 'ota/{build-id}' }
    expect(releaseUrl(perBuild, 'builds/ios/main/3-1/app.ipa')).toBe(
      `${base}/download/ota/3-1/3-1-app.ipa`
    )
    expect(releaseUrl(perBuild, 'builds/ios/main/index.html')).toBe(base)
  })
})
