import type { Fact } from '../schema/pack';
import type { RoleId } from '../schema/roles';
import { phraseWords } from './text';

/**
 * The matcher's role vocabulary: for each role, the words that near a figure say the figure plays
 * that role. A pack's own cues and excludes add to these (see `roleFit`).
 */

/** A phrase as written (for the card's reason line) and as stemmed words (for matching). */
export interface Cue {
  text: string;
  words: string[];
}

/** A cue found in a word list: where it starts, its length in words, and which lexicon it is of. */
interface Hit {
  at: number;
  n: number;
  cue: Cue;
  lexicon: number;
}

/** The cues found in one word list, in text order, and where the figure's separator is in it (-1: none). */
interface Scan {
  hits: readonly Hit[];
  gap: number;
}

/** Most word lists hold no cue at all: they share this. */
const NO_HITS: readonly Hit[] = [];

/**
 * Every lexicon's cues by first word. A figure's clause is asked about a dozen lexicons (roles,
 * claims, time words); scanning it once against all of them, and answering each lexicon from the
 * hits, costs one map lookup per word instead of one per word per lexicon.
 */
const ALL_BY_FIRST = new Map<string, { cue: Cue; lexicon: number }[]>();
let lexicons = 0;

function scanAll(words: readonly string[]): Scan {
  let hits: Hit[] | undefined;
  let gap = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === GAP && gap < 0) gap = i;
    const list = ALL_BY_FIRST.get(w);
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const { cue, lexicon } = list[k]!;
      if (occursAt(words, i, cue.words)) (hits ??= []).push({ at: i, n: cue.words.length, cue, lexicon });
    }
  }
  return { hits: hits ?? NO_HITS, gap };
}

// The last two word lists scanned: a figure's clause and its lead, asked about in turn. (A
// WeakMap of every list scanned cost more in garbage collection than it saved.) Word lists are
// never changed once made (see localContexts and the matcher's Reader).
let lastWords: readonly string[] | undefined;
let lastScan: Scan | undefined;
let prevWords: readonly string[] | undefined;
let prevScan: Scan | undefined;

function scanOf(words: readonly string[]): Scan {
  if (words === lastWords) return lastScan!;
  const scan = words === prevWords ? prevScan! : scanAll(words);
  prevWords = lastWords;
  prevScan = lastScan;
  lastWords = words;
  lastScan = scan;
  return scan;
}

/** Separator `localContexts` puts where the figure was. */
const GAP = '\u0000';

/**
 * A list of cue phrases. Lexicons are module constants: each registers its cues in one shared
 * index when made (see ALL_BY_FIRST), so that a word list is scanned once for all of them.
 * `within` limits a lookup to cues lying within that many words of the figure's separator.
 */
export class Lexicon {
  readonly all: Cue[];
  private readonly id = lexicons++;

  constructor(phrases: readonly string[]) {
    this.all = phrases.map((text) => ({ text, words: phraseWords(text) })).filter((c) => c.words.length);
    for (const cue of this.all) {
      const list = ALL_BY_FIRST.get(cue.words[0]!);
      const entry = { cue, lexicon: this.id };
      if (list) list.push(entry);
      else ALL_BY_FIRST.set(cue.words[0]!, [entry]);
    }
  }

