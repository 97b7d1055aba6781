import type { FactView, Verdict } from '../schema/verdict';

/** A verdict as sent between contexts: facts by position in `PackedVerdicts.facts`. */
export type PackedVerdict = Omit<Verdict, 'fact' | 'disagreements' | 'candidates'> & { fact?: number; disagreements?: number[]; candidates?: number[] };

/**
 * Verdicts for a batch with each distinct fact sent once. A page repeats the same few facts many
 * times; sending each card's full text per figure made the answer the largest part of a lookup.
 */
export interface PackedVerdicts {
  facts: FactView[];
  verdicts: PackedVerdict[];
}

/** Packs verdicts for messaging; `unpackVerdicts` restores them exactly. */
export function packVerdicts(verdicts: readonly Verdict[]): PackedVerdicts {
  const facts: FactView[] = [];
  // By identity: the matcher hands out one view object per fact (a copy would only be sent twice).
  const positions = new Map<FactView, number>();
  const position = (view: FactView) => {
    let at = positions.get(view);
    if (at === undefined) {
      positions.set(view, (at = facts.length));
      facts.push(view);
    }
    return at;
  };
  const packed = verdicts.map(({ fact, disagreements, candidates, ...rest }) => {
    const out: PackedVerdict = { ...rest };
    if (fact) out.fact = position(fact);
    if (disagreements) out.disagreements = disagreements.map(position);
    if (candidates) out.candidates = candidates.map(position);
    return out;
  });
  return { facts, verdicts: packed };
}

/** Restores packed verdicts; verdicts about the same fact share one FactView object. */
export function unpackVerdicts({ facts, verdicts }: PackedVerdicts): Verdict[] {
  return verdicts.map(({ fact, disagreements, candidates, ...rest }) => {
    const out: Verdict = { ...rest };
    if (fact !== undefined) out.fact = facts[fact]!;
    if (disagreements) out.disagreements = disagreements.map((i) => facts[i]!);
    if (candidates) out.candidates = candidates.map((i) => facts[i]!);
    return out;
  });
}
