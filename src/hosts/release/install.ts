import * as core from '@actions/core'
import { probe } from '../probe.js'
import type { Fetch } from '../probe.js'

/**
 * GitHub serves release downloads through a redirect to a short-lived signed URL, and iOS's
 * installer does not follow redirects on the package URL. Returns the warning to show, if any.
 */
export async function checkInstallFromRelease(
  ipaUrl: string,
  fetchFn: Fetch
): Promise<string | undefined> {
  const advice =
    'keep the release as an archive and pair it with host: pages or host: s3 for installs'
  const result = await probe(ipaUrl, fetchFn)
  if ('failure' in result) {
    return `Could not check ${ipaUrl} (${result.failure}): the itms-services link may not install from the release; ${advice}.`
  }
  if (result.status >= 300 && result.status < 400) {
    return `The itms-services link may not install from a GitHub release: GitHub answers ${ipaUrl} with a redirect (${result.status}) to a short-lived download URL, and iOS's installer does not follow redirects; ${advice}.`
  }
  if (result.status !== 200) {
    return `${ipaUrl} answered ${result.status}, so the build cannot be installed from the release yet; ${advice}.`
  }
  core.info(
    `${ipaUrl} answers 200 without a redirect: the install link can install from the release.`
  )
  return undefined
}
