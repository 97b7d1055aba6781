/** Percentages after an amount: "40%", "40 %", "4.4 percent", "12 per cent", "3 pct". */
import { boundaryAfter, readWord, type Word } from './text';

/**
 * The end of a percent word starting with `w` ("percent", "pct", "per cent"), or -1.
 * "percentage points" is a difference, not a percentage, and is not matched.
 */
export function percentWordEnd(text: string, w: Word): number {
  if (w.word === 'percent' || w.word === 'pct') return w.end;
  if (w.word === 'per' && text.charCodeAt(w.end) === 32) {
    const w2 = readWord(text, w.end + 1, 4);
    if (w2 && w2.word === 'cent' && boundaryAfter(text, w2.end)) return w2.end;
  }
  return -1;
}
