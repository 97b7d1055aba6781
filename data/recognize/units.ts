/** Reads the unit written after an amount and dispatches it: percent, money, power or duration. */
import type { FigureKind } from '../schema/figure';
import { currencySymbolAfter, currencyWord } from './currency';
import { durationUnit } from './duration';
import { percentWordEnd } from './percent';
import { powerUnit } from './power';
import { boundaryAfter, isDash, isLetter, isSpace, wordEnd } from './text';

/** The unit found after an amount. */
export interface UnitHit {
  kind: FigureKind;
  unit: string;
  end: number;
  uncertain?: boolean;
  bareDollar?: boolean;
}

/**
 * Parses the unit right after an amount ending at `pos`: glued ("40%", "10GW"), after one space
 * ("4.4 percent", "30 billion euros") or after a hyphen ("seven-year", "1.2-gigawatt").
 * The word is read once and looked up in each table. `scaled` tells whether a scale word was
 * written ("million"), which some weak currency names need.
 */
export function unitAfter(text: string, pos: number, scaled: boolean): UnitHit | null {
  const n = text.length;
  if (pos >= n) return null;
  let p = pos;
  let c = text.charCodeAt(p);
  if (c === 37) return { kind: 'percent', unit: '%', end: p + 1 };
  // 0: glued, 1: one space, 2: hyphen
  let sep = 0;
  if (isSpace(c)) sep = 1;
  else if (isDash(c)) sep = 2;
  if (sep) {
    p++;
    if (p >= n) return null;
    c = text.charCodeAt(p);
    if (c === 37 && sep === 1) return { kind: 'percent', unit: '%', end: p + 1 };
  }
  if (!isLetter(c)) {
    const sym = currencySymbolAfter(text, p);
    return sym ? { kind: 'money', unit: sym.iso, end: sym.pos, bareDollar: sym.bareDollar } : null;
  }
  const we = wordEnd(text, p, 14);
  if (we < 0 || !boundaryAfter(text, we)) return null;
  const pw = powerUnit(text, p, we);
  if (pw) return { kind: 'power', unit: pw, end: we };
  if (sep === 0) return null;
  if (sep === 1) {
    const pct = percentWordEnd(text, p, we);
    if (pct >= 0) return { kind: 'percent', unit: '%', end: pct };
  }
  const cur = currencyWord(text, p, we, scaled);
  if (cur) return { kind: 'money', unit: cur.iso, end: cur.pos, uncertain: cur.uncertain };
  const du = durationUnit(text, p, we);
  if (du) return { kind: 'duration', unit: du, end: we };
  return null;
}
