/** "Full jitter" backoff before attempt `attempt + 1`: random in [0, min(cap, base·2^(attempt-1))). */
export function backoffMs(
  attempt: number,
  random: () => number,
  baseMs = 1000,
  capMs = 15_000
): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)))
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))
