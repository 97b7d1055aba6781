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
  /** Cue and exclude phrases as stemmed words, each distinct. */
  cues: string[][];
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

/** Facts of one canonical unit that involve one entity, sorted by value for range lookups. */
export interface Bucket {
  refs: FactRef[];
  values: Float64Array;
}

/** Everything matchBatch needs, built once per set of packs. */
export interface MatchIndex {
  /** Facts by `${canonical unit}\u0001${entity id}` for every party of their deal (value lookups). */
  buckets: Map<string, Bucket>;
  /**
   * Cue phrases of facts by `${canonical unit}\u0001${subject id}` (mismatch lookups, which need the
   * subject named). Keyed by subject, not party, so a party of thousands of deals stays cheap.
   */
  cuesBySubject: Map<string, PhraseMatcher<FactRef[]>>;
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

/** Memoised phraseWords: packs repeat the same cue phrases across thousands of facts. */
function phraseCache(): (phrase: string) => string[] {
  const cache = new Map<string, string[]>();
  return (phrase) => {
    let words = cache.get(phrase);
    if (!words) cache.set(phrase, (words = phraseWords(phrase)));
    return words;
  };
}

/** Distinct, non-empty phrases. */
function distinct(phrases: string[][]): string[][] {
  const seen = new Map<string, string[]>();
  for (const p of phrases) if (p.length) seen.set(p.join(' '), p);
  return [...seen.values()];
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

function refOf(fact: Fact, pack: Pack, deal: Deal | undefined, words: (p: string) => string[]): FactRef {
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
    cues: distinct(fact.cues.map(words)),
    excludes: distinct(fact.excludes.map(words)),
    sameThing: [fact.deal, fact.subject, fact.object ?? '', fact.metric, fact.role].join('\u0001'),
  };
}

function finishBucket(refs: FactRef[]): Bucket {
  refs.sort((a, b) => a.value - b.value);
  return { refs, values: Float64Array.from(refs, (r) => r.value) };
}

/** One compiled phrase per distinct cue, listing every fact (of one unit and subject) that uses it. */
function compileCues(refs: FactRef[]): PhraseMatcher<FactRef[]> {
  const byCue = new Map<string, FactRef[]>();
  for (const ref of refs) {
    for (const cue of ref.cues) {
      const key = cue.join(' ');
      const list = byCue.get(key);
      if (list) list.push(ref);
      else byCue.set(key, [ref]);
    }
  }
  const matcher = new PhraseMatcher<FactRef[]>();
  for (const [cue, list] of byCue) matcher.add(cue, list);
  return matcher;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the matcher's index from installed packs: facts bucketed by canonical unit and by every
 * entity they involve, sorted by value for range lookups; cue phrases and aliases compiled.
 */
export function buildIndex(packs: readonly Pack[]): MatchIndex {
  const byParty = new Map<string, FactRef[]>();
  const bySubject = new Map<string, FactRef[]>();
  const sameThing = new Map<string, FactRef[]>();
  const words = phraseCache();
  let factCount = 0;
  for (const pack of packs) {
    const deals = new Map(pack.deals.map((d) => [d.id, d]));
    for (const fact of pack.facts) {
      const ref = refOf(fact, pack, deals.get(fact.deal), words);
      factCount++;
      for (const entity of ref.parties) push(byParty, bucketKey(ref.unit, entity), ref);
      if (ref.cues.length) push(bySubject, bucketKey(ref.unit, fact.subject), ref);
      push(sameThing, ref.sameThing, ref);
    }
  }
  const buckets = new Map<string, Bucket>();
  for (const [key, refs] of byParty) buckets.set(key, finishBucket(refs));
  const cuesBySubject = new Map<string, PhraseMatcher<FactRef[]>>();
  for (const [key, refs] of bySubject) cuesBySubject.set(key, compileCues(refs));
  return { buckets, cuesBySubject, entities: collectEntities(packs), sameThing, factCount };
}
