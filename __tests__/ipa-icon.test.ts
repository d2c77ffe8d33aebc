import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../src/ipa/archive.js'
import { iconCandidates } from '../src/ipa/icon.js'
import { isPlistDict, parsePlist } from '../src/ipa/plist.js'
import { corpusFolder } from './support/corpus.js'

const fixtures = corpusFolder('')
const FIXTURES = fixtures.dir

const APP = 'Payload/App.app/'
const files = (...names: string[]) => [APP, ...names.map((name) => APP + name)]

describe('iconCandidates', () => {
  it('ranks the files of CFBundleIconFiles by pixels, largest first', () => {
    const plist = {
      CFBundleIcons: {
        CFBundlePrimaryIcon: { CFBundleIconFiles: ['AppIcon20x20', 'AppIcon60x60'] }
      }
    }
    const names = files(
      'AppIcon20x20@2x.png',
      'AppIcon60x60@2x.png',
      'AppIcon60x60@3x.png',
      'Other.png'
    )
    expect(iconCandidates(plist, APP, names)).toEqual([
      `${APP}AppIcon60x60@3x.png`,
      `${APP}AppIcon60x60@2x.png`,
      `${APP}AppIcon20x20@2x.png`
    ])
  })

  it('takes iPad icons, fractional sizes included, from CFBundleIcons~ipad', () => {
    const plist = {
      'CFBundleIcons~ipad': {
        CFBundlePrimaryIcon: { CFBundleIconFiles: ['AppIcon76x76', 'AppIcon83.5x83.5'] }
      }
    }
    const names = files('AppIcon76x76@2x~ipad.png', 'AppIcon83.5x83.5@2x~ipad.png')
    expect(iconCandidates(plist, APP, names)[0]).toBe(`${APP}AppIcon83.5x83.5@2x~ipad.png`)
  })

  it('matches the asset catalog name of CFBundleIconName to its exported files', () => {
    const plist = { CFBundleIcons: { CFBundlePrimaryIcon: { CFBundleIconName: 'AppIcon' } } }
    expect(iconCandidates(plist, APP, files('AppIcon60x60@2x.png', 'Assets.car'))).toEqual([
      `${APP}AppIcon60x60@2x.png`
    ])
  })

  it('tolerates a string where an array belongs, extensions, and odd types anywhere', () => {
    expect(
      iconCandidates(
        { CFBundleIconFiles: 'Icon.png', CFBundleIconFile: 42 },
        APP,
        files('Icon.png', 'Icon@2x.png')
      )
    ).toEqual([`${APP}Icon@2x.png`, `${APP}Icon.png`])
    expect(
      iconCandidates(
        { CFBundleIcons: 'nonsense', CFBundleIconFiles: [null, 3, {}] },
        APP,
        files('Icon.png')
      )
    ).toEqual([`${APP}Icon.png`])
  })

  it('reads old sizes written as Icon-72.png', () => {
    const plist = { CFBundleIconFiles: ['Icon-72', 'Icon-Small'] }
    expect(iconCandidates(plist, APP, files('Icon-Small.png', 'Icon-72.png'))[0]).toBe(
      `${APP}Icon-72.png`
    )
  })

  it('does not take an alternate icon whose name starts with the primary one', () => {
    const plist = {
      CFBundleIcons: {
        CFBundlePrimaryIcon: { CFBundleIconFiles: ['AppIcon60x60'], CFBundleIconName: 'AppIcon' },
        CFBundleAlternateIcons: { 'AppIcon-Dark': { CFBundleIconFiles: ['AppIcon-Dark60x60'] } }
      }
    }
    const names = files('AppIcon-Dark60x60@3x.png', 'AppIcon60x60@3x.png', 'AppIconBanner.png')
    expect(iconCandidates(plist, APP, names)).toEqual([`${APP}AppIcon60x60@3x.png`])
  })

  it('falls back to the conventional names when Info.plist names no icon', () => {
    const names = files('Icon.png', 'Icon@2x.png', 'Icon-72.png', 'IconBackground.png', 'Logo.png')
    expect(iconCandidates({}, APP, names)).toEqual([
      `${APP}Icon@2x.png`,
      `${APP}Icon-72.png`,
      `${APP}Icon.png`
    ])
  })

  it('looks only at the top level of the main bundle', () => {
    const plist = { CFBundleIconFiles: ['AppIcon60x60'] }
    const names = [
      ...files('AppIcon60x60@2x.png'),
      `${APP}PlugIns/W.appex/AppIcon60x60@3x.png`,
      'Payload/Other.app/AppIcon60x60@3x.png'
    ]
    expect(iconCandidates(plist, APP, names)).toEqual([`${APP}AppIcon60x60@2x.png`])
  })

  it('finds nothing when the icons live only in Assets.car', () => {
    const plist = { CFBundleIcons: { CFBundlePrimaryIcon: { CFBundleIconName: 'AppIcon' } } }
    expect(iconCandidates(plist, APP, files('Assets.car', 'LaunchScreen.png'))).toEqual([])
  })
})

describe.skipIf(fixtures.skip)(`iconCandidates on real builds${fixtures.reason}`, () => {
  it.each(fixtures.list('info-plist'))('never throws on info-plist/%s', (file) => {
    const plist = parsePlist(readFileSync(`${FIXTURES}/info-plist/${file}`), file)
    expect(isPlistDict(plist)).toBe(true)
    expect(
      Array.isArray(iconCandidates(plist as Record<string, unknown>, APP, files('Icon.png')))
    ).toBe(true)
  })

  it('reads a CFBundlePrimaryIcon given as a bare string (apple-tv-basic.plist)', () => {
    const plist = parsePlist(readFileSync(`${FIXTURES}/info-plist/apple-tv-basic.plist`), 'x')
    expect(
      iconCandidates(plist as Record<string, unknown>, APP, files('App Icon - Small.png'))
    ).toEqual([`${APP}App Icon - Small.png`])
  })

  it.each([
    ['not-installable/ipad.ipa', 'Payload/bundle.app/AppIcon83.5x83.5@2x~ipad.png', 7],
    ['not-installable/Example.ipa', 'Payload/Example.app/AppIcon76x76@2x~ipad.png', 2],
    ['signed/iphone.ipa', undefined, 0],
    ['signed/ipa.ipa', undefined, 0]
  ])('chooses the largest icon of %s', async (ipa, best, count) => {
    const archive = await openArchive(`${FIXTURES}/ipa/${ipa}`)
    try {
      const bundle =
        archive.names.find((name) => /^Payload\/[^/]+\.app\/$/.test(name)) ??
        archive.names.find((name) => name.endsWith('.app/Info.plist'))!.replace(/Info\.plist$/, '')
      const plist = parsePlist(await archive.read(`${bundle}Info.plist`), 'Info.plist')
      const candidates = iconCandidates(plist as Record<string, unknown>, bundle, archive.names)
      expect(candidates[0]).toBe(best)
      expect(candidates).toHaveLength(count)
    } finally {
      archive.close()
    }
  })
})
