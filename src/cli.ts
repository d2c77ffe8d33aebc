import nodeModule from 'node:module'
import { UserError } from './errors.js'
import { usage } from './cli/args.js'

// People run the CLI on whatever Node they have; below 20 something fails later with an obscure
// error, so say what is needed before anything else runs.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `ipa-ota: needs Node.js 20.19 or newer (this is ${process.version}): https://nodejs.org`
  )
  process.exit(1)
}

// The commands load about a megabyte of JavaScript (CMS, plist, zip); V8's on-disk code cache makes
// every run after the first skip compiling it. Node 22.1 added it: feature-detected, as a named
// import of it fails to link on Node 20.
;(nodeModule as Partial<typeof nodeModule>).enableCompileCache?.()

// Each command is loaded when used, so `inspect` does not pay for the site's QR and image code.
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  switch (command) {
    case 'inspect':
      return (await import('./cli/inspect.js')).inspectCommand(rest)
    case 'site':
      return (await import('./cli/site.js')).siteCommand(rest)
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(`${usage}\n`)
      return
    default:
      throw new UserError(`Unknown command "${command}".\n${usage}`)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // A UserError or a bad flag is the user's to fix: one line, no stack. Anything else is our bug.
  const known =
    error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  console.error(
    `ipa-ota: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}`
  )
  process.exitCode = 1
})
