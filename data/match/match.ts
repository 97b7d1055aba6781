import type { MatchRequest, FigureQuery } from '../schema/messages';
import type { Verdict } from '../schema/verdict';
import { bucketKey, viewOf, type FactRef, type MatchIndex } from './build';
import { localContexts, type LocalContext } from './context';
import { containsPhrase, tokenize } from './text';
import { boundsOf, precisionOf, qualifierOf, withinBounds } from './tolerance';
import { canonicalUnit, kindFitsMetric } from './units';

/** Entity mentions of one text: which entities, and where ([start, end) UTF-16 offsets). */
interface Mentions {
  ids: Set<string>;
  at: Map<string, [number, number][]>;
}

function mentionsIn(index: MatchIndex, text: string): Mentions {
  const { words, starts, ends } = tokenize(text);
  const ids = new Set<string>();
  const at = new Map<string, [number, number][]>();
  index.entities.scan(words, (id, phrase, i) => {
    ids.add(id);
    const last = i + phrase.split(' ').length - 1;
    const span: [number, number] = [starts[i]!, ends[last]!];
    const list = at.get(id);
    if (list) list.push(span);
    else at.set(id, [span]);
  });
  return { ids, at };
}

/** Per-request caches, so each sentence, block and the title is scanned for names once. */
class Mentioner {
  private readonly sentences = new Map<string, Mentions>();
  private readonly blocks = new Map<number, Mentions>();
  /** By block, then sentence: keys stay cheap (no sentence-long key strings built per figure). */
  private readonly wides = new Map<number, Map<string, Set<string>>>();
  readonly title: Mentions;

  constructor(private readonly index: MatchIndex, private readonly request: MatchRequest) {
    this.title = mentionsIn(index, request.title);
  }

  sentence(q: FigureQuery): Mentions {
    let m = this.sentences.get(q.sentence);
    if (!m) this.sentences.set(q.sentence, (m = mentionsIn(this.index, q.sentence)));
    return m;
  }

  /** Names of the sentence, its block and the title together. */
  wide(q: FigureQuery): Set<string> {
    let inBlock = this.wides.get(q.block);
    if (!inBlock) this.wides.set(q.block, (inBlock = new Map()));
    let ids = inBlock.get(q.sentence);
    if (!ids) {
      ids = new Set([...this.sentence(q).ids, ...this.block(q.block).ids, ...this.title.ids]);
      inBlock.set(q.sentence, ids);
    }
    return ids;
  }

  block(i: number): Mentions {
    let m = this.blocks.get(i);
    if (!m) this.blocks.set(i, (m = mentionsIn(this.index, this.request.blocks[i] ?? '')));
    return m;
  }
}

/** A fact considered for one figure, with what speaks for it. */
interface Candidate {
  ref: FactRef;
  cueHits: number;
  /** Characters from the figure to the nearest mention of the fact's subject in the sentence. */
  distance: number;
  /** |figure - fact| in canonical units. */
  diff: number;
}

/** Higher cue hits first, then the subject named closest to the figure, then the nearest value. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.cueHits !== b.cueHits) return a.cueHits > b.cueHits;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.diff < b.diff;
}

function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Characters between the figure [start, end) and the closest mention of the entity. */
function nearestMention(m: Mentions, entity: string, start: number, end: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const [s, e] of m.at.get(entity) ?? []) best = Math.min(best, e <= start ? start - e : Math.max(0, s - end));
  return best;
}

/**
 * The verdict for one figure. Near names are those of the sentence, else of the block, else of the
 * title; "wide" names are all three together.
 */
