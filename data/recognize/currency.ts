/**
 * Currency tables and the two ways a currency is written next to an amount:
 * before it ("$", "US$", "C $", "USD", "RM", "Rs.", "sen") and after it ("euros", "Swiss francs",
 * "USD", "€", "元"). Tables are small on purpose: this runs in a content script.
 */
import { SUBUNIT_SHIFT } from './subunit';
import { boundaryAfter, boundaryBefore, isDigit, isLetter, isSpace, skipSpaces, wordEnd, WordTable } from './text';

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
  /** Power of ten from the written sub-unit to the whole unit ("sen 500" is 5 MYR). */
  shift?: number;
}

/** Single-character currency symbols. */
const SYMBOLS: Record<string, string> = {
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY',
  '₦': 'NGN', '₱': 'PHP', '₫': 'VND', '₪': 'ILS', '฿': 'THB', '₡': 'CRC', '₾': 'GEL', '₭': 'LAK',
  '元': 'CNY', '円': 'JPY',
};
/** SYMBOLS keyed by char code (every symbol is one UTF-16 unit), so lookups need no substring. */
const SYMBOL_BY_CODE = new Map<number, { iso: string; symbol: string }>(
  Object.entries(SYMBOLS).map(([symbol, iso]) => [symbol.charCodeAt(0), { iso, symbol }]),
);
const DOLLAR = SYMBOL_BY_CODE.get(36)!;

/** The currency symbol at `p`, if any. "$" is the only ASCII one: other ASCII skips the Map. */
function symbolAt(text: string, p: number): { iso: string; symbol: string } | undefined {
  const c = text.charCodeAt(p);
  return c === 36 ? DOLLAR : c < 128 ? undefined : SYMBOL_BY_CODE.get(c);
}

/** Letters written before "$" (dots removed, any case). */
const DOLLAR_PREFIX = new WordTable<string>({
  us: 'USD', c: 'CAD', ca: 'CAD', can: 'CAD', a: 'AUD', au: 'AUD', hk: 'HKD', nz: 'NZD', s: 'SGD',
  sg: 'SGD', r: 'BRL', mx: 'MXN', mex: 'MXN', nt: 'TWD',
});

/** ISO codes recognised before or after an amount (case-insensitive after, upper-case before). */
const CODE_LIST = [
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'INR', 'CAD', 'AUD', 'HKD', 'CHF', 'MYR', 'SGD', 'KRW',
  'NZD', 'BRL', 'ZAR', 'SEK', 'NOK', 'DKK', 'AED', 'MXN', 'TWD', 'IDR', 'THB', 'RUB',
];
/** Codes written before an amount, upper-case only, plus non-ISO abbreviations used in news. */
const PREFIX_CODES = new WordTable<string>(
  { ...Object.fromEntries(CODE_LIST.map((c) => [c, c])), RM: 'MYR', Rs: 'INR', RS: 'INR', Rp: 'IDR', RMB: 'CNY' },
  true,
);
/** Codes written after an amount, in any case ("RMB" is China's usual abbreviation). */
const SUFFIX_CODES = new WordTable<string>({ ...Object.fromEntries(CODE_LIST.map((c) => [c, c])), RMB: 'CNY' });

/**
 * Currency names after an amount; `weak` names need a scale word or a country to count ("90
 * pounds" is a weight, "99 Francs" a film: a bare "francs" names no one country's, so it needs one).
 */
const NAMES = new WordTable<{ iso: string; weak?: boolean; uncertain?: boolean; country?: boolean }>({
  dollar: { iso: 'USD' }, dollars: { iso: 'USD' }, euro: { iso: 'EUR' }, euros: { iso: 'EUR' },
  pound: { iso: 'GBP', weak: true }, pounds: { iso: 'GBP', weak: true }, sterling: { iso: 'GBP' },
  yen: { iso: 'JPY' }, yuan: { iso: 'CNY' }, renminbi: { iso: 'CNY' }, rmb: { iso: 'CNY' },
  rupee: { iso: 'INR' }, rupees: { iso: 'INR' }, ringgit: { iso: 'MYR' },
  won: { iso: 'KRW', weak: true }, franc: { iso: 'CHF', country: true },
  francs: { iso: 'CHF', country: true }, peso: { iso: 'MXN', uncertain: true },
  pesos: { iso: 'MXN', uncertain: true }, reais: { iso: 'BRL' }, rand: { iso: 'ZAR', weak: true },
  riyal: { iso: 'SAR' }, riyals: { iso: 'SAR' }, dirham: { iso: 'AED' }, dirhams: { iso: 'AED' },
  lira: { iso: 'TRY' }, rupiah: { iso: 'IDR' }, baht: { iso: 'THB' }, naira: { iso: 'NGN' },
  kronor: { iso: 'SEK' }, krona: { iso: 'SEK' }, kroner: { iso: 'NOK', uncertain: true },
  ruble: { iso: 'RUB' }, rubles: { iso: 'RUB' }, rouble: { iso: 'RUB' }, roubles: { iso: 'RUB' },
  shekel: { iso: 'ILS' }, shekels: { iso: 'ILS' },
});

