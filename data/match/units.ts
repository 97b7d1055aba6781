import type { FigureKind } from '../schema/figure';
import type { Fact } from '../schema/pack';

/** A unit mapped onto the base unit of its dimension, so "2 GW" and "2000 MW" compare equal. */
export interface CanonicalUnit {
  unit: string;
  /** Multiply a value in the original unit by this to get the base unit. */
  factor: number;
}

const POWER: Record<string, number> = { w: 1, kw: 1e3, mw: 1e6, gw: 1e9, tw: 1e12 };
const DURATION: Record<string, number> = {
  day: 12 / 365.25,
  week: 12 / 52.18,
  month: 1,
  quarter: 3,
  year: 12,
  decade: 120,
};

const known = new Map<string, CanonicalUnit>();

/** Canonical form of a figure or fact unit: power in W, durations in months, ISO currency codes upper-case. */
export function canonicalUnit(unit: string): CanonicalUnit {
  let found = known.get(unit);
  if (!found) {
    found = canonicalOf(unit);
    // Pages may send any short unit string: remember a bounded number of them.
    if (known.size < 256) known.set(unit, found);
  }
  return found;
}

function canonicalOf(unit: string): CanonicalUnit {
  const u = unit.trim();
  const lower = u.toLowerCase();
  if (lower in POWER) return { unit: 'W', factor: POWER[lower]! };
  const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower;
  if (singular in DURATION) return { unit: 'month', factor: DURATION[singular]! };
  if (/^[a-z]{3}$/i.test(u)) return { unit: u.toUpperCase(), factor: 1 };
  return { unit: u, factor: 1 };
}

/** Which fact metrics a figure of each kind can stand for. */
const METRICS_BY_KIND: Record<FigureKind, ReadonlySet<Fact['metric']>> = {
  money: new Set(['investment', 'commitment', 'valuation', 'funding', 'share', 'other']),
  power: new Set(['capacity', 'other']),
  duration: new Set(['term', 'other']),
  percent: new Set(['share', 'other']),
};

/** True if a figure of this kind may be checked against a fact of this metric. */
export function kindFitsMetric(kind: FigureKind, metric: Fact['metric']): boolean {
  return METRICS_BY_KIND[kind]?.has(metric) ?? false;
}
