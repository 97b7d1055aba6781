/** Words in front of a figure that qualify it ("up to $15 billion"); kept outside the span. */
import { isLetter, matchesLower, skipSpacesBack } from './text';

const PHRASES = [
  'approximately', 'in excess of', 'upwards of', 'an estimated', 'as much as', 'as many as',
  'as little as', 'more than', 'less than', 'fewer than', 'at least', 'at most', 'close to',
  'just over', 'just under', 'nearly', 'roughly', 'almost', 'around', 'about', 'up to', 'over',
  'under', 'some', 'above', 'below',
];

/** Longest last word of a phrase ("approximately"): a longer word before a figure is no qualifier. */
const MAX_LAST = 13;
/** Phrases indexed by (length of last word, its last letter), longest phrase first. */
const BY_LAST: (string[] | undefined)[] = new Array((MAX_LAST + 1) * 128).fill(undefined);
const key = (len: number, lastChar: number) => len * 128 + ((lastChar | 32) & 127);
for (const ph of [...PHRASES].sort((a, b) => b.length - a.length)) {
  const last = ph.slice(ph.lastIndexOf(' ') + 1);
  const k = key(last.length, last.charCodeAt(last.length - 1));
  (BY_LAST[k] ??= []).push(ph);
}

/** Time prepositions that are not qualifiers in front of a duration ("over eight years"). */
const NOT_FOR_DURATION = new Set(['over', 'under', 'some']);

/**
 * The lowercased qualifier right before `start`, if any, not reaching back before `floor`.
 * Measures the previous word and compares only the phrases whose last word could fit it,
 * character by character, so the common no-qualifier case allocates nothing.
 */
export function qualifierBefore(text: string, start: number, floor: number, duration: boolean): string | undefined {
  const end = skipSpacesBack(text, start, 2);
  if (end === start || end <= floor) return undefined;
  let j = end;
  while (j > floor && end - j <= MAX_LAST && isLetter(text.charCodeAt(j - 1))) j--;
  if (j === end || end - j > MAX_LAST) return undefined;
  const candidates = BY_LAST[key(end - j, text.charCodeAt(end - 1))];
  if (!candidates) return undefined;
  for (const ph of candidates) {
    const at = end - ph.length;
    if (at < floor || (at > 0 && isLetter(text.charCodeAt(at - 1)))) continue;
    if (!matchesLower(text, at, ph)) continue;
    if (duration && NOT_FOR_DURATION.has(ph)) return undefined;
    return ph;
  }
  return undefined;
}

/** True when the word right before `start` is `word` (lowercase), e.g. "between" or "from". */
export function wordBefore(text: string, start: number, word: string): boolean {
  const end = skipSpacesBack(text, start, 2);
  const at = end - word.length;
  if (end === start || at < 0 || !matchesLower(text, at, word)) return false;
  return at === 0 || !isLetter(text.charCodeAt(at - 1));
}

/**
 * Words right after a figure that make it a bound or an estimate ("$5 billion or more", "$60
 * billion at most", "$40 billion or so"), each with the leading qualifier that says the same.
 * Only one space may come between (after a comma, "at least" is another clause's).
 */
const AFTER: Record<string, string> = {
  'or more': 'at least', 'or longer': 'at least', 'or higher': 'at least', 'or greater': 'at least', 'or above': 'at least',
  'and up': 'at least', 'and above': 'at least', 'at least': 'at least', 'at a minimum': 'at least', minimum: 'at least',
  'or less': 'at most', 'or shorter': 'at most', 'or lower': 'at most', 'or fewer': 'at most', 'or under': 'at most', 'or below': 'at most',
  'at most': 'at most', 'at the most': 'at most', 'at a maximum': 'at most', 'at the outside': 'at most',
  maximum: 'at most', max: 'at most', tops: 'at most',
  'or so': 'about', 'or thereabouts': 'about', 'give or take': 'about',
};
const AFTER_PATTERN = new RegExp(` (${Object.keys(AFTER).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`, 'iuy');

/** The qualifier that the words right after `end` amount to, as a leading one ("at least" for "or more"), if any. */
export function qualifierAfter(text: string, end: number): string | undefined {
  // Most figures are followed by a word that opens none of the phrases: skip the regex then.
  const c = text.charCodeAt(end + 1) | 32;
  if (text.charCodeAt(end) !== 32 || (c !== 111 && c !== 97 && c !== 109 && c !== 116 && c !== 103)) return undefined;
  AFTER_PATTERN.lastIndex = end;
  const m = AFTER_PATTERN.exec(text);
  return m ? AFTER[m[1]!.toLowerCase()] : undefined;
}
