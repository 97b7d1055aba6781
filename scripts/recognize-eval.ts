/**
 * Shared scoring for the recognizer's comparison tests and benchmark: loads the Microsoft
 * Recognizers-Text English currency spec (third-party test data, MIT) and scores any recognizer
 * against expected money figures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recognize, type Figure } from '../data/recognize/index';

/** A money figure as predicted or expected: span [start, end), value, optional top, ISO unit. */
export interface MoneySpan {
  start: number;
  end: number;
  value: number;
  high?: number;
  unit: string | null;
}

/** One scored input: expected figures plus spans that are neither right nor wrong if found. */
export interface EvalCase {
  input: string;
  expected: MoneySpan[];
  ignored: MoneySpan[];
}

interface SpecResult {
  Text: string;
  Start: number;
  End: number;
  Resolution: { value: string | null; unit: string; isoCurrency?: string };
}
interface SpecCase {
  Input: string;
  Results: SpecResult[];
}

const SPEC_PATH = fileURLToPath(
  new URL('../tests/fixtures/third-party/recognizers-text-currency-english.json', import.meta.url),
);

/** Why a spec result is left out of scoring. Each reason is about the case, not about our output. */
export const EXCLUSION_REASONS = {
  noValue: 'currency name with no amount ("dollar" alone): not a figure',
  legacy: 'withdrawn currency with no ISO code in the spec (markka, guilder, peseta, unspecified franc)',
} as const;
type ExclusionReason = keyof typeof EXCLUSION_REASONS;

const LEGACY = new Set(['Finnish markka', 'Netherlands guilder', 'Peseta', 'Franc']);
/** The peer writes bare "$" and "£" as "Dollar"/"Pound" with no ISO code. */
const BARE_UNITS: Record<string, string> = { Dollar: 'USD', Pound: 'GBP' };
/**
 * The peer resolves sub-units in sub-units with no ISO code ("50 cents" is 50 "Cent"); we report
 * whole units (0.5 USD). "Cent" with no country follows the bare-"$" convention: USD.
 */
const SUBUNITS: Record<string, string> = { Cent: 'USD', Pence: 'GBP', Penny: 'GBP', Sen: 'MYR' };

/** Maps a peer resolution to an ISO code (isoCurrency first, then the bare-symbol convention). */
export function peerUnitToIso(unit: string, iso?: string): string | null {
  return iso ?? BARE_UNITS[unit] ?? SUBUNITS[unit] ?? null;
}

/**
 * A peer value in whole units of its ISO currency: sub-unit values are divided by 100 in
 * decimal ("14.27" cents is exactly the double nearest 0.1427, as ours is).
 */
export function peerValue(value: string | number, unit: string, iso?: string): number {
  return !iso && SUBUNITS[unit] ? Number(`${value}e-2`) : Number(value);
}

function exclusionOf(r: SpecResult): ExclusionReason | null {
  if (r.Resolution.value === null) return 'noValue';
  if (LEGACY.has(r.Resolution.unit)) return 'legacy';
  return null;
}

/** Loads the spec cases; returns scored cases and how many results each reason excluded. */
export function loadSpecCases(): { cases: EvalCase[]; excluded: Record<ExclusionReason, number>; total: number } {
  const raw = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as SpecCase[];
  const excluded: Record<ExclusionReason, number> = { noValue: 0, legacy: 0 };
  let total = 0;
  const cases = raw.map((c) => {
    const expected: MoneySpan[] = [];
    const ignored: MoneySpan[] = [];
    for (const r of c.Results) {
      total++;
      const span = peerSpan(r.Start, r.End, r.Resolution.value ?? NaN, r.Resolution.unit, r.Resolution.isoCurrency);
      const why = exclusionOf(r);
      if (why) {
        excluded[why]++;
        ignored.push(span);
      } else {
        expected.push(span);
      }
    }
    return { input: c.Input, expected, ignored };
  });
  return { cases, excluded, total };
}

/** Our money figures in `input`, as MoneySpans. */
export function oursMoney(input: string): MoneySpan[] {
  return recognize(input)
    .filter((f) => f.kind === 'money')
    .map(figureSpan);
}

/** One of our figures as a scored span. */
export function figureSpan(f: Figure): MoneySpan {
  return { start: f.start, end: f.end, value: f.value, high: f.high, unit: f.unit };
}

/** A Recognizers-Text result (spec or live) as a scored span: its end is inclusive, its units are names. */
export function peerSpan(start: number, endInclusive: number, value: string | number, unit: string, iso: string | undefined): MoneySpan {
  return { start, end: endInclusive + 1, value: peerValue(value, unit, iso), unit: peerUnitToIso(unit, iso) };
}

/** Precision / exact-value recall of one recognizer over a set of cases. */
export interface Score {
  precision: number;
  recall: number;
  predicted: number;
  correct: number;
  expected: number;
  found: number;
  ms: number;
  misses: { input: string; expected: MoneySpan }[];
  wrong: { input: string; predicted: MoneySpan }[];
}

const overlaps = (a: MoneySpan, b: MoneySpan) => a.start < b.end && b.start < a.end;

/**
 * Scores `predict` on `cases`. A prediction is correct if it overlaps an expected figure, ignored
 * if it only overlaps an excluded one, wrong otherwise. An expected figure is found when an
 * overlapping prediction has the same value, the same high (for ranges) and the same currency.
 */
export function score(cases: EvalCase[], predict: (input: string) => MoneySpan[]): Score {
  let predicted = 0;
  let correct = 0;
  let expected = 0;
  let found = 0;
  let ms = 0;
  const misses: Score['misses'] = [];
  const wrong: Score['wrong'] = [];
  for (const c of cases) {
    const t0 = performance.now();
    const preds = predict(c.input);
    ms += performance.now() - t0;
    for (const p of preds) {
      if (c.expected.some((e) => overlaps(p, e))) {
        predicted++;
        correct++;
      } else if (!c.ignored.some((e) => overlaps(p, e))) {
        predicted++;
        wrong.push({ input: c.input, predicted: p });
      }
    }
    for (const e of c.expected) {
      expected++;
      const hit = preds.some(
        (p) => overlaps(p, e) && p.value === e.value && (p.high ?? null) === (e.high ?? null) && p.unit === e.unit,
      );
      if (hit) found++;
      else misses.push({ input: c.input, expected: e });
    }
  }
  return {
    precision: predicted ? correct / predicted : 1,
    recall: expected ? found / expected : 1,
    predicted,
    correct,
    expected,
    found,
    ms,
    misses,
    wrong,
  };
}
