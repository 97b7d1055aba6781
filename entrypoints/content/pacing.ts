/** Passes a document may run at once before pacing starts (a burst of changes is read at once). */
export const PASS_BURST = 20;
/** Passes a second a document may run after a burst: a page mutating 1,000 times a second costs this many. */
export const PASSES_PER_SECOND = 20;

/**
 * A token bucket for annotation passes: up to PASS_BURST at once, then PASSES_PER_SECOND. Work
 * that arrives while a pass waits joins it (passes coalesce), so a page that changes without end
 * costs a bounded number of passes and messages a second, whatever its rate. It stays below the
 * background's per-tab lookup limit, so a busy page is paced here rather than refused there.
 */
export class PassPacer {
  private tokens: number;
  private last: number;

  constructor(
    now: number,
    private readonly burst = PASS_BURST,
    private readonly perSecond = PASSES_PER_SECOND,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes a pass and answers 0, or answers how many ms to wait until one is free (taking nothing). */
  take(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * 1000) / this.perSecond);
  }
}
