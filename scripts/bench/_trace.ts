/**
 * A CDP trace of one page load in Chromium, reduced to what the bench asks of it: the main-thread
 * tasks over 50 ms during Factmark's first pass (its `factmark:annotate` measure, which the
 * trace records as user timing) and, for each, the longest events inside it (style recalc,
 * layout, garbage collection, script...), so a long task can be named rather than guessed.
 * Not a test: traces are for finding what is long, the heartbeat rows for saying how long.
 */
import type { Page } from 'playwright-core';

/** One event of Chrome's trace format, as much of it as is read here. */
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: less than `dur` when the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string; global?: string };
  args?: Record<string, unknown>;
}

/** A main-thread task over the line, and what took its time. */
export interface LongTask {
  /** ms from the pass's start (negative: it began before the pass). */
  at: number;
  ms: number;
  /** Its CPU (thread) time, ms: less than `ms` when the thread waited for a core. */
  cpu: number;
  /** The longest events inside the task, by name, with their ms (inclusive, so they may nest). */
  inside: { name: string; ms: number }[];
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink',
  'blink.user_timing',
];

/** Names that only wrap others (a task, its scheduler step): not a cause. */
const WRAPPERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'SequenceManager::DoIdleWork', 'ThreadController::Task', 'TimerBase::run', 'Scheduler::ProcessTask']);

/**
 * Loads the page again (`reload`) with tracing on, waits with `settled` for the pass, and lists
 * the page's main-thread tasks over `lineMs` that overlap the first `factmark:annotate` pass
 * (and 250 ms after it, for the frames that register its last ranges), with its longest style recalc.
 */
export async function traceFirstPass(page: Page, load: () => Promise<unknown>, settled: () => Promise<unknown>, lineMs = 50): Promise<PassTrace> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
  await load();
  await settled();
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  // The page's heartbeat (the bench pages keep one in `__gaps`), against the pass's own start.
  const heartbeat = await page.evaluate(() => ({
    passStart: performance.getEntriesByName('factmark:annotate')[0]?.startTime ?? 0,
    gaps: (window as unknown as { __gaps?: [number, number][] }).__gaps ?? [],
  }));
  return { ...longTasksInPass(events, lineMs), gaps: gapsInTrace(events, heartbeat.gaps, heartbeat.passStart, lineMs) };
}

/** One heartbeat gap over the line during the pass, as the trace saw the main thread in it. */
export interface TracedGap {
  ms: number;
  /** The main thread's CPU time in the gap (the tasks' thread time): the rest of it, the thread waited for a core. */
  cpu: number;
  /** How many tasks ran in it, and the longest one's wall and CPU time. */
  tasks: number;
  longestTask: number;
  longestTaskCpu: number;
}

/**
 * The heartbeat's gaps over `lineMs` from the pass's start to 250 ms after its end, each with
 * the main-thread tasks the trace saw in it. `gaps` are [start, length] in the page's clock;
 * `passStart` is the pass's measure start in that clock, which the trace's user-timing event
 * ties to trace time.
 */
export function gapsInTrace(events: TraceEvent[], gaps: [number, number][], passStart: number, lineMs = 50): TracedGap[] {
  const { begin, end, main } = passEvents(events);
  const offset = begin.ts - passStart * 1000;
  const passEnd = (end?.ts ?? begin.ts) + 250_000;
  const tasks = main.filter((e) => e.name === 'RunTask');
  return gaps
    .map(([at, length]) => ({ from: Math.max(at * 1000 + offset, begin.ts), to: (at + length) * 1000 + offset }))
    .filter(({ from, to }) => to - from > lineMs * 1000 && from < passEnd)
    .map(({ from, to }) => {
      const inGap = tasks.filter((t) => t.ts < to && t.ts + t.dur! > from);
      // A task only partly in the gap counts for that part of its CPU time.
      const cpu = inGap.reduce((sum, t) => sum + ((t.tdur ?? t.dur!) * (Math.min(to, t.ts + t.dur!) - Math.max(from, t.ts))) / t.dur!, 0);
      const longest = inGap.reduce<TraceEvent | undefined>((a, t) => (!a || t.dur! > a.dur! ? t : a), undefined);
      return { ms: (to - from) / 1000, cpu: cpu / 1000, tasks: inGap.length, longestTask: (longest?.dur ?? 0) / 1000, longestTaskCpu: (longest?.tdur ?? longest?.dur ?? 0) / 1000 };
    });
}

/** One line for the traced heartbeat gaps: each gap's length, the main thread's CPU time in it, and its longest task. */
export function tracedGapsText(gaps: TracedGap[]): string {
  if (gaps.length === 0) return 'none';
  return gaps.map((g) => `${g.ms.toFixed(0)} ms gap: ${g.cpu.toFixed(0)} ms CPU in ${g.tasks} tasks, longest ${g.longestTask.toFixed(0)} ms (${g.longestTaskCpu.toFixed(0)} ms CPU)`).join('; ');
}

