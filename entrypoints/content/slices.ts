/** Time one slice of work may take before it yields to the page (well under the 50 ms long-task line). */
export const SLICE_MS = 8;

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/**
 * Lets the page handle input and paint between slices of work, and lets other tasks run, such
 * as the background's answers to batches already sent. A posted message is an ordinary task:
 * `scheduler.yield()` would resume ahead of those answers, so none would be painted before the
 * whole page was read. (A message, not setTimeout, which the browser delays after a few nestings.)
 */
function yieldToPage(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/** Tracks a slice's time budget: `due()` is true once the slice has used its time. */
export class Slice {
  private started = performance.now();

  due(): boolean {
    return performance.now() - this.started > SLICE_MS;
  }

  /** Yields to the page, then starts a new slice. */
  async next(): Promise<void> {
    await yieldToPage();
    this.started = performance.now();
  }
}
