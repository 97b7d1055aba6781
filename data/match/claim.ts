import { GAP } from './context';
import { cueList, cueIn } from './roles';
import type { QualifierClass } from './tolerance';

/**
 * What kind of claim a figure makes, from the words around it. Only a plain or approximate value
 * about a closed deal can be checked against the record; bounds, plans and other topics cannot.
 */

/** Talks, plans not yet made, possibilities: not the closed deal a fact records. */
const SPECULATIVE = cueList(
  'talks', 'in talks', 'negotiation', 'negotiating', 'negotiate', 'discussion', 'discussions', 'discussing',
  'seek', 'seeking', 'seeks', 'sought', 'could', 'might', 'consider', 'considering', 'weighing', 'mulling', 'mull',
  'proposed', 'proposal', 'potential', 'potentially', 'possible', 'possibly', 'rumored', 'rumoured', 'rumor', 'rumour',
  'target', 'targeting', 'targets', 'aim', 'aims', 'aiming', 'hope', 'hopes', 'hoping', 'eye', 'eyes', 'eyeing',
  'explore', 'exploring', 'speculation', 'speculated', 'can', 'want', 'wanted', 'wanting', 'offering', 'bid',
  // Derived or changed amounts: not what the deal recorded.
  'implies', 'implied', 'implying', 'imply', 'reduce', 'reduced', 'reduces', 'cut', 'cuts', 'lower', 'lowered', 'trim',
  'trimmed', 'scale back', 'scaled back', 'shrink', 'shrank',
);

/**
 * A negation or a denial ("did not invest $60 billion", "denied it would pay"), or a figure said to
 * be wrong: what the sentence says is not the value, so the record can neither confirm it nor
 * contradict it.
 */
const NEGATED = cueList(
  'not', 'never', 'no longer', 'neither', 'nor', 'cannot', "didn't", "doesn't", "don't", "won't", "wasn't", "isn't",
  "aren't", "weren't", "hasn't", "haven't", "hadn't", "wouldn't", "couldn't", 'denied', 'denies', 'deny', 'denying',
  'rejected', 'refuted', 'dismissed', 'false', 'untrue', 'incorrect', 'incorrectly', 'wrongly', 'mistakenly',
  'erroneously', 'earlier version', 'correction', 'misreported', 'misreport', 'misstated', 'misstate', 'misquoted',
  'inaccurate', 'inaccurately', 'erroneous', 'mistaken', 'wrong',
);

/** A signed statement of intent: the deal as planned, which only a fact recorded as expected can be. */
const INTENT = cueList('letter of intent', 'memorandum of understanding', 'non-binding', 'nonbinding');

/** Conditions: said before a figure ("if it fails, X may drop to $20 billion") they make it hypothetical. */
const CONDITIONAL = cueList('if', 'unless', 'should it', 'in case');

/** A sentence opening with these is a condition or a question ("Had Amazon invested $60 billion, ..."). */
const INVERTED = new Set(['had', 'were', 'should']);

/** Looking ahead: fine for a figure that matches the record, too weak to say the record is contradicted. */
const FORWARD = cueList(
  'would', 'plan', 'plans', 'planned', 'planning', 'expect', 'expects', 'expected', 'intend', 'intends', 'set to',
  'poised', 'likely', 'forecast', 'projected', 'estimate', 'estimated', 'according to people', 'reportedly', 'said to',
  // Someone else's account ("some reports put it at $60 billion"): the article passes it on, it need not be its own claim.
  'report', 'reports', 'reported', 'according to', 'claimed', 'claims', 'alleged', 'allegedly', 'sources', 'insiders',
  'people familiar',
  // An offer ("Exxon offered $253 a share"): the agreed terms, or terms not yet agreed or since bettered.
  'offer', 'offered', 'offers',
  // A changed amount ("rose to $60 billion"): a change the record may not have caught up with.
  'rose', 'rise', 'rises', 'risen', 'rising', 'increase', 'increased', 'increases', 'increasing', 'grew', 'grown',
  'expand', 'expanded', 'expands', 'boost', 'boosted', 'upped', 'doubled', 'tripled', 'climbed', 'jumped', 'swelled',
  'lift', 'lifted', 'hike', 'hiked', 'bumped', 'topped up',
  // A running total ("brings its total to $60 billion") may hold amounts the record does not.
  'bring', 'bringing', 'brought', 'taking its total', 'takes its total', 'took its total',
  // What ought to happen is an opinion or a requirement, not what the deal records.
  'should', 'must', 'ought',
);