  /** The first cue (in text order) that occurs in `words`. */
  find(words: readonly string[], within?: number): Cue | undefined {
    const { hits, gap } = scanOf(words);
    // A list holds few hits: walking them beats any table per list.
    if (within === undefined || gap < 0) {
      for (let i = 0; i < hits.length; i++) if (hits[i]!.lexicon === this.id) return hits[i]!.cue;
      return undefined;
    }
    const lo = windowLo(gap, within);
    const hi = windowHi(gap, within, words.length);
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i]!;
      if (h.lexicon === this.id && h.at >= lo && h.at + h.n <= hi) return h.cue;
    }
    return undefined;
  }

  /** Where the last cue before the figure's separator starts in `words`; -1 if none. */
  lastBefore(words: readonly string[]): number {
    const { hits, gap } = scanOf(words);
    let at = -1;
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i]!;
      if (h.lexicon === this.id && h.at + h.n <= gap) at = Math.max(at, h.at);
    }
    return at;
  }

  /** The cue that starts right after the figure ("round" of "a $30 billion round"), if any. */
  rightAfter(words: readonly string[]): Cue | undefined {
    const { hits, gap } = scanOf(words);
    if (gap < 0) return undefined;
    for (let i = 0; i < hits.length; i++) if (hits[i]!.lexicon === this.id && hits[i]!.at === gap + 1) return hits[i]!.cue;
    return undefined;
  }

  /** The cue nearest the figure's place in `words` (counted from the separator `localContexts` puts there). */
  nearest(words: readonly string[], within?: number): { cue: Cue; distance: number; at: number } | undefined {
    const { hits, gap } = scanOf(words);
    const lo = windowLo(gap, within);
    const hi = windowHi(gap, within, words.length);
    let best: Hit | undefined;
    let bestDistance = 0;
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i]!;
      if (h.lexicon !== this.id || h.at < lo || h.at + h.n > hi) continue;
      const distance = gap < 0 ? h.at - lo : h.at >= gap ? h.at - gap : gap - (h.at + h.n);
      if (!best || distance < bestDistance) {
        best = h;
        bestDistance = distance;
      }
    }
    return best && { cue: best.cue, distance: bestDistance, at: best.at };
  }
}

/** The word range [lo, hi) within `within` words of the separator at `gap`; everything when there is no separator or no limit. */
function windowLo(gap: number, within: number | undefined): number {
  return within === undefined || gap < 0 ? 0 : Math.max(0, gap - within);
}

function windowHi(gap: number, within: number | undefined, length: number): number {
  return within === undefined || gap < 0 ? length : Math.min(length, gap + within + 1);
}

function occursAt(words: readonly string[], i: number, phrase: readonly string[]): boolean {
  if (i + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) return false;
  return true;
}

const cues = (...phrases: string[]): Lexicon => new Lexicon(phrases);

/** Words that name the role itself: seen near a figure, they bind it to a fact of that role. */
const SPECIFIC: Record<RoleId, Lexicon> = {
  total: cues('total', 'in total', 'in all', 'altogether', 'overall', 'combined', 'cumulative', 'all told', 'in aggregate', 'whole', 'entire', 'full'),
  initial: cues('initial', 'initially', 'a first', 'the first', 'its first', 'upfront', 'up front', 'first tranche', 'first installment', 'first instalment', 'first payment', 'to start', 'starting with', 'kicking off', 'kicks off', 'kick off', 'at signing', 'immediately', 'right away', 'straight away'),
  remaining: cues('remaining', 'remainder', 'the rest', 'balance', 'left to pay', 'still to pay', 'yet to pay', 'still owed', 'still owes', 'outstanding', 'later', 'subsequent', 'second tranche', 'to follow', 'follows', 'follow', 'conditions', 'conditional', 'milestone', 'once'),
  contribution: cues('each', 'apiece', 'contribute', 'contributed', 'contributes', 'contributing', 'contribution', 'chipped in', 'putting in', 'put in'),
  round: cues('round', 'funding round', 'raise', 'raised', 'raises', 'raising', 'fundraise', 'fundraising', 'financing', 'series'),
  'pre-money': cues('pre-money', 'premoney', 'before the new money', 'before the investment', 'before the round', 'before the new cash'),
  'post-money': cues('post-money', 'postmoney', 'after the new money', 'including the new money', 'after the investment', 'after the round', 'including the new cash'),
  valuation: cues('valuation', 'valued', 'valuing', 'value', 'values', 'worth', 'priced'),
  commitment: cues('commit', 'commits', 'committed', 'committing', 'commitment', 'spend', 'spending', 'purchase', 'purchases', 'buy', 'buys', 'pledge', 'pledged', 'contract', 'order', 'orders'),
  capacity: cues('capacity', 'compute', 'computing', 'power', 'data center', 'data centre', 'chips'),
  term: cues('term', 'over', 'for', 'through', 'across', 'spanning', 'spread over', 'lasting', 'ran', 'runs', 'run', 'duration', 'multi-year'),
  stake: cues('stake', 'share', 'equity', 'ownership', 'owns', 'own', 'holds', 'holding', 'takes', 'buys', 'acquires', 'acquired', 'acquiring'),
  sale: cues('sold', 'sell', 'sells', 'selling', 'sale', 'share sale', 'stock sale', 'secondary', 'tender', 'tender offer'),
  price: cues('acquire', 'acquires', 'acquired', 'acquiring', 'acquisition', 'buy', 'buys', 'bought', 'buying', 'buyout', 'purchase', 'purchases', 'purchased', 'takeover', 'take over', 'takes over', 'took over', 'pay', 'pays', 'paid', 'paying', 'purchase price', 'deal value', 'equity value'),
  other: cues(),
};

