// Preloaded into the action's process by the hardening tests (NODE_OPTIONS=--import): writes, as
// JSON to HARDENING_RSS_FILE when the process exits, its peak resident set size in kilobytes and
// the CPU time it used in seconds (user and system, all threads). CPU time rather than wall time,
// so a machine busy with other work cannot fail a bound on it.
import { writeFileSync } from 'node:fs'

const file = process.env.HARDENING_RSS_FILE
if (file) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage()
    writeFileSync(
      file,
      JSON.stringify({ maxRssKb: maxRSS, cpuSeconds: (userCPUTime + systemCPUTime) / 1e6 })
    )
  })
}
