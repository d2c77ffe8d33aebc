// Preloaded into the action's process by the hardening tests (NODE_OPTIONS=--import): writes the
// peak resident set size in kilobytes to HARDENING_RSS_FILE when the process exits.
import { writeFileSync } from 'node:fs'

const file = process.env.HARDENING_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
