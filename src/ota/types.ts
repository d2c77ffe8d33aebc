import type { ProfileType } from '../ipa/types.js'

/** Where a build came from: the repository, ref, commit and workflow run. */
export interface SourceInfo {
  /** e.g. https://github.com (GitHub Enterprise Server: its own URL). */
  serverUrl: string
  /** owner/repo */
  repository?: string
  event?: string
  /** Branch or tag name (not refs/…). */
  ref?: string
  refType?: 'branch' | 'tag'
  pr?: number
  sha?: string
  runId?: string
  runNumber?: number
  runAttempt?: number
  workflow?: string
  actor?: string
}

/** Absolute https URLs of one published build. */
export interface BuildUrls {
  /** The install page, index.html of the build folder. */
  page: string
  manifest: string
  ipa: string
  qr: string
  qrSvg: string
  icon?: string
  buildJson: string
  /** itms-services://?action=download-manifest&url=… */
  install: string
  /** The channel's index page, whose first build is always the newest: the stable "latest" link. */
  channel?: string
}

/** build.json: everything machine-readable about one published build. */
export interface BuildRecord {
  schema: 1
  channel: string
  buildId: string
  /** ISO 8601. */
  createdAt: string
  app: {
    bundleId: string
    version: string
    build: string
    name: string
    minimumOsVersion?: string
    platform?: string
    ipaSize: number
    sha256?: string
  }
  profile?: {
    type: ProfileType
    name: string
    teamName?: string
    teamId?: string
    /** ISO 8601. */
    expires: string
    devices: number
    provisionsAllDevices: boolean
  }
  notes?: string
  /**
   * Why no device can install this build, with the fix (it was published with profile-check:
   * warn); absent when it can be installed. Pages then show these instead of an Install button.
   */
  blockers?: string[]
  source: SourceInfo
  urls: BuildUrls
  /** Total bytes of the build folder, for the site size budget. */
  size: number
}

/** One file of the public site. */
export interface SiteFile {
  /** POSIX path relative to the site root, e.g. "ota/pr-12/34-1/manifest.plist". */
  path: string
  /** Either the bytes or a local file to stream (the IPA). */
  content: Buffer | { file: string }
  size: number
  contentType: string
  /** Files of a build folder never change once published; index pages do. */
  immutable: boolean
}

/** All files of one build, ready for a host. */
export interface BuildSite {
  /** The build folder, e.g. "ota/pr-12/34-1". */
  dir: string
  record: BuildRecord
  files: SiteFile[]
}

/** What a host must change on the site. */
export interface SiteChanges {
  write: SiteFile[]
  /** Build folders to delete, each with everything under it. */
  removeDirs: string[]
  /** Single files to delete: the index page of a channel left without builds. */
  removeFiles?: string[]
}
