/** The device request (issue form, comment command) and the event guard of mode: register-device. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { decide } from '../src/asc/device-guard.js'
import { readDeviceRequest } from '../src/asc/device-request.js'

interface FormField {
  type: string
  id?: string
  attributes: { label?: string; options?: string[] }
}
const template = parse(readFileSync('.github/ISSUE_TEMPLATE/device.yml', 'utf8')) as {
  labels: string[]
  body: FormField[]
}

/** The issue body GitHub writes from a filled-in form: a heading per field, then its value. */
function render(values: Record<string, string>): string {
  return template.body
    .filter((field) => field.type !== 'markdown')
    .map((field) => `### ${field.attributes.label}\n\n${values[field.id ?? ''] || '_No response_'}`)
    .join('\n\n')
}

describe('the device issue form', () => {
  it('is read back by the action, field by field', () => {
    const body = render({
      udid: '00008030-001a2b3c4d5e802e',
      name: 'Jane’s iPhone 15',
      type: 'iPad'
    })
    expect(readDeviceRequest(body, 'form')).toEqual({
      udid: '00008030-001A2B3C4D5E802E',
      name: 'Jane’s iPhone 15',
      deviceType: 'iPad'
    })
    expect(template.body.find((f) => f.id === 'type')?.attributes.options).toContain('iPhone')
  })

  it('says what is wrong with an empty or malformed UDID, and a missing name', () => {
    expect(readDeviceRequest(render({ name: 'x' }), 'form')).toEqual({
      problem: expect.stringMatching(/^No UDID was given: a UDID is 25 characters/) as unknown
    })
    for (const udid of [
      '00008030001A2B3C4D5E802E',
      '00008030-001A2B3C4D5E802',
      'g'.repeat(40),
      'a'.repeat(39)
    ]) {
      expect(readDeviceRequest(render({ udid, name: 'x' }), 'form')).toHaveProperty('problem')
    }
    expect(readDeviceRequest(render({ udid: 'A'.repeat(40) }), 'form')).toEqual({
      problem: expect.stringMatching(/^No device name was given/) as unknown
    })
  })

  it('cleans the name as untrusted text: one line, no controls or direction overrides, 50 characters', () => {
    const name = 'Eve\u202E\u0007 phone\n### UDID\n' + 'x'.repeat(80)
    const request = readDeviceRequest(`/ipa-ota add-device ${'b'.repeat(40)} ${name}`, 'comment')
    expect(request).toMatchObject({ udid: 'b'.repeat(40) })
    const cleaned = (request as { name: string }).name
    expect(cleaned).toMatch(/^Eve phone$/)
    const long = readDeviceRequest(
      `/ipa-ota add-device ${'b'.repeat(40)} ${'x'.repeat(80)}`,
      'comment'
    )
    expect((long as { name: string }).name).toHaveLength(50)
  })
})

describe('which events register-device acts on', () => {
  const form = render({ udid: '00008030-001A2B3C4D5E802E', name: 'Phone', type: 'iPhone' })
  const base = (action: string, extra: Record<string, unknown> = {}) => ({
    action,
    issue: { number: 5, body: form },
    repository: { fork: false },
    sender: { login: 'dev', type: 'User' },
    ...extra
  })
  it.each([
    ['issues', base('opened'), true],
    ['issues', base('labeled', { label: { name: 'device-approved' } }), true],
    ['issues', base('labeled', { label: { name: 'device' } }), false],
    ['issues', base('edited'), false],
    ['issues', { ...base('opened'), issue: { number: 5, body: 'My app crashes' } }, false],
    ['issues', base('opened', { repository: { fork: true } }), false],
    ['issues', base('opened', { sender: { login: 'dependabot[bot]', type: 'Bot' } }), false],
    ['issue_comment', base('created', { comment: { body: '/ipa-ota add-device X Y' } }), true],
    ['issue_comment', base('edited', { comment: { body: '/ipa-ota add-device X Y' } }), false],
    ['issue_comment', base('created', { comment: { body: 'thanks!' } }), false],
    [
      'issue_comment',
      {
        ...base('created', { comment: { body: '/ipa-ota add-device X Y' } }),
        issue: { number: 5, pull_request: {} }
      },
      false
    ],
    ['push', base('opened'), false]
  ])('%s %j → %s', (event, payload, act) => {
    expect(decide(event, payload, 'device-approved').act).toBe(act)
  })
})
