import { basename } from 'node:path'
import { terminalSafe } from '../ipa/inspect.js'
import { readIpa } from '../ipa/read.js'
import { describeChanges } from '../ota/changes-text.js'
import { compareBuilds } from '../ota/comparison.js'
import { buildFacts } from '../ota/facts.js'
import { defineCommand, UsageError } from './args.js'

/** ipa-ota diff: the comment's "Changes since …" for two IPAs, from the same comparison. */
export const command = defineCommand({
  name: 'diff',
  args: '<old.ipa> <new.ipa>',
  flags: {
    json: { type: 'boolean', help: 'Print the comparison as JSON instead of text' }
  },
  async run(values, positionals) {
    if (positionals.length !== 2) {
      throw new UsageError('give two .ipa paths: the old build, then the new one.')
    }
    const [oldPath, newPath] = positionals as [string, string]
    const [before, after] = await Promise.all([readIpa(oldPath), readIpa(newPath)])
    const comparison = compareBuilds(basename(oldPath), buildFacts(before), buildFacts(after))
    // The action only compares builds of one app; here the two files may be different apps.
    const otherApp =
      before.app.bundleId === after.app.bundleId
        ? undefined
        : { before: before.app.bundleId, after: after.app.bundleId }
    if (values.json) {
      const json = otherApp === undefined ? comparison : { bundleId: otherApp, ...comparison }
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
      return
    }
    const { title, lines, movers } = describeChanges(comparison)
    const text = [
      title,
      ...(otherApp === undefined
        ? []
        : [`Bundle id: ${otherApp.before} → ${otherApp.after} (two different apps)`]),
      ...lines.map((line) => `${line.label}: ${line.text}`),
      ...(movers.length > 0
        ? ['Largest size changes by component:', ...movers.map((m) => `  ${m}`)]
        : [])
    ]
    process.stdout.write(`${text.map(terminalSafe).join('\n')}\n`)
  }
})
