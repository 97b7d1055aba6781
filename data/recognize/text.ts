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

/** True for a line feed or carriage return. */
export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Longest run of whitespace read as one gap inside a figure (HTML source indentation). */
const MAX_GAP = 48;

/**
 * End of the whitespace gap at `pos` between two words of one figure, or -1 when there is none.
 * A gap is one space, or (as HTML source wraps "$40" and "million" onto two lines, which the page
 * renders as one space) a run of spaces with a single line break in it. A blank line or a longer
 * run ends the figure. Reads at most MAX_GAP characters.
 */
export function gapEnd(text: string, pos: number): number {
  const limit = Math.min(text.length, pos + MAX_GAP);
  let p = pos;
  let breaks = 0;
  for (; p < limit; p++) {
    const d = text.charCodeAt(p);
    if (d === 10) breaks++;
    else if (d !== 13 && !isSpace(d)) break;
  }
  if (p === pos || p >= limit || breaks > 1) return -1;
  return breaks === 1 || p === pos + 1 ? p : -1;
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

/**
 * End of the run of letters at `pos`, or -1 when there is none or when it is longer than `max`
 * (no unit or number word is that long), so the cost is bounded by `max`. Allocates nothing:
 * look the word up with a {@link WordTable}.
 */
export function wordEnd(text: string, pos: number, max = 14): number {
  const limit = Math.min(text.length, pos + max + 1);
  let p = pos;
  while (p < limit && isLetter(text.charCodeAt(p))) p++;
  return p === pos || p - pos > max ? -1 : p;
}

/** Hash of text[start, end) with ASCII capitals folded to lowercase. */
function foldedHash(text: string, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  }
  return h;
}

interface TableEntry<V> {
  word: string;
  value: V;
  next: TableEntry<V> | undefined;
}

/**
 * A small dictionary of ASCII words looked up straight from a span of the text, with no substring
 * or lowercase copy: the span is hashed by char code, then compared character by character.
 * Case-insensitive unless `exactCase` (for abbreviations such as "MW" or "Rs").
 */
export class WordTable<V> {
  /** Open hash table indexed by `hash & mask` (a plain array: cheaper than a Map per lookup). */
  private readonly slots: (TableEntry<V> | undefined)[];
  private readonly mask: number;
  /** Bit n set when some word has length n: most spans are rejected before hashing. */
  private lengths = 0;
  /** 1 for each char code (below 128) that starts some word, in the cases the table accepts. */
  private readonly firsts = new Uint8Array(128);

  constructor(
    words: Record<string, V>,
    private readonly exactCase = false,
  ) {
    const entries = Object.entries(words);
    let size = 8;
    while (size < entries.length * 4) size *= 2;
    this.slots = new Array<TableEntry<V> | undefined>(size).fill(undefined);
    this.mask = size - 1;
    for (const [word, value] of entries) {
      const h = foldedHash(word, 0, word.length) & this.mask;
      this.lengths |= 1 << Math.min(word.length, 31);
      const f = word.charCodeAt(0);
      this.firsts[f] = 1;
      if (!exactCase) this.firsts[f ^ 32] = 1; // the other case of an ASCII letter
      this.slots[h] = { word: exactCase ? word : word.toLowerCase(), value, next: this.slots[h] };
    }
  }

  /** The value for the word text[start, end), or undefined. */
  get(text: string, start: number, end: number): V | undefined {
    const len = end - start;
    if (!(this.lengths & (1 << Math.min(len, 31))) || this.firsts[text.charCodeAt(start)] !== 1) return undefined;
    for (let e = this.slots[foldedHash(text, start, end) & this.mask]; e; e = e.next) {
      if (e.word.length !== len) continue;
      if (this.exactCase ? text.startsWith(e.word, start) : matchesLower(text, start, e.word)) return e.value;
    }
    return undefined;
  }

  /** True when text[start, end) is in the table. */
  has(text: string, start: number, end: number): boolean {
    return this.get(text, start, end) !== undefined;
  }
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