/** Country adjectives that pin a dollar/pound/franc/peso/rupee/won to one currency. */
const COUNTRY = new WordTable<string>({
  us: 'USD', american: 'USD', canadian: 'CAD', australian: 'AUD', singapore: 'SGD',
  taiwan: 'TWD', taiwanese: 'TWD', swiss: 'CHF', chinese: 'CNY', japanese: 'JPY', indian: 'INR',
  malaysian: 'MYR', korean: 'KRW', mexican: 'MXN', brazilian: 'BRL', british: 'GBP',
  pakistani: 'PKR', philippine: 'PHP', egyptian: 'EGP', swedish: 'SEK', norwegian: 'NOK',
  danish: 'DKK', saudi: 'SAR', turkish: 'TRY', russian: 'RUB',
});
/** Two-word countries: first word → second word → ISO. */
const COUNTRY2 = new WordTable<WordTable<string>>({
  hong: new WordTable({ kong: 'HKD' }),
  new: new WordTable({ zealand: 'NZD', taiwan: 'TWD' }),
  south: new WordTable({ korean: 'KRW', african: 'ZAR' }),
  sri: new WordTable({ lankan: 'LKR' }),
});

/**
 * Finds a currency written before the numeral that starts at `numStart`, not reaching back
 * before `floor` (the end of the previous figure). Looks back a bounded number of characters.
 */
export function currencyBefore(text: string, numStart: number, floor: number): CurrencyMark | null {
  // Allow one space between the currency and the digits ("$ 75 million", "USD 200").
  let k = numStart;
  if (k - 1 >= floor && isSpace(text.charCodeAt(k - 1))) k--;
  if (k - 1 < floor) return null;
  const sym = symbolAt(text, k - 1);
  if (sym) {
    const symStart = k - 1;
    if (sym.symbol !== '$') return { pos: symStart, iso: sym.iso, symbol: sym.symbol };
    const pre = dollarPrefix(text, symStart, floor, k < numStart);
    if (pre) return { pos: pre.start, iso: pre.iso, symbol: text.slice(pre.start, numStart).trimEnd() };
    // Letters glued to the "$" that name no dollar we know ("RD$", "J$"): someone's dollar, not
    // surely the US one, so no figure.
    if (symStart > floor && isLetter(text.charCodeAt(symStart - 1))) return null;
    return { pos: symStart, iso: 'USD', bareDollar: true, symbol: '$' };
  }
  if (!isLetter(text.charCodeAt(k - 1))) {
    // "Rs. 500": a dot after the abbreviation.
    if (text.charCodeAt(k - 1) === 46 && k - 3 >= floor && text.startsWith('Rs', k - 3) && boundaryBefore(text, k - 3)) {
      return { pos: k - 3, iso: 'INR' };
    }
    return null;
  }
  // Letters just before: a code such as "USD" or "RM".
  let j = k;
  while (j > floor && k - j < 4 && isLetter(text.charCodeAt(j - 1))) j--;
  if (!boundaryBefore(text, j)) return null;
  const iso = PREFIX_CODES.get(text, j, k);
  if (iso) return { pos: j, iso };
  // "sen 100,000": Malaysian sen, lowercase and spaced ("Sen." is a senator).
  if (k < numStart && k - j === 3 && text.startsWith('sen', j)) return { pos: j, iso: 'MYR', shift: SUBUNIT_SHIFT };
  return null;
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
  // Usually a plain word such as "buy" before "$5": look it up in place; dotted "U.S." is rare.
  let iso: string | undefined;
  let letters = k - j;
  if (!hasDot(text, j, k)) {
    iso = DOLLAR_PREFIX.get(text, j, k);
  } else {
    const key = text.slice(j, k).split('.').join('');
    letters = key.length;
    iso = DOLLAR_PREFIX.get(key, 0, key.length);
  }
  if (!iso) return null;
  const upper = !hasLowercase(text, j, k);
  if (spaced) {
    // A spaced single letter is only "C $" (Canadian); a spaced lowercase prefix needs tokenized text.
    if (letters === 1 && iso !== 'CAD') return null;
    if (!upper && !spacedAfter) return null;
  } else if (letters === 1 && !upper) {
    // "a$5" is not Australian; glued single-letter prefixes must be capitals ("A$", "C$").
    return null;
  }
  return { start: j, iso };
}

