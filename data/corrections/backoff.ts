/** Timing of the outbox: retries after failures, and status checks of sent corrections. */
export const BACKOFF = {
  /** First retry after a failed post. */
  retryBaseMs: 30_000,
  /** No retry is ever further away than this. */
  retryCapMs: 6 * 60 * 60_000,
  /** First status check after a correction was sent. */
  pollBaseMs: 60_000,
  pollCapMs: 12 * 60 * 60_000,
} as const;

/**
 * Delay before retry number `attempts` (1 for the first failure): doubling from the base, capped,
 * with "equal jitter" (half fixed, half random) so many browsers that went offline together do
 * not all come back in the same second, yet no retry comes sooner than half the nominal delay.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const nominal = Math.min(BACKOFF.retryCapMs, BACKOFF.retryBaseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(nominal / 2 + (random() * nominal) / 2);
}

/** Delay before status check number `checks` + 1 of a sent correction: doubling, capped. */
export function pollDelay(checks: number): number {
  return Math.min(BACKOFF.pollCapMs, BACKOFF.pollBaseMs * 2 ** Math.max(0, Math.min(checks, 30)));
}
