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

/** The longest run of our work between two yields since `takeLongest()` last asked (for the tests' measures). */
let longest = 0;

/** Answers the longest slice run since the last call, and starts counting afresh. */
export function takeLongest(): number {
  const answer = longest;
  longest = 0;
  return answer;
}

/**
 * Tracks a slice's time budget: `due()` is true once the slice has used its time. It also notes
 * how long each slice actually ran (the longest is in the pass's measure), so a test can tell
 * Factmark's own tasks apart from whatever else held the page.
 */
export class Slice {
  private started = performance.now();

  due(): boolean {
    return performance.now() - this.started > SLICE_MS;
  }

  /** Yields to the page, then starts a new slice. */
  async next(): Promise<void> {
    this.end();
    await yieldToPage();
    this.started = performance.now();
  }

  /** Starts a new slice after the caller waited for something else (its own task begins now). */
  resumed(): void {
    this.started = performance.now();
  }

  /** Notes the slice's length when the work ends or waits. */
  end(): void {
    longest = Math.max(longest, performance.now() - this.started);
  }
}
