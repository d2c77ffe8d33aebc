import { S3ServiceException } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import { s3UserError } from '../src/hosts/s3/errors.js'

const target = { bucket: 'ios-builds', region: 'eu-west-1' }

/** An error as the SDK throws it for an S3 error response. */
function serviceError(name: string, status: number): S3ServiceException {
  return new S3ServiceException({
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status },
    message: `${name} from the service`
  })
}

describe('s3UserError', () => {
  it.each([
    ['AccessDenied', 403, /denied while uploading x: .*s3:PutObject/],
    ['AllAccessDisabled', 403, /denied while uploading x/],
    ['SignatureDoesNotMatch', 403, /secret access key does not match/],
    ['ExpiredToken', 400, /expired while uploading x: .*role-duration-seconds/],
    ['AccessControlListNotSupported', 400, /ACLs disabled.*remove the s3-acl input/],
    ['PermanentRedirect', 301, /not in region eu-west-1: set s3-region/],
    ['Unknown', 301, /not in region eu-west-1/],
    ['NoSuchBucket', 404, /"ios-builds" does not exist at AWS region eu-west-1/]
  ])('explains %s (%i)', (name, status, message) => {
    const error = s3UserError(serviceError(name, status), target, 'uploading x')
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(message)
  })

  it('names the endpoint when the service cannot be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    const error = s3UserError(refused, { ...target, endpoint: 'https://minio.example' }, 'listing')
    expect((error as Error).message).toMatch(
      /Could not reach the S3 service at https:\/\/minio\.example while listing \(ECONNREFUSED\): check the s3-endpoint/
    )
  })

  it('returns errors it does not recognise unchanged', () => {
    const odd = serviceError('SlowDown', 503)
    expect(s3UserError(odd, target, 'x')).toBe(odd)
    const bug = new TypeError('x is undefined')
    expect(s3UserError(bug, target, 'x')).toBe(bug)
  })
})
