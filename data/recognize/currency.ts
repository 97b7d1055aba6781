/**
 * Currency tables and the two ways a currency is written next to an amount:
 * before it ("$", "US$", "C $", "USD", "RM", "Rs.") and after it ("euros", "Swiss francs",
 * "USD", "€", "元"). Tables are small on purpose: this runs in a content script.
 */
import { boundaryAfter, boundaryBefore, isDigit, isLetter, isSpace, readWord, skipSpaces, type Word } from './text';

/** A resolved currency and where its written form starts or ends. */
export interface CurrencyMark {
  /** Offset where the currency text starts (prefix) or ends (suffix). */
  pos: number;
  iso: string;
  /** The writer's `$` with no country: read as USD, see `bareDollar`. */
  bareDollar?: boolean;
  /** Resolution is a guess (e.g. "francs", "pounds" with no scale). */
  uncertain?: boolean;
  /** Raw symbol text, so "$20 to $25 billion" can repeat it. */
  symbol?: string;
}

/** Single-character currency symbols. */
const SYMBOLS: Record<string, string> = {
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY',
  '₦': 'NGN', '₱': 'PHP', '₫': 'VND', '₪': 'ILS', '฿': 'THB', '₡': 'CRC', '₾': 'GEL', '₭': 'LAK',
  '元': 'CNY', '円': 'JPY',
};

/** Letters written before "$" (dots removed, lowercased). */
const DOLLAR_PREFIX: Record<string, string> = {
  us: 'USD', c: 'CAD', ca: 'CAD', can: 'CAD', a: 'AUD', au: 'AUD', hk: 'HKD', nz: 'NZD', s: 'SGD',
  sg: 'SGD', r: 'BRL', mx: 'MXN', nt: 'TWD',
};

/** ISO codes recognised before or after an amount (case-insensitive after, upper-case before). */
const CODES = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'INR', 'CAD', 'AUD', 'HKD', 'CHF', 'MYR', 'SGD', 'KRW',
  'NZD', 'BRL', 'ZAR', 'SEK', 'NOK', 'DKK', 'AED', 'MXN', 'TWD', 'IDR', 'THB', 'RUB',
]);
/** Non-ISO abbreviations used as prefixes in news ("RM2.2 trillion", "Rs 500 crore"). */
const LOCAL_PREFIX: Record<string, string> = { RM: 'MYR', Rs: 'INR', RS: 'INR', Rp: 'IDR', RMB: 'CNY' };

/** Currency names after an amount; `weak` names need a scale word or a country to count. */
const NAMES: Record<string, { iso: string; weak?: boolean; uncertain?: boolean }> = {
  dollar: { iso: 'USD' }, dollars: { iso: 'USD' }, euro: { iso: 'EUR' }, euros: { iso: 'EUR' },
  pound: { iso: 'GBP', weak: true }, pounds: { iso: 'GBP', weak: true }, sterling: { iso: 'GBP' },
  yen: { iso: 'JPY' }, yuan: { iso: 'CNY' }, renminbi: { iso: 'CNY' }, rmb: { iso: 'CNY' },
  rupee: { iso: 'INR' }, rupees: { iso: 'INR' }, ringgit: { iso: 'MYR' },
  won: { iso: 'KRW', weak: true }, franc: { iso: 'CHF', uncertain: true },
  francs: { iso: 'CHF', uncertain: true }, peso: { iso: 'MXN', uncertain: true },
  pesos: { iso: 'MXN', uncertain: true }, reais: { iso: 'BRL' }, rand: { iso: 'ZAR', weak: true },
  riyal: { iso: 'SAR' }, riyals: { iso: 'SAR' }, dirham: { iso: 'AED' }, dirhams: { iso: 'AED' },
  lira: { iso: 'TRY' }, rupiah: { iso: 'IDR' }, baht: { iso: 'THB' }, naira: { iso: 'NGN' },
  kronor: { iso: 'SEK' }, krona: { iso: 'SEK' }, kroner: { iso: 'NOK', uncertain: true },
  ruble: { iso: 'RUB' }, rubles: { iso: 'RUB' }, rouble: { iso: 'RUB' }, roubles: { iso: 'RUB' },
  shekel: { iso: 'ILS' }, shekels: { iso: 'ILS' },
};

