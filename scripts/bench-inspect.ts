// What `ipa-ota inspect --json` does, for scripts/bench.mjs while the CLI is not bundled:
// bench.mjs bundles this file with esbuild and runs it as `node <bundle> <ipa>`.
import { inspectJson } from '../src/ipa/inspect.js'
import { readIpa } from '../src/ipa/read.js'
import { judge } from '../src/ipa/verdict.js'

const path = process.argv[2]
if (!path) throw new Error('usage: bench-inspect <ipa>')
const info = await readIpa(path)
process.stdout.write(`${JSON.stringify(inspectJson(info, judge(info, new Date())))}\n`)
