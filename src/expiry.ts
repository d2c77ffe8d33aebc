const DAY_MS = 24 * 60 * 60 * 1000

/** Whole days from `now` until `expires` (rounded up, so a profile expiring tonight has 1 day). */
export function daysLeft(expires: string | Date, now: Date): number {
  return Math.ceil((new Date(expires).getTime() - now.getTime()) / DAY_MS)
}

/** "expires in 12 days", "expires in 1 day", "expired 3 days ago", as of `now`. */
export function expiryText(expires: string | Date, now: Date): string {
  const days = daysLeft(expires, now)
  if (Number.isNaN(days)) return 'expiry unknown'
  if (days > 0) return `expires in ${days} day${days === 1 ? '' : 's'}`
  const ago = -days
  return ago === 0 ? 'expired today' : `expired ${ago} day${ago === 1 ? '' : 's'} ago`
}
