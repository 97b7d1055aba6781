/** Percentages after an amount: "40%", "40 %", "4.4 percent", "12 per cent", "3 pct". */
import { boundaryAfter, matchesLower, wordEnd } from './text';

/**
 * The end of a percent word starting with the word text[start, end) ("percent", "pct",
 * "per cent"), or -1. "percentage points" is a difference, not a percentage, and is not matched.
 */
export function percentWordEnd(text: string, start: number, end: number): number {
  const len = end - start;
  if ((len === 7 && matchesLower(text, start, 'percent')) || (len === 3 && matchesLower(text, start, 'pct'))) return end;
  if (len === 3 && matchesLower(text, start, 'per') && text.charCodeAt(end) === 32) {
    const e2 = wordEnd(text, end + 1, 4);
    if (e2 === end + 5 && matchesLower(text, end + 1, 'cent') && boundaryAfter(text, e2)) return e2;
  }
  return -1;
}
