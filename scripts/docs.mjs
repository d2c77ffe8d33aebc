// Writes README's inputs and outputs tables from action.yml, between the
// <!-- inputs --> / <!-- outputs --> markers, so the two cannot drift (a test checks it).
import { readFileSync, writeFileSync } from 'node:fs'
import * as prettier from 'prettier'
import { parse } from 'yaml'

export function renderTables(action) {
  const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const inputs = [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs).map(
      ([name, spec]) =>
        `| \`${name}\` | ${spec.default === undefined ? '' : `\`${cell(spec.default)}\``} | ${cell(spec.description)} |`
    )
  ].join('\n')
  const outputs = [
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(
      ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
    )
  ].join('\n')
  return { inputs, outputs }
}

export function withTables(readme, tables) {
  let text = readme
  for (const [marker, table] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- ${marker} -->)[\\s\\S]*?(<!-- /${marker} -->)`)
    if (!pattern.test(text)) throw new Error(`README.md lacks the <!-- ${marker} --> markers`)
    text = text.replace(pattern, (_, open, close) => `${open}\n${table}\n${close}`)
  }
  return text
}

/** README with fresh tables, formatted by prettier as `npm run format:check` expects. */
export async function renderReadme(readme, action) {
  const options = await prettier.resolveConfig('README.md')
  return prettier.format(withTables(readme, renderTables(action)), {
    ...options,
    parser: 'markdown'
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const action = parse(readFileSync('action.yml', 'utf8'))
  writeFileSync('README.md', await renderReadme(readFileSync('README.md', 'utf8'), action))
}