/** Country adjectives that pin a dollar/pound/franc/peso/rupee/won to one currency. */
const COUNTRY: Record<string, string> = {
  us: 'USD', american: 'USD', canadian: 'CAD', australian: 'AUD', singapore: 'SGD',
  taiwan: 'TWD', taiwanese: 'TWD', swiss: 'CHF', chinese: 'CNY', japanese: 'JPY', indian: 'INR',
  malaysian: 'MYR', korean: 'KRW', mexican: 'MXN', brazilian: 'BRL', british: 'GBP',
  pakistani: 'PKR', philippine: 'PHP', egyptian: 'EGP', swedish: 'SEK', norwegian: 'NOK',
  danish: 'DKK', saudi: 'SAR', turkish: 'TRY', russian: 'RUB',
};
/** Two-word countries: first word → second word → ISO. */
const COUNTRY2: Record<string, Record<string, string>> = {
  hong: { kong: 'HKD' }, new: { zealand: 'NZD', taiwan: 'TWD' }, south: { korean: 'KRW', african: 'ZAR' },
  sri: { lankan: 'LKR' },
};

/**
 * Finds a currency written before the numeral that starts at `numStart`, not reaching back
 * before `floor` (the end of the previous figure). Looks back a bounded number of characters.
 */
export function currencyBefore(text: string, numStart: number, floor: number): CurrencyMark | null {
  // Allow one space between the currency and the digits ("$ 75 million", "USD 200").
  let k = numStart;
  if (k - 1 >= floor && isSpace(text.charCodeAt(k - 1))) k--;
  if (k - 1 < floor) return null;
  const ch = text[k - 1];
  const sym = SYMBOLS[ch];
  if (sym) {
    const symStart = k - 1;
    if (ch !== '$') return { pos: symStart, iso: sym, symbol: ch };
    const pre = dollarPrefix(text, symStart, floor, k < numStart);
    if (pre) return { pos: pre.start, iso: pre.iso, symbol: text.slice(pre.start, numStart).trimEnd() };
    return { pos: symStart, iso: 'USD', bareDollar: true, symbol: '$' };
  }
  if (!isLetter(text.charCodeAt(k - 1))) {
    // "Rs. 500": a dot after the abbreviation.
    if (text.charCodeAt(k - 1) === 46 && k - 3 >= floor && text.slice(k - 3, k - 1) === 'Rs' && boundaryBefore(text, k - 3)) {
      return { pos: k - 3, iso: 'INR' };
    }
    return null;
  }
  // Letters just before: a code such as "USD" or "RM".
  let j = k;
  while (j > floor && k - j < 4 && isLetter(text.charCodeAt(j - 1))) j--;
  if (!boundaryBefore(text, j)) return null;
  const raw = text.slice(j, k);
  if (CODES.has(raw)) return { pos: j, iso: raw };
  const local = LOCAL_PREFIX[raw];
  return local ? { pos: j, iso: local } : null;
}

/**
 * Reads the letters before a "$" at `symStart` ("US$", "HK$", "C $", "u.s $").
 * `spacedAfter` tells whether the "$" is followed by a space: lowercase spaced prefixes such as
 * "us $ 150" only appear in tokenized text; in prose "gave us $5" is the pronoun.
 */
