import { UserError } from '../../errors.js'

/** Where the action was talking to, for the error messages. */
export interface S3Target {
  bucket: string
  region: string
  endpoint?: string
}

interface SdkErrorShape {
  name?: string
  code?: string
  message?: string
  $metadata?: { httpStatusCode?: number }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/**
 * Turns a failure of the AWS SDK into a UserError that names the cause and the input or permission
 * to fix; anything unrecognised is returned unchanged. `doing` completes "while …", e.g.
 * "listing builds".
 */
export function s3UserError(error: unknown, target: S3Target, doing: string): unknown {
  if (error instanceof UserError || typeof error !== 'object' || error === null) return error
  const { name, code, $metadata } = error as SdkErrorShape
  const status = $metadata?.httpStatusCode
  const bucket = `bucket "${target.bucket}"`
  const where = target.endpoint ?? `AWS region ${target.region}`
  const credentials = 'the AWS credentials configured for this job'
  switch (name) {
    case 'CredentialsProviderError':
      return new UserError(
        `No AWS credentials were found while ${doing}: add aws-actions/configure-aws-credentials (OIDC) before this step, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from secrets.`
      )
    case 'NoSuchBucket':
      return new UserError(
        `The ${bucket} does not exist at ${where}: check the s3-bucket, s3-region and s3-endpoint inputs.`
      )
    case 'PermanentRedirect':
    case 'AuthorizationHeaderMalformed':
    case 'IllegalLocationConstraintException':
      return new UserError(
        `The ${bucket} is not in region ${target.region}: set s3-region to the bucket's region.`
      )
    case 'InvalidAccessKeyId':
      return new UserError(
        `The AWS access key id is not known at ${where} (while ${doing}): check ${credentials}.`
      )
    case 'SignatureDoesNotMatch':
      return new UserError(
        `The AWS secret access key does not match its access key id (while ${doing}): check ${credentials}.`
      )
    case 'ExpiredToken':
    case 'TokenRefreshRequired':
      return new UserError(
        `The AWS credentials expired while ${doing}: request a longer session (role-duration-seconds of aws-actions/configure-aws-credentials).`
      )
    case 'AccessControlListNotSupported':
      return new UserError(
        `The ${bucket} has ACLs disabled (Object Ownership: bucket owner enforced): remove the s3-acl input and allow public reads with a bucket policy or a CDN instead.`
      )
  }
  if (name === 'AccessDenied' || status === 403) {
    return new UserError(
      `Access to the ${bucket} was denied while ${doing}: ${credentials} need s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on it (and s3:PutObjectAcl with s3-acl).`
    )
  }
  if (status === 301) {
    return new UserError(
      `The ${bucket} is not in region ${target.region}: set s3-region to the bucket's region.`
    )
  }
  if (code !== undefined && NETWORK_CODES.has(code)) {
    return new UserError(
      `Could not reach the S3 service at ${where} while ${doing} (${code}): check the s3-endpoint input and that the service answers over https with a trusted certificate.`
    )
  }
  return error
}

/** Runs an SDK call, turning its failure into a UserError that names the fix where one is known. */
export async function s3Call<T>(
  target: S3Target,
  doing: string,
  action: () => Promise<T>
): Promise<T> {
  try {
    return await action()
  } catch (error) {
    throw s3UserError(error, target, doing)
  }
}
