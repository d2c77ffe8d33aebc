import { exitOnCancel } from './cancel.js'
import { run } from './main.js'

// RUNNER_TEMP belongs to this job alone; outside a runner there is nothing of ours to sweep.
exitOnCancel(process.env.RUNNER_TEMP)
await run()
