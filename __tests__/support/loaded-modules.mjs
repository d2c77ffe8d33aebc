// Preloaded into the action's process (NODE_OPTIONS=--import): writes the path of every module
// file the process loaded, one a line, to LOADED_MODULES_FILE when it exits.
import { writeFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'

const file = process.env.LOADED_MODULES_FILE
if (file) {
  const loaded = []
  registerHooks({
    load(url, context, next) {
      if (url.startsWith('file:')) loaded.push(fileURLToPath(url))
      return next(url, context)
    }
  })
  process.on('exit', () => writeFileSync(file, loaded.join('\n')))
}
