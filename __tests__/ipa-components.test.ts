import { describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { findBundledApps } from '../src/ipa/bundle.js'
import { bundleComponents, MAX_EXTENSIONS, MAX_FRAMEWORKS } from '../src/ipa/components.js'

const APP = 'Payload/App.app/'
const sizes = () => ({ compressed: 1, installed: 2 })

describe('component limits', () => {
  it('takes as many frameworks as the limit and refuses one more, naming the limit', () => {
    const names = (count: number) =>
      Array.from({ length: count }, (_, i) => `${APP}Frameworks/F${i}.framework/F${i}`)
    const { components } = bundleComponents(names(MAX_FRAMEWORKS), sizes, APP, 'App')
    expect(components).toHaveLength(MAX_FRAMEWORKS)
    expect(() => bundleComponents(names(MAX_FRAMEWORKS + 1), sizes, APP, 'App')).toThrow(
      new UserError(
        'Payload/App.app/ holds more than 1000 frameworks (in Frameworks/), the most an app may hold here (a damaged or made-up archive); build the .ipa again.'
      )
    )
  })

  it('refuses more extensions or watch apps than the limit before any is read', () => {
    const extensions = (count: number) =>
      Array.from({ length: count }, (_, i) => `${APP}PlugIns/E${i}.appex/Info.plist`)
    expect(findBundledApps(extensions(MAX_EXTENSIONS), APP)).toHaveLength(MAX_EXTENSIONS)
    expect(() => findBundledApps(extensions(MAX_EXTENSIONS + 1), APP)).toThrow(
      /^Payload\/App\.app\/ holds more than 100 extensions \(in PlugIns\/\), the most an app may hold here/
    )
    const watches = Array.from({ length: MAX_EXTENSIONS + 1 }, (_, i) => `${APP}Watch/W${i}.app/W`)
    expect(() => findBundledApps(watches, APP)).toThrow(/more than 100 watch apps \(in Watch\/\)/)
    // Files of one extension count it once.
    const one = [`${APP}PlugIns/E.appex/Info.plist`, `${APP}PlugIns/E.appex/E`]
    expect(findBundledApps(one, APP)).toEqual([
      { kind: 'extension', path: `${APP}PlugIns/E.appex/` }
    ])
  })
})