/** Words of the metric rather than the role: enough to verify a figure, not to contradict it. */
const GENERIC: Record<Fact['metric'], Lexicon> = {
  investment: cues('invest', 'invests', 'invested', 'investing', 'investment', 'put', 'puts', 'putting', 'back', 'backs', 'backing', 'backed', 'pour', 'pours', 'poured', 'inject', 'injects', 'fund', 'funds', 'funded', 'funding', 'give', 'gives', 'hand', 'hands', 'pledge', 'pledges', 'pledged', 'committed', 'commits', 'pay', 'pays', 'paying', 'paid', 'provide', 'provides', 'providing', 'got', 'gets', 'received', 'receive', 'receives', 'took in', 'takes in', 'brought in', 'stake', 'deal', 'pact', 'agreement', 'partnership', 'alliance', 'tie-up', 'secured'),
  commitment: cues('deal', 'pact', 'agreement', 'contract', 'partnership', 'alliance', 'cloud', 'services', 'pay', 'pays', 'paying', 'worth', 'supply', 'supplies', 'provide', 'provides', 'capacity'),
  valuation: cues('valuation', 'valued', 'valuing', 'value', 'values', 'worth', 'priced', 'prices'),
  funding: cues('round', 'raise', 'raised', 'raising', 'funding', 'financing', 'capital', 'secured', 'closed', 'closes', 'closing'),
  capacity: cues('gigawatt', 'megawatt', 'gw', 'mw', 'capacity', 'compute', 'power'),
  term: cues('year', 'month', 'deal', 'contract', 'agreement', 'commitment', 'pact'),
  share: cues('stake', 'share', 'equity', 'ownership'),
  other: cues(),
};

/** Words that fit a role of any metric without naming it: "Exxon's $59.5 billion deal for Pioneer" is the price. They confirm, never contradict. */
const ROLE_GENERIC: Partial<Record<RoleId, Lexicon>> = {
  price: cues('deal', 'merger', 'transaction', 'combination', 'agreement'),
};

/** Every metric word (and the valuation role's words), joined: as a pack cue, such a word only counts as a metric word. */
const METRIC_WORDS = new Set([...Object.values(GENERIC), SPECIFIC.valuation].flatMap((l) => l.all).map((c) => c.words.join(' ')));

/** Roles that exclude each other: "initial" near a figure rules out the total and the remainder. */
const CONFLICTS: Partial<Record<RoleId, RoleId[]>> = {
  total: ['initial', 'remaining'],
  initial: ['total', 'remaining'],
  remaining: ['total', 'initial'],
  'pre-money': ['post-money'],
  'post-money': ['pre-money'],
  round: ['pre-money', 'post-money', 'valuation'],
  contribution: ['pre-money', 'post-money', 'valuation'],
  commitment: ['pre-money', 'post-money', 'valuation'],
  sale: ['pre-money', 'post-money', 'valuation'],
  price: ['pre-money', 'post-money'],
};

/** Words that make a money figure a valuation ("worth" is left out: "a deal worth $50 billion"). */
const VALUATION_WORDS = cues('valuation', 'valued', 'valuing', 'pre-money', 'post-money', 'premoney', 'postmoney');

