import * as core from '@actions/core'
import type { RunContext } from './event/context.js'
import { UserError } from './errors.js'
import type { Octokit } from './github.js'
import type { HostOptions } from './hosts/index.js'
import type { Settings } from './inputs.js'

/** The options of the host the `host` input names, from the inputs and the run. */
export function hostOptions(
  settings: Settings,
  context: RunContext,
  octokit: Octokit | undefined
): HostOptions {
  switch (settings.host) {
    case 'directory':
      return {
        host: 'directory',
        dir: settings.outputDir,
        baseUrl: settings.baseUrl!,
        warn: core.warning
      }
    case 's3':
      return {
        host: 's3',
        bucket: settings.s3.bucket!,
        region: settings.s3.region,
        endpoint: settings.s3.endpoint,
        forcePathStyle: settings.s3.forcePathStyle,
        path: settings.path,
        prefix: settings.s3.prefix,
        publicBaseUrl: settings.s3.publicBaseUrl,
        acl: settings.s3.acl
      }
    case 'pages':
      return {
        host: 'pages',
        ...repository(context, octokit, 'pages'),
        token: settings.token,
        branch: settings.pagesBranch,
        baseUrl: settings.baseUrl,
        history: settings.history,
        allowSharedBranch: settings.pagesSharedBranch,
        wait: settings.wait,
        waitTimeoutMs: settings.waitTimeoutMs,
        tempDir: context.tempDir,
        runId: context.source.runId,
        runAttempt: context.source.runAttempt
      }
    case 'release':
      return {
        host: 'release',
        ...repository(context, octokit, 'release'),
        tagTemplate: settings.releaseTag,
        path: settings.path
      }
  }
}

function repository(context: RunContext, octokit: Octokit | undefined, host: string) {
  if (!context.owner || !context.repo || !octokit) {
    throw new UserError(
      `host: ${host} publishes to this repository, but GITHUB_REPOSITORY or the token is missing: run it in a GitHub Actions workflow, or use host: directory.`
    )
  }
  return { octokit, owner: context.owner, repo: context.repo, serverUrl: context.source.serverUrl }
}