/** A number about something other than a deal's terms: markets, results, costs. */
const OTHER_TOPIC = cueList(
  'market', 'markets', 'industry', 'sector', 'economy', 'revenue', 'revenues', 'sales', 'loss', 'losses', 'lost',
  'lose', 'losing', 'profit', 'profits', 'earnings', 'income', 'debt', 'loan', 'loans', 'bond', 'bonds', 'capex',
  'capital expenditure', 'spent', 'burn', 'burned', 'cost', 'costs', 'price', 'prices', 'share price', 'stock price',
  'stock market', 'stock rose', 'stock fell', 'stock jumped', 'stock dropped', 'shares rose', 'shares fell', 'budget',
  // A quoted share price ("traded at $65 a share") is the market's, not a deal's price per share.
  'traded at', 'trades at', 'trading at', 'shares closed', 'stock closed', 'shares ended', 'stock ended', 'shares opened', 'stock opened',
  'salary', 'fine', 'penalty', 'tax', 'subsidy', 'grant', 'buyback', 'dividend', 'market cap', 'market value',
  'market capitalization', 'gdp', 'tariff', 'lawsuit',
  'damages', 'settlement', 'fee', 'fees', 'rent', 'quarter', 'quarterly', 'annual', 'annually',
);

/**
 * A done or standing deal said in the figure's own clause ("which already has a $38 billion
 * contract", "in which it now holds 27%"): talks or a plan in an earlier clause are not about it.
 */
const SETTLED = cueList('already', 'existing', 'now hold', 'now holds', 'now own', 'now owns', 'signed', 'struck', 'closed', 'completed');

/** Debt beside equity is a financing's make-up ("€600 million in equity and debt"), not a loan. */
const FINANCING = cueList('equity');

/** Words that count debt into a deal's value ("$35.9 billion including Kellanova's debt"). */
const COUNTING_IN = new Set(['including', 'counting', 'plu', 'with']);

/** True if the clause's "debt" is counted into the figure ("including debt", "counting its net debt"), not a debt of its own. */
function debtCountedIn(clause: readonly string[]): boolean {
  for (let i = 0; i < clause.length; i++) {
    if (clause[i] !== 'debt') continue;
    for (let k = Math.max(0, i - 4); k < i; k++) if (COUNTING_IN.has(clause[k]!)) return true;
  }
  return false;
}

const BASIS = new Set(['to', 'over', 'above', 'on']);

/** True if the figure is a premium ("a 45% premium", "a premium of 32%"). */
function isPremium(clause: readonly string[]): boolean {
  const at = clause.indexOf(GAP);
  return at >= 0 && (clause[at + 1] === 'premium' || (clause[at - 1] === 'of' && clause[at - 2] === 'premium'));
}

/**
 * The clause's words up to a premium's basis ("a 45% premium to where the stock closed", "a
 * premium of 32% over Juniper's share price"): the share price it is measured from is not what
 * the figure is about.
 */
function beforePremiumBasis(clause: readonly string[]): readonly string[] {
  if (!isPremium(clause)) return clause;
  for (let k = clause.indexOf(GAP) + 1; k < clause.length; k++) if (BASIS.has(clause[k]!)) return clause.slice(0, k);
  return clause;
}

/** Prices that are deals, not a market's: "a purchase price of $61 billion". */
const DEAL_PRICES = cueList('purchase price', 'acquisition price', 'takeover price', 'offer price', 'deal price', 'buyout price');

