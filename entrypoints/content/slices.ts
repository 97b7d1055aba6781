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

/** The longest a background turn waits before the work resumes anyway: a page that is never idle would hold it off for good. */
const STARVED_MS = 100;

type PostTask = (callback: () => void, options: { priority: 'background' }) => Promise<void>;

/**
 * Like `yieldToPage`, but every task of the page's own that is waiting goes first: its timers,
 * messages and frames (`scheduler.postTask` at background priority). Reading the page is such
 * work: with ordinary-priority turns the page's own 5 ms timer went unserved for 50-150 ms at a
 * time, behind a run of our slices, answers and frames. Falls back to `yieldToPage` where the
 * browser has no scheduler, and resumes after STARVED_MS if the background turn never comes.
 */
function yieldToPageFirst(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  const postTask = scheduler?.postTask?.bind(scheduler);
  if (!postTask) return yieldToPage();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, STARVED_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      postTask(done, { priority: 'background' }).catch(done);
    } catch {
      done(); // a scheduler that refuses the task: this turn is given up, the next one asks again
    }
  });
}

/** What a run of our work was doing: reading the page, placing answers, registering ranges, the guard's walk, unpacking an answer. */
export type WorkKind = 'read' | 'answer' | 'paint' | 'guard' | 'unpack';

/** The long-task line: a run of ours longer than this held the page too long. */
export const LONG_TASK_MS = 50;

/** Per kind of work since `takeRuns()` last asked: how many runs, how many over LONG_TASK_MS, and the longest (ms). */
export type Runs = Partial<Record<WorkKind, { count: number; long: number; longest: number }>>;

let runs: Runs = {};

/** Notes one run of our own work (for the pass's measure: the tests and the bench read it). */
export function noteRun(kind: WorkKind, ms: number): void {
  const run = (runs[kind] ??= { count: 0, long: 0, longest: 0 });
  run.count++;
  if (ms > LONG_TASK_MS) run.long++;
  if (ms > run.longest) run.longest = ms;
}

/** Runs `work` as one run of `kind`, noted with its length. */
export function timed<T>(kind: WorkKind, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    noteRun(kind, performance.now() - start);
  }
}

/** Answers the runs noted since the last call, and starts counting afresh. */
export function takeRuns(): Runs {
  const answer = runs;
  runs = {};
  return answer;
}

/** The longest of `runs` (any kind). */
export function longestRun(of: Runs): number {
  return Math.max(0, ...Object.values(of).map((r) => r.longest));
}

/**
 * Tracks a slice's time budget: `due()` is true once the slice has used its time. It also notes
 * how long each slice actually ran, by kind (the pass's measure has them), so a test can tell
 * Factmark's own tasks apart from whatever else held the page.
 */
export class Slice {
  private started: number;
  /** Whether the page's waiting tasks go first at each turn (see `yieldToPageFirst`). */
  private behindPage = false;

  /** `started`: when this task's work began, if before now (an answer's unpacking). */
  constructor(
    private readonly kind: WorkKind = 'read',
    started = performance.now(),
  ) {
    this.started = started;
  }

  due(): boolean {
    return performance.now() - this.started > SLICE_MS;
  }

  /** From now on, each turn lets every task the page has waiting go first (the work left can wait). */
  deferToPage(): void {
    this.behindPage = true;
  }

  /** Yields to the page, then starts a new slice. */
  async next(): Promise<void> {
    this.end();
    await (this.behindPage ? yieldToPageFirst() : yieldToPage());
    this.started = performance.now();
  }

  /** Starts a new slice after the caller waited for something else (its own task begins now). */
  resumed(): void {
    this.started = performance.now();
  }

  /** Notes the slice's length when the work ends or waits. */
  end(): void {
    noteRun(this.kind, performance.now() - this.started);
  }
}
