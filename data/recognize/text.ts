/**
 * Small character helpers shared by the recognizer's parsers.
 * Every helper reads a bounded number of characters, so callers stay linear.
 */

/** True for an ASCII or Latin-1/Latin Extended letter (enough for English news text). */
export function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

/** True for '0'..'9'. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True for a space, tab or no-break space (not newlines: figures do not span lines). */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** True for '-', en dash or em dash. */
export function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}

/** Index after at most `max` spaces starting at `pos`. */
export function skipSpaces(text: string, pos: number, max = 2): number {
  let p = pos;
  while (p < text.length && p - pos < max && isSpace(text.charCodeAt(p))) p++;
  return p;
}

/** Index before at most `max` spaces ending at `pos` (exclusive). */
export function skipSpacesBack(text: string, pos: number, max = 2): number {
  let p = pos;
  while (p > 0 && pos - p < max && isSpace(text.charCodeAt(p - 1))) p--;
  return p;
}

/** A word of letters read forward: `word` is lowercased, `raw` as written, `end` exclusive. */
export interface Word {
  word: string;
  raw: string;
  end: number;
}

/**
 * Reads the run of letters at `pos`. Returns null when there is none or when it is longer
 * than `max` (no unit or number word is that long), so the cost is bounded by `max`.
 */
export function readWord(text: string, pos: number, max = 14): Word | null {
  let p = pos;
  const limit = Math.min(text.length, pos + max + 1);
  let upper = false;
  for (; p < limit; p++) {
    const c = text.charCodeAt(p);
    if (!isLetter(c)) break;
    if (c <= 90) upper = true;
  }
  if (p === pos || p - pos > max) return null;
  const raw = text.slice(pos, p);
  // Most words are already lowercase: skip the second string then.
  return { word: upper ? raw.toLowerCase() : raw, raw, end: p };
}

/** True when no letter or digit touches `pos` from the right (a word boundary after a token). */
export function boundaryAfter(text: string, pos: number): boolean {
  if (pos >= text.length) return true;
  const c = text.charCodeAt(pos);
  return !isLetter(c) && !isDigit(c);
}

/** True when no letter or digit touches `pos` from the left. */
export function boundaryBefore(text: string, pos: number): boolean {
  if (pos <= 0) return true;
  const c = text.charCodeAt(pos - 1);
  return !isLetter(c) && !isDigit(c);
}

/** mant × 10^exp computed so that 48.2 million is exactly 48200000 (no 48.2 * 1e6 drift). */
export function scaled(mant: number, exp: number): number {
  return exp >= 0 ? mant * pow10(exp) : mant / pow10(-exp);
}

const POW10: number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** 10^e for a non-negative integer e, from a table for the common range. */
function pow10(e: number): number {
  return e < POW10.length ? POW10[e] : 10 ** e;
}

/** True when `text` at `at` spells `lower` (a lowercase ASCII phrase), ignoring case; no allocation. */
export function matchesLower(text: string, at: number, lower: string): boolean {
  if (at < 0 || at + lower.length > text.length) return false;
  for (let k = 0; k < lower.length; k++) {
    const c = text.charCodeAt(at + k);
    const want = lower.charCodeAt(k);
    if (c !== want && !(c >= 65 && c <= 90 && c + 32 === want)) return false;
  }
  return true;
}
