import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { confinedPath, inputRoots, readInputText, TEXT_FILE_CAP } from '../src/input-files.js'

let work: string
let workspace: string
let temp: string
const hint = 'give the path of the notes'

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'input-files-'))
  workspace = join(work, 'workspace')
  temp = join(work, 'temp')
  await mkdir(join(workspace, 'notes'), { recursive: true })
  await mkdir(temp)
  await writeFile(join(workspace, 'notes', 'ok.md'), 'Fixed the login.\n')
  await writeFile(join(temp, 'devices.txt'), 'Device ID\tDevice Name\n')
  await writeFile(join(work, 'outside.md'), 'not yours')
  await symlink(join(work, 'outside.md'), join(workspace, 'out.md'))
  await symlink(join(workspace, 'notes', 'ok.md'), join(workspace, 'in.md'))
  await symlink('/proc/self/environ', join(workspace, 'environ.txt'))
  await writeFile(join(workspace, 'big.md'), 'x'.repeat(TEXT_FILE_CAP + 1))
  await writeFile(join(workspace, 'just-fits.md'), 'x'.repeat(TEXT_FILE_CAP))
  await promisify(execFile)('mkfifo', [join(workspace, 'pipe')])
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const read = (path: string, roots = [workspace, temp]) =>
  readInputText(path, 'notes-file', { roots, hint })

describe('inputRoots', () => {
  it('is the workspace and RUNNER_TEMP when set, nothing outside a runner', () => {
    expect(inputRoots({ GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t' })).toEqual(['/w', '/t'])
    expect(inputRoots({ GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '' })).toEqual(['/w'])
    expect(inputRoots({})).toEqual([])
  })
})

describe('readInputText', () => {
  it('reads files in the workspace or RUNNER_TEMP, through links that stay inside', async () => {
    expect(await read(join(workspace, 'notes', 'ok.md'))).toBe('Fixed the login.\n')
    expect(await read(join(workspace, 'in.md'))).toBe('Fixed the login.\n')
    expect(await read(join(temp, 'devices.txt'))).toBe('Device ID\tDevice Name\n')
    expect(await read(join(workspace, 'just-fits.md'))).toHaveLength(TEXT_FILE_CAP)
  })

  it('refuses a link out of the workspace, naming where it leads', async () => {
    await expect(read(join(workspace, 'out.md'))).rejects.toThrow(
      new UserError(
        `Input notes-file "${join(workspace, 'out.md')}" resolves to ${join(work, 'outside.md')}, outside the workspace and RUNNER_TEMP (${workspace}, ${temp}): give a file inside them; a symbolic link out of them is refused, as it could publish any file of the runner.`
      )
    )
    await expect(read(join(workspace, '..', 'outside.md'))).rejects.toThrow(/outside the workspace/)
  })

  it('refuses the environment (a /proc file) on a runner and outside one', async () => {
    const environ = join(workspace, 'environ.txt')
    await expect(read(environ)).rejects.toThrow(
      /resolves to \/proc\/\d+\/environ, outside the workspace/
    )
    await expect(read(environ, [])).rejects.toThrow(
      /resolves to \/proc\/\d+\/environ, a file of the system, not of the build: give the path of a file an earlier step wrote\./
    )
    await expect(read('/proc/version', [])).rejects.toThrow(/a file of the system/)
  })

  it('refuses what is not a regular file: a folder, a pipe, a device', async () => {
    await expect(read(join(workspace, 'notes'))).rejects.toThrow(
      `Input notes-file "${join(workspace, 'notes')}" is not a regular file (a folder, device or pipe): ${hint}.`
    )
    await expect(read(join(workspace, 'pipe'))).rejects.toThrow(/is not a regular file/)
    await expect(read('/dev/zero', [])).rejects.toThrow(/is not a regular file/)
  })

  it('refuses a file over the size limit, naming the limit', async () => {
    await expect(read(join(workspace, 'big.md'))).rejects.toThrow(
      `Input notes-file "${join(workspace, 'big.md')}" is larger than 256 KiB, the limit for it: ${hint}.`
    )
  })

  it('says why a missing file cannot be read', async () => {
    await expect(read(join(workspace, 'missing.md'))).rejects.toThrow(
      `Input notes-file "${join(workspace, 'missing.md')}" cannot be read (ENOENT): ${hint}.`
    )
  })
})

describe('confinedPath', () => {
  it('is the real path of a file inside, and refuses one outside', async () => {
    expect(await confinedPath(join(workspace, 'in.md'), 'ipa', [workspace])).toBe(
      join(workspace, 'notes', 'ok.md')
    )
    await expect(confinedPath(join(temp, 'devices.txt'), 'ipa', [workspace])).rejects.toThrow(
      /Input ipa ".*devices\.txt" resolves to .*devices\.txt, outside the workspace and RUNNER_TEMP/
    )
    // A sibling folder whose name starts like the workspace's is not inside it.
    await expect(
      confinedPath(join(work, 'outside.md'), 'ipa', [join(work, 'out')])
    ).rejects.toThrow(/outside the workspace/)
  })
})
