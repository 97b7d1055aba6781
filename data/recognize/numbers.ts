/**
 * Numerals ("1,250.5", "15"), English number words ("fifty", "twenty-five", "half a", "a" before
 * a scale) and scale words ("billion", "bn", "B", "crore"). Values are kept as an integer mantissa
 * and a power of ten so that "48.2 million" resolves to exactly 48200000.
 *
 * The readers fill an {@link Amount} in place instead of returning objects: they run on every
 * candidate in a page, and most candidates (years, dates, model numbers) are thrown away.
 */
import { boundaryAfter, isDash, isDigit, isLetter, isSpace, matchesLower, skipSpaces, wordEnd, WordTable } from './text';

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
}

/** A blank Amount to be filled by {@link readAmount}. */
export function newAmount(): Amount {
  return {
    end: 0, numEnd: 0, mant: 0, numExp: 0, scaleExp: 0,
    scaled: false, plainInt: false, half: false, article: false,
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
  parseScale(text, out.numEnd, out);
  // "a" stands for one only before a scale: "a penny" is nearly always an idiom ("not a penny more").
  return out.scaled || !(out.half || out.article);
}

/**
 * Parses a numeral at `pos` (a digit): digits with optional thousands groups ("1,234,567") and an
 * optional decimal part. Sets `numEnd` past the whole digit run even when the numeral is rejected
 * for having too many digits (then it returns false).
 */
function parseNumeral(text: string, pos: number, out: Amount): boolean {
  const n = text.length;
  let p = pos;
  let mant = 0;
  let sig = 0; // significant digits read (leading zeros do not count)
  let c = 0;
  while (p < n && isDigit((c = text.charCodeAt(p)))) {
    if (sig > 0 || c !== 48) sig++;
    mant = mant * 10 + (c - 48);
    p++;
  }
  let grouped = false;
  // Thousands groups only after a lead of 1-3 digits, and only as exact 3-digit groups.
  if (p - pos <= 3) {
    while (
      p + 3 < n &&
      text.charCodeAt(p) === 44 &&
      isDigit(text.charCodeAt(p + 1)) &&
      isDigit(text.charCodeAt(p + 2)) &&
      isDigit(text.charCodeAt(p + 3)) &&
      !isDigit(text.charCodeAt(p + 4))
    ) {
      const group =
        (text.charCodeAt(p + 1) - 48) * 100 + (text.charCodeAt(p + 2) - 48) * 10 + (text.charCodeAt(p + 3) - 48);
      mant = mant * 1000 + group;
      if (sig > 0) sig += 3;
      else sig = group < 10 ? 1 : group < 100 ? 2 : 3; // as String(group).length
      p += 4;
      grouped = true;
    }
  }
  let decimals = 0;
  if (p + 1 < n && text.charCodeAt(p) === 46 && isDigit(text.charCodeAt(p + 1))) {
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
  return sig <= MAX_DIGITS;
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
/** Short scales only count glued to the digits ("$15B", "$1MM", "$94k"); case as written. */
const GLUED_SCALES = new WordTable<number>({ k: 3, K: 3, m: 6, M: 6, mm: 6, MM: 6, b: 9, B: 9 }, true);

/**
 * Reads a scale word right after a number ending at `pos` into `out` (`scaled`, `scaleExp`,
 * `end`); without one, `end` is `pos`.
 */
function parseScale(text: string, pos: number, out: Amount): void {
  out.scaled = false;
  out.scaleExp = 0;
  out.end = pos;
  if (pos >= text.length) return;
  const c = text.charCodeAt(pos);
  const glued = isLetter(c);
  // Every scale word starts with one of b, c, k, l, m, t (either case): skip the rest cheaply.
  const first = glued ? c | 32 : text.charCodeAt(pos + 1) | 32;
  if (first !== 98 && first !== 99 && first !== 107 && first !== 108 && first !== 109 && first !== 116) return;
  if (!glued && !isSpace(c) && !isDash(c)) return;
  const ws = glued ? pos : pos + 1;
  const we = wordEnd(text, ws, 8);
  if (we < 0 || !boundaryAfter(text, we)) return;
  let exp = glued ? GLUED_SCALES.get(text, ws, we) : undefined;
  if (exp === undefined) exp = SCALE_WORDS.get(text, ws, we);
  if (exp === undefined) return;
  out.scaled = true;
  out.scaleExp = exp;
  out.end = we;
}
