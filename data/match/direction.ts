import { tokenizeRange, type Tokens } from './text';

/**
 * Who a clause says the money goes to, and from: "invest $50 billion in Amazon" names Amazon as
 * the one invested in, "spend $100 billion on AWS", "buy $30 billion of computing from
 * Microsoft" the one paid, "pay Amazon $60 billion" or "hand OpenAI $15 billion" the one given
 * money of either kind, "receive $50 billion from Amazon" the payer. A fact whose own receiver
 * or payer is someone else ("OpenAI will invest $50 billion in Amazon" beside Amazon's investment
 * in OpenAI) is not what the clause states. And whom a valuation values (`valuedIn`).
 */

/** An entity named in the sentence, in sentence offsets (`end` exclusive, when known). */
export interface NamedAt {
  start: number;
  end?: number;
  id: string;
}

/** Who the clause names as receiving or paying the money, by kind; empty when it names no one so. */
export interface Receivers {
  /** Named right after "in" or "into", with a word of investing before it in the clause. */
  invested: ReadonlySet<string>;
  /** Named right after "on" or "with" (with spending before) or "from" (with buying before). */
  paid: ReadonlySet<string>;
  /** Named right after "pay", or "to" with paying before: money of either kind. */
  paidTo: ReadonlySet<string>;
  /** Named right after "give" or "hand", or "to" with one of them before: money of either kind, or something else. */
  given: ReadonlySet<string>;
  /** Named right after "from" with a word of receiving before ("received $50 billion from Amazon"). */
  payers: ReadonlySet<string>;
}

// Stemmed, as `tokenizeRange` gives words ("invests" is "invest").
const INVESTING = new Set(['invest', 'invested', 'investing', 'investment']);
const SPENDING = new Set(['spend', 'spent', 'spending']);
const BUYING = new Set(['buy', 'bought', 'buying', 'purchase', 'purchased', 'purchasing']);
/** Money to someone, of either kind ("a payment to OpenAI" may be an investment). */
const PAYING = new Set(['pay', 'paid', 'paying', 'payment']);
/** Something to someone: money of either kind, or not money at all ("gives OpenAI Nvidia chips"). */
const GIVING = new Set(['give', 'gave', 'given', 'giving', 'hand', 'handed', 'handing', 'send', 'sent', 'sending']);
const RECEIVING = new Set([
  'receive', 'received', 'receiving', 'get', 'got', 'getting', 'obtain', 'obtained', 'secure', 'secured', 'securing',
  'raise', 'raised', 'raising', 'accept', 'accepted', 'take', 'took', 'taking', 'collect', 'collected',
]);

const NONE: ReadonlySet<string> = new Set();

/**
 * The receivers and payers the clause [clauseStart, clauseEnd) of `sentence` names among `named`
 * (entities in the sentence). Only a name right after its verb or preposition counts, so "in the
 * ChatGPT maker" or "in 2026" names no one.
 */
export function receiversIn(sentence: string, clauseStart: number, clauseEnd: number, named: readonly NamedAt[]): Receivers {
  const found = { invested: NONE, paid: NONE, paidTo: NONE, given: NONE, payers: NONE };
  const add = (kind: keyof Receivers, id: string) => {
    if (found[kind] === NONE) found[kind] = new Set();
    (found[kind] as Set<string>).add(id);
  };
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
    const word = words[i]!;
    if ((word === 'in' || word === 'into') && has(INVESTING)) add('invested', n.id);
    else if ((word === 'on' || word === 'with') && has(SPENDING)) add('paid', n.id);
    else if (word === 'from' && has(BUYING)) add('paid', n.id);
    else if (word === 'from' && has(RECEIVING)) add('payers', n.id);
    else if (PAYING.has(word) || (word === 'to' && has(PAYING))) add('paidTo', n.id);
    else if (GIVING.has(word) || (word === 'to' && has(GIVING))) add('given', n.id);
  }
  return found;
}

/**
 * True when the clause gives the money of a two-party fact (`subject` pays or invests, `object`
 * receives; canonical ids like the named ones) to, or from, someone else:
 * - it names a receiver of the fact's kind (its `metric`) and the fact's `object` is not among
 *   them (an investment in, or a spending with, someone else), or names only a receiver of the
 *   other kind (a spending is not an investment, nor the reverse);
 * - it names whom the money is paid or given to, and that is not the `object`;
 * - it names whom the money comes from, and that is not the `subject`.
 * A term is the length of a deal of either kind: it is someone else's when the clause names
 * receivers and the fact's own is not one of them ("Amazon invests $5 billion in OpenAI for ten
 * years" is not the term of OpenAI's spending with Amazon).
 */
