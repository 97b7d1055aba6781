/**
 * Records a `performance` measure for benchmarks, keeping a bounded number: the service worker may
 * live for hours, and a page that mutates without end sends lookups all the while.
 */
export function measure(name: string, start: number, detail?: unknown): void {
  if (performance.getEntriesByName(name).length >= 2_000) performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now(), detail });
}
