/**
 * Numerals ("1,250.5", "15"), English number words ("fifty", "twenty-five", "half a", "a" before
 * a scale) and scale words ("billion", "bn", "B", "crore"). Values are kept as an integer mantissa
 * and a power of ten so that "48.2 million" resolves to exactly 48200000.
 *
 * The readers fill an {@link Amount} in place instead of returning objects: they run on every
 * candidate in a page, and most candidates (years, dates, model numbers) are thrown away.
 */
import { UNKNOWN, type NumberFormat } from './locale';
import { boundaryAfter, gapEnd, isDash, isDigit, isLetter, isSpace, matchesLower, skipSpaces, wordEnd, WordTable } from './text';

/**
 * A number with its optional scale word: value = mant × 10^(numExp + scaleExp).
 * `numExp` is the place value of the last written digit (-1 for "1.5"), so the sum is also the
 * precision the writer gave.
 */
export interface Amount {
  /** End of the numeral or number words (before any scale word). */
  numEnd: number;
  /** End of the whole amount, scale word included. */
  end: number;
  mant: number;
  numExp: number;
  /** Power of ten of the scale word; 0 when there is none (see `scaled`). */
  scaleExp: number;
  scaled: boolean;
  /** Plain integer with no separators, such as 2025 (years look like this). */
  plainInt: boolean;
  /** "half a": only valid before a scale word. */
  half: boolean;
  /** The article "a" standing for one ("a billion"): only valid before a scale word. */
  article: boolean;
  /** How the text writes numbers (the page's language); set once per recognize() call. */
  format: NumberFormat;
  /** The numeral's decimal mark could be a thousands mark ("100.000", see NumberFormat.threeDecimalsUnsure). */
  decimalUnsure: boolean;
}

/** A blank Amount to be filled by {@link readAmount}. */
export function newAmount(): Amount {
  return {
    end: 0, numEnd: 0, mant: 0, numExp: 0, scaleExp: 0,
    scaled: false, plainInt: false, half: false, article: false, format: UNKNOWN, decimalUnsure: false,
  };
}

/** Longest mantissa we accept; longer digit runs are identifiers, not figures. */
const MAX_DIGITS = 15;

/**
 * Reads a numeral or number words at `pos` plus an optional scale word into `out`.
 * Returns false when there is no usable number there; `out.numEnd` is still the end of the digit
 * run then, so the caller can resume past it.
 */
export function readAmount(text: string, pos: number, out: Amount): boolean {
  const c = text.charCodeAt(pos);
  out.half = false;
  out.article = false;
  if (isDigit(c)) {
    if (!parseNumeral(text, pos, out)) return false;
  } else if (!isLetter(c) || !parseNumberWords(text, pos, out)) {
    return false;
  }
  if (!parseScale(text, out.numEnd, out)) return false;
  // "100.000" alone could be a hundred or a hundred thousand; "1.125 billion" is English.
  if (out.decimalUnsure && !(out.format.decimal === 46 && out.scaled && out.end > out.numEnd + 1 && !isLetter(text.charCodeAt(out.numEnd)))) return false;
  // "a" stands for one only before a scale: "a penny" is nearly always an idiom ("not a penny more").
  return out.scaled || !(out.half || out.article);
}

