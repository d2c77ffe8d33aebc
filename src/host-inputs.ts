/** The inputs of where the site goes: the host, its token and address, and each host's own. */
import * as core from '@actions/core'
import { UserError } from './errors.js'
import { boolean, byteSize, integer, oneOf, optional, optionalUrl } from './input-values.js'
import type { Settings } from './inputs.js'
import { siteRoot } from './ota/layout.js'

type S3Target = Pick<Settings['s3'], 'bucket' | 'publicBaseUrl'>

/** The host, its token and address, and the S3 bucket: checked together, before anything else. */
export function readHost(): Pick<Settings, 'host' | 'token' | 'baseUrl' | 'path'> & S3Target {
  const host = oneOf('host', ['pages', 'directory', 's3', 'release'] as const)
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  const baseUrl = optionalUrl('base-url')
  if (host === 'directory' && baseUrl === undefined) {
    throw new UserError(
      'Input base-url is required with host: directory: give the https address the site will be served from, e.g. base-url: https://builds.example.com.'
    )
  }
  if (host !== 'directory' && !token) {
    throw new UserError(
      `Input github-token is empty: host: ${host} needs it. Leave it unset to use the workflow's GITHUB_TOKEN.`
    )
  }
  const path = siteRoot(core.getInput('path') || 'ota')
  const publicBaseUrl = optionalUrl('public-base-url')
  const bucket = optional('s3-bucket')
  if (host === 's3' && bucket === undefined) {
    throw new UserError('Input s3-bucket is required with host: s3: name the bucket to publish to.')
  }
  return { host, token, baseUrl, path, bucket, publicBaseUrl }
}

type PagesSettings = Pick<
  Settings,
  'maxSiteSize' | 'history' | 'pagesBranch' | 'pagesSharedBranch' | 'wait' | 'waitTimeoutMs'
>

export function readPages(): PagesSettings {
  return {
    maxSiteSize: byteSize('max-site-size'),
    history: oneOf('history', ['keep', 'squash'] as const),
    pagesBranch: core.getInput('pages-branch') || 'gh-pages',
    pagesSharedBranch: boolean('pages-shared-branch'),
    wait: boolean('wait'),
    waitTimeoutMs: waitTimeoutMinutes() * 60_000
  }
}

/** The longest wait-timeout, in minutes: a Pages build or deployment never takes longer. */
const MAX_WAIT_MINUTES = 60

/** wait-timeout: 0 means the maximum, as deploy-pages treats its timeout (a 0 s wait fails all). */
function waitTimeoutMinutes(): number {
  const minutes = integer('wait-timeout', 0)
  if (minutes > MAX_WAIT_MINUTES) {
    throw new UserError(
      `Input wait-timeout is "${minutes}": GitHub Pages needs at most ${MAX_WAIT_MINUTES} minutes; give a number from 1 to ${MAX_WAIT_MINUTES} (0 means ${MAX_WAIT_MINUTES}).`
    )
  }
  return minutes === 0 ? MAX_WAIT_MINUTES : minutes
}

/** The S3 inputs, with the bucket and address `readHost` checked. */
export function readS3(target: S3Target): Settings['s3'] {
  return {
    bucket: target.bucket,
    region: core.getInput('s3-region') || 'us-east-1',
    endpoint: optional('s3-endpoint'),
    forcePathStyle: boolean('s3-force-path-style'),
    prefix: optional('s3-prefix'),
    acl: optional('s3-acl'),
    publicBaseUrl: target.publicBaseUrl
  }
}
