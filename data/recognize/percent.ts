/** Percentages after an amount: "40%", "40 %", "4.4 percent", "12 per cent", "3 pct". */
import { boundaryAfter, isSpace, readWord } from './text';

/** Returns the end of a percent sign or word at `pos`, or -1. */
export function parsePercent(text: string, pos: number): number {
  if (pos >= text.length) return -1;
  let p = pos;
  if (isSpace(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) === 37) return p + 1;
  if (p === pos) return -1;
  const w = readWord(text, p, 7);
  if (!w || !boundaryAfter(text, w.end)) return -1;
  if (w.word === 'percent' || w.word === 'pct') return w.end;
  if (w.word === 'per' && text.charCodeAt(w.end) === 32) {
    const w2 = readWord(text, w.end + 1, 4);
    if (w2 && w2.word === 'cent' && boundaryAfter(text, w2.end)) return w2.end;
  }
  return -1;
}
