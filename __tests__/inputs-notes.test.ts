import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { getSettings } from '../src/inputs.js'
import { inputEnv, withEnv } from './support/action-inputs.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inputs-notes-'))
  await writeFile(join(dir, 'App.ipa'), 'x')
  await writeFile(join(dir, 'notes.md'), '\n- Fixed login\n- Dark mode <b>\n\n')
})

const settingsFor = (inputs: Record<string, string>) =>
  withEnv(inputEnv({ ipa: join(dir, 'App.ipa'), ...inputs }), getSettings)

describe('notes-file', () => {
  it('becomes the release notes, trimmed and otherwise as written', async () => {
    const settings = await settingsFor({ 'notes-file': join(dir, 'notes.md') })
    expect(settings.notes).toBe('- Fixed login\n- Dark mode <b>')
  })

  it('is refused beside notes, and when it cannot be read, naming the input', async () => {
    await expect(settingsFor({ notes: 'x', 'notes-file': join(dir, 'notes.md') })).rejects.toThrow(
      new UserError('Inputs notes and notes-file are both set: give only one of them.')
    )
    const missing = settingsFor({ 'notes-file': join(dir, 'nope.md') })
    await expect(missing).rejects.toThrow(UserError)
    await expect(missing).rejects.toThrow(
      /^Input notes-file ".*nope\.md" cannot be read \(ENOENT\)/
    )
  })
})