function dollarPrefix(
  text: string,
  symStart: number,
  floor: number,
  spacedAfter: boolean,
): { start: number; iso: string } | null {
  let k = symStart;
  const spaced = k - 1 >= floor && isSpace(text.charCodeAt(k - 1));
  if (spaced) k--;
  let j = k;
  while (j > floor && k - j < 4 && (isLetter(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === 46)) j--;
  if (j === k || !boundaryBefore(text, j)) return null;
  const raw = text.slice(j, k);
  const key = (raw.indexOf('.') >= 0 ? raw.split('.').join('') : raw).toLowerCase();
  const iso = DOLLAR_PREFIX[key];
  if (!iso) return null;
  if (spaced) {
    const upper = raw === raw.toUpperCase();
    // A spaced single letter is only "C $" (Canadian); a spaced lowercase prefix needs tokenized text.
    if (key.length === 1 && key !== 'c') return null;
    if (!upper && !spacedAfter) return null;
  } else if (key.length === 1 && raw !== raw.toUpperCase()) {
    // "a$5" is not Australian; glued single-letter prefixes must be capitals ("A$", "C$").
    return null;
  }
  return { start: j, iso };
}

/**
 * A currency symbol written after an amount ("10 €", "100元"), at `p`; not when it is glued to a
 * following number ("1 $10" is "$10").
 */
export function currencySymbolAfter(text: string, p: number): CurrencyMark | null {
  const sym = SYMBOLS[text[p]];
  if (sym) {
    if (isDigit(text.charCodeAt(p + 1))) return null;
    return { pos: p + 1, iso: sym, bareDollar: text[p] === '$' };
  }
  if (text.startsWith('ரூ', p)) return { pos: p + 2, iso: 'LKR' };
  return null;
}

/**
 * A currency named by the word `w` after an amount ("euros", "USD", "Swiss francs",
 * "Hong Kong dollars"). `scaled` tells whether a scale word was written, which weak names
 * ("won", "rand") need; "pounds" without one may be weight and is marked uncertain.
 */
export function currencyWord(text: string, w: Word, scaled: boolean): CurrencyMark | null {
  const up = w.raw.length === 3 ? w.raw.toUpperCase() : '';
  if (up && (CODES.has(up) || up === 'RMB')) return { pos: w.end, iso: up === 'RMB' ? 'CNY' : up };
  const name = NAMES[w.word];
  if (name) {
    if (name.weak && !scaled) return name.iso === 'GBP' ? { pos: w.end, iso: 'GBP', uncertain: true } : null;
    return { pos: w.end, iso: name.iso, uncertain: name.uncertain };
  }
  // Country adjective, then the currency name: "Australian dollars", "Hong Kong dollars".
  let iso: string | undefined = COUNTRY[w.word];
  let q = w.end;
  if (!iso && COUNTRY2[w.word]) {
    const w2 = text.charCodeAt(q) === 32 ? readWord(text, q + 1, 8) : null;
    iso = w2 ? COUNTRY2[w.word][w2.word] : undefined;
    if (w2) q = w2.end;
  }
  if (!iso || text.charCodeAt(q) !== 32) return null;
  const base = readWord(text, q + 1, 8);
  if (!base || !boundaryAfter(text, base.end) || !NAMES[base.word]) return null;
  return { pos: base.end, iso };
}

/**
 * "$32 billion US": a trailing country code confirms the dollar. Returns the end of " US"/" USD"
 * when present and not the start of a name ("US Steel").
 */
export function usSuffix(text: string, pos: number): number {
  const p = skipSpaces(text, pos, 1);
  if (p === pos) return -1;
  let end = -1;
  if (text.startsWith('USD', p)) end = p + 3;
  else if (text.startsWith('US', p)) end = p + 2;
  if (end < 0 || !boundaryAfter(text, end)) return -1;
  // "US Steel", "US Treasury": a capitalised word right after means "US" starts a name.
  const q = skipSpaces(text, end, 1);
  const c = text.charCodeAt(q);
  if (q > end && c >= 65 && c <= 90) return -1;
  if (text.charCodeAt(end) === 36) return -1;
  return end;
}

/** Places whose currency is also written "$": a bare "$" in text naming them is marked uncertain. */
const DOLLAR_PLACES = /Canad|Australi|Hong Kong|Singapor|New Zealand|Taiwan|Mexic|Brazil/;
/** The same for lower-cased text. Two case-sensitive scans beat one case-insensitive scan. */
const DOLLAR_PLACES_LOWER = /canad|australi|hong kong|singapor|new zealand|taiwan|mexic|brazil/;

/**
 * True when the text mentions a place where "$" may not mean US dollars. Normally cased text
 * capitalises place names, so the (slower) lower-case scan only runs on text whose opening has
 * no capital letter at all, such as lower-cased corpora.
 */
export function dollarIsAmbiguous(text: string): boolean {
  if (DOLLAR_PLACES.test(text)) return true;
  return !/[A-Z]/.test(text.slice(0, 2000)) && DOLLAR_PLACES_LOWER.test(text);
}
