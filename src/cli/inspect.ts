import { parseArgs } from 'node:util'
import { formatInspect, inspectJson } from '../ipa/inspect.js'
import { readIpa } from '../ipa/read.js'
import { judge } from '../ipa/verdict.js'
import { onePath } from './args.js'

/** ipa-ota inspect: everything the action reads from the IPA, and the verdict. */
export async function inspectCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, sha256: { type: 'boolean' } }
  })
  const path = onePath(positionals)
  const info = await readIpa(path, { sha256: values.sha256 })
  const now = new Date()
  const verdict = judge(info, now)
  process.stdout.write(
    values.json
      ? `${JSON.stringify(inspectJson(info, verdict), null, 2)}\n`
      : `${formatInspect(info, verdict, now)}\n`
  )
}
