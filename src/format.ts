/** 12.3 MB: decimal units, the way iOS and the App Store show sizes. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB']
  let unit = 0
  // Compare the rounded value, so 999,950 bytes reads "1.0 MB", not "1000 kB".
  while (unit < units.length - 1 && Number(rounded(bytes / 1000 ** unit, unit)) >= 1000) unit++
  return `${rounded(bytes / 1000 ** unit, unit)} ${units[unit]}`
}

/**
 * "64 MiB", "99.9 MiB": binary units, for limits that are powers of two (GitHub's, ours). Rounded
 * down, so a file a byte under a limit does not read as the limit.
 */
export function formatMiB(bytes: number): string {
  return `${Math.floor((bytes / 2 ** 20) * 10) / 10} MiB`
}

function rounded(value: number, unit: number): string {
  return value.toFixed(unit === 0 || value >= 100 ? 0 : 1)
}

/** "2024-05-01 12:34 UTC" from an ISO 8601 string (returned as is when it is not a date). */
export function formatUtc(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? iso
    : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** "2024-05-01" from a Date or an ISO 8601 string (returned as is when it is not a date). */
export function formatDate(value: Date | string): string {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 10)
}