export function otherReceiver(receivers: Receivers, metric: string, subject: string, object: string | undefined): boolean {
  if (!object) return false;
  const { invested, paid, paidTo, given, payers } = receivers;
  // Not `given`: "gives OpenAI Nvidia chips" in a term's clause is no payment.
  if (metric === 'term') return (invested.size > 0 || paid.size > 0 || paidTo.size > 0) && !invested.has(object) && !paid.has(object) && !paidTo.has(object);
  if (metric !== 'investment' && metric !== 'commitment') return false;
  if (payers.size > 0 && !payers.has(subject)) return true;
  if ((given.size > 0 || paidTo.size > 0) && !given.has(object) && !paidTo.has(object)) return true;
  const [own, other] = metric === 'investment' ? [invested, paid] : [paid, invested];
  return own.size > 0 ? !own.has(object) : other.size > 0;
}

/**
 * True when the clause says the money is of the other kind than the fact's `metric`: invested
 * beside a spending fact, spent beside an investment ("Amazon will invest $38 billion in OpenAI"
 * is no commitment of OpenAI's, whatever its value).
 */
export function statesOtherKind(receivers: Receivers, metric: string): boolean {
  if (metric === 'investment') return receivers.paid.size > 0 && receivers.invested.size === 0;
  if (metric === 'commitment') return receivers.invested.size > 0 && receivers.paid.size === 0;
  return false;
}

// Stemmed: "values" is "value".
/** Words after which a name is the company valued ("values OpenAI at", "valuing Amazon at"). */
const VALUING = new Set(['value', 'valued', 'valuing']);
/** Words before which a name is the company valued ("Amazon, valued at", "OpenAI is worth"). */
const WORTH = new Set(['valued', 'worth']);
/** Words that may stand between a name and its WORTH word ("OpenAI, which is now valued at"). */
const LINKING = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'which', 'now', 'currently', 'already', 'reportedly', 'then']);

/**
 * The companies the sentence says the figure at `figureStart` values: named right after a word of
 * valuing in the figure's clause [clauseStart, clauseEnd) ("the round values OpenAI at"), or
 * right before "valued" or "worth" there, with only linking words and commas between ("Amazon,
 * which is worth"). A possessive ("Amazon's stake is worth") values the stake, so it names no one.
 */
export function valuedIn(sentence: string, clauseStart: number, clauseEnd: number, figureStart: number, named: readonly NamedAt[]): ReadonlySet<string> {
  let valued: Set<string> | undefined;
  let tokens: Tokens | undefined;
  for (const n of named) {
    if (n.start >= figureStart) continue;
    const { words, starts, ends } = (tokens ??= tokenizeRange(sentence, 0, clauseEnd));
    const next = starts.findIndex((start) => start >= n.start);
    // "values OpenAI at": the word right before the name, inside the clause.
    const before = (next === -1 ? words.length : next) - 1;
    if (before >= 0 && starts[before]! >= clauseStart && VALUING.has(words[before]!) && sentence.slice(ends[before], n.start).trim() === '') {
      (valued ??= new Set()).add(n.id);
      continue;
    }
    // "OpenAI, which is valued at": linking words after the name, then the word of worth.
    if (n.end === undefined) continue;
    let k = starts.findIndex((start) => start >= n.end!);
    let from = n.end;
    while (k >= 0 && k < words.length && /^[\s,]*$/.test(sentence.slice(from, starts[k])) && LINKING.has(words[k]!)) from = ends[k++]!;
    if (k < 0 || k >= words.length || !/^[\s,]*$/.test(sentence.slice(from, starts[k]))) continue;
    if (!WORTH.has(words[k]!) || starts[k]! < clauseStart || starts[k]! >= figureStart) continue;
    // "Amazon valued OpenAI at ...": the name after the word is the one valued.
    if (named.some((m) => m.start > starts[k]! && m.start < figureStart)) continue;
    (valued ??= new Set()).add(n.id);
  }
  return valued ?? NONE;
}

/** True when the sentence says the figure values some company and none of them is a party the fact requires (`required`, canonical ids). */
export function otherValued(valued: ReadonlySet<string>, required: readonly string[]): boolean {
  return valued.size > 0 && !required.some((id) => valued.has(id));
}
