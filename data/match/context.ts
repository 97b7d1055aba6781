import type { FigureQuery } from '../schema/messages';
import { pushWords, tokenizeRange } from './text';

/** The words that belong to one figure: its clause, cut at neighbouring figures. */
export interface LocalContext {
  /** Stemmed words before and after the figure, with a separator where the figure was. */
  words: string[];
  /** The sentence text before the figure (for qualifiers such as "about"). */
  before: string;
  /** Where the figure sits in its sentence, [start, end). */
  start: number;
  end: number;
  /** The clause's span in the sentence, [clauseStart, clauseEnd). */
  clauseStart: number;
  clauseEnd: number;
  /** Where the figure's clause ends at punctuation (or the next figure), before phrases are split off. */
  punctEnd: number;
}

/** Separator placed where the figure was, so no phrase matches across it. */
export const GAP = '\u0000';

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Clause boundaries inside a sentence: , ; : ( ) [ ] — – and a spaced hyphen; a comma between digits ("1,500") is not one. */
function isBoundary(text: string, i: number): boolean {
  switch (text.charCodeAt(i)) {
    case 44: // ,
      return !(isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)));
    case 45: // -
      return text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32;
    case 59: case 58: case 40: case 41: case 91: case 93: case 0x2014: case 0x2013: // ; : ( ) [ ] — –
      return true;
    default:
      return false;
  }
}

/**
 * Start of the clause holding `at`: just after the nearest boundary before it, not before `floor`.
 * A colon right before the figure ("Amazon's initial investment: $15 billion") joins the label to
 * it: the label is what the figure is.
 */
function clauseStart(text: string, at: number, floor: number): number {
  for (let i = at - 1; i >= floor; i--) {
    if (!isBoundary(text, i)) continue;
    if (text.charCodeAt(i) === 58 && !/\S/.test(text.slice(i + 1, at))) return clauseStart(text, i, floor);
    return i + 1;
  }
  return floor;
}

/** End of the clause holding `at`: the nearest boundary from it on, not after `ceiling`. */
function clauseEnd(text: string, at: number, ceiling: number): number {
  for (let i = at; i < ceiling; i++) if (isBoundary(text, i)) return i;
  return ceiling;
}

/** The clause between punctuation marks that holds [start, end) of `text`, not cut at other figures. */
export function punctuationClause(text: string, start: number, end: number): [number, number] {
  return [clauseStart(text, start, 0), clauseEnd(text, end, text.length)];
}

/**
 * Words that open a new phrase. Between two figures, words up to the first of these are the first
 * figure's ("$110 billion funding round"), the rest lead into the second ("at a $730 billion").
 */
const OPENERS = new Set([
  'a', 'an', 'the', 'at', 'with', 'and', 'or', 'but', 'from', 'to', 'for', 'of', 'in', 'on', 'by',
  'over', 'while', 'a', 'than', 'plus', 'including', 'after', 'before', 'into', 'then', 'versu', 'vs', 'against',
]);
/** Prepositions that, right after a figure, tie what follows to it ("$100 billion of AWS capacity", "$50 billion in OpenAI"). */
const ATTACHING = new Set(['of', 'in', 'on', 'for', 'to', 'into', 'from', 'by']);

/** What "a" or "an" right after a figure makes it a rate of ("$95 a share", "$25 billion a year"): still the figure's words. */
const PER_UNIT = new Set(['share', 'year', 'month', 'quarter', 'week', 'day', 'hour', 'unit', 'piece', 'head', 'barrel', 'ton', 'tonne', 'gigawatt', 'megawatt']);

/** Offset in `text` where the second figure's share of the gap [from, to) begins. */
function splitGap(text: string, from: number, to: number): number {
  const { words, starts } = tokenizeRange(text, from, to);
  let i = ATTACHING.has(words[0] ?? '') ? 1 : 0;
  if ((words[0] === 'a' || words[0] === 'an') && PER_UNIT.has(words[1] ?? '')) i = 2;
  for (; i < words.length; i++) if (OPENERS.has(words[i]!)) return starts[i]!;
  return to;
}

