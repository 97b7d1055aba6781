/**
 * Numerals ("1,250.5", "15"), English number words ("fifty", "twenty-five", "half a") and
 * scale words ("billion", "bn", "B", "crore"). Values are kept as an integer mantissa and a
 * power of ten so that "48.2 million" resolves to exactly 48200000.
 */
import { boundaryAfter, isDash, isDigit, isLetter, isSpace, readWord, skipSpaces } from './text';

/** A number as written: value = mant × 10^exp; `exp` is also the place value of the last digit. */
export interface Num {
  start: number;
  end: number;
  mant: number;
  exp: number;
  /** True when written in words ("two", "half a"). */
  words: boolean;
  /** Plain integer with no separators, such as 2025 (years look like this). */
  plainInt: boolean;
}

/** Longest mantissa we accept; longer digit runs are identifiers, not figures. */
const MAX_DIGITS = 15;

/**
 * Parses a numeral at `pos` (which must be a digit): digits with optional thousands groups
 * ("1,234,567") and an optional decimal part. `end` always moves past the whole digit run so the
 * caller can resume there even when the numeral is rejected (`mant` is NaN then).
 */
export function parseNumeral(text: string, pos: number): Num {
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
      mant = mant * 1000 + Number(text.slice(p + 1, p + 4));
      if (sig > 0) sig += 3;
      else sig = String(Number(text.slice(p + 1, p + 4))).length;
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
  return {
    start: pos,
    end: p,
    mant: sig > MAX_DIGITS ? NaN : mant,
    exp: -decimals,
    words: false,
    plainInt: !grouped && decimals === 0,
  };
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Source of the number-word part of the scanner's anchor regex. */
export const NUMBER_WORD_SOURCE = [...Object.keys(SMALL), ...Object.keys(TENS), 'half'].join('|');

/**
 * Parses English number words at `pos`: "seven", "twenty-five", "forty five", "one hundred",
 * "half a" (which must be followed by a scale word, checked by the caller). Returns null when
 * the word at `pos` is not a number word.
 */
export function parseNumberWords(text: string, pos: number): (Num & { half: boolean }) | null {
  const w = readWord(text, pos, 9);
  if (!w || !boundaryAfter(text, w.end)) return null;
  if (w.word === 'half') {
    // "half a billion": the "a" is part of the number phrase.
    const p = skipSpaces(text, w.end, 1);
    const a = p > w.end ? readWord(text, p, 2) : null;
    if (!a || (a.word !== 'a' && a.word !== 'an')) return null;
    return { start: pos, end: a.end, mant: 5, exp: -1, words: true, plainInt: false, half: true };
  }
  let value: number;
  let end = w.end;
  if (w.word in TENS) {
    value = TENS[w.word];
    // "twenty-five" or "twenty five"
    const c = text.charCodeAt(end);
    if (end < text.length && (c === 45 || isSpace(c)) && isLetter(text.charCodeAt(end + 1))) {
      const u = readWord(text, end + 1, 5);
      if (u && u.word in SMALL && SMALL[u.word] > 0 && SMALL[u.word] < 10 && boundaryAfter(text, u.end)) {
        value += SMALL[u.word];
        end = u.end;
      }
    }
  } else if (w.word in SMALL) {
    value = SMALL[w.word];
  } else {
    return null;
  }
  // "one hundred", "two hundred fifty" is rare in news; only the multiplier is supported.
  const hp = skipSpaces(text, end, 1);
  if (hp > end && (text.charCodeAt(hp) | 32) === 104) {
    const h = readWord(text, hp, 7);
    if (h && h.word === 'hundred' && boundaryAfter(text, h.end)) {
      value *= 100;
      end = h.end;
    }
  }
  return { start: pos, end, mant: value, exp: 0, words: true, plainInt: false, half: false };
}

/** Full scale words: may follow a space or a hyphen ("$1.25-billion"). */
const SCALE_WORDS: Record<string, number> = {
  thousand: 3, million: 6, billion: 9, trillion: 12, crore: 7, crores: 7, lakh: 5, lakhs: 5,
  bn: 9, bln: 9, mn: 6, mln: 6, tn: 12, trn: 12, trln: 12,
};
/** Short scales only count glued to the digits ("$15B", "$1MM", "$94k"). */
const GLUED_SCALES: Record<string, number> = { k: 3, K: 3, m: 6, M: 6, mm: 6, MM: 6, b: 9, B: 9 };

/** A scale word found after a number. */
export interface Scale {
  exp: number;
  end: number;
}

/** Parses a scale word right after a number ending at `pos`, or returns null. */
export function parseScale(text: string, pos: number): Scale | null {
  if (pos >= text.length) return null;
  const c = text.charCodeAt(pos);
  // Every scale word starts with one of b, c, k, l, m, t (either case): skip the rest cheaply.
  const first = isLetter(c) ? c | 32 : text.charCodeAt(pos + 1) | 32;
  if (first !== 98 && first !== 99 && first !== 107 && first !== 108 && first !== 109 && first !== 116) return null;
  if (isLetter(c)) {
    const w = readWord(text, pos, 8);
    if (!w || !boundaryAfter(text, w.end)) return null;
    const g = GLUED_SCALES[w.raw];
    if (g !== undefined) return { exp: g, end: w.end };
    const s = SCALE_WORDS[w.word];
    return s !== undefined ? { exp: s, end: w.end } : null;
  }
  if (!isSpace(c) && !isDash(c)) return null;
  const w = readWord(text, pos + 1, 8);
  if (!w || !boundaryAfter(text, w.end)) return null;
  const s = SCALE_WORDS[w.word];
  return s !== undefined ? { exp: s, end: w.end } : null;
}

/** True when `c` can start a numeral or number word (used to test a range's second half). */
export function startsNumber(text: string, pos: number): boolean {
  if (pos >= text.length) return false;
  const c = text.charCodeAt(pos);
  return isDigit(c) || isLetter(c);
}