/** Sales that are deals, not revenue: "a $6.6 billion share sale". */
const DEAL_SALES = cueList('share sale', 'stock sale', 'secondary sale', 'tender offer', 'sold', 'sell', 'selling');

/** Why a figure's claim cannot be checked, if it cannot. */
export type Uncheckable =
  | { kind: 'uncertain' }
  | { kind: 'bound'; qualifier: QualifierClass }
  | { kind: 'speculative'; cue: string }
  | { kind: 'negated'; cue: string }
  /**
   * The value before a change ("up from $40 billion", "from $40 billion to $50 billion"): an
   * earlier amount: only a fact its pack marks superseded, or one the text dates to its time, can
   * be it, and it is never a mismatch.
   */
  | { kind: 'earlier-value'; cue: string }
  /** Checkable only against a fact its pack records as expected (an intention itself), and never a mismatch. */
  | { kind: 'intent'; cue: string }
  | { kind: 'other-topic'; cue: string }
  /** A duration that places something in time ("in ten years", "ten years later"), not a deal's length. */
  | { kind: 'time-span'; cue: string }
  /** One of several like parts ("two tranches of $25 billion", "$25 billion per tranche"), not a whole. */
  | { kind: 'one-part'; cue: string };

const BOUNDS = new Set<QualifierClass>(['above', 'atLeast', 'upTo', 'below']);

/** Where the modal "may" stands, as `modalMay` found it: in the figure's clause, or earlier in the sentence. */
export interface ModalMay {
  clause: boolean;
  lead: boolean;
}

const NO_MODAL: ModalMay = { clause: false, lead: false };

/**
 * Whether the figure states a value that the record can confirm. `clause` is the figure's own
 * clause, `lead` the sentence's words before the figure (both stemmed): a plan or talks said
 * earlier in the sentence ("in talks to invest ... $40 billion") colours the figure too. Stemmed
 * words cannot tell the modal "may" from the month, so `modal` says where the text has it.
 */
export function uncheckable(qualifier: QualifierClass | undefined, clause: readonly string[], lead: readonly string[], modal: ModalMay = NO_MODAL): Uncheckable | undefined {
  if (qualifier && BOUNDS.has(qualifier)) return { kind: 'bound', qualifier };
  // In the figure's own clause only: "Talk of more has not gone away, and Amazon already has ..." states the rest.
  const negated = cueIn(clause, NEGATED);
  if (negated) return { kind: 'negated', cue: negated };
  const settled = cueIn(clause, SETTLED) !== undefined;
  const speculative =
    cueIn(clause, SPECULATIVE) ??
    (modal.clause ? 'may' : undefined) ??
    (settled ? undefined : cueIn(lead, SPECULATIVE) ?? (modal.lead ? 'may' : undefined) ?? cueIn(lead, CONDITIONAL));
  if (speculative) return { kind: 'speculative', cue: speculative };
  if (lead.length && INVERTED.has(lead[0]!)) return { kind: 'speculative', cue: lead[0]! };
  const intent = cueIn(clause, INTENT) ?? (settled ? undefined : cueIn(lead, INTENT));
  if (intent) return { kind: 'intent', cue: intent };
  const other = cueIn(beforePremiumBasis(clause), OTHER_TOPIC);
  // "stock" alone is what a stake is paid in ("$5 billion of Intel stock"); its price and market are other topics.
  if (other && !(other === 'sales' && cueIn(clause, DEAL_SALES)) && !(other === 'debt' && (cueIn(clause, FINANCING) || debtCountedIn(clause))) && !(other === 'price' && cueIn(clause, DEAL_PRICES))) {
    return { kind: 'other-topic', cue: other };
  }
  return undefined;
}

/**
 * "stock" or "shares", then a verb of the market, then only small words up to the figure ("Splunk
 * stock hit $150 a share", "its shares had traded near $120", "shares were $120 each").
 */
