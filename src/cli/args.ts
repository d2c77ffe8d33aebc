import { parseArgs } from 'node:util'
import { UserError } from '../errors.js'

/** A wrong command line (unknown command or option, missing or bad value): exit status 2. */
export class UsageError extends UserError {
  override name = 'UsageError'
}

/** Exit statuses every command shares; a command may add its own (`Command.exits`). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

export interface Flag {
  type: 'string' | 'boolean'
  /** Placeholder of the value in the help, e.g. "<dir>". */
  value?: string
  default?: string
  /** For the help: a short phrase without a final full stop. */
  help: string
}

type Flags = Record<string, Flag>

/** The parsed values: booleans are booleans, strings with a default always present. */
export type Values<F extends Flags> = {
  [K in keyof F]: F[K]['type'] extends 'boolean'
    ? boolean
    : F[K] extends { default: string }
      ? string
      : string | undefined
}

/**
 * One `ipa-ota <name>` command. A new command is a module exporting one of these, built with
 * defineCommand, plus its entry (summary and loader) in cli/commands.ts; parsing, --help and
 * usage errors come from here.
 */
export interface Command<F extends Flags = Flags> {
  name: string
  /** Positional arguments of the usage line, e.g. "<ipa>". */
  args: string
  flags: F
  /** Exit statuses beyond 0, 1 and 2, e.g. "3  the IPA cannot be installed over the air". */
  exits?: string[]
  /** Returns the exit status (0 when nothing is returned). */
  run(values: Values<F>, positionals: string[]): Promise<number | void>
}

export function defineCommand<const F extends Flags>(command: Command<F>): Command<F> {
  return command
}

/**
 * Parses the arguments of `command` with node:util's parseArgs. It runs non-strict so that every
 * mistake gets a message of ours naming the flag (strict mode's wording is not for end users),
 * checked here from parseArgs' tokens. Undefined means --help was asked for.
 */
export function parseCommand<F extends Flags>(
  command: Command<F>,
  args: string[]
): { values: Values<F>; positionals: string[] } | undefined {
  const options = Object.fromEntries(
    Object.entries(command.flags).map(([name, flag]) => [
      name,
      flag.default === undefined ? { type: flag.type } : { type: flag.type, default: flag.default }
    ])
  )
  const { values, positionals, tokens } = parseArgs({
    args,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const flag: Pick<Flag, 'type'> | undefined =
      token.name === 'help' ? { type: 'boolean' } : command.flags[token.name]
    if (flag === undefined) throw new UsageError(`unknown option ${token.rawName}.`)
    if (flag.type === 'boolean' && token.value !== undefined)
      throw new UsageError(`${token.rawName} takes no value.`)
    if (flag.type === 'string' && token.value === undefined)
      throw new UsageError(`${token.rawName} needs a value.`)
    if (flag.type === 'string' && !token.inlineValue && token.value?.startsWith('-'))
      throw new UsageError(
        `${token.rawName} needs a value, not the option ${token.value} (write ${token.rawName}=${token.value} if that is the value).`
      )
  }
  if (values.help === true) return undefined
  delete values.help
  for (const [name, flag] of Object.entries(command.flags)) {
    if (flag.type === 'boolean') values[name] = values[name] === true
  }
  return { values: values as Values<F>, positionals }
}

/** `ipa-ota <name> --help`: usage, flags with their defaults, exit statuses. */
export function commandHelp(command: Command, summary: string): string {
  const rows = [
    ...Object.entries(command.flags).map(([name, flag]) => [
      `--${name}${flag.type === 'string' ? ` ${flag.value ?? '<value>'}` : ''}`,
      `${flag.help}${flag.default === undefined ? '' : ` (default: ${flag.default})`}.`
    ]),
    ['-h, --help', 'Show this help.']
  ]
  const width = Math.max(...rows.map(([left]) => left!.length)) + 2
  return [
    `Usage: ipa-ota ${command.name} ${command.args} [options]`,
    '',
    summary,
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left!.padEnd(width)}${right}`),
    '',
    'Exit status:',
    ...exitLines(command.exits ?? [])
  ].join('\n')
}

function exitLines(extra: string[]): string[] {
  return [
    `${EXIT.ok}  done`,
    `${EXIT.failed}  the IPA could not be read, or the command failed`,
    `${EXIT.usage}  wrong usage: unknown option, missing or bad value`,
    ...extra
  ].map((line) => `  ${line}`)
}

export function warn(message: string): void {
  process.stderr.write(`warning: ${message}\n`)
}

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new UsageError(`${flag} is "${value}": use one of ${allowed.join(', ')}.`)
  return value as T
}

export function onePath(positionals: string[]): string {
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'give the path of the .ipa.'
        : `give exactly one .ipa path, not ${positionals.length}.`
    )
  return positionals[0]!
}
