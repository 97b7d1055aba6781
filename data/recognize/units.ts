/** Reads the unit written after an amount and dispatches it: percent, money, power or duration. */
import type { FigureKind } from '../schema/figure';
import { currencySymbolAfter, currencyWord } from './currency';
import { durationUnit } from './duration';
import { percentWordEnd } from './percent';
import { powerUnit } from './power';
import { isGluedPence, subunitWord, SUBUNIT_SHIFT } from './subunit';
import { boundaryAfter, gapEnd, isDash, isLetter, isLineBreak, isSpace, wordEnd } from './text';

/** The unit found after an amount. */
export interface UnitHit {
  kind: FigureKind;
  unit: string;
  end: number;
  uncertain?: boolean;
  bareDollar?: boolean;
  /** Power of ten from the written unit to the reported one: -2 for "cents", "pence". */
  shift?: number;
}

/**
 * Parses the unit right after an amount ending at `pos`: glued ("40%", "10GW"), after one space
 * ("4.4 percent", "30 billion euros") or after a hyphen ("seven-year", "1.2-gigawatt").
 * Sub-units ("50 cents", "12-cent", "75p", "20 euro cents") come back in whole units with a `shift`.
 * The word is read once and looked up in each table. `scaled` tells whether a scale word was
 * written ("million"), which some weak currency names need.
 */
export function unitAfter(text: string, pos: number, scaled: boolean): UnitHit | null {
  const n = text.length;
  if (pos >= n) return null;
  let p = pos;
  let c = text.charCodeAt(p);
  if (c === 37) return { kind: 'percent', unit: '%', end: p + 1 };
  // 0: glued, 1: one space (or a line break with its indentation), 2: hyphen
  let sep = 0;
  if (isSpace(c) || isLineBreak(c)) sep = 1;
  else if (isDash(c)) sep = 2;
  if (sep) {
    p = sep === 1 ? gapEnd(text, p) : p + 1;
    if (p < 0 || p >= n) return null;
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
  // "2 gigawatt-hours", "2 GW h": energy, not power; no figure (a wrong unit is never acceptable).
  if (pw) return /^[-\s]?h(?:ours?|rs?)?\b/i.test(text.slice(we, we + 7)) ? null : { kind: 'power', unit: pw, end: we };
  if (sep === 0) {
    return we === p + 1 && !scaled && isGluedPence(text, p)
      ? { kind: 'money', unit: 'GBP', end: we, shift: SUBUNIT_SHIFT }
      : null;
  }
  if (sep === 1) {
    const pct = percentWordEnd(text, p, we);
    if (pct >= 0) return { kind: 'percent', unit: '%', end: pct };
  }
  const sub = scaled ? undefined : subunitWord(text, p, we);
  if (sub) return { kind: 'money', unit: sub.iso, end: we, shift: SUBUNIT_SHIFT, bareDollar: sub.cent };
  const cur = currencyWord(text, p, we, scaled);
  if (cur) {
    // "50 euro cents": the euro's sub-unit.
    const ce = cur.iso === 'EUR' && !scaled && text.charCodeAt(cur.pos) === 32 ? wordEnd(text, cur.pos + 1, 5) : -1;
    if (ce > 0 && subunitWord(text, cur.pos + 1, ce)?.cent && boundaryAfter(text, ce)) {
      return { kind: 'money', unit: 'EUR', end: ce, shift: SUBUNIT_SHIFT };
    }
    return { kind: 'money', unit: cur.iso, end: cur.pos, uncertain: cur.uncertain };
  }
  const du = durationUnit(text, p, we, sep === 2);
  if (du) return { kind: 'duration', unit: du, end: we };
  return null;
}