function matchOne(index: MatchIndex, q: FigureQuery, ctx: LocalContext, mentioner: Mentioner): Verdict {
  const fig = q.figure;
  const sentence = mentioner.sentence(q);
  const block = mentioner.block(q.block);
  const near = sentence.ids.size ? sentence.ids : block.ids.size ? block.ids : mentioner.title.ids;
  if (near.size === 0) return { verdict: 'unverified' };
  const wide = mentioner.wide(q);

  const { unit, factor } = canonicalUnit(fig.unit);
  const value = fig.value * factor;
  const bounds = boundsOf(
    { ...fig, value, high: fig.high === undefined ? undefined : fig.high * factor },
    precisionOf(fig) * factor,
    qualifierOf(fig, ctx.before),
  );

  const nearIds = [...near];
  const present = new Set(ctx.words);
  // Phrase arrays are shared between facts (build.ts memoises them), so each is tested once per
  // figure; the first-word test skips the scan for most phrases.
  const known = new Map<string[], boolean>();
  const has = (phrase: string[]) => {
    let found = known.get(phrase);
    if (found === undefined) known.set(phrase, (found = present.has(phrase[0]!) && containsPhrase(ctx.words, phrase)));
    return found;
  };
  const usable = (ref: FactRef) => kindFitsMetric(fig.kind, ref.fact.metric) && !ref.excludes.some(has);
  // A sentence that names someone outside the deal, and not the fact's subject, is about someone else.
  const aboutOthers = (ref: FactRef) => !wide.has(ref.fact.subject) && nearIds.some((e) => !ref.parties.has(e));
  const candidate = (ref: FactRef, cueHits: number): Candidate => ({
    ref,
    cueHits,
    distance: nearestMention(sentence, ref.fact.subject, ctx.start, ctx.end),
    diff: Math.abs(value - ref.value),
  });

  // Verified: facts of this unit involving a named party, found by binary search on value. This loop
  // is the hot path for parties with many facts: cheap tests first, facts that cannot win skipped early.
  let verified: Candidate | undefined;
  const seen = nearIds.length > 1 ? new Set<FactRef>() : undefined;
  for (const entity of nearIds) {
    const bucket = index.buckets.get(bucketKey(unit, entity));
    if (!bucket) continue;
    for (let i = lowerBound(bucket.values, bounds.lo); i < bucket.refs.length && bucket.values[i]! <= bounds.hi; i++) {
      const ref = bucket.refs[i]!;
      if (seen) {
        if (seen.has(ref)) continue;
        seen.add(ref);
      }
      if (!withinBounds(ref.value, bounds)) continue;
      let hits = 0;
      for (const cue of ref.cues) if (has(cue)) hits++;
      if (verified && hits < verified.cueHits) continue;
      if (!usable(ref) || aboutOthers(ref)) continue;
      const c = candidate(ref, hits);
      if (!verified || better(c, verified)) verified = c;
    }
  }
  if (verified) return withDisagreements(index, { verdict: 'verified', fact: viewOf(verified.ref) }, verified.ref);

  // A mismatch needs the words to point at the fact: a cue nearby, its subject (and object) named,
  // and a party of its deal among the near names. Cues are indexed by subject, so look up named ones.
  const cueHits = new Map<FactRef, Set<string>>();
  for (const subject of wide) {
    index.cuesBySubject.get(bucketKey(unit, subject))?.scan(ctx.words, (refs, phrase) => {
      for (const ref of refs) {
        let set = cueHits.get(ref);
        if (!set) cueHits.set(ref, (set = new Set()));
        set.add(phrase);
      }
    });
  }
  let mismatch: Candidate | undefined;
  for (const [ref, hits] of cueHits) {
    if (ref.fact.object && !wide.has(ref.fact.object)) continue;
    if (!nearIds.some((e) => ref.parties.has(e)) || !usable(ref)) continue;
    const c = candidate(ref, hits.size);
    if (!mismatch || better(c, mismatch)) mismatch = c;
  }
  if (mismatch) {
    const gap = (value - mismatch.ref.value) / mismatch.ref.factor;
    return withDisagreements(index, { verdict: 'mismatch', fact: viewOf(mismatch.ref), gap }, mismatch.ref);
  }
  return { verdict: 'unverified' };
}

/** Adds other packs' facts about the same thing whose value differs from the chosen one. */
function withDisagreements(index: MatchIndex, verdict: Verdict, chosen: FactRef): Verdict {
  const others = (index.sameThing.get(chosen.sameThing) ?? []).filter(
    (r) => r.pack.id !== chosen.pack.id && r.unit === chosen.unit && r.value !== chosen.value,
  );
  return others.length ? { ...verdict, disagreements: others.map(viewOf) } : verdict;
}

/**
 * Checks every figure of a request against the index: one verdict per `request.figures` entry,
 * in the same order. Pure; linear in the request's text plus the few facts each figure touches.
 */
export function matchBatch(index: MatchIndex, request: MatchRequest): Verdict[] {
  const contexts = localContexts(request.figures);
  const mentioner = new Mentioner(index, request);
  return request.figures.map((q, i) => matchOne(index, q, contexts[i]!, mentioner));
}
