/** Dispatches the unit written after an amount to the money, power, duration or percent parser. */
import type { FigureKind } from '../schema/figure';
import { currencyAfter } from './currency';
import { parseDuration } from './duration';
import { parsePercent } from './percent';
import { parsePower } from './power';

/** The unit found after an amount. */
export interface UnitHit {
  kind: FigureKind;
  unit: string;
  end: number;
  uncertain?: boolean;
  bareDollar?: boolean;
}

/**
 * Parses the unit right after an amount ending at `pos`. `scaled` tells whether a scale word
 * was written ("million"), which some weak currency names need.
 */
export function unitAfter(text: string, pos: number, scaled: boolean): UnitHit | null {
  const pct = parsePercent(text, pos);
  if (pct >= 0) return { kind: 'percent', unit: '%', end: pct };
  const cur = currencyAfter(text, pos, scaled);
  if (cur) return { kind: 'money', unit: cur.iso, end: cur.pos, uncertain: cur.uncertain, bareDollar: cur.bareDollar };
  const pw = parsePower(text, pos);
  if (pw) return { kind: 'power', unit: pw.unit, end: pw.end };
  const du = parseDuration(text, pos);
  if (du) return { kind: 'duration', unit: du.unit, end: du.end };
  return null;
}
