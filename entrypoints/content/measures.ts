import { browser } from 'wxt/browser';
import { MEASURES_KEY } from '../../data/schema/measures';

let wanted: Promise<boolean> | undefined;

/** Whether a test or benchmark asked for measures; read once per page (see MEASURES_KEY). */
export function measuring(): Promise<boolean> {
  wanted ??= browser.storage.local.get(MEASURES_KEY).then(
    (stored) => stored[MEASURES_KEY] === true,
    () => false,
  );
  return wanted;
}

/**
 * Records a `performance` measure from `start` to `end` only when measures were asked for: the
 * page shares the content script's performance timeline, so an unasked-for entry would tell
 * every page that Factmark is installed and what it read.
 */
export function recordMeasure(name: string, start: number, end: number, detail: unknown): void {
  void measuring().then((on) => {
    if (on) performance.measure(name, { start, end, detail });
  });
}
