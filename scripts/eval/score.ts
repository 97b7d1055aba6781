/**
 * Scores the matcher's verdicts on the evaluation set against the expectations written into it.
 * A verdict on a fact counts as right when the fact is the expected one, or the same fact as
 * recorded by another pack (same parties by name, metric, role, value and time).
 */
import type { Entity, Fact, Pack } from '../../data/schema/pack';
import { roleOf } from '../../data/match/roles';

/** The outcome counts of one run over the set. */
export interface Score {
  figures: number;
  expectedVerified: number;
  expectedMismatch: number;
  verifiedRight: number;
  verifiedWrong: number;
  mismatchRight: number;
  falseDiffers: number;
  missed: number;
}

export const emptyScore = (): Score => ({ figures: 0, expectedVerified: 0, expectedMismatch: 0, verifiedRight: 0, verifiedWrong: 0, mismatchRight: 0, falseDiffers: 0, missed: 0 });

/** A fact with what identifies it across packs. */
interface Known {
  fact: Fact;
  names: Set<string>[];
  announced: string;
}

/** Facts of several packs, compared by what they record rather than by id. */
export class FactBook {
  private readonly byId = new Map<string, Known[]>();

  constructor(packs: readonly Pack[]) {
    for (const pack of packs) {
      const names = new Map<string, Set<string>>(pack.entities.map((e: Entity) => [e.id, new Set([e.name, ...e.aliases].map((n) => n.toLowerCase()))]));
      const deals = new Map(pack.deals.map((d) => [d.id, d]));
      for (const fact of pack.facts) {
        const known: Known = {
          fact,
          names: [fact.subject, fact.object].filter((x): x is string => !!x).map((id) => names.get(id) ?? new Set([id])),
          announced: deals.get(fact.deal)?.announced ?? fact.asOf,
        };
        const list = this.byId.get(fact.id);
        if (list) list.push(known);
        else this.byId.set(fact.id, [known]);
      }
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** True if facts `a` and `b` (by id, of any pack in the book) record the same thing. */
  same(a: string, b: string): boolean {
    if (a === b) return true;
    return (this.byId.get(a) ?? []).some((x) => (this.byId.get(b) ?? []).some((y) => sameRecord(x, y)));
  }

  /** Ids in `within` that record the same thing as `id`. */
  equivalents(id: string, within: ReadonlySet<string>): string[] {
    return [...within].filter((other) => this.same(id, other));
  }
}

function sameRecord(x: Known, y: Known): boolean {
  const overlap = (a: Set<string>, b: Set<string>) => [...a].some((n) => b.has(n));
  return (
    x.fact.metric === y.fact.metric &&
    roleOf(x.fact) === roleOf(y.fact) &&
    x.fact.quantity.unit === y.fact.quantity.unit &&
    Math.abs(x.fact.quantity.value - y.fact.quantity.value) <= 0.005 * Math.abs(x.fact.quantity.value) &&
    Math.abs(Date.parse(x.announced) - Date.parse(y.announced)) <= 31 * 86_400_000 &&
    x.names.length === y.names.length &&
    x.names.every((n, i) => overlap(n, y.names[i]!))
  );
}

/** Precision of each verdict and recall, from the counts. */
export function rates(s: Score): { verifiedPrecision: number; mismatchPrecision: number; verdictPrecision: number; recall: number } {
  const verified = s.verifiedRight + s.verifiedWrong;
  const mismatch = s.mismatchRight + s.falseDiffers;
  const expected = s.expectedVerified + s.expectedMismatch;
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    verifiedPrecision: ratio(s.verifiedRight, verified),
    mismatchPrecision: ratio(s.mismatchRight, mismatch),
    verdictPrecision: ratio(s.verifiedRight + s.mismatchRight, verified + mismatch),
    recall: ratio(s.verifiedRight + s.mismatchRight, expected),
  };
}
