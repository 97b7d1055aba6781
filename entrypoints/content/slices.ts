/** Time one slice of work may take before it yields to the page (well under the 50 ms long-task line). */
export const SLICE_MS = 8;

/** Lets the page handle input and paint between slices of work. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Tracks a slice's time budget: `due()` is true once the slice has used its time. */
export class Slice {
  private started = performance.now();

  due(): boolean {
    return performance.now() - this.started > SLICE_MS;
  }

  /** Yields to the page if the slice is over, then starts a new one. */
  async maybeYield(): Promise<void> {
    if (!this.due()) return;
    await yieldToPage();
    this.started = performance.now();
  }
}
