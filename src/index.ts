import { tmpdir } from 'node:os'
import { exitOnCancel } from './cancel.js'
import { run } from './main.js'

exitOnCancel(process.env.RUNNER_TEMP || tmpdir())
await run()
