import type { FactView, Verdict } from '../schema/verdict';

/** A verdict as sent between contexts: facts by position in `PackedVerdicts.facts`, its reason line by position in `whys`. */
export type PackedVerdict = Omit<Verdict, 'fact' | 'disagreements' | 'candidates' | 'why'> & { fact?: number; disagreements?: number[]; candidates?: number[]; why?: number };

/**
 * Verdicts for a batch with each distinct fact and each distinct reason line sent once. A page
 * repeats the same few facts many times; sending each card's full text per figure made the answer
 * the largest part of a lookup. Reason lines repeat too ("Amazon and OpenAI named in this
 * sentence" on every such figure): one string per figure was most of what was left, copied out of
 * the worker, converted again in the page and kept alive while the answer was placed.
 */
export interface PackedVerdicts {
  facts: FactView[];
  /** Distinct reason lines, in first-use order (absent when no verdict has one). */
  whys?: string[];
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
  const whys: string[] = [];
  const whyAt = new Map<string, number>();
  const packed = verdicts.map(({ fact, disagreements, candidates, why, ...rest }) => {
    const out: PackedVerdict = { ...rest };
    if (fact) out.fact = position(fact);
    if (disagreements) out.disagreements = disagreements.map(position);
    if (candidates) out.candidates = candidates.map(position);
    if (why !== undefined) {
      let at = whyAt.get(why);
      if (at === undefined) whyAt.set(why, (at = whys.push(why) - 1));
      out.why = at;
    }
    return out;
  });
  return whys.length ? { facts, whys, verdicts: packed } : { facts, verdicts: packed };
}

/** Restores packed verdicts; verdicts about the same fact share one FactView object (and one reason string). */
export function unpackVerdicts({ facts, whys, verdicts }: PackedVerdicts): Verdict[] {
  return verdicts.map(({ fact, disagreements, candidates, why, ...rest }) => {
    const out: Verdict = { ...rest };
    if (fact !== undefined) out.fact = facts[fact]!;
    if (disagreements) out.disagreements = disagreements.map((i) => facts[i]!);
    if (candidates) out.candidates = candidates.map((i) => facts[i]!);
    if (why !== undefined) out.why = whys![why]!;
    return out;
  });
}
