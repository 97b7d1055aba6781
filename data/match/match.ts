import type { MatchRequest, FigureQuery } from '../schema/messages';
import type { FactView, Verdict } from '../schema/verdict';
import { dateMentions, dayNumber, type DateMention } from '../text/dates';
import { endsSentence } from '../text/sentence';
import { PartyTable, viewOf, type FactRef, type MatchIndex, type Slot } from './build';
import { attributedAfter, cannotContradict, earlierValue, fromTo, isQuestion, isRateFact, marketQuote, modalMay, onePart, partOfPrevious, rateAfter, timeSpan, uncheckable, withoutAsides, type Uncheckable } from './claim';
import { localContexts, punctuationClause, type LocalContext } from './context';
import { otherReceiver, otherValued, receiversIn, statesOtherKind, valuedIn, type Receivers } from './direction';
import { PRODUCT_NOUNS, bindingOf, payerOf, linkedDealParty, namesOutsider, outermostNames, possessorOf, sourceOf, respectiveOwner, severalOwners, unknownNames, unknownOwners, type BindingEvidence, type NamedAround, type NameSpan } from './evidence';
import { abstainLine, listNames, readableDay, reasonLine } from './reason';
import { EARLIER, contains, cueIn, cueList, roleFit, type RoleFit } from './roles';
import { hasCapital, tokenize, type Tokens } from './text';
import { timeFit, type TimeFit } from './time';
import { precisionOf, qualifierOf } from './tolerance';
import { canonicalUnit, kindFitsMetric } from './units';
import type { RoleId } from '../schema/roles';
import { insideBound, valueFit, type ValueFit, type WrittenValue } from './value-fit';

type Span = NameSpan;

