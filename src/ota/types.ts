import type { BuildRecord } from './record.js'

export type { BuildRecord, BuildUrls, BundleComponent, SourceInfo } from './record.js'

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
