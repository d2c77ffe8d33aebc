/**
 * The Actions artifact upload of `host: pages` on a "GitHub Actions" site. Loaded with a dynamic
 * import only in that mode: @actions/artifact (Azure blob client, zip writer) is most of a bundle,
 * and the other hosts never parse it.
 */
import { dirname } from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import { UserError } from '../../errors.js'
import { oneLine } from '../../text.js'
import { ghesError } from './deploy-errors.js'

/** Artifacts are only the carrier of one deployment: GitHub deletes them after a day. */
const RETENTION_DAYS = 1

/**
 * Uploads `tarFile` (named artifact.tar) as the artifact `name`, zipped as actions/upload-artifact
 * does, and returns its id for the Pages deployment.
 */
export async function uploadPagesArtifact(
  name: string,
  tarFile: string
): Promise<{ id: number; size: number }> {
  let uploaded: { id?: number; size?: number }
  try {
    uploaded = await new DefaultArtifactClient().uploadArtifact(name, [tarFile], dirname(tarFile), {
      retentionDays: RETENTION_DAYS
    })
  } catch (error) {
    throw explainArtifactError(error, name)
  }
  if (uploaded.id === undefined) {
    throw new Error(`The artifact service did not return an id for artifact ${name}.`)
  }
  return { id: uploaded.id, size: uploaded.size ?? 0 }
}

/** The client's errors, by name (they cross the bundle boundary), as the fix to make. */
function explainArtifactError(error: unknown, artifact: string): Error {
  const kind = (error as { name?: unknown }).name
  const message = error instanceof Error ? oneLine(error.message) : String(error)
  if (kind === 'GHESNotSupportedError') return ghesError()
  // The Twirp client rethrows its UsageError as a plain Error, keeping the message.
  if (kind === 'UsageError' || /storage quota/i.test(message)) {
    return new UserError(
      `GitHub refused to store the Pages artifact: the account's Actions artifact storage quota is used up. Delete old artifacts (or shorten their retention in Settings › Actions › General), raise the storage limit in the billing settings, or wait until expired artifacts are cleared, then re-run the job.`
    )
  }
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(message)) {
    return new UserError(
      `Cannot upload the Pages artifact: ${message}. A "GitHub Actions" Pages site can only be deployed from a step of a GitHub Actions job (the runner provides these variables to actions, not to \`run:\` scripts).`
    )
  }
  return new UserError(
    `Could not upload the Pages artifact ${artifact}: ${message}; re-run the job (the artifact service may have failed for a moment).`,
    {
      cause: error
    }
  )
}