/** A block read once: its words, the entities and deal names in it, the dates it mentions. */
interface ReadBlock {
  tokens: Tokens;
  entities: Span[];
  /** The entity ids of `entities`, once per block. */
  named: ReadonlySet<string>;
  deals: Span[];
  /** The deal ids of `deals`, made when the block is a heading or a sentence before a paragraph. */
  dealIds?: ReadonlySet<string>;
  dates: (DateMention & { start: number; end: number })[];
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** What the words around one figure name, computed once per sentence. */
interface SentenceNames {
  named: NamedAround;
  /** Entity spans of the sentence, in block offsets. */
  spans: Span[];
  /** Deal-name spans of the sentence, in block offsets. */
  dealSpans: Span[];
  dates: ReadBlock['dates'];
}

/** Ids of the spans inside [from, to); the shared empty set when none (most sentences name one company or none). */
function idsIn(spans: readonly Span[], from: number, to: number): ReadonlySet<string> {
  let ids: Set<string> | undefined;
  for (const s of spans) if (s.start >= from && s.end <= to) (ids ??= new Set()).add(s.id);
  return ids ?? NO_NAMES;
}

/** Spans inside [from, to); the shared empty list when none. */
function spansIn<T extends { start: number; end: number }>(spans: readonly T[], from: number, to: number): T[] {
  let out: T[] | undefined;
  for (const s of spans) if (s.start >= from && s.end <= to) (out ??= []).push(s);
  return out ?? (NOTHING as T[]);
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
/** Metrics of money one side pays: their fact's subject is the payer. */
const PAID_METRICS = new Set<string>(['investment', 'commitment']);

const isStop = (c: number) => c === 46 || c === 33 || c === 63 || c === 10; // . ! ? newline

/** Start of the sentence before the one starting at `from` (the sentence ends of sentenceAround). */
function previousSentenceStart(text: string, from: number): number {
  let i = from - 1;
  while (i > 0 && isSpace(text.charCodeAt(i))) i--;
  i--; // step over what ended it
  // By char codes first: the full check (abbreviations) only at a stop before a space.
  while (i > 0 && !(isStop(text.charCodeAt(i - 1)) && isSpace(text.charCodeAt(i)) && endsSentence(text, i - 1))) i--;
  return Math.max(0, i);
}

/** True if only spaces come before `from` in `text`: the sentence there opens its paragraph. */
function firstSentence(text: string, from: number): boolean {
  for (let i = 0; i < from; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Per-request reading: each block and the title scanned for names and dates once. Figures come in
 * page order, so only the block of the latest figure (and its sentences) is kept, besides the
 * blocks other blocks link to (headings, leads): a request's paragraphs read earlier would
 * otherwise live on to be copied by every garbage collection until the request ends. A block
 * asked for again is read again, to the same result.
 */
class Reader {
  /** Blocks that other blocks link to, kept for the whole request. */
  private readonly linked = new Map<number, ReadBlock>();
  private readonly isLinked: Uint8Array;
  private lastBlock = -1;
  private last: ReadBlock | undefined;
  /** The sentences of block `sentencesOf`, by sentence start. */
  private readonly sentences = new Map<number, SentenceNames>();
  private sentencesOf = -1;
  readonly title: Set<string>;

  constructor(private readonly index: MatchIndex, private readonly request: MatchRequest) {
    this.title = new Set(this.read(request.title).named);
    this.isLinked = new Uint8Array(request.blocks.length);
    for (const links of [request.headings, request.leads]) if (links) for (const h of links) if (h >= 0 && h < this.isLinked.length) this.isLinked[h] = 1;
  }

  private read(text: string): ReadBlock {
    const tokens = tokenize(text);
    const { words, starts, ends } = tokens;
    let entities: Span[] = [];
    const deals: Span[] = [];
    const canonical = this.index.canonical;
    this.index.entities.scan(words, (id, _p, i, n) => {
      const span: Span = { id: canonical.get(id) ?? id, start: starts[i]!, end: ends[i + n - 1]! };
      if (!hasCapital(text, span.start, span.end)) return;
      if (PRODUCT_NOUNS.has(words[i + n] ?? '')) span.product = true;
      entities.push(span);
    });
    entities = outermostNames(entities);
    this.index.dealNames.scan(words, (id, _p, i, n) => {
      if (hasCapital(text, starts[i]!, ends[i + n - 1]!)) deals.push({ id, start: starts[i]!, end: ends[i + n - 1]! });
    });
    // Two words are in one sentence when no full stop, "!" or "?" followed by a space lies between them.
    const sameSentence = (a: number, b: number) => !/[.!?]\s/.test(text.slice(ends[a]!, starts[b]!));
    const dates = dateMentions(words, this.request.published, sameSentence).map((m) => ({ ...m, start: starts[m.at]!, end: ends[m.at]! }));
    return { tokens, entities, named: new Set(entities.map((e) => e.id)), deals, dates };
  }

  block(i: number): ReadBlock {
    if (i === this.lastBlock) return this.last!;
    let b = this.linked.get(i);
    if (b) return b;
    b = this.read(this.request.blocks[i] ?? '');
    if (this.isLinked[i]) this.linked.set(i, b);
    else {
      this.lastBlock = i;
      this.last = b;
    }
    return b;
  }

  /** Names around the figure's sentence: the sentence, the one before it, the paragraph, the title; and the clause's. */
  sentence(q: FigureQuery): SentenceNames {
    const from = q.figure.start - q.at;
    const to = from + q.sentence.length;
    if (q.block !== this.sentencesOf) {
      this.sentences.clear();
      this.sentencesOf = q.block;
    }
    let s = this.sentences.get(from);
    if (!s) {
      const b = this.block(q.block);
      const head = this.context(this.request.headings, q.block);
      const prevFrom = from > 0 ? previousSentenceStart(this.request.blocks[q.block] ?? '', from) : from;
      // The paragraph's first sentence: the sentence before it ends the paragraph before.
      const lead = firstSentence(this.request.blocks[q.block] ?? '', from) ? this.context(this.request.leads, q.block) : undefined;
      s = {
        named: {
          sentence: idsIn(b.entities, from, to),
          previous: lead ? lead.named : idsIn(b.entities, prevFrom, from),
          heading: head ? head.named : NO_NAMES,
          paragraph: b.named,
          title: this.title,
          dealsInSentence: idsIn(b.deals, from, to),
          dealsInPrevious: lead ? (lead.dealIds ??= new Set(lead.deals.map((d) => d.id))) : idsIn(b.deals, prevFrom, from),
          dealsInHeading: head ? (head.dealIds ??= new Set(head.deals.map((d) => d.id))) : NO_NAMES,
        },
        spans: spansIn(b.entities, from, to),
        dealSpans: spansIn(b.deals, from, to),
        dates: spansIn(b.dates, from, to),
      };
      this.sentences.set(from, s);
    }
    return s;
  }

  /** The block `links` names for block `i` (its heading, or the sentence before it), if the page sent one. */
  private context(links: readonly number[] | undefined, i: number): ReadBlock | undefined {
    const h = links?.[i] ?? -1;
    return h >= 0 ? this.block(h) : undefined;
  }

  /** Stemmed words of the sentence before the figure. */
  lead(q: FigureQuery): string[] {
    const { words, starts } = this.block(q.block).tokens;
    const from = q.figure.start - q.at;
    const out: string[] = [];
    for (let i = lowerBound(starts, from); i < words.length && starts[i]! < q.figure.start; i++) out.push(words[i]!);
    return out;
  }
}

function lowerBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A fact considered for one figure, with all that speaks for it. */
interface Candidate {
  ref: FactRef;
  binding: BindingEvidence;
  fit: Extract<RoleFit, { tier: 'specific' | 'generic' }>;
  time: Extract<TimeFit, { fits: true }>;
  value: ValueFit;
  /** Characters from the figure to the nearest mention of the fact's subject in the sentence. */
  distance: number;
  /** The fact's subject is named in the figure's own clause ("Nvidia is contributing $30 billion"). */
  inClause: boolean;
  /** The clause places the figure in an earlier deal ("the earlier $6 billion round"). */
  earlier: boolean;
}

/** Everything found for one figure before ties between deals are settled. */
interface Assessment {
  /** The figure's value in the canonical unit. */
  value: number;
  verified: Candidate[];
  mismatch: Candidate[];
  /** Companies named near the figure that have facts in its unit. */
  companies: string[];
  blocked?: Uncheckable;
  timeRefusal?: Extract<TimeFit, { fits: false }> & { ref: FactRef };
  roleRefused: boolean;
}

const BIND_RANK = { sentence: 3, linked: 2, supported: 1 } as const;

function announcedOf(ref: FactRef): string {
  return ref.deal?.announced ?? ref.fact.asOf;
}

/** Same deal, or the same kind of fact with the same value: two packs recording one thing. */
function sameThing(a: FactRef, b: FactRef): boolean {
  if (a.fact.deal === b.fact.deal && a.pack.id === b.pack.id) return true;
  return a.kind === b.kind && Math.abs(a.value - b.value) <= 1e-9 * Math.max(a.value, 1) && Math.abs(dayNumber(announcedOf(a)) - dayNumber(announcedOf(b))) <= 31;
}

/** The latest day a fact speaks for: its deal's announcement or its own "as of", whichever is later. */
function currentAsOf(ref: FactRef): string {
  const announced = announcedOf(ref);
  return ref.fact.asOf > announced ? ref.fact.asOf : announced;
}

/** True if a later fact of the same kind (known by the article's day, if known) replaced this one in the reader's eyes. */
function hasLaterOfKind(ref: FactRef, published: string | undefined): boolean {
  const mine = currentAsOf(ref);
  for (const other of ref.ofKind) {
    if (other === ref || sameThing(other, ref)) continue;
    const theirs = currentAsOf(other);
    if (theirs >= mine && (!published || announcedOf(other) <= published)) return true;
  }
  return false;
}

/**
 * Characters between the figure [start, end) and the nearest mention of `id` among `spans` (block
 * offsets; `sentence` starts at `from`). A mention after the figure past a clause mark counts
 * only after every mention before it: in "Nvidia, which is putting in $30 billion, and SoftBank"
 * the figure is Nvidia's.
 */
function nearestMention(spans: readonly Span[], id: string, start: number, end: number, sentence: string, from: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const s of spans) {
    if (s.id !== id) continue;
    const after = s.end > start;
    let d = after ? Math.max(0, s.start - end) : start - s.end;
    if (after && /[,;:()\u2013\u2014]/.test(sentence.slice(end - from, s.start - from))) d += 1e6;
    best = Math.min(best, d);
  }
  return best;
}

/**
 * The date a figure is set in: the nearest one after it in its clause (up to `reach`: "$11.9 billion
 * contract signed in March"), else the nearest one before it in its sentence ("In October 2024,
 * ..."). A date after the figure but past its clause is another figure's.
 */
function figureDate(dates: SentenceNames['dates'], start: number, end: number, reach: number): DateMention | undefined {
  let after: DateMention | undefined;
  let before: DateMention | undefined;
  let afterGap = Number.POSITIVE_INFINITY;
  let beforeGap = Number.POSITIVE_INFINITY;
  for (const d of dates) {
    if (d.end <= start) {
      if (start - d.end < beforeGap) {
        before = d;
        beforeGap = start - d.end;
      }
    } else if (d.start < reach && Math.max(0, d.start - end) < afterGap) {
      after = d;
      afterGap = Math.max(0, d.start - end);
    }
  }
  return after ?? before;
}

/**
 * The sentence's dates that may date figure `i` from before it: not one in another figure's
 * clause set off from this figure's by punctuation ("SoftBank, which led its $40 billion round
 * last year, is putting $30 billion into the new round"), unless this figure's clause opens with
 * "when", which takes that time ("the $6.6 billion it raised a year ago, when it was valued at
 * $157 billion").
 */
function datesBefore(q: FigureQuery, ctx: LocalContext, dates: SentenceNames['dates'], i: number, reaches: readonly Reach[]): SentenceNames['dates'] {
  const [clauseFrom] = punctuationClause(q.sentence, ctx.start, ctx.end);
  if (/^\s*when\b/i.test(q.sentence.slice(clauseFrom))) return dates;
  const clauseStart = reaches[i]!.sentence + clauseFrom;
  return dates.filter((d) => d.end > clauseStart || !inOtherClause(d, i, reaches));
}

/**
 * A wrong figure for the same thing is near the record (830 for 730, 20 for 15); one twice as
 * large or small or more ("$1.4 trillion of commitments" beside a $50 billion investment) is
 * more likely another quantity than a misstatement of this one.
 */
const MISSTATEMENT_RATIO = 2;

function plausibleMisstatement(figure: number, fact: number): boolean {
  if (figure <= 0 || fact <= 0) return false;
  const ratio = figure / fact;
  return ratio <= MISSTATEMENT_RATIO && ratio >= 1 / MISSTATEMENT_RATIO;
}

/**
 * The facts a figure could be about: of its unit, needing a party named in its sentence, the one
 * before or its heading, and any other party they need named somewhere around (the paragraph, the
 * title too); or of a deal named by its own name. Only values the figure could state or plausibly
 * misstate are listed: a contiguous run of each sorted bucket.
 */
function factsNamed(index: MatchIndex, unit: string, named: NamedAround, lo: number, hi: number): { refs: FactRef[]; companies: string[] } {
  const companies: string[] = [];
  const refs: FactRef[] = [];
  const table = index.buckets.unit(unit);
  if (table) {
    const around = [named.sentence, named.previous, named.heading, named.paragraph, named.title];
    for (let k = 0; k < 3; k++) for (const id of around[k]!) {
      if (companies.includes(id)) continue;
      const facts = table.get(id);
      if (!facts) continue;
      companies.push(id);
      collect(facts.own, lo, hi, refs, undefined);
      // Two-party facts with each other company named around; a pair whose other side was listed already was listed with it.
      const pairs = facts.with;
      if (!pairs) continue;
      const others: string[] = [];
      for (const place of around) for (const other of place) {
        if (other === id || companies.includes(other) || others.includes(other)) continue;
        others.push(other);
        collect(pairs.get(other), lo, hi, refs, undefined);
      }
    }
    // A company only the paragraph or title names: its own facts of deals another party of which the linked text names.
    for (let k = 3; k < 5; k++) for (const id of around[k]!) {
      if (companies.includes(id) || named.sentence.has(id) || named.previous.has(id) || named.heading.has(id)) continue;
      const own = table.get(id)?.own;
      if (!own) continue;
      const before = refs.length;
      collect(own, lo, hi, refs, named);
      if (refs.length > before) companies.push(id);
    }
  }
  for (const deals of [named.dealsInSentence, named.dealsInPrevious, named.dealsInHeading]) for (const id of deals) {
    for (const ref of index.byDeal.get(id) ?? []) if (ref.unit === unit && ref.value >= lo && ref.value <= hi && !refs.includes(ref)) refs.push(ref);
  }
  return { refs, companies };
}

/** Appends the refs of `slot` with values in [lo, hi] to `refs`; with `linkedTo`, only those of deals another party of which it names in the linked text. */
function collect(slot: Slot | undefined, lo: number, hi: number, refs: FactRef[], linkedTo: NamedAround | undefined): void {
  if (!slot) return;
  const bucket = PartyTable.bucket(slot);
  const { values, refs: all } = bucket;
  for (let i = lowerBound(values, lo); i < all.length && values[i]! <= hi; i++) {
    const ref = all[i]!;
    if (!linkedTo || linkedDealParty(ref.parties, ref.required, linkedTo) !== undefined) refs.push(ref);
  }
}

const NOTHING: never[] = [];


/** `o` is a fact of the same role needing every party `c` needs and more, bound at least as firmly: the figure is more likely `o`'s. */
function claimsMore(o: Candidate, c: Candidate): boolean {
  return (
    o.ref.role === c.ref.role &&
    o.ref.required.length > c.ref.required.length &&
    c.ref.required.every((id) => o.ref.required.includes(id)) &&
    BIND_RANK[o.binding.binding] >= BIND_RANK[c.binding.binding]
  );
}

/** Where a figure's clause runs after it, in block offsets: its own dates sit there. */
interface Reach {
  block: number;
  sentence: number;
  /** Where the figure starts, block offsets. */
  start: number;
  from: number;
  to: number;
  /** The figure's value when it is an amount (money, power), in its canonical unit. */
  amount: Amount | undefined;
}

/** A value in a canonical unit (see units.ts). */
interface Amount {
  unit: string;
  value: number;
}

function reachOf(q: FigureQuery, ctx: LocalContext): Reach {
  const sentence = q.figure.start - q.at;
  const { kind, value, unit } = q.figure;
  // Money and power are what an agreement is for; a percent or a duration is none (see termAmounts).
  const canonical = kind === 'money' || kind === 'power' ? canonicalUnit(unit) : undefined;
  const amount = canonical && { unit: canonical.unit, value: value * canonical.factor };
  return { block: q.block, sentence, start: q.figure.start, from: q.figure.end, to: sentence + ctx.punctEnd, amount };
}

/**
 * The amounts (money, power) written beside a duration in its clause between punctuation marks, in
 * canonical units; and one joined to it by a bare comma, two words for one agreement ("a $38
 * billion, five-year agreement", "a seven-year, $38 billion deal").
 */
function termAmounts(q: FigureQuery, i: number, reaches: readonly Reach[]): Amount[] {
  const sentenceFrom = reaches[i]!.sentence;
  const start = q.at;
  const end = q.at + (q.figure.end - q.figure.start);
  const [from, to] = punctuationClause(q.sentence, start, end);
  const amounts: Amount[] = [];
  for (const j of sentenceFigures(i, reaches)) {
    const r = reaches[j]!;
    if (j === i || !r.amount) continue;
    const [rStart, rEnd] = [r.start - sentenceFrom, r.from - sentenceFrom];
    const joined = (j === i - 1 && BARE_COMMA.test(q.sentence.slice(rEnd, start))) || (j === i + 1 && BARE_COMMA.test(q.sentence.slice(end, rStart)));
    if ((rStart >= from && rEnd <= to) || joined) amounts.push(r.amount);
  }
  return amounts;
}

/** Only a comma between two figures (see `termAmounts`). */
const BARE_COMMA = /^\s*,\s*$/;

/**
 * True if some amount is one no fact of the deal could be, even misstated: the figure beside it
 * is another agreement's. For a term, the amounts of its clause ("OpenAI will spend $1.4 trillion
 * on computing over eight years" gives the length of that spending, not of its $100 billion AWS
 * commitment); for a part, the whole it starts ("$100 billion, starting with $10 billion").
 */
function amountOfOtherDeal(amounts: readonly Amount[], dealFacts: readonly FactRef[] | undefined): boolean {
  return amounts.some((a) => !dealFacts?.some((ref) => ref.unit === a.unit && plausibleMisstatement(a.value, ref.value)));
}

/**
 * For each amount, the deals the text around names that record exactly that amount (within
 * EXACT): "a $38 billion, five-year agreement" is the 2025 AWS contract's, whose term the five
 * years are, though the 2026 deal's $35 billion could be a misstated $38 billion.
 */
function dealsRecording(index: MatchIndex, named: NamedAround, amounts: readonly Amount[]): ReadonlySet<string>[] {
  return amounts.map((a) => new Set(factsNamed(index, a.unit, named, a.value * (1 - EXACT), a.value * (1 + EXACT)).refs.map((ref) => ref.fact.deal)));
}

/** How far apart two values may be and still be one (rounding in the pack or the text). */
const EXACT = 0.005;

/** The amount of the figure before figure `i` in its sentence, if the words between make figure `i` a part of it (`partOfPrevious`). */
function wholeOf(q: FigureQuery, ctx: LocalContext, i: number, reaches: readonly Reach[]): Amount[] {
  const previous = neighbourIn(i, -1, reaches);
  const whole = previous && reaches[i - 1]!.amount;
  return whole && partOfPrevious(q.sentence, previous[1], ctx.start) ? [whole] : NOTHING;
}

/**
 * True if a date lies after another figure of figure `i`'s sentence, in that figure's clause
 * ("roughly triple the $61.5 billion at which its Series E closed in March"): that figure's date.
 * Figures come in page order, so only the neighbours in the same sentence are looked at.
 */
function inOtherClause(d: { start: number }, i: number, reaches: readonly Reach[]): boolean {
  const { block, sentence } = reaches[i]!;
  for (const step of [-1, 1]) {
    for (let j = i + step; j >= 0 && j < reaches.length; j += step) {
      const r = reaches[j]!;
      if (r.block !== block || r.sentence !== sentence) break;
      if (r.from <= d.start && d.start < r.to) return true;
    }
  }
  return false;
}

/** The figures of figure `i`'s sentence, as indexes of `reaches`, in page order. */
function sentenceFigures(i: number, reaches: readonly Reach[]): number[] {
  const { block, sentence } = reaches[i]!;
  let from = i;
  while (from > 0 && reaches[from - 1]!.block === block && reaches[from - 1]!.sentence === sentence) from--;
  let to = i + 1;
  while (to < reaches.length && reaches[to]!.block === block && reaches[to]!.sentence === sentence) to++;
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/**
 * The company a list gives figure `i` to, if its sentence pairs companies with figures: with
 * "respectively", or two plain lists ("Amazon, Nvidia and SoftBank put $50 billion, $30 billion
 * and $30 billion into OpenAI"). See `respectiveOwner`.
 */
function listedOwner(q: FigureQuery, s: SentenceNames, i: number, reaches: readonly Reach[]): string | undefined {
  const mine = sentenceFigures(i, reaches);
  if (mine.length < 2) return undefined;
  const sentenceFrom = q.figure.start - q.at;
  const figures = mine.map((j) => ({ start: reaches[j]!.start, end: reaches[j]!.from }));
  const local = (at: number) => at - sentenceFrom;
  const respectively = /\brespectively\b/i.test(q.sentence);
  if (!respectively && !plainList(q.sentence, figures.map((f) => [local(f.start), local(f.end)] as const))) return undefined;
  const owner = respectiveOwner(s.spans, figures.map((f) => f.end), mine.indexOf(i));
  if (owner === undefined || respectively) return owner;
  // Without "respectively" the names must be a plain list too.
  const names = s.spans.filter((sp) => sp.end <= figures[0]!.start && !sp.product);
  return plainList(q.sentence, names.map((sp) => [local(sp.start), local(sp.end)] as const)) ? owner : undefined;
}

/** True if only ", ", " and " or ", and " lies between each of `items` ([start, end) in `text`) and the next. */
function plainList(text: string, items: readonly (readonly [number, number])[]): boolean {
  for (let k = 1; k < items.length; k++) if (!/^(,? and |, )$/.test(text.slice(items[k - 1]![1], items[k]![0]))) return false;
  return true;
}

/** Capitalised names no pack knows in the figure's clause (see `unknownNames`). */
function strangersOf(q: FigureQuery, ctx: LocalContext, s: SentenceNames, sentenceFrom: number): string[] {
  const shift = sentenceFrom + ctx.clauseStart;
  const known: [number, number][] = [];
  for (const sp of s.spans) known.push([sp.start - shift, sp.end - shift]);
  for (const sp of s.dealSpans) known.push([sp.start - shift, sp.end - shift]);
  known.push([ctx.start - ctx.clauseStart, ctx.end - ctx.clauseStart]);
  return unknownNames(q.sentence.slice(ctx.clauseStart, ctx.clauseEnd), known, !/\S/.test(q.sentence.slice(0, ctx.clauseStart)));
}

/** Names no pack knows that own the figure (see `unknownOwners`). */
function ownersOf(q: FigureQuery, ctx: LocalContext, s: SentenceNames, sentenceFrom: number): string[] {
  const known: [number, number][] = [];
  for (const sp of s.spans) known.push([sp.start - sentenceFrom, sp.end - sentenceFrom]);
  for (const sp of s.dealSpans) known.push([sp.start - sentenceFrom, sp.end - sentenceFrom]);
  return unknownOwners(q.sentence, ctx.start, ctx.end, known);
}

/** The sentence's named entities in sentence offsets: found on first need, once per figure. */
function namedOf(w: Weighing): readonly NameSpan[] {
  return (w.named ??= w.s.spans.map((sp) => ({ ...sp, start: sp.start - w.sentenceFrom, end: sp.end - w.sentenceFrom })));
}

/**
 * Who the figure's clause names as invested in or paid (see `receiversIn`); for a term, the
 * clause between punctuation marks ("invests $5 billion in OpenAI for ten years" gives the
 * duration the investment's receiver).
 */
function receiversOf(w: Weighing, wide: boolean): Receivers {
  const [from, to] = wide ? punctuationClause(w.q.sentence, w.ctx.start, w.ctx.end) : [w.ctx.clauseStart, w.ctx.clauseEnd];
  return receiversIn(w.q.sentence, from, to, namedOf(w));
}

/** Whom the sentence says the figure values (see `valuedIn`). */
function valuedOf(w: Weighing): ReadonlySet<string> {
  return valuedIn(w.q.sentence, w.ctx.clauseStart, w.ctx.clauseEnd, w.ctx.start, namedOf(w));
}

/** True if the figure is money from someone other than the fact's payer ("spend the $50 billion from Amazon on AWS"). */
function otherSource(w: Weighing, ref: FactRef): boolean {
  const { metric } = ref.fact;
  if ((metric !== 'investment' && metric !== 'commitment') || ref.required.length !== 2) return false;
  const source = (w.source ??= sourceOf(w.q.sentence, namedOf(w), w.ctx.end) ?? null);
  return source !== null && !source.includes(ref.subject);
}

/** Figure `i`'s neighbour in its sentence (`step` -1 or 1), as [start, end) in sentence offsets, if it has one. */
function neighbourIn(i: number, step: -1 | 1, reaches: readonly Reach[]): [number, number] | undefined {
  const r = reaches[i]!;
  const n = reaches[i + step];
  if (!n || n.block !== r.block || n.sentence !== r.sentence) return undefined;
  return [n.start - r.sentence, n.from - r.sentence];
}

/**
 * True if the figure is the new value of a change: Y of "from X to Y", or the figure right before
 * an earlier amount ("30%, up from 26%"). A change the record may not have caught up with.
 */
function newValueOfChange(q: FigureQuery, ctx: LocalContext, i: number, reaches: readonly Reach[]): boolean {
  const prev = neighbourIn(i, -1, reaches);
  if (prev !== undefined && fromTo(q.sentence, prev[0], prev[1], ctx.start)) return true;
  const next = neighbourIn(i, 1, reaches);
  return next !== undefined && earlierValue(q.sentence, next[0], next[1], undefined) !== undefined;
}

/** True if the unknown name `w` is one of the fact's own cue words ("Trainium" for a Trainium fact). */
function isOwnCue(ref: FactRef, w: string): boolean {
  const lower = w.toLowerCase();
  return ref.cues.some((c) => c.join(' ') === lower);
}

/**
 * One figure's evidence while its facts are weighed, one by one (`weigh`): the loop lives in
 * small functions of its own, so that they are optimised early in a cold worker (the whole of
 * `assess` took the optimising compiler hundreds of milliseconds, and ran unoptimised until then).
 */
class Weighing {
  /** Unknown names in the clause and owning the figure: found on first need, once per figure. */
  strangers: string[] | undefined = undefined;
  owners: string[] | undefined = undefined;
  /** Who the clause says receives the money (and, for a term, its whole clause): found on first need, once per figure. */
  receivers: Receivers | undefined = undefined;
  termReceivers: Receivers | undefined = undefined;
  /** The sentence's names in sentence offsets (`namedOf`). */
  named: NameSpan[] | undefined = undefined;
  /** The ids of the name that owns the figure by its words ("Microsoft owns 27%"), null if none: found on first need. */
  possessor: string[] | null | undefined = undefined;
  /** The ids of the name that pays the figure by the words ("Amazon will invest $50 billion"), null if none: found on first need. */
  payer: string[] | null | undefined = undefined;
  /** The ids of the name the figure's money comes from ("$50 billion from Amazon"), null if none: found on first need. */
  source: string[] | null | undefined = undefined;
  /** Whom the sentence says the figure values: found on first need, once per figure. */
  valued: ReadonlySet<string> | undefined = undefined;
  /** The company a list gives the figure to ("respectively", or two plain lists), if the sentence has one. */
  owner: string | undefined = undefined;
  /** For a term, the deals that record each of its clause's amounts exactly (`dealsRecording`): found on first need. */
  amountDeals: ReadonlySet<string>[] | undefined = undefined;
  /** The amount the figure is written as a part of (`wholeOf`), or none. */
  whole: readonly Amount[] = NOTHING;
  /** The sentence's words before the figure that can speak for its role: `lead` without relative asides. */
  roleLead: readonly string[];
  /** Some fact states the figure's value (or is close to it and current). */
  anyEqual = false;
  /** Facts that passed every rule but the value. */
  otherValues: Candidate[] | undefined = undefined;
  /** Facts with the same role, metric and cues fit this figure's words alike: the words weighed once per key. */
  readonly fits = new Map<string, RoleFit>();

  constructor(
    readonly q: FigureQuery,
    readonly ctx: LocalContext,
    readonly s: SentenceNames,
    readonly lead: readonly string[],
    readonly published: string | undefined,
    readonly result: Assessment,
    readonly written: WrittenValue,
    readonly near: DateMention | undefined,
    readonly ownDates: SentenceNames['dates'],
    readonly guarded: boolean,
    readonly earlier: string | undefined,
    readonly clauseSpans: readonly Span[],
    readonly sentenceFrom: number,
    readonly intentOnly: boolean,
    /** The figure is the amount before a change: only a superseded fact, or one the text dates, can be it. */
    readonly earlierOnly: boolean,
    /** The period the figure is a rate per ("a year"), if it is one (`rateAfter`). */
    readonly rate: string | undefined,
    /** For a duration, the amounts its clause states (`termAmounts`). */
    readonly amounts: readonly Amount[],
    readonly index: MatchIndex,
  ) {
    this.roleLead = lead;
  }
}

/** Weighs one fact for the figure of `w`: adds it to the verified or mismatch candidates, or notes why not. */
function weigh(w: Weighing, ref: FactRef): void {
  const { result, written, published, s, clauseSpans } = w;
  if (w.intentOnly && ref.fact.status !== 'expected') return;
  const value = valueFit(written, ref.value);
  // Neither its value nor a plausible misstatement of it: nothing this fact could say about the figure.
  if (value === 'differs' && !plausibleMisstatement(written.value, ref.value)) return;
  const binding = bindingOf(ref.fact.deal, ref.required, s.named, ref.parties, (ref.bindings ??= new Map()));
  if (!binding) return;
  // Someone outside the deal named in the figure's own clause: their number, not this deal's. But
  // the very value of a fact whose parties the sentence names is no sign that another fact is
  // misstated ("Oracle and OpenAI agreed to 4.5 gigawatts of Stargate capacity" is their July
  // deal's, not the Stargate sites' 7 GW misstated).
  if (namesOutsider(clauseSpans, ref.parties)) {
    if (value === 'equal' && binding.binding === 'sentence') w.anyEqual = true;
    return;
  }
  // A company the fact does not require owns the figure by the words ("Microsoft owns 27%" beside the foundation's stake).
  const possessor = (w.possessor ??= possessorOf(w.q.sentence, namedOf(w), w.ctx.start) ?? null);
  if (possessor && !possessor.some((id) => ref.required.includes(id))) return;
  // Money someone else pays ("OpenAI invests $30 billion in data centers" is not Nvidia's investment in OpenAI).
  if (PAID_METRICS.has(ref.fact.metric)) {
    const payer = (w.payer ??= payerOf(w.q.sentence, namedOf(w), w.ctx.start) ?? null);
    if (payer && !payer.includes(ref.subject)) {
      if (value === 'equal') w.anyEqual = true;
      return;
    }
  }
  // A rate ("$25 billion a year") is no total, nor a total a rate: neither confirms nor contradicts the other.
  if ((w.rate !== undefined) !== isRateFact(ref.cueTexts)) return;
  const metric = ref.fact.metric;
  if (metric === 'term' && w.amounts.length && termOfOtherDeal(w, ref)) return;
  // A part of a whole that no fact of this deal could be: the part is the whole's deal's.
  if (w.whole.length && amountOfOtherDeal(w.whole, w.index.byDeal.get(ref.fact.deal))) return;
  // The clause gives the money to, or takes it from, someone else ("OpenAI will invest $50 billion
  // in Amazon", "the $50 billion from Amazon"), or the figure values someone else ("the deal
  // values Amazon at $730 billion").
  const receivers = metric === 'term' ? (w.termReceivers ??= receiversOf(w, true)) : (w.receivers ??= receiversOf(w, false));
  if (otherReceiver(receivers, metric, ref.subject, ref.required[1]) || (metric === 'valuation' && otherValued((w.valued ??= valuedOf(w)), ref.required)) || otherSource(w, ref)) {
    // The very value, the other way round ("Amazon will pay OpenAI $100 billion"): maybe this fact
    // garbled, so not a sign that another fact is misstated; unless the clause says the money is
    // of the other kind ("Amazon will invest $38 billion in OpenAI" is no commitment of OpenAI's).
    if (value === 'equal' && !statesOtherKind(receivers, metric)) w.anyEqual = true;
    return;
  }
  // The figure is another listed company's ("Nvidia and SoftBank invested $30 billion and $20 billion").
  if (w.owner !== undefined && ref.subject !== w.owner) return;
  let fit = w.fits.get(ref.roleKey);
  if (!fit) w.fits.set(ref.roleKey, (fit = roleFit(ref, w.ctx.words, w.roleLead)));
  if (fit.tier === 'conflict' || fit.tier === 'none') {
    result.roleRefused = true;
    return;
  }
  const time = timeFit({ announced: announcedOf(ref), asOf: ref.fact.asOf }, published, w.near);
  if (!time.fits) {
    result.timeRefusal ??= { fits: false, why: time.why, text: time.text, ref };
    return;
  }
  // The amount before a change is a fact its pack says was replaced, or one the text dates to its own time.
  if (w.earlierOnly && !ref.superseded && time.by !== 'text') return;
  // A fact with the very value (even an outdated one) says the figure is that fact's; a merely close one counts only if current.
  if (value === 'equal' || (value === 'close' && !ref.superseded && !hasLaterOfKind(ref, published))) w.anyEqual = true;
  const outsidersInSentence = namesOutsider(s.spans, ref.parties);
  const fig = w.q.figure;
  const candidate: Candidate = {
    ref, binding, fit, time, value,
    distance: nearestMention(s.spans, ref.subject, fig.start, fig.end, w.q.sentence, w.sentenceFrom),
    inClause: clauseSpans.some((sp) => sp.id === ref.subject),
    earlier: w.earlier !== undefined,
  };
  if (value !== 'equal') (w.otherValues ??= []).push(candidate);
  if (value === 'equal') {
    // A superseded fact is confirmed only by a figure the text dates to its own time.
    if (ref.superseded && !w.earlierOnly && time.by !== 'text' && !(published && ref.supersededFrom && published < ref.supersededFrom)) return;
    const partyInClause = clauseSpans.some((sp) => ref.required.includes(sp.id));
    // Someone unknown owning the figure ("Stargate's $100 billion", "$4 billion in Anthropic"), and none of the fact's parties in the clause.
    if (!partyInClause && (w.owners ??= ownersOf(w.q, w.ctx, s, w.sentenceFrom)).some((name) => !isOwnCue(ref, name))) return;
    // A loosely bound fact yields to someone else named in the sentence, unless its own party is named in the figure's clause.
    if (outsidersInSentence && binding.binding === 'supported' && !partyInClause) return;
    result.verified.push(candidate);
  } else if (value === 'differs' && binding.binding === 'sentence' && (fit.tier === 'specific' || fit.isDefault) && !outsidersInSentence && contradicts(w, ref, time)) {
    result.mismatch.push(candidate);
  }
}

/** True if the amounts beside a term are another deal's: none of the term's deal's, even misstated, or recorded exactly by another deal the text names. */
function termOfOtherDeal(w: Weighing, ref: FactRef): boolean {
  if (amountOfOtherDeal(w.amounts, w.index.byDeal.get(ref.fact.deal))) return true;
  return (w.amountDeals ??= dealsRecording(w.index, w.s.named, w.amounts)).some((deals) => deals.size > 0 && !deals.has(ref.fact.deal));
}

/** Words that give one figure to every company named with it ("$30 billion each"). */
const EACH = cueList('each', 'apiece', 'both');

/** The rest of what a "differs" needs, once the fact is bound by the sentence, by a word of its role, and no one else is named there. */
function contradicts(w: Weighing, ref: FactRef, time: Extract<TimeFit, { fits: true }>): boolean {
  const { published, earlier } = w;
  return (
    !w.guarded &&
    !time.stale &&
    !ref.superseded &&
    // Below a cap or above a floor the record announced: no contradiction.
    !insideBound(w.written, ref.value, ref.bound) &&
    // Any date in the sentence that names another period keeps it from contradicting this fact, but for one in another figure's clause.
    w.ownDates.every((d) => timeFit({ announced: announcedOf(ref), asOf: ref.fact.asOf }, published, d).fits) &&
    // "previous", "original": a figure of an earlier deal, unless this fact's deal is itself well before the article.
    !(earlier && !ref.cueTexts.includes(earlier) && !(published && dayNumber(published) - dayNumber(announcedOf(ref)) > 30)) &&
    // A later fact of its kind may be what the reader means, unless the text dates the figure to this one.
    (time.by === 'text' || !hasLaterOfKind(ref, published)) &&
    // A fact of one payer to another, several companies in the clause, and neither a list that
    // pairs them nor "each": whose figure this is, is not said.
    !(w.owner === undefined && ref.required.length === 2 && severalOwners(w.clauseSpans, ref.required[1]) && !cueIn(w.ctx.words, EACH)) &&
    !(w.strangers ??= strangersOf(w.q, w.ctx, w.s, w.sentenceFrom)).some((name) => !isOwnCue(ref, name))
  );
}

/** A market price quoted right before the figure (`marketQuote`), or one part of several (`onePart`), as the claim it makes. */
function marketOrPart(sentence: string, ctx: LocalContext): Uncheckable | undefined {
  const market = marketQuote(sentence, ctx.clauseStart, ctx.start);
  if (market) return { kind: 'other-topic', cue: market };
  const part = onePart(sentence, ctx.start, ctx.end);
  return part ? { kind: 'one-part', cue: part } : undefined;
}

/** Weighs every fact the figure's sentence could be about (figure `i` of the request; `reaches` of all its figures). */
function assess(index: MatchIndex, q: FigureQuery, ctx: LocalContext, reader: Reader, published: string | undefined, i: number, reaches: readonly Reach[]): Assessment {
  const fig = q.figure;
  const s = reader.sentence(q);
  const { unit, factor } = canonicalUnit(fig.unit);
  // Most figures name no party: they share one empty list (never pushed to; see below).
  const none: Assessment = { value: fig.value * factor, verified: NOTHING, mismatch: NOTHING, companies: NOTHING, roleRefused: false };
  const n = s.named;
  if (!n.sentence.size && !n.previous.size && !n.heading.size && !n.dealsInSentence.size && !n.dealsInPrevious.size && !n.dealsInHeading.size) return none;

  const top = Math.max(fig.value, fig.high ?? fig.value) * factor;
  const bottom = Math.min(fig.value, fig.high ?? fig.value) * factor;
  const { refs: facts, companies } = factsNamed(index, unit, s.named, bottom / MISSTATEMENT_RATIO, top * MISSTATEMENT_RATIO);
  if (!companies.length && !facts.length) return none;
  const usable = facts.filter((ref) => kindFitsMetric(fig.kind, ref.fact.metric));
  // Built field by field (no object spreads): this runs per figure, often before the code is optimised.
  const result: Assessment = none;
  result.companies = companies;
  result.verified = [];
  result.mismatch = [];

  // A figure the recognizer could not pin down (a "$" that may be another dollar) is checked against nothing.
  if (fig.uncertain) {
    result.blocked = { kind: 'uncertain' };
    return result;
  }
  const qualifier = qualifierOf(fig, ctx.before);
  const lead = reader.lead(q);
  const modal = { clause: modalMay(q.sentence, ctx.clauseStart, ctx.clauseEnd), lead: modalMay(q.sentence, 0, ctx.start) };
  const changedFrom = earlierValue(q.sentence, ctx.start, ctx.end, neighbourIn(i, 1, reaches)?.[0]);
  const span = fig.kind === 'duration' ? timeSpan(q.sentence, ctx.start, ctx.end) : undefined;
  const blocked: Uncheckable | undefined =
    uncheckable(qualifier, ctx.words, lead, modal) ??
    marketOrPart(q.sentence, ctx) ??
    (changedFrom ? { kind: 'earlier-value', cue: changedFrom } : undefined) ??
    (span ? { kind: 'time-span', cue: span } : undefined);
  if (blocked) result.blocked = blocked;
  // A letter of intent can confirm a fact recorded as expected (an intention too), nothing else;
  // the amount before a change ("up from $183 billion"), a fact since superseded.
  const intentOnly = blocked?.kind === 'intent';
  const earlierOnly = blocked?.kind === 'earlier-value';
  // A figure of another topic is a deal's term where the pack records that term by the words of the clause ("a $1 billion termination fee").
  const weighed = blocked?.kind === 'other-topic' ? topicalFacts(usable, blocked.cue, ctx.words) : usable;
  if (blocked && !intentOnly && !earlierOnly && !(blocked.kind === 'other-topic' && weighed.length)) return result;

  const sentenceFrom = fig.start - q.at;
  const clauseSpans = s.spans.filter((sp) => sp.start >= sentenceFrom + ctx.clauseStart && sp.end <= sentenceFrom + ctx.clauseEnd);
  const written: WrittenValue = {
    value: fig.value * factor,
    high: fig.high === undefined ? undefined : fig.high * factor,
    precision: precisionOf(fig) * factor,
    qualifier,
  };
  const ownDates = s.dates.length ? s.dates.filter((d) => !inOtherClause(d, i, reaches)) : s.dates;
  const near = figureDate(ownDates.length === s.dates.length ? s.dates : datesBefore(q, ctx, s.dates, i, reaches), fig.start, fig.end, sentenceFrom + ctx.punctEnd);
  const guarded =
    intentOnly || earlierOnly || cannotContradict(ctx.words, lead) !== undefined || isQuestion(q.sentence) || attributedAfter(q.sentence) || newValueOfChange(q, ctx, i, reaches);
  const earlier = cueIn(ctx.words, EARLIER);
  const w = new Weighing(q, ctx, s, lead, published, result, written, near, ownDates, guarded, earlier, clauseSpans, sentenceFrom, intentOnly, earlierOnly, rateAfter(q.sentence, ctx.end), fig.kind === 'duration' ? termAmounts(q, i, reaches) : NOTHING, index);
  w.owner = listedOwner(q, s, i, reaches);
  const aside = withoutAsides(q.sentence, ctx.start);
  if (aside !== undefined) w.roleLead = tokenize(aside).words;
  w.whole = wholeOf(q, ctx, i, reaches);
  for (let k = 0; k < weighed.length; k++) weigh(w, weighed[k]!);
  const { anyEqual, otherValues } = w;
  // "Differs" only when nothing else on record fits the figure as well.
  if (anyEqual) result.mismatch = [];
  // The deal the text names more fully claims the figure: "The rest, $30 billion" after "Amazon will
  // invest ... in OpenAI" is Amazon's remainder misstated, not OpenAI's own $30 billion remainder.
  if (otherValues && result.verified.length) result.verified = result.verified.filter((c) => !otherValues!.some((o) => claimsMore(o, c)));
  return result;
}

/**
 * The facts among `refs` with a cue that `words` hold and that narrows the topic word `topic`
 * ("termination fee" for "fee", "net debt" for "debt"): the topic word alone is any fee or debt.
 */
function topicalFacts(refs: readonly FactRef[], topic: string, words: readonly string[]): readonly FactRef[] {
  let out: FactRef[] | undefined;
  for (const ref of refs) {
    const own = ref.cues.some((cue, k) => {
      const cueWords = ref.cueTexts[k]!.toLowerCase().split(/\s+/);
      return cueWords.length > 1 && cueWords.some((w) => w === topic || `${w}s` === topic) && contains(words, cue);
    });
    if (own) (out ??= []).push(ref);
  }
  return out ?? NOTHING;
}

/** Orders candidates: firmer binding, then a role word over a metric word, then the subject named in the figure's clause, then recency, then the deal the page is about, then nearness. */
function ranker(salience: Map<string, number>, published: string | undefined) {
  const recent = (c: Candidate) => {
    // "the earlier round", "the original $4 billion": the deal just announced is not the likelier one.
    if (!published || c.earlier) return 0;
    const gap = dayNumber(published) - dayNumber(announcedOf(c.ref));
    return gap >= -2 && gap <= 120 ? 1 : 0;
  };
  // The fact whose subject the figure's own clause names outranks one whose subject is named elsewhere: "Nvidia is contributing $30 billion, and SoftBank another $30 billion".
  const key = (c: Candidate) => [BIND_RANK[c.binding.binding], recent(c), c.fit.tier === 'specific' ? 2 : 1, c.inClause ? 1 : 0, salience.get(c.ref.fact.deal) ?? 0];
  // Within one deal, the party named in the figure's own clause, then the nearest one.
  const within = (a: Candidate, b: Candidate) => (a.inClause === b.inClause ? a.distance - b.distance : a.inClause ? -1 : 1);
  /**
   * The best candidate, or the tied candidates of different deals when the evidence cannot choose.
   * With `value` (the figure's, for a "differs"), the record nearest it is the one the text more
   * likely misstates: "$60 billion" beside a $50 billion investment and a $100 billion commitment
   * differs from the investment.
   */
  return (list: Candidate[], value?: number): { best: Candidate } | { tied: Candidate[] } | undefined => {
    if (!list.length) return undefined;
    // One candidate (the common case) is its own best: no sort, no keys.
    if (list.length === 1) return { best: list[0]! };
    const off = (c: Candidate) => (value === undefined ? 0 : Math.abs(Math.log(value / c.ref.value)));
    const compare = (a: Candidate, b: Candidate) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
      return off(a) - off(b) || within(a, b);
    };
    const sorted = [...list].sort(compare);
    const top = key(sorted[0]!).join();
    const rivals = sorted.filter((c) => key(c).join() === top && !sameThing(c.ref, sorted[0]!.ref));
    return rivals.length ? { tied: [sorted[0]!, ...rivals] } : { best: sorted[0]! };
  };
}

/** Adds other packs' facts about the same thing whose value differs from the chosen one. */
function withDisagreements(index: MatchIndex, verdict: Verdict, chosen: FactRef): Verdict {
  const others = (chosen.disagreeing ??= (index.sameThing.get(chosen.sameThing) ?? []).filter(
    (r) => r.pack.id !== chosen.pack.id && r.unit === chosen.unit && r.value !== chosen.value,
  ));
  return others.length ? { ...verdict, disagreements: others.map(viewOf) } : verdict;
}

/** Names of the parties, named near the figure, of the facts it came close to ("Amazon and OpenAI"). */
function partiesNamed(index: MatchIndex, a: Assessment): string {
  // One company (most figures that get this line): its name, without the lists.
  if (a.companies.length === 1) return index.names.get(a.companies[0]!) ?? a.companies[0]!;
  return listNames([...new Set(a.companies.map((id) => index.names.get(id) ?? id))].slice(0, 4));
}

function distinctViews(list: readonly Candidate[]): FactView[] {
  const out: FactView[] = [];
  for (const c of list) {
    const view = viewOf(c.ref);
    if (!out.includes(view) && out.length < 5) out.push(view);
  }
  return out;
}

/** The verdict for one figure, once the page's deals are known. */
/** Roles a company has again and again (a round, a valuation): which one a figure means needs time evidence. */
const RECURRING = new Set<RoleId>(['round', 'pre-money', 'post-money', 'valuation', 'contribution']);

/**
 * With neither the article's date nor a date near the figure, a figure may contradict a recurring
 * fact only of a deal the page is shown to be about: another of its figures verifies that deal.
 */
function datedOrOnTopic(c: Candidate, salience: ReadonlyMap<string, number>): boolean {
  return c.time.by !== 'none' || !RECURRING.has(c.ref.role) || (salience.get(c.ref.fact.deal) ?? 0) > 0;
}

/** The card's reason line for a chosen candidate. */
function why(index: MatchIndex, c: Candidate): string {
  return reasonLine(c.binding, c.fit.cue, c.time, index.names, c.ref.deal?.names?.[0]);
}

function decide(index: MatchIndex, a: Assessment, rank: ReturnType<typeof ranker>, salience: ReadonlyMap<string, number>): Verdict {
  const verified = rank(a.verified);
  if (verified && 'best' in verified) {
    const c = verified.best;
    return withDisagreements(index, { verdict: 'verified', fact: viewOf(c.ref), why: why(index, c) }, c.ref);
  }
  if (verified) {
    const deals = listNames(distinctViews(verified.tied).map((v) => v.deal));
    return { verdict: 'unverified', why: `Fits more than one deal on record equally: ${deals}`, candidates: distinctViews(verified.tied) };
  }
  const mismatch = rank(a.mismatch.filter((c) => datedOrOnTopic(c, salience)), a.value);
  if (mismatch && 'best' in mismatch) {
    const c = mismatch.best;
    const view = viewOf(c.ref);
    const gap = (a.value - c.ref.value) / c.ref.factor;
    return withDisagreements(index, { verdict: 'mismatch', fact: view, gap, why: `${why(index, c)} · the record has ${view.display}` }, c.ref);
  }
  if (!a.companies.length) return { verdict: 'unverified' };
  if (a.blocked) return { verdict: 'unverified', why: abstainLine(a.blocked) };
  const parties = partiesNamed(index, a);
  if (a.timeRefusal) {
    const t = a.timeRefusal;
    const announced = readableDay(announcedOf(t.ref));
    return {
      verdict: 'unverified',
      why: t.why === 'before'
        ? `This article (${readableDay(t.text)}) predates the deal on record, announced ${announced}`
        : `'${t.text}' is not the time of the deal on record (${announced})`,
    };
  }
  if (a.roleRefused && !a.verified.length) return { verdict: 'unverified', why: `Factmark has facts about ${parties}, but none for this role` };
  return { verdict: 'unverified', why: `Factmark has facts about ${parties}, but not enough here to compare this figure` };
}

/**
 * Checks every figure of a request against the index: one verdict per `request.figures` entry,
 * in the same order. A verdict needs evidence: the fact's parties named in the figure's sentence
 * (or the one before, supported by the paragraph or title), a word that fits its role, a time that
 * fits, and a value written as the record has it; a mismatch needs all of that without doubt.
 * Pure; linear in the request's text plus the facts of the parties each figure names.
 */
export function matchBatch(index: MatchIndex, request: MatchRequest): Verdict[] {
  const contexts = localContexts(request.figures);
  const reader = new Reader(index, request);
  const reaches = request.figures.map((q, i) => reachOf(q, contexts[i]!));
  const assessments: Assessment[] = new Array(request.figures.length);
  for (let i = 0; i < assessments.length; i++) {
    assessments[i] = assess(index, request.figures[i]!, contexts[i]!, reader, request.published, i, reaches);
    // Its words are not needed again: let them go now rather than at the end of the request.
    contexts[i] = undefined!;
  }
  // The deals the page is about: those an unambiguous figure verifies.
  const salience = new Map<string, number>();
  for (const a of assessments) {
    if (!a.verified.length) continue;
    const deal = a.verified[0]!.ref.fact.deal;
    if (a.verified.every((c) => c.ref.fact.deal === deal)) salience.set(deal, (salience.get(deal) ?? 0) + 1);
  }
  const rank = ranker(salience, request.published);
  return assessments.map((a) => decide(index, a, rank, salience));
}
