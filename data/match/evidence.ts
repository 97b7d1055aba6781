/**
 * Evidence rules about names: which deal a sentence is about. Each is a small pure function over
 * the entity ids found in the figure's sentence, the sentence before it, its heading, its
 * paragraph and the page title.
 */

/** Entity ids named in each place around a figure. */
export interface NamedAround {
  sentence: ReadonlySet<string>;
  previous: ReadonlySet<string>;
  /** The paragraph's heading: the nearest h1-h6 before it, or its list's lead-in. */
  heading: ReadonlySet<string>;
  paragraph: ReadonlySet<string>;
  title: ReadonlySet<string>;
  /** Deal ids whose own names ("Stargate") the sentence / the sentence before gives. */
  dealsInSentence: ReadonlySet<string>;
  dealsInPrevious: ReadonlySet<string>;
  dealsInHeading: ReadonlySet<string>;
}

/**
 * How firmly the text ties a figure to a deal: `sentence`, every party the fact needs is named in
 * the figure's sentence (or the deal's own name is); `linked`, in it and the text linked to it
 * (the sentence before, the paragraph's heading); `supported`, at least one there and the rest in
 * the paragraph or the title. Names in the title or paragraph alone never bind.
 */
export type Binding = 'sentence' | 'linked' | 'supported';

/** Where each required party was found, for the card's reason line. */
export type PartyPlace = 'sentence' | 'previous' | 'heading' | 'paragraph' | 'title';

export interface BindingEvidence {
  binding: Binding;
  places: [entity: string, place: PartyPlace][];
  /** The deal's own name did the binding. */
  byDealName: boolean;
}

/** The parties a fact needs named: its subject, and its object when it has one. */
export function requiredParties(fact: { subject: string; object?: string }): string[] {
  return fact.object && fact.object !== fact.subject ? [fact.subject, fact.object] : [fact.subject];
}

const PLACES: readonly (PartyPlace | undefined)[] = [undefined, 'sentence', 'previous', 'heading', 'paragraph', 'title'];

/** Where `id` is named, as an index into PLACES (0: nowhere). */
function placeCode(id: string, named: NamedAround): number {
  if (named.sentence.has(id)) return 1;
  if (named.previous.has(id)) return 2;
  if (named.heading.has(id)) return 3;
  if (named.paragraph.has(id)) return 4;
  if (named.title.has(id)) return 5;
  return 0;
}

function placeOf(id: string, named: NamedAround): PartyPlace | undefined {
  return PLACES[placeCode(id, named)];
}

/** The figure's sentence and the text clearly linked to it: the sentence before, the paragraph's heading. */
function isLinked(place: PartyPlace): boolean {
  return place === 'sentence' || place === 'previous' || place === 'heading';
}

/** A party of the deal (other than those the fact needs) named in the figure's sentence or the text linked to it. */
export function linkedDealParty(dealParties: ReadonlySet<string>, parties: readonly string[], named: NamedAround): [string, PartyPlace] | undefined {
  for (const id of dealParties) {
    if (parties.includes(id)) continue;
    const place = placeOf(id, named);
    if (place && isLinked(place)) return [id, place];
  }
  return undefined;
}

/**
 * The binding of a fact of deal `deal` needing `parties`, or undefined when the text does not tie
 * them. `memo`, one per fact, keeps answers by where its parties are named (they never change). A fact the text names only in the paragraph or title is still `supported` when another
 * party of its deal (`dealParties`) is named in the linked text: "SoftBank is providing $30
 * billion ... the remaining $30 billion" on a page titled for OpenAI's round is that round's.
 */
