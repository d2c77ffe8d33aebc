import nodeModule from 'node:module'
import packageJson from '../package.json' with { type: 'json' }
import { UserError } from './errors.js'
import { commandHelp, EXIT, parseCommand, UsageError } from './cli/args.js'
import { COMMANDS, usage } from './cli/commands.js'

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

const { version } = packageJson

/** Runs one command line; returns the exit status. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  switch (name) {
    case undefined:
      // A script that forgot its arguments must not pass: the usage goes to stderr, status 2.
      process.stderr.write(`${usage(version)}\n`)
      return EXIT.usage
    case '-h':
    case '--help':
      process.stdout.write(`${usage(version)}\n`)
      return EXIT.ok
    case '-V':
    case '-v':
    case '--version':
      process.stdout.write(`${version}\n`)
      return EXIT.ok
    case 'help':
      if (rest[0] === undefined) return main(['--help'])
      return main([rest[0], '--help'])
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (entry === undefined)
    throw new UsageError(
      `unknown command "${name}": use one of ${Object.keys(COMMANDS).join(', ')} (ipa-ota --help lists them).`
    )
  const command = await entry.load()
  try {
    const parsed = parseCommand(command, rest)
    if (parsed === undefined) {
      process.stdout.write(`${commandHelp(command, entry.summary)}\n`)
      return EXIT.ok
    }
    return (await command.run(parsed.values, parsed.positionals)) ?? EXIT.ok
  } catch (error) {
    // Point at the command's own help, where every flag is listed.
    if (error instanceof UsageError)
      throw new UsageError(
        `${name}: ${error.message} Run "ipa-ota ${name} --help" for its options.`
      )
    throw error
  }
}

main(process.argv.slice(2)).then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    // A UserError is the user's to fix: one line, no stack. Anything else is our bug.
    const known = error instanceof UserError
    console.error(`ipa-ota: ${known ? error.message : String((error as Error)?.stack ?? error)}`)
    process.exitCode = error instanceof UsageError ? EXIT.usage : EXIT.failed
  }
)