/** A purchase itself valued ("an all-stock deal valued at", "the purchase was also valued at"). */
const DEAL_VALUED = cues(
  ...['deal', 'transaction', 'merger', 'acquisition', 'purchase', 'takeover', 'buyout'].flatMap((noun) => [`${noun} valued`, `${noun} is valued`, `${noun} was valued`, `${noun} was also valued`]),
);

/** Nouns a figure right before them sizes: the whole round ("a $30 billion funding round"). */
const ROUND_NOUNS = cues('round', 'funding round', 'financing round', 'fundraise', 'fundraising', 'raise');

/** Words saying the amount is an addition, not the whole: they rule out a total or a round. */
const INCREMENT = cues('another', 'additional', 'extra', 'further', 'more', 'added', 'adds', 'top up', 'topped up', 'second', 'third', 'fourth');
/** Roles an addition cannot be: the whole, a price, or the first part ("a second $15 billion tranche" is not the initial one). */
const NOT_WITH_INCREMENT = new Set<RoleId>(['total', 'initial', 'valuation', 'pre-money', 'post-money']);

/** Roles that a figure may be contradicted on by metric words alone ("invest $50.7 billion"): the whole of something. */
const DEFAULT_ROLES = new Set<RoleId>(['total', 'round', 'commitment', 'capacity', 'term', 'contribution']);

/** Metrics each role belongs to; a role string read as a role of another metric falls back to the metric. */
const ROLE_METRICS: Record<RoleId, readonly Fact['metric'][]> = {
  total: ['investment', 'commitment', 'funding', 'other'],
  initial: ['investment', 'commitment', 'funding', 'other'],
  remaining: ['investment', 'commitment', 'funding', 'other'],
  contribution: ['investment', 'funding', 'other'],
  round: ['funding', 'investment', 'other'],
  'pre-money': ['valuation'],
  'post-money': ['valuation'],
  valuation: ['valuation'],
  commitment: ['commitment', 'other'],
  capacity: ['capacity', 'other'],
  term: ['term', 'other'],
  stake: ['share', 'investment', 'other'],
  sale: ['other', 'funding', 'investment', 'share'],
  price: ['other', 'investment', 'commitment'],
  other: ['investment', 'commitment', 'valuation', 'funding', 'capacity', 'term', 'share', 'other'],
};

/** Words of a free-form role string that name a vocabulary role, strongest first. */
const ROLE_WORDS: [RoleId, (w: readonly string[]) => boolean][] = [
  // A sale of existing shares ("secondary-sale-size", "share-sale"); its price ("secondary-valuation") is a valuation metric, read below.
  ['sale', (w) => ['sale', 'secondary', 'tender'].some((x) => w.includes(x))],
  ['pre-money', (w) => has(w, 'pre', 'money') || w.includes('premoney')],
  ['post-money', (w) => has(w, 'post', 'money') || w.includes('postmoney')],
  ['initial', (w) => ['initial', 'upfront', 'first'].some((x) => w.includes(x))],
  ['remaining', (w) => ['remaining', 'remainder', 'balance', 'rest', 'second', 'later', 'conditional', 'subsequent', 'additional', 'follow', 'further', 'extra', 'increment', 'top'].some((x) => w.includes(x))],
  // "softbank-share" is one investor's part; "price-per-share" is a price, not a part.
  ['contribution', (w) => ['contribution', 'share', 'participation', 'participant', 'investor'].some((x) => w.includes(x)) && !['stake', 'per', 'price'].some((x) => w.includes(x))],
  ['total', (w) => w.includes('total') || w.includes('overall')],
  ['round', (w) => ['round', 'raise', 'series', 'fundraise', 'fundraising'].some((x) => w.includes(x))],
  // "acquisition-price", "purchase-price", "takeover"; a price per share is another figure.
  ['price', (w) => ['acquisition', 'purchase', 'takeover', 'buyout', 'price'].some((x) => w.includes(x)) && !['per', 'share'].some((x) => w.includes(x))],
  ['commitment', (w) => ['commitment', 'commit', 'spend', 'spending', 'contract', 'purchase', 'agreement'].some((x) => w.includes(x))],
  ['capacity', (w) => ['capacity', 'power', 'gigawatt', 'compute'].some((x) => w.includes(x))],
  ['term', (w) => ['term', 'duration', 'length', 'year'].some((x) => w.includes(x))],
  ['stake', (w) => ['stake', 'equity', 'ownership', 'holding'].some((x) => w.includes(x))],
  ['valuation', (w) => w.includes('valuation') || w.includes('value')],
];