export function bindingOf(
  deal: string,
  parties: readonly string[],
  named: NamedAround,
  dealParties?: ReadonlySet<string>,
  memo?: Map<number, BindingEvidence>,
): BindingEvidence | undefined {
  const byName = named.dealsInSentence.has(deal) ? 1 : named.dealsInPrevious.has(deal) || named.dealsInHeading.has(deal) ? 2 : 0;
  // Most facts of a named company are with someone the text never names: answer those without allocating.
  // The answer depends only on where each party is named (and, failing all else, the deal's other
  // parties): one code for those places keys `memo`. Indexed loops, no destructuring: this runs per
  // fact and sentence, often before it is optimised.
  let code = byName;
  for (let i = 0; i < parties.length; i++) {
    const place = placeCode(parties[i]!, named);
    if (!place && !byName) return undefined;
    code = code * 6 + place;
  }
  const known = memo?.get(code);
  if (known) return known;
  const places: [string, PartyPlace][] = [];
  let inSentence = 0;
  let linked = 0;
  for (let i = 0; i < parties.length; i++) {
    const place = placeOf(parties[i]!, named);
    if (!place) continue;
    places.push([parties[i]!, place]);
    if (place === 'sentence') inSentence++;
    if (isLinked(place)) linked++;
  }
  let found: BindingEvidence | undefined;
  if (byName === 1) found = { binding: 'sentence', places, byDealName: true };
  else if (byName === 2) found = { binding: 'linked', places, byDealName: true };
  else if (places.length < parties.length) return undefined;
  else if (inSentence === places.length) found = { binding: 'sentence', places, byDealName: false };
  else if (linked === places.length) found = { binding: 'linked', places, byDealName: false };
  else if (linked > 0) found = { binding: 'supported', places, byDealName: false };
  else {
    // Depends on the deal's other parties too: not kept in `memo`.
    const party = dealParties && linkedDealParty(dealParties, parties, named);
    return party ? { binding: 'supported', places: [party, ...places], byDealName: false } : undefined;
  }
  memo?.set(code, found);
  return found;
}

/** A name found in text: the entity (or deal) id and where, [start, end). */
export interface NameSpan {
  id: string;
  start: number;
  end: number;
  /** The name stands before a product noun ("Nvidia chips"): a thing bought, not someone in the deal. */
  product?: boolean;
}

/**
 * `spans` without the names inside a longer one ("OpenAI" in "OpenAI Foundation" names the
 * foundation, not OpenAI), sorted by start. Names of the same extent stay: two packs' ids for one
 * company.
 */
export function outermostNames<T extends NameSpan>(spans: T[]): T[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let reach = -1;
  for (const s of spans) {
    const last = out[out.length - 1];
    if (s.end <= reach && !(last && last.start === s.start && last.end === s.end)) continue;
    out.push(s);
    if (s.end > reach) reach = s.end;
  }
  return out;
}

/** Nouns (stemmed) that make the company name before them a product: "access to Nvidia chips". */
export const PRODUCT_NOUNS = new Set(['chip', 'gpu', 'tpu', 'processor', 'accelerator', 'server', 'hardware', 'silicon', 'model']);

/**
 * Whether any name among `spans` is of someone outside the deal: someone else's number (a name
 * used for a product, "Nvidia chips", is nobody's). Two packs
 * may know one company under two ids, so a place in the text whose name is a party under any id
 * is the party's.
 */
export function namesOutsider(spans: readonly NameSpan[], parties: ReadonlySet<string>): boolean {
  for (const s of spans) {
    if (parties.has(s.id) || s.product) continue;
    if (!spans.some((o) => o.start === s.start && o.end === s.end && parties.has(o.id))) return true;
  }
  return false;
}

