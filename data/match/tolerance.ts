import type { Figure } from '../schema/figure';
import { stem, tokenize } from './text';

/**
 * What a qualifier makes of a figure (see value-fit.ts and claim.ts for what each allows).
 * approx: "about X"; nearly: "nearly X" (a little under X); bounds, never checked: above
 * ("more than X"), atLeast ("at least X"), upTo ("up to X"), below ("less than X").
 */
export type QualifierClass = 'approx' | 'nearly' | 'above' | 'atLeast' | 'upTo' | 'below';

const QUALIFIERS: [string, QualifierClass][] = [
  ['about', 'approx'], ['around', 'approx'], ['roughly', 'approx'], ['approximately', 'approx'],
  ['approx', 'approx'], ['some', 'approx'], ['circa', 'approx'], ['estimated', 'approx'],
  ['close to', 'approx'], ['in the region of', 'approx'], ['on the order of', 'approx'], ['~', 'approx'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['just under', 'nearly'], ['just shy of', 'nearly'],
  ['more than', 'above'], ['over', 'above'], ['above', 'above'], ['exceeding', 'above'],
  ['in excess of', 'above'], ['upwards of', 'above'], ['north of', 'above'], ['greater than', 'above'],
  ['just over', 'above'],
  ['at least', 'atLeast'], ['no less than', 'atLeast'], ['a minimum of', 'atLeast'],
  ['up to', 'upTo'], ['as much as', 'upTo'], ['as many as', 'upTo'], ['at most', 'upTo'],
  ['no more than', 'upTo'], ['a maximum of', 'upTo'],
  ['less than', 'below'], ['under', 'below'], ['below', 'below'], ['fewer than', 'below'],
];
// Longest phrases first, so "just over" wins over "over".
const BY_WORDS = QUALIFIERS.map(([phrase, cls]) => ({ words: phrase === '~' ? ['~'] : tokenize(phrase).words, cls }))
  .sort((a, b) => b.words.length - a.words.length);

const TIME_WORDS = new Set(['over', 'under', 'above', 'below']);
/** "over eight years" and "under a ten-year deal" say when, not how much. */
const DURATION_QUALIFIERS = BY_WORDS.filter((q) => !TIME_WORDS.has(q.words.join(' ')));

function endsWith(words: readonly string[], tail: readonly string[]): boolean {
  if (tail.length > words.length) return false;
  const off = words.length - tail.length;
  return tail.every((w, i) => words[off + i] === w);
}

/**
 * The qualifier of a figure: the recognizer's `qualifier` if set, else words that open the
 * figure's own text, else the words right before it (`before` is the sentence up to the figure).
 */
export function qualifierOf(figure: Figure, before: string): QualifierClass | undefined {
  const phrases = figure.kind === 'duration' ? DURATION_QUALIFIERS : BY_WORDS;
  const own = openingQualifier(figure.qualifier ?? '', phrases) ?? openingQualifier(beforeDigit(figure.text), phrases);
  if (own) return own;
  if (before.includes('~') && /~\s*$/.test(before)) return 'approx';
  // Most figures follow a word no qualifier ends with ("an initial $15 billion"): skip tokenizing then.
  const last = lastWord(before);
  if (last !== undefined && !LAST_WORDS.has(last)) return undefined;
  const tail = tokenize(before.slice(-40)).words;
  for (const q of phrases) if (q.words.length && endsWith(tail, q.words)) return q.cls;
  return undefined;
}

const LETTER_OR_TILDE = /[~\p{L}]/u;

/** `LETTER_OR_TILDE.test(text)`, by char codes while the text is ASCII (the regular expression allocated per call). */
function hasLetterOrTilde(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return LETTER_OR_TILDE.test(text.slice(i));
    if (c === 126 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

/** The qualifier `text` is or opens with ("about" of "about $5 billion"), if any. */
function openingQualifier(text: string, phrases: typeof BY_WORDS): QualifierClass | undefined {
  if (!text || !hasLetterOrTilde(text)) return undefined; // most figures open with a digit or a currency sign
  if (text.includes('~')) return 'approx';
  const words = tokenize(text).words;
  // A qualifier written alone or opening the figure's text ("about $5 billion").
  for (const q of phrases) if (q.words.length && q.words.every((w, i) => words[i] === w)) return q.cls;
  return undefined;
}

/** The figure's text up to its first digit ("about " of "about $5 billion"), by char codes: it runs per figure. */
function beforeDigit(text: string): string {
  let i = 0;
  while (i < text.length && !isDigit(text.charCodeAt(i))) i++;
  return i === 0 ? '' : text.slice(0, i);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The last word of every qualifier phrase. */
const LAST_WORDS = new Set(BY_WORDS.map((q) => q.words[q.words.length - 1]));

/**
 * The last word of `text` as `tokenize` would stem it, when it is plain ASCII; undefined when it
 * is not (the caller then tokenizes).
 */
function lastWord(text: string): string | undefined {
  let end = text.length;
  while (end > 0 && isSpaceOrPunct(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isAsciiAlnum(text.charCodeAt(start - 1))) start--;
  if (start === end || (start > 0 && text.charCodeAt(start - 1) >= 128)) return undefined;
  return stem(text.slice(start, end));
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** ASCII characters that are not word characters. */
function isSpaceOrPunct(c: number): boolean {
  return c < 128 && !isAsciiAlnum(c);
}

const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9,
  bln: 1e9, trillion: 1e12, tn: 1e12, t: 1e12, trn: 1e12,
};

/** Rounds a positive ratio to the nearest power of ten (1e9 for 50e9 / 50). */
function powerOfTen(x: number): number {
  return 10 ** Math.round(Math.log10(x));
}

/**
 * Place value of the last digit the writer gave, in the figure's unit: `figure.precision` when the
 * recognizer set it, else read from the raw text ("$1.5 billion" -> 1e8, "$50bn" -> 1e9,
 * "two gigawatts" -> 1).
 */
export function precisionOf(figure: Figure): number {
  if (figure.precision !== undefined) return figure.precision;
  const numbers = [...figure.text.matchAll(/(\d[\d,]*)(?:\.(\d+))?/g)];
  const last = numbers[numbers.length - 1];
  const top = figure.high ?? figure.value;
  if (last) {
    const decimals = last[2]?.length ?? 0;
    const written = Number(last[1]!.replace(/,/g, '') + (last[2] ? `.${last[2]}` : ''));
    const scale = written !== 0 && top !== 0 ? powerOfTen(Math.abs(top / written)) : 1;
    return scale * 10 ** -decimals;
  }
  // Numbers in words: the scale word, if any, is the precision ("fifty billion" -> 1e9).
  for (const word of tokenize(figure.text).words) {
    const scale = SCALE_WORDS[word];
    if (scale && Math.abs(top) >= scale) return scale;
  }
  return 1;
}
