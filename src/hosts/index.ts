import type { DirectoryHostOptions } from './directory.js'
import type { PagesHostOptions } from './pages/index.js'
import type { ReleaseHostOptions } from './release/index.js'
import type { S3HostOptions } from './s3/index.js'
import type { Host } from './types.js'

/** Everything one host needs, in plain values: the action builds it from its inputs, tests directly. */
export type HostOptions =
  | ({ host: 'directory' } & DirectoryHostOptions)
  | ({ host: 's3' } & S3HostOptions)
  | ({ host: 'pages' } & PagesHostOptions)
  | ({ host: 'release' } & ReleaseHostOptions)

/**
 * The host `options.host` names. Each host's module is loaded only here, when used: the action
 * bundle splits them into chunks, so a Pages run never parses the AWS SDK.
 */
export async function createHost(options: HostOptions): Promise<Host> {
  switch (options.host) {
    case 'directory':
      return (await import('./directory.js')).createDirectoryHost(options)
    case 's3':
      return (await import('./s3/index.js')).createS3Host(options)
    case 'pages':
      return (await import('./pages/index.js')).createPagesHost(options)
    case 'release':
      return (await import('./release/index.js')).createReleaseHost(options)
  }
}