const BY_METRIC: Record<Fact['metric'], RoleId> = {
  investment: 'total',
  commitment: 'commitment',
  valuation: 'valuation',
  funding: 'round',
  capacity: 'capacity',
  term: 'term',
  share: 'stake',
  other: 'other',
};

function has(words: readonly string[], a: string, b: string): boolean {
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === a && words[i + 1] === b) return true;
  return false;
}

/** The vocabulary role a fact plays: its `role` if it is one, else read from the role's words, else its metric's. */
export function roleOf(fact: Pick<Fact, 'role' | 'metric'>): RoleId {
  const words = phraseWords(fact.role);
  for (const [role, test] of ROLE_WORDS) if (test(words) && ROLE_METRICS[role].includes(fact.metric)) return role;
  return BY_METRIC[fact.metric];
}

/** How well the words around a figure fit a fact's role. */
export type RoleFit =
  /** A word of the role itself (or one of the fact's own cues): enough to contradict. */
  | { tier: 'specific'; cue: string }
  /** Only a word of the metric ("invest"): enough to verify; to contradict only a whole-of-something role. */
  | { tier: 'generic'; cue: string; isDefault: boolean }
  /** Nothing says what the figure is. */
  | { tier: 'none' }
  /** A word of another role, an addition word, or one of the fact's excludes. */
  | { tier: 'conflict'; cue: string };

/** What roleFit needs of a fact: its role, metric, and its own cue and exclude phrases as stemmed words. */
export interface RoleFacts {
  role: RoleId;
  fact: Pick<Fact, 'metric'>;
  cues: readonly string[][];
  cueTexts: readonly string[];
  excludes: readonly string[][];
}

