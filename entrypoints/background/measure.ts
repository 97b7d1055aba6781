import { browser } from 'wxt/browser';
import { MEASURES_KEY } from '../../data/schema/measures';

/** Set once the flag is read at start, and kept current (the harness may set it after the worker started). */
let on = false;
void browser.storage.local.get(MEASURES_KEY).then(
  (stored) => (on ||= stored[MEASURES_KEY] === true),
  () => undefined,
);
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && MEASURES_KEY in changes) on = changes[MEASURES_KEY]!.newValue === true;
});

/**
 * Records a `performance` measure for benchmarks and tests, only when they asked for measures
 * (MEASURES_KEY): otherwise the worker keeps no record per message. Even then a bounded number is
 * kept: the service worker may live for hours, and a page that mutates without end sends lookups
 * all the while.
 */
export function measure(name: string, start: number, detail?: unknown): void {
  if (!on) return;
  if (performance.getEntriesByName(name).length >= 2_000) performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now(), detail });
}
