import type { Command } from './args.js'

/**
 * The commands of `ipa-ota`, each loaded only when used, so that `inspect` does not pay for the
 * site's QR and image code. A new command: a module exporting `command` (defineCommand) and a
 * line here.
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  inspect: {
    summary:
      'Print what the action reads from the IPA and whether a device can install it over the air.',
    load: async () => (await import('./inspect.js')).command
  },
  site: {
    summary:
      "Write the same site as the action's host: directory, and print the install link and a QR code.",
    load: async () => (await import('./site.js')).command
  },
  diff: {
    summary:
      'Print what the new build changes against the old one, as the pull-request comment shows it.',
    load: async () => (await import('./diff.js')).command
  }
}

export function usage(version: string): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2
  return [
    `ipa-ota ${version}: publish an iOS .ipa for over-the-air install.`,
    '',
    'Usage: ipa-ota <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(width)}${summary}`),
    '',
    'Run "ipa-ota <command> --help" for its options. "ipa-ota --version" prints the version.'
  ].join('\n')
}