/** Between an owner's name and its figure: "'s", or a verb of owning or raising ("Microsoft owns 27%", "SoftBank raised $40 billion"), then at most a few small words. */
const OWNED_GAP = /^(?:['\u2019]s|\s+(?:owns|owned|holds|held|has|had|controls|controlled|retains|retained|keeps|kept|raised|raises))(?:\s+(?:a|an|about|roughly|nearly|almost|around|some|just|only))*\s*$/i;

/**
 * The ids of the name that owns the figure at `figureStart` of `text` by its words: right before
 * it with "'s" or a verb of owning or raising between ("Microsoft's 27%", "SoftBank raised $40
 * billion"), unless "by" comes before the name; undefined when no name does. `spans` are names in `text`'s offsets; several ids may
 * share one place (two packs' ids for one company).
 */
export function possessorOf(text: string, spans: readonly NameSpan[], figureStart: number): string[] | undefined {
  // "The round led by Thrive Capital raised $6.6 billion": the name after "by" is not the subject.
  return nameBefore(text, spans, figureStart, OWNED_GAP, (s) => /\bby\s+$/i.test(text.slice(Math.max(0, s.start - 8), s.start)));
}

/**
 * The ids at the last name before `figureStart` whose gap up to the figure matches `gap`, leaving
 * out products and names `skip` rules out; several ids may share one place. Undefined when none.
 */
function nameBefore(text: string, spans: readonly NameSpan[], figureStart: number, gap: RegExp, skip: (s: NameSpan) => boolean): string[] | undefined {
  let found: NameSpan | undefined;
  for (const s of spans) {
    if (s.end > figureStart || s.product || (found && s.end <= found.end) || !gap.test(text.slice(s.end, figureStart)) || skip(s)) continue;
    found = s;
  }
  return found && spans.filter((o) => o.start === found!.start && o.end === found!.end).map((o) => o.id);
}

/** Between a payer's name and its figure: a verb of investing, paying or spending, then at most a few small words ("Amazon will invest $50 billion"). */
const PAYER_GAP = /^\s+(?:(?:will|would|could|is|was|has|have|had|plans\s+to|agreed\s+to|is\s+set\s+to|is\s+to)\s+)?(?:invest|invests|invested|investing|pay|pays|paid|paying|spend|spends|spent|spending|put|puts|putting|commit|commits|committed|committing|pour|pours|poured)(?:\s+(?:a|an|about|roughly|nearly|almost|around|some|just|only|another|in))*\s*$/i;

/**
 * The ids of the name that pays the figure at `figureStart` of `text`: right before it with a
 * verb of investing, paying or spending between ("OpenAI invests $30 billion in data centers":
 * OpenAI's money, not anyone's investment in OpenAI). Not a name in a list ("Nvidia and SoftBank
 * will invest"), whose figure the list rules give out. Undefined when no name does.
 */
export function payerOf(text: string, spans: readonly NameSpan[], figureStart: number): string[] | undefined {
  return nameBefore(text, spans, figureStart, PAYER_GAP, (s) => /(?:\band|&|,)\s*$/i.test(text.slice(Math.max(0, s.start - 6), s.start)));
}

/**
 * The ids of the name right after the figure ending at `figureEnd` of `text` and "from" ("the $50
 * billion from Amazon"): whose money the figure is. Undefined when none. `spans` as in `possessorOf`.
 */
export function sourceOf(text: string, spans: readonly NameSpan[], figureEnd: number): string[] | undefined {
  const gap = /^\s+from\s+/i.exec(text.slice(figureEnd, figureEnd + 12));
  if (!gap) return undefined;
  const at = figureEnd + gap[0].length;
  const ids = spans.filter((s) => s.start === at && !s.product).map((s) => s.id);
  return ids.length ? ids : undefined;
}

/**
 * True when `spans` (a figure's clause) name two or more companies besides the fact's `object`
 * ("Amazon and Nvidia joined SoftBank in putting $40 billion into OpenAI"): the clause does not
 * say whose figure it is, unless a list pairs them or it gives it to each (the caller's checks).
 */
export function severalOwners(spans: readonly NameSpan[], object: string | undefined): boolean {
  let first: string | undefined;
  for (const s of spans) {
    if (s.id === object || s.product) continue;
    if (first === undefined) first = s.id;
    else if (s.id !== first) return true;
  }
  return false;
}

/**
 * In "Nvidia and SoftBank invested $30 billion and $20 billion respectively", the company whose
 * figure the `k`-th of the sentence's figures is: the `k`-th company named before the first
 * figure (`figureEnds`: where each figure of the sentence ends, in order, in the spans' offsets).
 * Undefined unless as many companies as figures are named there.
 */
export function respectiveOwner(spans: readonly NameSpan[], figureEnds: readonly number[], k: number): string | undefined {
  const before: string[] = [];
  for (const s of spans) if (s.end <= figureEnds[0]! && !s.product && !before.includes(s.id)) before.push(s.id);
  return before.length === figureEnds.length ? before[k] : undefined;
}

/** Capitalised words that are not names of anything: months, days, titles, sentence openers. */
const NOT_NAMES = new Set([
  'i', 'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'we', 'they', 'in', 'on', 'at', 'of', 'for',
  'and', 'or', 'but', 'as', 'by', 'with', 'from', 'to', 'after', 'before', 'under', 'over', 'since', 'while', 'when', 'if',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'ceo', 'cfo', 'cto', 'ai', 'us', 'u', 's', 'uk', 'eu', 'gpu', 'gpus', 'tpu', 'tpus', 'usd', 'gw', 'mw', 'bn', 'mn', 'inc', 'corp',
  'co', 'ltd', 'llc', 'plc', 'group', 'mr', 'ms', 'mrs', 'dr', 'series', 'round', 'billion', 'million', 'trillion',
]);

/**
 * Capitalised words in `text` (a clause) outside `known` spans (names the packs know, the figure
 * itself) and not opening the sentence: likely the name of a company the packs do not know, so
 * the figure may be that company's ("added $4 billion to its Anthropic stake").
 */
export function unknownNames(text: string, known: readonly [number, number][], opensSentence: boolean): string[] {
  const out: string[] = [];
  const word = /[\p{L}][\p{L}\p{N}'’.-]*/gu;
  let first = true;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const start = m.index;
    const w = m[0];
    const isFirst = first;
    first = false;
    if (isFirst && opensSentence) continue;
    if (!/^\p{Lu}/u.test(w) || w.length < 2) continue;
    if (known.some(([s, e]) => start >= s && start < e)) continue;
    const bare = w.replace(/['’.-].*$/u, '').toLowerCase();
    if (NOT_NAMES.has(bare)) continue;
    out.push(w.replace(/['’-].*$/u, ''));
  }
  return out;
}

/**
 * Unknown names that own the figure: a possessive right before it ("Stargate's $100 billion",
 * "Anthropic's original $4 billion") or the object of in/into/to/from/for right after it ("$4
 * billion in Anthropic"). Offsets are the sentence's; `known` spans are names the packs know.
 */
export function unknownOwners(sentence: string, start: number, end: number, known: readonly [number, number][]): string[] {
  const before = sentence.slice(Math.max(0, start - 40), start);
  const after = sentence.slice(end, end + 40);
  const out: string[] = [];
  // The possessive needs an apostrophe: without one, no need to try the pattern at every offset.
  const possessive = before.includes("'") || before.includes('’') ? /(\p{Lu}[\p{L}\p{N}.-]*)['’]s\s+(?:[\p{Ll}-]+\s+){0,2}$/u.exec(before) : null;
  if (possessive) {
    const at = start - before.length + possessive.index;
    if (!known.some(([s, e]) => at >= s && at < e)) out.push(possessive[1]!);
  }
  const object = /^\s+(?:in|into|to|from|for)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}.-]*)/u.exec(after);
  if (object) {
    const at = end + object[0].length - object[1]!.length;
    // A full stop ending the sentence is not part of the name ("in December.").
    const name = object[1]!.replace(/[.-]+$/u, '');
    if (!known.some(([s, e]) => at >= s && at < e) && !NOT_NAMES.has(name.toLowerCase())) out.push(name);
  }
  return out;
}
