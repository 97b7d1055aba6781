import type { Deal, Fact, Pack } from '../schema/pack';
import type { FactView } from '../schema/verdict';
import { toFactView, type PackRef } from './fact-view';
import { PhraseMatcher, phraseWords } from './text';
import { canonicalUnit } from './units';

/** One fact as the matcher sees it, with everything per-figure work needs precomputed. */
export interface FactRef {
  fact: Fact;
  pack: PackRef;
  deal: Deal | undefined;
  /** Deal parties plus subject and object: the names that tie a sentence to this fact. */
  parties: ReadonlySet<string>;
  /** Value in the canonical unit of its dimension (W, month, currency code). */
  value: number;
  unit: string;
  /** Canonical units per unit of the fact's own unit, to express gaps in the fact's unit. */
  factor: number;
  excludes: string[][];
  /** Key shared by the same measured thing across packs, for disagreements. */
  sameThing: string;
  /** Display form, made on first use (most facts are never shown). */
  view?: FactView;
}

/** The card-ready view of a fact, cached on the ref. */
export function viewOf(ref: FactRef): FactView {
  return (ref.view ??= toFactView(ref.fact, ref.pack, ref.deal));
}

/** Facts of one canonical unit that involve one entity, sorted by value, with their cues compiled. */
export interface Bucket {
  refs: FactRef[];
  values: Float64Array;
  cues: PhraseMatcher<FactRef[]>;
}

/** Everything matchBatch needs, built once per set of packs. */
export interface MatchIndex {
  /** Key: `${canonical unit}\u0001${entity id}`. */
  buckets: Map<string, Bucket>;
  /** Alias -> entity id, compiled for one pass per text. */
  entities: PhraseMatcher<string>;
  /** sameThing -> facts of every pack, for disagreements. */
  sameThing: Map<string, FactRef[]>;
  factCount: number;
}

/** Bucket key for a unit and an entity. */
export function bucketKey(unit: string, entity: string): string {
  return `${unit}\u0001${entity}`;
}

function collectEntities(packs: readonly Pack[]): PhraseMatcher<string> {
  const matcher = new PhraseMatcher<string>();
  const seen = new Set<string>();
  for (const pack of packs) {
    for (const entity of pack.entities) {
      for (const name of [entity.name, ...entity.aliases]) {
        const key = `${entity.id}\u0001${phraseWords(name).join(' ')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        matcher.add(name, entity.id);
      }
    }
  }
  return matcher;
}

function refOf(fact: Fact, pack: Pack, deal: Deal | undefined): FactRef {
  const { unit, factor } = canonicalUnit(fact.quantity.unit);
  const parties = new Set<string>(deal?.parties ?? []);
  parties.add(fact.subject);
  if (fact.object) parties.add(fact.object);
  return {
    fact,
    pack: { id: pack.id, title: pack.title, publisher: pack.publisher },
    deal,
    parties,
    value: fact.quantity.value * factor,
    unit,
    factor,
    excludes: fact.excludes.map(phraseWords).filter((w) => w.length > 0),
    sameThing: [fact.deal, fact.subject, fact.object ?? '', fact.metric, fact.role].join('\u0001'),
  };
}

function finishBucket(refs: FactRef[]): Bucket {
  refs.sort((a, b) => a.value - b.value);
  const cues = new PhraseMatcher<FactRef[]>();
  // One compiled phrase per distinct cue, listing every fact that uses it.
  const byCue = new Map<string, FactRef[]>();
  for (const ref of refs) {
    for (const cue of new Set(ref.fact.cues.map((c) => phraseWords(c).join(' ')))) {
      if (!cue) continue;
      const list = byCue.get(cue);
      if (list) list.push(ref);
      else byCue.set(cue, [ref]);
    }
  }
  for (const [cue, list] of byCue) cues.add(cue, list);
  return { refs, values: Float64Array.from(refs, (r) => r.value), cues };
}

/**
 * Builds the matcher's index from installed packs: facts bucketed by canonical unit and by every
 * entity they involve, sorted by value for range lookups; cue phrases and aliases compiled.
 */
export function buildIndex(packs: readonly Pack[]): MatchIndex {
  const pending = new Map<string, FactRef[]>();
  const sameThing = new Map<string, FactRef[]>();
  let factCount = 0;
  for (const pack of packs) {
    const deals = new Map(pack.deals.map((d) => [d.id, d]));
    for (const fact of pack.facts) {
      const ref = refOf(fact, pack, deals.get(fact.deal));
      factCount++;
      for (const entity of ref.parties) {
        const key = bucketKey(ref.unit, entity);
        const list = pending.get(key);
        if (list) list.push(ref);
        else pending.set(key, [ref]);
      }
      const same = sameThing.get(ref.sameThing);
      if (same) same.push(ref);
      else sameThing.set(ref.sameThing, [ref]);
    }
  }
  const buckets = new Map<string, Bucket>();
  for (const [key, refs] of pending) buckets.set(key, finishBucket(refs));
  return { buckets, entities: collectEntities(packs), sameThing, factCount };
}
