import { ObjectCannedACL, S3Client } from '@aws-sdk/client-s3'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { UserError } from '../../errors.js'

/** The bucket's own https address: virtual-hosted, or path-style where the name or options need it. */
export function defaultPublicBaseUrl(options: {
  bucket: string
  region: string
  endpoint?: URL
  forcePathStyle?: boolean
}): string {
  const { bucket, region, endpoint } = options
  if (endpoint) {
    return options.forcePathStyle
      ? `${endpoint.origin}${endpoint.pathname.replace(/\/$/, '')}/${bucket}`
      : `${endpoint.protocol}//${bucket}.${endpoint.host}`
  }
  // A dotted bucket name does not match the *.s3 wildcard certificate: iOS would refuse it.
  return options.forcePathStyle || bucket.includes('.')
    ? `https://s3.${region}.amazonaws.com/${bucket}`
    : `https://${bucket}.s3.${region}.amazonaws.com`
}

/**
 * Maps a site path ("ota/pr-1/7-1/manifest.plist") to its object key: the site folder `path` is
 * stored at `prefix` in the bucket.
 */
export function keyMapper(path: string, prefix: string): (sitePath: string) => string {
  const root = segments(path)
  const prefixSegments = segments(prefix)
  if (prefixSegments.includes('..')) {
    throw new UserError(
      `Input s3-prefix "${prefix}" contains "..": give a folder inside the bucket, such as ota or builds/ios.`
    )
  }
  return (sitePath) => {
    const parts = segments(sitePath)
    if (parts.includes('..') || root.some((segment, index) => parts[index] !== segment)) {
      throw new Error(`Site path "${sitePath}" is outside the site folder "${path}"`)
    }
    return [...prefixSegments, ...parts.slice(root.length)].join('/')
  }
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '' && segment !== '.')
}

/** A client for the bucket's service, with what S3-compatible services other than AWS need. */
export function createClient(options: {
  region: string
  endpoint?: URL
  forcePathStyle?: boolean
  clientConfig?: S3ClientConfig
}): S3Client {
  const { endpoint } = options
  return new S3Client({
    region: options.region,
    endpoint: endpoint?.href,
    forcePathStyle: options.forcePathStyle ?? false,
    // Several S3-compatible services reject the SDK's newer default checksums on every request;
    // send them only where S3 itself requires them.
    ...(endpoint && {
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED'
    }),
    ...options.clientConfig
  })
}

export function parseEndpoint(endpoint: string): URL {
  try {
    return new URL(endpoint)
  } catch {
    throw new UserError(
      `Input s3-endpoint "${endpoint}" is not a URL: give the service's address, e.g. https://<account-id>.r2.cloudflarestorage.com.`
    )
  }
}

export function requireHttps(publicBaseUrl: string): void {
  let protocol: string
  try {
    protocol = new URL(publicBaseUrl).protocol
  } catch {
    protocol = ''
  }
  if (protocol !== 'https:') {
    throw new UserError(
      `The builds would be served from ${publicBaseUrl}, which is not an https URL: iOS installs only over https, so set public-base-url to the https address (a CDN or custom domain) that serves the bucket.`
    )
  }
}

export function cannedAcl(acl: string): ObjectCannedACL {
  const allowed: string[] = Object.values(ObjectCannedACL)
  if (!allowed.includes(acl)) {
    throw new UserError(
      `Input s3-acl "${acl}" is not a canned ACL: use one of ${allowed.join(', ')}, or leave it empty for buckets that forbid ACLs.`
    )
  }
  return acl as ObjectCannedACL
}