const MARKET_QUOTE =
  /\b(stock|shares)\s+(?:(?:had|has|have|was|were|is|are|been|then|briefly|just|already|still)\s+){0,2}(was|were|is|are|stood|sat|hovered|hit|reached|touched|rose|risen|fell|fallen|jumped|climbed|dropped|slid|gained|sank|surged|soared|tumbled|plunged|rallied|edged|dipped|traded|trading|closed|ended|opened|finished|peaked|topped)(?:\s+(?:to|at|near|around|about|above|below|over|under|of|as high as|as low as|a record|record|up|down|higher|lower|a|an|roughly|nearly|almost|some|just))*\s*$/i;

/**
 * The market's price of a stock, quoted right before the figure in its clause: a number about
 * trading, not a deal's terms ("Splunk stock hit $150 a share after Cisco agreed to buy it" is no
 * misstated offer). Answers the words that say it. `clauseStart` and `figureStart` are offsets in
 * `sentence`.
 */
export function marketQuote(sentence: string, clauseStart: number, figureStart: number): string | undefined {
  const m = MARKET_QUOTE.exec(sentence.slice(Math.max(clauseStart, figureStart - 120), figureStart));
  return m ? `${m[1]!.toLowerCase()} ${m[2]!.toLowerCase()}` : undefined;
}

/** A period right after a figure ("a year", "per month", "each quarter"), unless it places a time ("a year ago", "a year later"). */
const RATE_AFTER = /^\s*(?:(?:a|an|per|each|every)\s+(year|month|quarter|week|day)\b(?!\s+(?:ago|earlier|later|before|after|prior|since|from now)\b)|(annually|yearly|monthly|per annum)\b)/i;

/**
 * The period a figure is a rate per ("$25 billion a year", "$3 billion annually"), read right
 * after it; undefined for an amount. `figureEnd` is the figure's end in `sentence`.
 */
export function rateAfter(sentence: string, figureEnd: number): string | undefined {
  const m = RATE_AFTER.exec(sentence.slice(figureEnd, figureEnd + 40));
  return m ? (m[1] ?? m[2])!.toLowerCase() : undefined;
}

/** Plural parts right before "of" and the figure ("two tranches of $25 billion", "payments of about $10 billion"). */
const PARTS_OF = /\b(tranches|installments|instalments|payments|chunks|stages|phases)\s+of\s+(?:(?:about|roughly|around|some|nearly|almost)\s+)?$/i;
/** Right after the figure: for each of several parts ("per tranche", "in each of two tranches", "twice"). */
const PER_PART = /^\s*(per\s+(?:tranche|installment|instalment|payment|stage|phase)|in each of|twice|(?:three|four|five) times)\b/i;

/**
 * The words that make a figure one of several like parts, not a whole ("in two tranches of $25
 * billion each", "$25 billion per tranche", "$25 billion twice"): it can neither confirm nor
 * contradict a total. `start` and `end` are the figure's offsets in `sentence`.
 */
export function onePart(sentence: string, start: number, end: number): string | undefined {
  const m = PARTS_OF.exec(sentence.slice(Math.max(0, start - 60), start)) ?? PER_PART.exec(sentence.slice(end, end + 40));
  return m ? m[1]!.toLowerCase() : undefined;
}

/**
 * Between two figures of a sentence: words that make the second a part of the first ("$100
 * billion, starting with $10 billion", "$50 billion, with an initial $15 billion", "$100 billion over
 * time, the first $10 billion"). Not "including" or
 * "of which": those also list an aggregate's parts, each of its own deal ("$1.4 trillion of
 * contracts, including $38 billion with AWS"). A few words of the first figure's clause may come between.
 */
const PART_OF_PREVIOUS = /^[^.;:!?$€£¥\d]{0,40}?(?:\b(?:starting|beginning|begins|starts|kicking off)\s+with|\bwith\s+(?:an?\s+|the\s+)?(?:initial|first)|\b(?:an?|the)\s+(?:initial|first)(?:(?:\s+(?:tranche|instalment|installment|payment|closing))?\s+of)?)\s+(?:(?:an?|the|about|roughly|around|some|nearly|almost|just|only|initial|first)\s+)*$/i;

