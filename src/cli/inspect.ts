import { formatInspect, inspectJson } from '../ipa/inspect.js'
import { readIpa } from '../ipa/read.js'
import { judge } from '../ipa/verdict.js'
import { defineCommand, onePath } from './args.js'

/** Exit status of inspect when the IPA was read but no device can install it over the air. */
export const NOT_INSTALLABLE = 3

/** ipa-ota inspect: everything the action reads from the IPA, and the verdict. */
export const command = defineCommand({
  name: 'inspect',
  args: '<ipa>',
  flags: {
    json: { type: 'boolean', help: 'Print JSON instead of text' },
    sha256: { type: 'boolean', help: "Also compute the IPA's SHA-256 (reads the whole file)" }
  },
  exits: [`${NOT_INSTALLABLE}  the IPA was read, but a device cannot install it over the air`],
  async run(values, positionals) {
    const path = onePath(positionals)
    const info = await readIpa(path, { sha256: values.sha256 })
    const now = new Date()
    const verdict = judge(info, now)
    process.stdout.write(
      values.json
        ? `${JSON.stringify(inspectJson(info, verdict), null, 2)}\n`
        : `${formatInspect(info, verdict, now)}\n`
    )
    return verdict.installable ? 0 : NOT_INSTALLABLE
  }
})