/** True for the no-break, narrow no-break and thin spaces: a thousands mark in every language. */
function isFixedSpace(c: number): boolean {
  return c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** Whether `c` groups thousands in `f`. */
function isGroupMark(f: NumberFormat, c: number): boolean {
  return c === 44 ? f.comma : c === 46 ? f.dot : c === 39 || c === 0x2019 ? f.apos : c === 32 ? f.space : isFixedSpace(c);
}

/** True when text[p+1, p+4) are digits and text[p+4] is not: a group of exactly three. */
function groupOfThree(text: string, p: number): boolean {
  return isDigit(text.charCodeAt(p + 1)) && isDigit(text.charCodeAt(p + 2)) && isDigit(text.charCodeAt(p + 3)) && !isDigit(text.charCodeAt(p + 4));
}

/**
 * Parses a numeral at `pos` (a digit) as `out.format` writes numbers: digits with optional
 * thousands groups ("1,234,567", "1.234.567", "56 000") and an optional decimal part ("1.5",
 * "1,5"). Sets `numEnd` past the whole numeral even when it is rejected, for having too many
 * digits or for reading two ways ("1,3" where ',' is not a decimal mark, "56 000" where a space
 * does not group): then it returns false, and the caller resumes after it.
 */
function parseNumeral(text: string, pos: number, out: Amount): boolean {
  const n = text.length;
  const f = out.format;
  let p = pos;
  let mant = 0;
  let sig = 0; // significant digits read (leading zeros do not count)
  let c = 0;
  while (p < n && isDigit((c = text.charCodeAt(p)))) {
    if (sig > 0 || c !== 48) sig++;
    mant = mant * 10 + (c - 48);
    p++;
  }
  const lead = p - pos;
  let mark = -1;
  // Thousands groups only after a lead of 1-3 digits, only as exact 3-digit groups, one mark throughout.
  if (lead <= 3) {
    while (p + 3 < n && (mark === -1 ? isGroupMark(f, (c = text.charCodeAt(p))) && c !== f.decimal : text.charCodeAt(p) === mark) && groupOfThree(text, p)) {
      mark = text.charCodeAt(p);
      const group =
        (text.charCodeAt(p + 1) - 48) * 100 + (text.charCodeAt(p + 2) - 48) * 10 + (text.charCodeAt(p + 3) - 48);
      mant = mant * 1000 + group;
      if (sig > 0) sig += 3;
      else sig = group < 10 ? 1 : group < 100 ? 2 : 3; // as String(group).length
      p += 4;
    }
  }
  const grouped = mark !== -1;
  let decimals = 0;
  if (p + 1 < n && text.charCodeAt(p) === f.decimal && isDigit(text.charCodeAt(p + 1))) {
    p++;
    while (p < n && isDigit((c = text.charCodeAt(p)))) {
      if (sig > 0 || c !== 48) sig++;
      mant = mant * 10 + (c - 48);
      decimals++;
      p++;
    }
  }
  out.numEnd = p;
  out.mant = mant;
  out.numExp = -decimals;
  out.plainInt = !grouped && decimals === 0;
  // "100.000" where '.' may group thousands: 100 or 100,000 (a lead of 0 never groups).
  out.decimalUnsure = f.threeDecimalsUnsure && !grouped && decimals === 3 && lead <= 3 && mant >= 1000;
  // A mark between digits left unread ("1,3" in English, "1,00,000", "56 000" where spaces do
  // not group): the numeral reads two ways, so it gives no figure. Skip all of it.
  c = text.charCodeAt(p);
  const spaced = isSpace(c) && decimals === 0 && (grouped || lead <= 3) && groupOfThree(text, p);
  if (spaced || ((c === 44 || c === 46 || c === 39 || c === 0x2019) && isDigit(text.charCodeAt(p + 1)))) {
    let q = p;
    for (let k = 0; k < 32 && q < n && (isDigit(text.charCodeAt(q)) || (isGroupChar(text.charCodeAt(q)) && isDigit(text.charCodeAt(q + 1)))); k++) q++;
    out.numEnd = q;
    return false;
  }
  return sig <= MAX_DIGITS;
}

/** Any mark that some language puts between digits. */
function isGroupChar(c: number): boolean {
  return c === 44 || c === 46 || c === 39 || c === 0x2019 || isSpace(c);
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SMALL_TABLE = new WordTable(SMALL);
const TENS_TABLE = new WordTable(TENS);

/** Scale words that turn the article "a" into one ("a billion dollars"). */
const ARTICLE_SCALES = 'million|billion|trillion';

/**
 * Source of the number-word part of the scanner's anchor regex (case-insensitive, inside `\b…\b`).
 * The article "a" is a candidate only right before a scale word, so ordinary "a" costs
 * nothing.
 */
export const NUMBER_WORD_SOURCE = [
  ...Object.keys(SMALL),
  ...Object.keys(TENS),
  'half',
  `a(?=[ \\u00a0](?:${ARTICLE_SCALES})\\b)`,
].join('|');

/**
 * Parses English number words at `pos`: "seven", "twenty-five", "forty five", "one hundred",
 * "half a" and the article "a" (both must be followed by a scale word, checked by readAmount).
 * Returns false when the word at `pos` is not a number word.
 */
function parseNumberWords(text: string, pos: number, out: Amount): boolean {
  const we = wordEnd(text, pos, 9);
  if (we < 0 || !boundaryAfter(text, we)) return false;
  out.numExp = 0;
  out.plainInt = false;
  if (we - pos === 1) {
    // The anchor only stops at "a" before a scale word; the scale itself is read by the caller.
    if ((text.charCodeAt(pos) | 32) !== 97) return false;
    out.article = true;
    out.mant = 1;
    out.numEnd = we;
    return true;
  }
  if (we - pos === 4 && matchesLower(text, pos, 'half')) {
    // "half a billion": the "a" is part of the number phrase.
    const p = skipSpaces(text, we, 1);
    const ae = p > we ? wordEnd(text, p, 2) : -1;
    if (ae < 0 || !(matchesLower(text, p, 'a') && (ae - p === 1 || matchesLower(text, p, 'an')))) return false;
    out.half = true;
    out.mant = 5;
    out.numExp = -1;
    out.numEnd = ae;
    return true;
  }
  let value = TENS_TABLE.get(text, pos, we);
  let end = we;
  if (value !== undefined) {
    // "twenty-five" or "twenty five"
    const c = text.charCodeAt(end);
    if (end < text.length && (c === 45 || isSpace(c)) && isLetter(text.charCodeAt(end + 1))) {
      const ue = wordEnd(text, end + 1, 5);
      const unit = ue < 0 ? undefined : SMALL_TABLE.get(text, end + 1, ue);
      if (unit !== undefined && unit > 0 && unit < 10 && boundaryAfter(text, ue)) {
        value += unit;
        end = ue;
      }
    }
  } else {
    value = SMALL_TABLE.get(text, pos, we);
    if (value === undefined) return false;
  }
  // "one hundred", "two hundred fifty" is rare in news; only the multiplier is supported.
  const hp = skipSpaces(text, end, 1);
  if (hp > end && matchesLower(text, hp, 'hundred')) {
    const he = wordEnd(text, hp, 7);
    if (he === hp + 7 && boundaryAfter(text, he)) {
      value *= 100;
      end = he;
    }
  }
  out.mant = value;
  out.numEnd = end;
  return true;
}

/** Full scale words: may follow a space or a hyphen ("$1.25-billion"). */
const SCALE_WORDS = new WordTable<number>({
  thousand: 3, million: 6, billion: 9, trillion: 12, crore: 7, crores: 7, lakh: 5, lakhs: 5,
  bn: 9, bln: 9, mn: 6, mln: 6, tn: 12, trn: 12, trln: 12,
});
/** Scale words that mean 10^12 and more in long-scale languages (German "Billion", Polish "bln"). */
const LONG_SCALE = new WordTable<true>({ billion: true, trillion: true, bln: true, tn: true, trn: true, trln: true });
/**
 * Other languages' scale words (and plurals English never writes after a numeral): "$5 Milliarden"
 * is not $5, so a number before one of them gives no figure.
 */
const FOREIGN_SCALES = new WordTable<true>(
  Object.fromEntries(
    ('millions billions trillions milliard milliards milliarde milliarden mrd md mds mio mill millionen billionen ' +
      'mil millones millon millón billones millardo millardos milhão milhões milhao milhoes bilhão bilhões bilhao bilhoes ' +
      'milione milioni miliardo miliardi miljoen miljoenen miljard miljarden mld mln tys tysięcy miljon miljoner miljonit ' +
      'miljardi milijarda milijardi milyon milyar juta miliar ribu').split(' ').map((w) => [w, true as const]),
  ),
);
/** CJK scale characters glued after a numeral ("50万", "3亿"). */
const CJK_SCALES = new Set([0x4e07, 0x842c, 0x4ebf, 0x5104, 0x5146, 0x5343, 0x767e]);
/** Short scales only count glued to the digits ("$15B", "$1MM", "$94k"); case as written. */
const GLUED_SCALES = new WordTable<number>({ k: 3, K: 3, m: 6, M: 6, mm: 6, MM: 6, b: 9, B: 9 }, true);

/**
 * Reads a scale word right after a number ending at `pos` into `out` (`scaled`, `scaleExp`,
 * `end`); without one, `end` is `pos`. The word may follow a line break and indentation
 * ("$40\n      million", as HTML source wraps). Returns false when the word is a scale whose
 * value is unsure here (another language's, or "billion" in a long-scale one): no figure then.
 */
function parseScale(text: string, pos: number, out: Amount): boolean {
  out.scaled = false;
  out.scaleExp = 0;
  out.end = pos;
  if (pos >= text.length) return true;
  const c = text.charCodeAt(pos);
  if (CJK_SCALES.has(c)) return false;
  const glued = isLetter(c);
  let ws = pos;
  if (!glued) {
    if (isDash(c)) ws = pos + 1;
    else if ((ws = gapEnd(text, pos)) < 0) return true;
  }
  if (!isLetter(text.charCodeAt(ws))) return true;
  const first = text.charCodeAt(ws) | 32;
  const we = wordEnd(text, ws, 10);
  if (we < 0 || !boundaryAfter(text, we)) return true;
  let exp = glued ? GLUED_SCALES.get(text, ws, we) : undefined;
  // Every scale word starts with one of b, c, k, l, m, t (either case): skip the lookup for the rest.
  if (exp === undefined && (first === 98 || first === 99 || first === 107 || first === 108 || first === 109 || first === 116)) {
    exp = SCALE_WORDS.get(text, ws, we);
  }
  if (exp === undefined) return !FOREIGN_SCALES.has(text, ws, we);
  if (out.format.longScale && LONG_SCALE.has(text, ws, we)) return false;
  out.scaled = true;
  out.scaleExp = exp;
  out.end = we;
  return true;
}