/** What the trace says of a pass: its long tasks, and its longest style recalculation (ms). */
export interface PassTrace {
  tasks: LongTask[];
  /** The page heartbeat's gaps over the line in that window, as the trace saw them (none on a page without a heartbeat). */
  gaps?: TracedGap[];
  /** The longest main-thread task's CPU (thread) time during the pass and 250 ms after. */
  longestTaskCpu: number;
  /** The longest `UpdateLayoutTree` (style recalc) on the main thread during the pass and 250 ms after. */
  longestStyle: number;
  /** How many style recalcs and main-thread tasks the trace holds in that time (a trace that saw the pass has many). */
  styleCount: number;
  taskCount: number;
}

/** The long tasks on the renderer main thread that recorded the pass, overlapping it, and its longest style recalc. */
export function longTasksInPass(events: TraceEvent[], lineMs = 50): PassTrace {
  const { begin, end, main } = passEvents(events);
  const passStart = begin.ts;
  const passEnd = (end?.ts ?? begin.ts) + 250_000;
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur! > lineMs * 1000 && e.ts < passEnd && e.ts + e.dur! > passStart);
  const styles = main.filter((e) => e.name === 'UpdateLayoutTree' && e.ts < passEnd && e.ts + e.dur! > passStart);
  const longestStyle = Math.max(0, ...styles.map((e) => e.dur! / 1000));
  const inPass = main.filter((e) => e.name === 'RunTask' && e.ts < passEnd && e.ts + e.dur! > passStart);
  const taskCount = inPass.length;
  const longestTaskCpu = Math.max(0, ...inPass.map((e) => (e.tdur ?? e.dur!) / 1000));
  const long = tasks.map((task) => {
    const within = main.filter((e) => e !== task && !WRAPPERS.has(e.name) && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    const byName = new Map<string, number>();
    for (const e of within) {
      const name = e.name + scriptOf(e);
      byName.set(name, Math.max(byName.get(name) ?? 0, e.dur! / 1000));
    }
    const inside = [...byName].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms).slice(0, 4);
    return { at: (task.ts - passStart) / 1000, ms: task.dur! / 1000, cpu: (task.tdur ?? task.dur!) / 1000, inside };
  });
  return { tasks: long, longestTaskCpu, longestStyle, styleCount: styles.length, taskCount };
}

/** The first pass's measure (begin and end events) and the complete events of the renderer main thread that recorded it. */
function passEvents(events: TraceEvent[]): { begin: TraceEvent; end?: TraceEvent; main: TraceEvent[] } {
  // User timing measures are async begin/end pairs ('b'/'e') under blink.user_timing.
  const begin = events.find((e) => e.name === 'factmark:annotate' && (e.ph === 'b' || e.ph === 'B'));
  if (!begin) throw new Error('The trace holds no factmark:annotate measure: was the measures flag set?');
  const end = events.find((e) => e.name === 'factmark:annotate' && (e.ph === 'e' || e.ph === 'E') && e.pid === begin.pid && e.ts >= begin.ts);
  const mainTid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === begin.pid && (e.args?.name as string) === 'CrRendererMain')?.tid;
  const main = events.filter((e) => e.pid === begin.pid && (mainTid === undefined || e.tid === mainTid) && e.ph === 'X' && e.dur !== undefined);
  return { begin, end, main };
}

/** Whose script an EvaluateScript or FunctionCall ran (` <file>`: the content script's, the page's, the harness's), else ''. */
function scriptOf(e: TraceEvent): string {
  if (e.name !== 'EvaluateScript' && e.name !== 'FunctionCall') return '';
  const url = ((e.args?.data as { url?: string } | undefined)?.url ?? '').split(/[?#]/)[0]!;
  return ` ${url.split('/').pop() || (url ? url : 'no url')}`;
}

/**
 * Waits for `count` passes without a script of the harness's in the page each frame (Playwright's
 * waitForFunction compiles its own in the page: a 45 ms task in the trace), then lets it settle.
 */
export async function quietlyAwaitPasses(page: Page, count = 1): Promise<void> {
  while ((await page.evaluate(() => performance.getEntriesByName('factmark:annotate').length)) < count) await page.waitForTimeout(250);
  await page.waitForTimeout(1000);
}

/** One line per long task: when, how long, and what was inside. */
export function longTasksText(tasks: LongTask[]): string {
  if (tasks.length === 0) return 'none';
  return tasks.map((t) => `${t.ms.toFixed(0)} ms (${t.cpu.toFixed(0)} ms CPU) at ${t.at.toFixed(0)} ms (${t.inside.map((i) => `${i.name} ${i.ms.toFixed(0)}`).join(', ')})`).join('; ');
}