/** Words that only join a figure to the one before it ("raised $6 billion in May and another $6 billion"). */
const COORDINATION = new Set(['and', 'or', 'plu', 'another', 'a', 'further', 'then', 'also', 'later', 'more']); // "plu": "plus" stemmed

/** True if `words` start with and/or/plus and hold nothing but joining words: the figure shares the previous figure's verb. */
function coordinated(words: readonly string[]): boolean {
  return (words[0] === 'and' || words[0] === 'or' || words[0] === 'plu') && words.every((w) => COORDINATION.has(w));
}

function spanOf(q: FigureQuery): [number, number] {
  const start = Math.min(q.at, q.sentence.length);
  const length = q.figure.end - q.figure.start || q.figure.text.length;
  return [start, Math.min(q.sentence.length, start + length)];
}

/**
 * Local context of every figure in a batch. Figures sharing a sentence (same block and text) bound
 * each other's clauses. Linear in the total sentence length, plus a sort per sentence.
 */
export function localContexts(figures: readonly FigureQuery[]): LocalContext[] {
  // Grouped by block, then sentence (no sentence-long key strings built per figure).
  const byBlock = new Map<number, Map<string, number[]>>();
  figures.forEach((q, i) => {
    let bySentence = byBlock.get(q.block);
    if (!bySentence) byBlock.set(q.block, (bySentence = new Map()));
    const list = bySentence.get(q.sentence);
    if (list) list.push(i);
    else bySentence.set(q.sentence, [i]);
  });
  const out: LocalContext[] = new Array(figures.length);
  for (const bySentence of byBlock.values()) for (const members of bySentence.values()) contextsOf(figures, members, out);
  return out;
}

/** The contexts of `members`, the figures of one sentence, into `out`. */
function contextsOf(figures: readonly FigureQuery[], members: readonly number[], out: LocalContext[]): void {
  const sentence = figures[members[0]!]!.sentence;
  const spans = members.map((i) => spanOf(figures[i]!));
  const order = members.length === 1 ? [0] : members.map((_, k) => k).sort((a, b) => spans[a]![0] - spans[b]![0]);
  /** Each figure's words (their first `leadLengths[pos]` are those before it), by position, for figures coordinated with the one before. */
  const leads: string[][] = [];
  const leadLengths: number[] = [];
  for (let pos = 0; pos < order.length; pos++) {
    const k = order[pos]!;
    const [start, end] = spans[k]!;
    const prev = pos > 0 ? spans[order[pos - 1]!]! : undefined;
    const next = pos + 1 < order.length ? spans[order[pos + 1]!]! : undefined;
    // Each scan stops at the neighbouring figures, so the whole sentence is walked about once.
    const floor = prev && prev[1] <= start ? prev[1] : 0;
    const ceiling = next && next[0] >= end ? next[0] : sentence.length;
    let left = clauseStart(sentence, start, floor);
    if (prev && prev[1] <= start) left = Math.max(left, splitGap(sentence, prev[1], start));
    const punctEnd = clauseEnd(sentence, end, ceiling);
    let right = punctEnd;
    if (next && next[0] >= end) right = Math.min(right, splitGap(sentence, end, next[0]));
    let words: string[] = [];
    pushWords(sentence, left, start, words);
    // "raised $6 billion in May and another $6 billion": the second figure is raised too.
    if (prev && prev[1] <= start && coordinated(words)) {
      const lead = leads[pos - 1]!;
      const joined = lead.slice(0, leadLengths[pos - 1]);
      for (const w of words) joined.push(w);
      words = joined;
    }
    leads[pos] = words;
    leadLengths[pos] = words.length;
    // The figure's words grow in place past its lead (kept by length above): no copy per figure.
    words.push(GAP);
    pushWords(sentence, end, Math.max(end, right), words);
    out[members[k]!] = { words, before: sentence.slice(Math.max(0, start - 40), start), start, end, clauseStart: left, clauseEnd: Math.max(end, right), punctEnd: Math.max(end, punctEnd) };
  }
}
