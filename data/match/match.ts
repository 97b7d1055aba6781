import type { MatchRequest, FigureQuery } from '../schema/messages';
import type { Verdict } from '../schema/verdict';
import { viewOf, type FactRef, type MatchIndex } from './build';
import { localContexts, type LocalContext } from './context';
import { containsPhrase, tokenize } from './text';
import { boundsOf, precisionOf, qualifierOf, withinBounds } from './tolerance';
import { canonicalUnit, kindFitsMetric } from './units';

/** Entity mentions of one text: which entities, and where ([start, end) UTF-16 offsets). */
interface Mentions {
  ids: Set<string>;
  at: Map<string, [number, number][]>;
}

function addMention(m: Mentions, id: string, span: [number, number]): void {
  m.ids.add(id);
  const list = m.at.get(id);
  if (list) list.push(span);
  else m.at.set(id, [span]);
}

function mentionsIn(index: MatchIndex, text: string): Mentions {
  const { words, starts, ends } = tokenize(text);
  const m: Mentions = { ids: new Set(), at: new Map() };
  index.entities.scan(words, (id, _phrase, i, length) => addMention(m, id, [starts[i]!, ends[i + length - 1]!]));
  return m;
}

/** The mentions of a block that lie inside [from, to), with offsets from `from`. */
function mentionsWithin(block: Mentions, from: number, to: number): Mentions {
  const m: Mentions = { ids: new Set(), at: new Map() };
  for (const [id, spans] of block.at) for (const [s, e] of spans) if (s >= from && e <= to) addMention(m, id, [s - from, e - from]);
  return m;
}

/**
 * Per-request caches, so each block and the title is scanned for names once. A sentence's names
 * are its block's names inside it.
 */
class Mentioner {
  private readonly blocks = new Map<number, Mentions>();
  /** By block, then by where the sentence starts in it. */
  private readonly sentences = new Map<number, Map<number, Mentions>>();
  private readonly wides = new Map<number, Map<number, Set<string>>>();
  readonly title: Mentions;

  constructor(private readonly index: MatchIndex, private readonly request: MatchRequest) {
    this.title = mentionsIn(index, request.title);
  }

  sentence(q: FigureQuery): Mentions {
    const from = q.figure.start - q.at;
    let inBlock = this.sentences.get(q.block);
    if (!inBlock) this.sentences.set(q.block, (inBlock = new Map()));
    let m = inBlock.get(from);
    if (!m) inBlock.set(from, (m = mentionsWithin(this.block(q.block), from, from + q.sentence.length)));
    return m;
  }

  /** Names of the sentence, its block and the title together. */
  wide(q: FigureQuery): Set<string> {
    const from = q.figure.start - q.at;
    let inBlock = this.wides.get(q.block);
    if (!inBlock) this.wides.set(q.block, (inBlock = new Map()));
    let ids = inBlock.get(from);
    if (!ids) {
      ids = new Set([...this.sentence(q).ids, ...this.block(q.block).ids, ...this.title.ids]);
      inBlock.set(from, ids);
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
    { value, high: fig.high === undefined ? undefined : fig.high * factor },
    precisionOf(fig) * factor,
    qualifierOf(fig, ctx.before),
  );

  const nearIds = [...near];
  // A clause is a dozen words or so: scanning it beats building a set of them for every figure.
  const has = (phrase: string[]) => containsPhrase(ctx.words, phrase);
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
    const bucket = index.buckets.get(unit, entity);
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
    index.cuesBySubject.get(unit, subject)?.scan(ctx.words, (refs, phrase) => {
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
  const others = (chosen.disagreeing ??= (index.sameThing.get(chosen.sameThing) ?? []).filter(
    (r) => r.pack.id !== chosen.pack.id && r.unit === chosen.unit && r.value !== chosen.value,
  ));
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
