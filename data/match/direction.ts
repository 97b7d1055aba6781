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

const INVESTING = new Set(['invest', 'invests', 'invested', 'investing', 'investment', 'investments']);
const SPENDING = new Set(['spend', 'spends', 'spent', 'spending']);
const BUYING = new Set(['buy', 'buys', 'bought', 'buying', 'purchase', 'purchases', 'purchased', 'purchasing']);

const NONE: ReadonlySet<string> = new Set();

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** The lowercased word ending right before `at` (spaces skipped), and where it starts. */
function wordBefore(text: string, at: number): { word: string; start: number } {
  let end = at;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  let start = end;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  return { word: text.slice(start, end).toLowerCase(), start };
}

/** True if a word of `words` occurs in `text` between `from` and `to`. */
function hasWord(text: string, from: number, to: number, words: ReadonlySet<string>): boolean {
  for (const m of text.slice(from, to).toLowerCase().matchAll(/[a-z]+/g)) if (words.has(m[0])) return true;
  return false;
}

/**
 * The receivers the clause [clauseStart, clauseEnd) of `sentence` names among `named` (entities
 * in the sentence). Only a name right after its preposition counts, so "in the ChatGPT maker" or
 * "in 2026" names no one.
 */
export function receiversIn(sentence: string, clauseStart: number, clauseEnd: number, named: readonly NamedAt[]): Receivers {
  let invested: Set<string> | undefined;
  let paid: Set<string> | undefined;
  for (const n of named) {
    if (n.start < clauseStart || n.start >= clauseEnd) continue;
    const { word, start } = wordBefore(sentence, n.start);
    if ((word === 'in' || word === 'into') && hasWord(sentence, clauseStart, start, INVESTING)) (invested ??= new Set()).add(n.id);
    else if ((word === 'on' || word === 'with') && hasWord(sentence, clauseStart, start, SPENDING)) (paid ??= new Set()).add(n.id);
    else if (word === 'from' && hasWord(sentence, clauseStart, start, BUYING)) (paid ??= new Set()).add(n.id);
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
