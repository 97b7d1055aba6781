import { tokenizeRange, type Tokens } from './text';

/**
 * Who a clause says receives the money: "invest $50 billion in Amazon" names Amazon as the one
 * invested in, "spend $100 billion on AWS" and "buy $30 billion of computing from Microsoft" name
 * the one paid. A fact whose own receiver is someone else ("OpenAI will invest $50 billion in
 * Amazon" beside Amazon's investment in OpenAI) is not what the clause states.
 */

/** An entity named in the sentence, in sentence offsets. */
export interface NamedAt {
  start: number;
  id: string;
}

/** Who the clause names as receiving the money, by kind; empty when it names no one so. */
export interface Receivers {
  /** Named right after "in" or "into", with a word of investing before it in the clause. */
  invested: ReadonlySet<string>;
  /** Named right after "on" or "with" (with spending before) or "from" (with buying before). */
  paid: ReadonlySet<string>;
}

// Stemmed, as `tokenizeRange` gives words ("invests" is "invest").
const INVESTING = new Set(['invest', 'invested', 'investing', 'investment']);
const SPENDING = new Set(['spend', 'spent', 'spending']);
const BUYING = new Set(['buy', 'bought', 'buying', 'purchase', 'purchased', 'purchasing']);

const NONE: ReadonlySet<string> = new Set();

/**
 * The receivers the clause [clauseStart, clauseEnd) of `sentence` names among `named` (entities
 * in the sentence). Only a name right after its preposition counts, so "in the ChatGPT maker" or
 * "in 2026" names no one.
 */
export function receiversIn(sentence: string, clauseStart: number, clauseEnd: number, named: readonly NamedAt[]): Receivers {
  let invested: Set<string> | undefined;
  let paid: Set<string> | undefined;
  let tokens: Tokens | undefined;
  for (const n of named) {
    if (n.start < clauseStart || n.start >= clauseEnd) continue;
    // The clause's words, read once and only when it names someone.
    const { words, starts, ends } = (tokens ??= tokenizeRange(sentence, clauseStart, clauseEnd));
    // The word right before the name, with only spaces between.
    let i = starts.findIndex((start) => start >= n.start) - 1;
    if (i === -2) i = words.length - 1;
    if (i < 0 || sentence.slice(ends[i], n.start).trim() !== '') continue;
    const verbs = words.slice(0, i);
    const has = (set: ReadonlySet<string>) => verbs.some((w) => set.has(w));
    const word = words[i];
    if ((word === 'in' || word === 'into') && has(INVESTING)) (invested ??= new Set()).add(n.id);
    else if ((word === 'on' || word === 'with') && has(SPENDING)) (paid ??= new Set()).add(n.id);
    else if (word === 'from' && has(BUYING)) (paid ??= new Set()).add(n.id);
  }
  return { invested: invested ?? NONE, paid: paid ?? NONE };
}

/**
 * True when the clause names a receiver of the fact's kind (its `metric`) and the fact's own
 * receiver (its `object`, a canonical id like the named ones) is not among them (an investment
 * in, or a spending with, someone else), or names only a receiver of the other kind (a spending
 * is not an investment, nor the reverse).
 */
export function otherReceiver(receivers: Receivers, metric: string, object: string | undefined): boolean {
  if (!object || (metric !== 'investment' && metric !== 'commitment')) return false;
  const [own, other] = metric === 'investment' ? [receivers.invested, receivers.paid] : [receivers.paid, receivers.invested];
  return own.size > 0 ? !own.has(object) : other.size > 0;
}
