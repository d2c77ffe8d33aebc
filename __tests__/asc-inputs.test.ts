/** The App Store Connect inputs, read and checked by getSettings like every other input. */
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { getSettings } from '../src/inputs.js'
import { inputEnv, withEnv } from './support/action-inputs.js'

const p8 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString()
const key = { 'asc-key-id': 'ABC123', 'asc-issuer-id': 'issuer', 'asc-private-key': p8 }
const settingsFor = (inputs: Record<string, string>) => withEnv(inputEnv(inputs), getSettings)

describe('App Store Connect inputs', () => {
  it('reads mode: provision with its defaults', async () => {
    const settings = await settingsFor({
      mode: 'provision',
      ...key,
      'bundle-ids': 'com.a.app, com.a.app.widget\ncom.a.app.clip'
    })
    expect(settings.asc).toEqual({
      keyId: 'ABC123',
      issuerId: 'issuer',
      privateKey: p8.trim(),
      apiUrl: 'https://api.appstoreconnect.apple.com'
    })
    expect(settings.provision).toEqual({
      bundleIds: ['com.a.app', 'com.a.app.widget', 'com.a.app.clip'],
      profileType: 'ad-hoc',
      certificate: undefined,
      dryRun: false
    })
    expect(settings.ipa).toBeUndefined()
  })

  it('reads mode: register-device', async () => {
    const settings = await settingsFor({
      mode: 'register-device',
      ...key,
      'build-workflow': 'build.yml'
    })
    expect(settings.registerDevice).toEqual({
      buildWorkflow: 'build.yml',
      approvalLabel: 'device-approved'
    })
  })

  it.each([
    [
      { mode: 'provision', 'bundle-ids': 'com.a' },
      /^Inputs asc-key-id, asc-issuer-id and asc-private-key are needed together with mode: provision/
    ],
    [{ mode: 'register-device', 'asc-key-id': 'A' }, /needed together with mode: register-device/],
    [
      { mode: 'publish', ipa: 'x', 'asc-key-id': 'A' },
      /^Inputs asc-key-id, asc-issuer-id and asc-private-key are needed together: /
    ],
    [{ mode: 'provision', ...key }, /^Input bundle-ids is required with mode: provision/],
    [
      { mode: 'provision', ...key, 'bundle-ids': 'a', 'profile-type': 'app-store' },
      /^Input profile-type is "app-store", which is not one of ad-hoc, development/
    ],
    [
      { mode: 'provision', ...key, 'bundle-ids': 'a', 'asc-api-url': 'http://asc.example.com' },
      /^Input asc-api-url is "http:\/\/asc.example.com": the API key's tokens go only over https/
    ],
    [
      { mode: 'provision', ...key, 'bundle-ids': 'a', 'asc-api-url': 'not a url' },
      /^Input asc-api-url is "not a url"/
    ]
  ])('refuses %j with one line', async (inputs, message) => {
    await expect(settingsFor(inputs)).rejects.toThrow(message)
  })

  it('takes http only on a loopback address', async () => {
    const settings = await settingsFor({
      mode: 'provision',
      ...key,
      'bundle-ids': 'a',
      'asc-api-url': 'http://127.0.0.1:8080'
    })
    expect(settings.asc?.apiUrl).toBe('http://127.0.0.1:8080')
  })
})