/** True if `words` hold `phrase` (stemmed words) as a run. */
export function contains(words: readonly string[], phrase: readonly string[]): boolean {
  if (!phrase.length) return false;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

const NO_ROLES: readonly RoleId[] = [];

/** Another role's word counts against the fact only when it stands nearer the figure than the fact's own role word. */
function against(cue: { cue: Cue; distance: number } | undefined, own: { cue: Cue; distance: number } | undefined): boolean {
  return cue !== undefined && (!own || cue.distance < own.distance);
}

/**
 * Whether the words of a figure's clause (stemmed) fit a fact's role. Conflicts first: a fact's
 * exclude, a conflicting role's own word, or an addition word against a whole-of-something role;
 * then the fact's own cues and its role's words; then the metric's words, in the clause or, for
 * a verb that governs several objects ("got $30 billion from Nvidia and another $30 billion from
 * SoftBank"), earlier in the sentence (`lead`).
 */
export function roleFit(fact: RoleFacts, words: readonly string[], lead: readonly string[] = []): RoleFit {
  for (const ex of fact.excludes) if (contains(words, ex)) return { tier: 'conflict', cue: ex.join(' ') };
  const own = SPECIFIC[fact.role].nearest(words);
  for (const other of CONFLICTS[fact.role] ?? NO_ROLES) {
    // "worth" names a valuation and a deal's size alike ("a contract worth $12.9 billion"): only valuation's own words conflict.
    const cue = (other === 'valuation' ? VALUATION_WORDS : SPECIFIC[other]).nearest(words, 4);
    if (against(cue, own) && !fact.cues.some((c) => c.join(' ') === cue!.cue.words.join(' '))) return { tier: 'conflict', cue: cue!.cue.text };
  }
  // "a $30 billion round": a figure right before a round's own word is the round's size, not a part or a share of it.
  if (fact.role !== 'round' && fact.fact.metric !== 'valuation') {
    const cue = ROUND_NOUNS.rightAfter(words);
    if (cue) return { tier: 'conflict', cue: cue.text };
  }
  if (NOT_WITH_INCREMENT.has(fact.role)) {
    const cue = INCREMENT.find(words, 3);
    if (cue) return { tier: 'conflict', cue: cue.text };
  }
  // A stake's worth ("SoftBank values its OpenAI stake at $60 billion") is not what was paid for it.
  if (fact.fact.metric !== 'valuation') {
    const cue = stakeValue(words);
    if (cue) return { tier: 'conflict', cue };
  }
  // "a deal valued at $35.3 billion" values the purchase itself: its price, no company's valuation.
  if (fact.fact.metric !== 'valuation' && fact.role !== 'stake' && !(fact.role === 'price' && DEAL_VALUED.nearest(words, 5))) {
    // A valuation word right beside a money figure says it is a valuation, whatever else it is.
    const cue = VALUATION_WORDS.nearest(words, 3);
    if (against(cue, own)) return { tier: 'conflict', cue: cue!.cue.text };
  }
  // "Cisco bought Splunk and now has $28 billion in cash": the role and metric words before the
  // verb that holds the figure are another verb's; only words from that verb on speak for it.
  const held = ownVerbAt(words, HAVE_VERBS);
  if (own && own.at >= held) return { tier: 'specific', cue: own.cue.text };
  if (held >= 0) words = words.slice(held);
  if (fact.fact.metric === 'valuation' && priceAfterRaise(words, lead)) return { tier: 'generic', cue: 'raise at', isDefault: false };
  // A pack's own cue is as strong as the matcher knows the word to be: "valued" stays a metric word.
  let packGeneric: string | undefined;
  for (let i = 0; i < fact.cues.length; i++) {
    if (!contains(words, fact.cues[i]!) && !(PER_SHARE_CUES.has(fact.cues[i]!.join(' ')) && perNamedShare(words))) continue;
    if (!METRIC_WORDS.has(fact.cues[i]!.join(' '))) return { tier: 'specific', cue: fact.cueTexts[i]! };
    packGeneric ??= fact.cueTexts[i]!;
  }
  // "another $4 billion" is a later part: enough to confirm a remainder, never to contradict one.
  if (fact.role === 'remaining') {
    const added = INCREMENT.find(words, 3);
    if (added) return { tier: 'generic', cue: added.text, isDefault: false };
  }
  const generic = packGeneric ?? GENERIC[fact.fact.metric].find(words)?.text ?? ROLE_GENERIC[fact.role]?.find(words)?.text;
  // "worth" sizes a deal, but after a word of a stake it values the stake ("its stake, now worth
  // $60 billion"): then it may confirm, never contradict.
  const stakeWorth = generic === 'worth' && fact.role !== 'stake' && (SPECIFIC.stake.find(words) ?? SPECIFIC.stake.find(lead)) !== undefined;
  if (generic) return { tier: 'generic', cue: generic, isDefault: DEFAULT_ROLES.has(fact.role) && !stakeWorth };
  // A power figure is a capacity by its unit alone (only power figures reach capacity facts).
  if (fact.fact.metric === 'capacity') return { tier: 'generic', cue: 'gigawatts', isDefault: false };
  // Earlier in the sentence, a role or metric word is enough to confirm, never to contradict; not
  // when the figure's clause has a verb of its own ("Cisco bought Splunk; its cash pile is $28 billion").
  if (held >= 0 || ownVerbAt(words, STATE_VERBS) >= 0) return { tier: 'none' };
  const earlier = SPECIFIC[fact.role].find(lead) ?? GENERIC[fact.fact.metric].find(lead);
  if (earlier) return { tier: 'generic', cue: earlier.text, isDefault: false };
  return { tier: 'none' };
}

/** A pack's cues for a price per share, which "for each Horizon share" and "per Pioneer share" state too. */
const PER_SHARE_CUES = new Set(['per share', 'a share', 'each share']);

/** True if `words` say "per", "a" or "each" and then one word and "share" ("for each Horizon share"). */
function perNamedShare(words: readonly string[]): boolean {
  for (let i = 0; i + 2 < words.length; i++) {
    if ((words[i] === 'per' || words[i] === 'a' || words[i] === 'each') && words[i + 2] === 'share' && words[i + 1] !== GAP) return true;
  }
  return false;
}

/** Verbs of holding or earning money of one's own (spending is a deal's: "plans to spend $500 billion"): a figure after one is what someone has, not a deal's term. */
const HOLDING_VERBS = cues(
  'hold', 'holds', 'held', 'own', 'owns', 'owned', 'earn', 'earns', 'earned', 'report', 'reports', 'reported', 'post', 'posted',
  'generate', 'generates', 'generated', 'keep', 'keeps', 'kept', 'set aside', 'sets aside', 'borrow',
  'borrowed', 'borrows', 'save', 'saves', 'saved', 'lend', 'lent', 'lends',
);
/**
 * Verbs of having or being: the figure's own verb only where no other verb follows them ("has
 * $28 billion", "is $28 billion"; not "has grown from $38 billion", "is adding another $30 billion").
 */
const HAVE_VERBS = new Set(['has', 'have', 'had', 'having']);
const STATE_VERBS = new Set([...HAVE_VERBS, 'is', 'are', 'was', 'were', 'be', 'been', 'become', 'becomes', 'became', 'remain', 'remains', 'remained', 'reach', 'reached', 'reaches', 'make', 'makes', 'made']);
/** Words that may stand between such a verb and the figure it states. */
const STATE_FILLERS = new Set(['now', 'still', 'already', 'about', 'around', 'roughly', 'nearly', 'almost', 'some', 'over', 'more', 'than', 'just', 'only', 'a', 'an', 'the', 'it', 'its', 'their', 'cash', 'of', 'in']);

/**
 * Where in `words` a verb of the figure's own stands before it: the last holding verb, or a verb
 * of `states` with only fillers up to the figure; -1 if none.
 */
function ownVerbAt(words: readonly string[], states: ReadonlySet<string>): number {
  const gap = words.indexOf(GAP);
  let state = -1;
  for (let i = gap - 1; i >= 0 && state < 0; i--) {
    if (!states.has(words[i]!)) continue;
    let k = i + 1;
    while (k < gap && STATE_FILLERS.has(words[k]!)) k++;
    if (k === gap) state = i;
  }
  return Math.max(state, HOLDING_VERBS.lastBefore(words));
}

/**
 * "raised $40 billion at $300 billion", "the March raise at $300 billion": a figure right after
 * "at" in a sentence about a raise is the price the raise was made at, a valuation.
 */
function priceAfterRaise(words: readonly string[], lead: readonly string[]): boolean {
  const gap = words.indexOf(GAP);
  return gap > 0 && words[gap - 1] === 'at' && (SPECIFIC.round.find(words.slice(0, gap)) ?? SPECIFIC.round.find(lead)) !== undefined;
}

const VALUE_WORDS = new Set(['worth', 'value', 'valued', 'valuing']);
const STAKE_WORDS = new Set(['stake', 'holding', 'equity']);

/**
 * The value word when the figure's clause values a stake: "worth" or "values/valued" at most six
 * words before the figure, and a word of a stake in the clause ("values its stake at $60 billion",
 * "the stake is now worth $60 billion"; not "a $4 billion stake, now worth more").
 */
function stakeValue(words: readonly string[]): string | undefined {
  const gap = words.indexOf(GAP);
  // "equity value" is the price of all of a company's shares, a purchase's price: no stake.
  if (gap < 0 || !words.some((w, i) => STAKE_WORDS.has(w) && !(w === 'equity' && words[i + 1] === 'value'))) return undefined;
  for (let i = gap - 1; i >= 0 && i >= gap - 6; i--) if (VALUE_WORDS.has(words[i]!)) return words[i];
  return undefined;
}

/** Words that place a figure in an earlier deal than the one being reported. */
export const EARLIER = cues('previous', 'previously', 'earlier', 'prior', 'original', 'originally', 'former', 'first deal', 'last year', 'old');

/** The first of `list` found in `words`, as written. */
export function cueIn(words: readonly string[], list: Lexicon): string | undefined {
  return list.find(words)?.text;
}

/** Builds a cue list from phrases (for other evidence rules' lexicons). */
export { cues as cueList };
