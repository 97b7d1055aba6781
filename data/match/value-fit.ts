import type { Bound } from './bound';
import type { QualifierClass } from './tolerance';

/**
 * Whether a written figure states a fact's value. All values in the same canonical unit.
 * equal: the fact, rounded as the writer rounded, gives the figure (and is within 5 % of it, so
 * "$1 trillion" never stands for 730 billion); differs: clearly another value; close: neither.
 */
export type ValueFit = 'equal' | 'differs' | 'close';

export interface WrittenValue {
  value: number;
  /** Top of a range ("$40-60 billion"). */
  high?: number;
  /** Place value of the last digit written, in the canonical unit. */
  precision: number;
  qualifier?: QualifierClass;
}

/** Relative gap a rounded figure may have from the fact it states. */
const ROUNDING = 0.05;
/** Relative gap beyond which an "about" figure contradicts the fact. */
const APPROX_WIDE = 0.1;
/** A range this narrow (relative to the fact) may verify it; wider ones are bounds. */
const NARROW_RANGE = 0.1;

export function valueFit(written: WrittenValue, fact: number): ValueFit {
  const { value: v, precision } = written;
  const half = precision / 2 + 1e-9 * Math.max(Math.abs(v), 1);
  const gap = Math.abs(fact - v);
  const scale = Math.max(Math.abs(fact), 1e-12);
  if (written.high !== undefined) {
    const lo = Math.min(v, written.high) - half;
    const hi = Math.max(v, written.high) + half;
    const inside = fact >= lo && fact <= hi;
    if (inside) return hi - lo <= NARROW_RANGE * scale + 2 * half ? 'equal' : 'close';
    return Math.min(Math.abs(fact - lo), Math.abs(fact - hi)) > APPROX_WIDE * scale ? 'differs' : 'close';
  }
  switch (written.qualifier) {
    case 'approx':
      if (gap <= half && gap <= ROUNDING * scale) return 'equal';
      return gap > APPROX_WIDE * scale && gap > half ? 'differs' : 'close';
    case 'nearly':
      // "nearly $50 billion": a little under 50, or 50 as rounded.
      if (fact <= v + half && fact >= v * (1 - APPROX_WIDE)) return 'equal';
      return gap > APPROX_WIDE * scale && gap > half ? 'differs' : 'close';
    default:
      if (gap <= half && gap <= ROUNDING * scale) return 'equal';
      return gap > half ? 'differs' : 'close';
  }
}

/**
 * True if a figure that differs from a bounded fact lies on the bound's side of it, so it cannot
 * contradict it: below a cap ("$80 billion" against "up to $100 billion"), above a floor ("2
 * gigawatts" against "at least a gigawatt"). A range counts by its nearer end.
 */
export function insideBound(written: WrittenValue, fact: number, bound: Bound | undefined): boolean {
  if (bound === undefined) return false;
  const lo = Math.min(written.value, written.high ?? written.value);
  const hi = Math.max(written.value, written.high ?? written.value);
  return bound === 'up-to' ? lo <= fact : hi >= fact;
}
