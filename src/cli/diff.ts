import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { UserError } from '../errors.js'
import { terminalSafe } from '../ipa/inspect.js'
import { readIpa } from '../ipa/read.js'
import { compareBuilds, describeChanges } from '../ota/compare.js'
import { buildFacts } from '../ota/facts.js'
import { usage } from './args.js'

/** ipa-ota diff: the comment's "Changes since …" for two IPAs, from the same comparison. */
export async function diffCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' } }
  })
  if (positionals.length !== 2) {
    throw new UserError(`Give two .ipa paths: the old build, then the new one.\n${usage}`)
  }
  const [oldPath, newPath] = positionals as [string, string]
  const [before, after] = await Promise.all([readIpa(oldPath), readIpa(newPath)])
  const comparison = compareBuilds(basename(oldPath), buildFacts(before), buildFacts(after))
  if (values.json) {
    process.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`)
    return
  }
  const { title, lines, movers } = describeChanges(comparison)
  const text = [
    title,
    ...lines.map((line) => `${line.label}: ${line.text}`),
    ...(movers.length > 0
      ? ['Largest size changes by component:', ...movers.map((m) => `  ${m}`)]
      : [])
  ]
  process.stdout.write(`${text.map(terminalSafe).join('\n')}\n`)
}