/**
 * True if the figure is written as a part of the figure before it in its sentence ("Nvidia will
 * invest $100 billion in OpenAI, starting with $10 billion"): the part is of that figure's deal.
 * `previousEnd` is where the previous figure ends and `start` where this one starts, in `sentence`.
 */
export function partOfPrevious(sentence: string, previousEnd: number, start: number): boolean {
  return start - previousEnd <= 80 && PART_OF_PREVIOUS.test(sentence.slice(previousEnd, start));
}

/** Cue words of a fact that is itself a rate ("a year", "annually"). */
const RATE_CUE = /\b(?:(?:a|per|each|every)\s+(?:year|month|quarter|week|day)|annual|annually|yearly|monthly|per annum)\b/i;

/** True if a fact's cues make it a rate per period, which a figure written as a rate may state. */
export function isRateFact(cueTexts: readonly string[]): boolean {
  return cueTexts.some((cue) => RATE_CUE.test(cue));
}

/** The figure is a whole that holds the thing named ("part of a $110 billion round"): not that thing's value. */
const CONTAINER = cueList('part of', 'included in', 'out of', 'share of', 'portion of', 'slice of');

/** What is still owed at the time of writing ("$15 billion left to pay"): it shrinks as payments are made. */
const STILL_OWED = cueList('left to pay', 'left to be paid', 'still to pay', 'still to be paid', 'yet to pay', 'yet to be paid', 'still owed', 'still owes', 'outstanding');

/**
 * A word that keeps a figure from contradicting the record while it may still confirm it: looking
 * ahead (in the clause or before the figure), the figure being a whole that holds the thing, what
 * is still owed today, a value counting debt in (a pack's price may be of the equity alone), or a
 * premium (measured from one of several share prices: the last close, an average, the price
 * before rumours; an honest article may use another basis than the record).
 */
export function cannotContradict(clause: readonly string[], lead: readonly string[]): string | undefined {
  return cueIn(clause, FORWARD) ?? cueIn(lead, FORWARD) ?? cueIn(clause, CONTAINER) ?? cueIn(clause, STILL_OWED) ?? (debtCountedIn(clause) ? 'including debt' : undefined) ?? (isPremium(clause) ? 'premium' : undefined) ?? deadlineIn(clause);
}

const DEADLINE = new Set(['by', 'until', 'till', 'before']);

/**
 * A deadline in the clause ("$90 billion by 2030", "by the end of the year", "a year from now"):
 * what is due by then, which may be part of the whole the record holds. Answers the words that say it.
 */
function deadlineIn(clause: readonly string[]): string | undefined {
  for (let i = 0; i + 1 < clause.length; i++) {
    const next = clause[i + 1]!;
    if (clause[i] === 'from' && next === 'now') return 'from now';
    if (!DEADLINE.has(clause[i]!)) continue;
    if (/^(19|20)\d\d$/.test(next)) return `${clause[i]} ${next}`;
    if (clause[i] === 'by' && next === 'the' && clause[i + 2] === 'end') return 'by the end';
  }
  return undefined;
}

/** A relative clause set off by commas: ", which Amgen bought," ", who backed it,". */
const ASIDE = /,\s*(?:which|who|whom|whose)\b[^,;:()]*,/gi;

/** A relative clause may open in the sentence: tested before any copy is made. */
const ASIDE_OPENING = /,\s*wh/i;

/**
 * The sentence before `end` (where the figure starts) without its relative asides, or undefined
 * when it has none: in "Horizon, which Amgen bought, has $27.8 billion of cash" the buying is the
 * aside's, not a word about the figure.
 */
export function withoutAsides(sentence: string, end: number): string | undefined {
  if (!ASIDE_OPENING.test(sentence)) return undefined;
  const prefix = sentence.slice(0, end);
  const out = prefix.replace(ASIDE, ',');
  return out.length === prefix.length ? undefined : out;
}

