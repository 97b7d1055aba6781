/**
 * Word-level text handling shared by the matcher: tokens, their offsets, and phrase lookup.
 * Everything is linear in the text length.
 */

/** Tokens of a text with the UTF-16 offset where each starts. */
export interface Tokens {
  words: string[];
  starts: number[];
  /** Exclusive end offsets (the stemmed word may be shorter than the written one). */
  ends: number[];
}

/**
 * Folds a word for comparison: lowercase, and a plural "s" dropped ("gigawatts" -> "gigawatt").
 * Possessives need nothing here: "Amazon's" tokenizes as "amazon" + "s".
 */
export function stem(word: string): string {
  return dropPlural(word.toLowerCase());
}

/** The plural "s" of a lowercase word dropped (not from "ss", nor from words of three letters). */
function dropPlural(w: string): string {
  const n = w.length;
  return n > 3 && w.charCodeAt(n - 1) === 115 && w.charCodeAt(n - 2) !== 115 ? w.slice(0, -1) : w;
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

/** True for ASCII letters and digits. */
function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Splits text into stemmed words (letters and digits; punctuation and hyphens separate words).
 * A hand-rolled scan over char codes: this runs on every sentence and block of a page, so it
 * allocates nothing but the words themselves.
 */
export function tokenize(text: string, offset = 0): Tokens {
  const tokens: Tokens = { words: [], starts: [], ends: [] };
  scanWords(text, 0, text.length, tokens.words, tokens, offset);
  return tokens;
}

/** Tokens of `text.slice(from, to)` with offsets in `text` (as `tokenize(text.slice(from, to), from)`), without the slice. */
export function tokenizeRange(text: string, from: number, to: number): Tokens {
  const tokens: Tokens = { words: [], starts: [], ends: [] };
  scanWords(text, from, to, tokens.words, tokens, from);
  return tokens;
}

/**
 * Appends the stemmed words of `text` from `from` to `to` to `words`, as `tokenize` would split
 * `text.slice(from, to)`, without the slice or offsets (a figure's clause is read this way).
 */
export function pushWords(text: string, from: number, to: number, words: string[]): void {
  scanWords(text, from, to, words, undefined, 0);
}

function scanWords(text: string, from: number, to: number, words: string[], at: Pick<Tokens, 'starts' | 'ends'> | undefined, offset: number): void {
  let start = -1;
  // Whether the current word has a character toLowerCase may change (most words have none).
  let fold = false;
  for (let i = from; i <= to; i++) {
    const code = i < to ? text.charCodeAt(i) : 32;
    let word: boolean;
    let width = 1;
    if (code < 128) word = isAsciiWordChar(code);
    else {
      // Surrogate pairs (rare letters outside the BMP) are tested as one character.
      width = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
      word = NON_ASCII_WORD.test(text.slice(i, i + width));
    }
    if (word) {
      if (start < 0) start = i;
      if (code >= 128 || (code >= 65 && code <= 90)) fold = true;
      i += width - 1;
    } else if (start >= 0) {
      const raw = text.slice(start, i);
      words.push(dropPlural(fold ? raw.toLowerCase() : raw));
      if (at) {
        at.starts.push(offset + start - from);
        at.ends.push(offset + i - from);
      }
      start = -1;
      fold = false;
    }
  }
}

/**
 * True if `text` from `from` to `to` holds a capital letter. A company's name is written with one
 * ("Meta", "xAI", "META"), so all-lowercase words are not a name ("a meta-analysis", "at scale").
 */
export function hasCapital(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) return true;
    if (code >= 128) {
      const ch = text[i]!;
      if (ch !== ch.toLowerCase()) return true;
    }
  }
  return false;
}

/** A phrase as stemmed words: "pre-money" -> ["pre", "money"]. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).words;
}

/** True if `phrase` occurs as consecutive words of `words` starting at `i`. */
function occursAt(words: readonly string[], i: number, phrase: readonly string[]): boolean {
  if (i + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) return false;
  return true;
}

/**
 * Many phrases compiled for one pass over a text: phrases are bucketed by their first word,
 * so a scan costs one map lookup per word plus the few phrases starting with that word.
 */
export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, { words: string[]; key: string; payload: T }[]>();

  /** Adds a phrase; returns false (and adds nothing) if the phrase has no words. */
  add(phrase: string, payload: T): boolean {
    return this.addWords(phraseWords(phrase), payload);
  }

  /** Adds a phrase already split into stemmed words (as `phraseWords` gives them). */
  addWords(words: string[], payload: T): boolean {
    const first = words[0];
    if (first === undefined) return false;
    let list = this.byFirst.get(first);
    if (!list) this.byFirst.set(first, (list = []));
    list.push({ words, key: words.join(' '), payload });
    return true;
  }

  /**
   * Calls `found` for every occurrence: the payload, the normalised phrase, the index of its first
   * word and its length in words.
   */
  scan(words: readonly string[], found: (payload: T, phrase: string, at: number, length: number) => void): void {
    for (let i = 0; i < words.length; i++) {
      const list = this.byFirst.get(words[i]!);
      if (!list) continue;
      for (const entry of list) if (occursAt(words, i, entry.words)) found(entry.payload, entry.key, i, entry.words.length);
    }
  }
}