/** True when text[start, end) holds a dot. */
function hasDot(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 46) return true;
  return false;
}

/** True when text[start, end) holds a lowercase ASCII letter. */
function hasLowercase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/**
 * A currency symbol written after an amount ("10 €", "100元"), at `p`; not when it is glued to a
 * following number ("1 $10" is "$10").
 */
export function currencySymbolAfter(text: string, p: number): CurrencyMark | null {
  const sym = symbolAt(text, p);
  if (sym) {
    if (isDigit(text.charCodeAt(p + 1))) return null;
    return { pos: p + 1, iso: sym.iso, bareDollar: sym.symbol === '$' };
  }
  if (text.startsWith('ரூ', p)) return { pos: p + 2, iso: 'LKR' };
  return null;
}

/**
 * A currency named by the word text[start, end) after an amount ("euros", "USD", "Swiss francs",
 * "Hong Kong dollars"). `scaled` tells whether a scale word was written, which weak names
 * ("won", "rand") need; "pounds" without one may be weight and is marked uncertain.
 */
export function currencyWord(text: string, start: number, end: number, scaled: boolean): CurrencyMark | null {
  const code = end - start === 3 ? SUFFIX_CODES.get(text, start, end) : undefined;
  if (code) return { pos: end, iso: code };
  const name = NAMES.get(text, start, end);
  if (name) {
    if (name.iso === 'GBP') {
      // "800 pounds sterling" is money; "800 pounds" alone is as likely a weight.
      const se = sterlingAfter(text, end);
      if (se > 0) return { pos: se, iso: 'GBP' };
    }
    if (name.country || (name.weak && !scaled)) return null;
    return { pos: end, iso: name.iso, uncertain: name.uncertain };
  }
  // Country adjective, then the currency name: "Australian dollars", "Hong Kong dollars".
  let iso = COUNTRY.get(text, start, end);
  let q = end;
  const second = iso ? undefined : COUNTRY2.get(text, start, end);
  if (second) {
    const e2 = text.charCodeAt(q) === 32 ? wordEnd(text, q + 1, 8) : -1;
    if (e2 >= 0) {
      iso = second.get(text, q + 1, e2);
      q = e2;
    }
  }
  if (!iso || text.charCodeAt(q) !== 32) return null;
  const baseEnd = wordEnd(text, q + 1, 8);
  if (baseEnd < 0 || !boundaryAfter(text, baseEnd) || !NAMES.has(text, q + 1, baseEnd)) return null;
  return { pos: baseEnd, iso };
}

/** The end of " sterling" right after `pos`, or -1. */
function sterlingAfter(text: string, pos: number): number {
  if (!isSpace(text.charCodeAt(pos))) return -1;
  const we = wordEnd(text, pos + 1, 8);
  return we === pos + 9 && boundaryAfter(text, we) && text.slice(pos + 1, we).toLowerCase() === 'sterling' ? we : -1;
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
  return dollarPlaceIn(text, !/[A-Z]/.test(text.slice(0, 2000)));
}

/**
 * `dollarIsAmbiguous` for a text read in overlapping pieces: whether `piece` names such a place,
 * where `lowerCased` says whether the whole text's opening has no capital letter.
 */
export function dollarPlaceIn(piece: string, lowerCased: boolean): boolean {
  return DOLLAR_PLACES.test(piece) || (lowerCased && DOLLAR_PLACES_LOWER.test(piece));
}