/** True when the sentence asks rather than states ("Will Amazon invest $60 billion in OpenAI?"): it may echo the record, it cannot contradict it. */
export function isQuestion(sentence: string): boolean {
  let i = sentence.length - 1;
  // Past closing quotes, brackets and spaces: 'he asked: "Why $60 billion?"'.
  while (i >= 0 && ' \t\n"\')\u201d\u2019'.includes(sentence[i]!)) i--;
  return sentence[i] === '?';
}

/**
 * A sentence that ends by giving the figure to unnamed others ("..., sources say.", "..., people
 * familiar with the matter said.", "..., according to reports."): a figure passed on, which may
 * echo the record but is not the article's own claim against it. An on-record source ("..., the
 * company said.") is left alone: that is what the article reports as said.
 */
const ATTRIBUTED_AFTER = /,\s*(?:according to (?:people|sources|reports?|a report|insiders)\b[^,;]*|[^,;]{0,40}\b(?:sources|insiders|people (?:familiar|close|briefed)|reports)\b[^,;]{0,60}\b(?:said|say|says|suggest|suggested|show|showed)\b[^,;]*)[.!?]?["'\u201d\u2019)]*\s*$/i;

/** True when the sentence ends with an unnamed attribution (see ATTRIBUTED_AFTER). */
export function attributedAfter(sentence: string): boolean {
  return ATTRIBUTED_AFTER.test(sentence);
}

/** Words before "May" that make it the month ("in May", "early May", "the May round", "OpenAI's May deal"). */
const BEFORE_MONTH = /(?:\b(?:in|of|on|since|until|till|by|from|through|to|early|late|mid|last|next|this|that|each|every|before|after|during|between|and|or|the|a|an|its|their|his|her|our)|['’]s)[\s-]+$/i;

/**
 * True if `text` from `from` to `to` holds the modal "may" ("Amazon may invest $60 billion"): a
 * possibility. Lower-case "may" is always the modal; capitalised, it is the month after a word of
 * time ("in May", "early May") or before a day or year ("May 12", "May 2026"), and the modal
 * otherwise (a title-case headline: "Amazon May Invest $60 Billion"). Reading the month as the
 * modal only withholds a verdict.
 */
export function modalMay(text: string, from: number, to: number): boolean {
  const pattern = /\b(may|May|MAY)\b/g;
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m && m.index + 3 <= to; m = pattern.exec(text)) {
    if (m[1] === 'may') return true;
    const after = text.slice(m.index + 3, m.index + 12);
    if (/^\s*(?:\d|,|\.|$)/.test(after)) continue;
    if (!BEFORE_MONTH.test(text.slice(Math.max(0, m.index - 12), m.index))) return true;
  }
  return false;
}

/** Words right before "from" that make the figure after it the amount before a change ("up from $40 billion"). */
const CHANGE_FROM = /\b(up|down|rose|rise|risen|rising|fell|fall|fallen|falling|grew|grow|grown|jump|jumped|climb|climbed|increase|increased|cut|lifted|raised|slashed|dropped|declined|reduced|lowered|shrank|swelled|expanded|boosted|change|changed|revised|moved|went|gone|shifted|swung|leapt|soared|surged|dipped|slid|sank|plunged|tumbled|doubled|tripled)\s+from\s+(?:the\s+|an?\s+|its\s+)?$/i;
/** Between X and Y in "from X to Y": "to", and a few words within the clause ("to a total of"). */
const FROM_TO_GAP = /^\s+to\b[^,;:()\u2013\u2014]{0,30}$/i;

/** Between X and Y in "X was raised to Y": a verb of change in the passive (or "later raised"), then "to". */
const CHANGED_TO_GAP = /^,?\s+(?:(?:was|were|is|are|has been|had been|have been|got|later|then|since)\s+){1,2}(raised|lifted|increased|cut|lowered|reduced|revised|bumped|pushed|trimmed|boosted|marked)\s+(?:up\s+|down\s+|higher\s+|lower\s+)?to\s+(?:(?:about|roughly|around|some|nearly)\s+)?$/i;

/** "from" right before the figure, with nothing of its clause between. */
const FROM = /\bfrom\s+(?:the\s+|an?\s+|its\s+)?$/i;

/**
 * What makes the figure at [start, end) of `sentence` the value before a change, if anything
 * does: a word of change before "from" ("up from $40 billion", "cut from $60 billion"), or "from
 * X to Y" or "X was raised to Y" with the next figure of the sentence (at `nextStart`) right
 * after "to". Answers the words that say it.
 */
export function earlierValue(sentence: string, start: number, end: number, nextStart: number | undefined): string | undefined {
  const before = sentence.slice(Math.max(0, start - 40), start);
  const change = CHANGE_FROM.exec(before);
  if (change) return `${change[1]!.toLowerCase()} from`;
  if (nextStart === undefined) return undefined;
  if (fromTo(sentence, start, end, nextStart)) return 'from ... to';
  const changed = CHANGED_TO_GAP.exec(sentence.slice(end, nextStart));
  return changed ? `${changed[1]!.toLowerCase()} to` : undefined;
}

/** True if the figure at [start, end) of `sentence` is X in "from X to Y", Y being the figure at `nextStart`. */
export function fromTo(sentence: string, start: number, end: number, nextStart: number): boolean {
  return FROM.test(sentence.slice(Math.max(0, start - 40), start)) && FROM_TO_GAP.test(sentence.slice(end, nextStart));
}

/**
 * Right before a duration, words that make it a time ("in five years", "the first two years").
 * Not "next" or "past": "over the next four years" is a term.
 */
const SPAN_BEFORE = /\b(in|within|after|since|first|every|each|than)\s+(?:the\s+)?$/i;
/**
 * Right after a duration, words that make it a time ("three years later"). "ago" and "old" are
 * not here: the recognizer reads no figure there (data/recognize/duration.ts).
 */
const SPAN_AFTER = /^[\s-]*(later|earlier|before|after|since|from now|into|running|in a row)\b/i;

/** Nouns a compound duration may size as a deal's length ("an eight-year agreement", "a four-year plan"). */
const TERM_NOUNS = new Set([
  'deal', 'deals', 'contract', 'contracts', 'agreement', 'agreements', 'pact', 'term', 'commitment', 'commitments',
  'partnership', 'lease', 'arrangement', 'alliance', 'tie-up', 'collaboration', 'license', 'licence', 'supply', 'purchase',
  'plan', 'program', 'programme', 'project', 'investment', 'spending', 'extension', 'renewal', 'period', 'timeline', 'window',
]);
/** The first three words after a compound duration ("eight-year"). */
const COMPOUND = /^\s+([A-Za-z][\w'\u2019-]*)(?:\s+([A-Za-z][\w'\u2019-]*))?(?:\s+([A-Za-z][\w'\u2019-]*))?/;

/**
 * What makes the duration at [start, end) of `sentence` a place in time rather than a deal's
 * length, if anything: "the first in ten years", "within five years", "ten years later"; or,
 * written as one word before a noun, a noun that is no deal ("an eight-year wait", "a ten-year
 * veteran"; "an eight-year AWS agreement" stays a term). Answers the words that say it.
 */
export function timeSpan(sentence: string, start: number, end: number): string | undefined {
  const before = SPAN_BEFORE.exec(sentence.slice(Math.max(0, start - 16), start));
  if (before) return before[1]!.toLowerCase();
  const after = SPAN_AFTER.exec(sentence.slice(end, end + 16));
  if (after) return after[1]!.toLowerCase();
  if (!/-(?:year|month)$/i.test(sentence.slice(start, end))) return undefined;
  const next = COMPOUND.exec(sentence.slice(end, end + 60));
  // Punctuation after it ("a ten-year, $100 billion deal"), or a name ("eight-year AWS deal"): left as it is.
  if (!next || /^[A-Z]/.test(next[1]!)) return undefined;
  // The noun may come after a word or two ("an eight-year exclusive cloud contract").
  return next.slice(1).some((w) => w !== undefined && TERM_NOUNS.has(w.toLowerCase())) ? undefined : next[1]!.toLowerCase();
}
