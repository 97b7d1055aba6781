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
  /** Other packs' facts about the same thing with another value, found on first use. */
  disagreeing?: FactRef[];
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
  /** Facts by canonical unit, then by every party of their deal (value lookups). */
  buckets: Map<string, Map<string, Bucket>>;
  /**
   * Cue phrases of facts by canonical unit, then subject id (mismatch lookups, which need the
   * subject named). Keyed by subject, not party, so a party of thousands of deals stays cheap.
   */
  cuesBySubject: Map<string, Map<string, PhraseMatcher<FactRef[]>>>;
  /** Alias -> entity id, compiled for one pass per text. */
  entities: PhraseMatcher<string>;
  /** sameThing -> facts of every pack, for disagreements. */
  sameThing: Map<string, FactRef[]>;
  factCount: number;
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

/** Adds `value` to the list under unit, then key. */
function push<V>(map: Map<string, Map<string, V[]>>, unit: string, key: string, value: V): void {
  let byKey = map.get(unit);
  if (!byKey) map.set(unit, (byKey = new Map()));
  const list = byKey.get(key);
  if (list) list.push(value);
  else byKey.set(key, [value]);
}

/** The same two-level map with each list turned into something else. */
function mapLists<V, W>(map: Map<string, Map<string, V[]>>, finish: (list: V[]) => W): Map<string, Map<string, W>> {
  return new Map([...map].map(([unit, byKey]) => [unit, new Map([...byKey].map(([key, list]) => [key, finish(list)]))]));
}

/**
 * Builds the matcher's index from installed packs: facts bucketed by canonical unit and by every
 * entity they involve, sorted by value for range lookups; cue phrases and aliases compiled.
 */
export function buildIndex(packs: readonly Pack[]): MatchIndex {
  const byParty = new Map<string, Map<string, FactRef[]>>();
  const bySubject = new Map<string, Map<string, FactRef[]>>();
  const sameThing = new Map<string, FactRef[]>();
  const words = phraseCache();
  let factCount = 0;
  for (const pack of packs) {
    const deals = new Map(pack.deals.map((d) => [d.id, d]));
    for (const fact of pack.facts) {
      const ref = refOf(fact, pack, deals.get(fact.deal), words);
      factCount++;
      for (const entity of ref.parties) push(byParty, ref.unit, entity, ref);
      if (ref.cues.length) push(bySubject, ref.unit, fact.subject, ref);
      const same = sameThing.get(ref.sameThing);
      if (same) same.push(ref);
      else sameThing.set(ref.sameThing, [ref]);
    }
  }
  return {
    buckets: mapLists(byParty, finishBucket),
    cuesBySubject: mapLists(bySubject, compileCues),
    entities: collectEntities(packs),
    sameThing,
    factCount,
  };
}
