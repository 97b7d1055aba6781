/** Words in front of a figure that qualify it ("up to $15 billion"); kept outside the span. */
import { isLetter, skipSpacesBack } from './text';

// Longest first so "just over" wins over "over".
const PHRASES = [
  'approximately', 'in excess of', 'upwards of', 'an estimated', 'as much as', 'as many as',
  'as little as', 'more than', 'less than', 'fewer than', 'at least', 'at most', 'close to',
  'just over', 'just under', 'nearly', 'roughly', 'almost', 'around', 'about', 'up to', 'over',
  'under', 'some', 'above', 'below',
].sort((a, b) => b.length - a.length);
const LONGEST = PHRASES[0].length;

/** Time prepositions that are not qualifiers in front of a duration ("over eight years"). */
const NOT_FOR_DURATION = new Set(['over', 'under', 'some']);

/** The lowercased qualifier right before `start`, if any. */
export function qualifierBefore(text: string, start: number, floor: number, duration: boolean): string | undefined {
  const end = skipSpacesBack(text, start, 2);
  if (end === start) return undefined;
  const from = Math.max(floor, end - LONGEST - 1);
  const tail = text.slice(from, end).toLowerCase();
  for (const ph of PHRASES) {
    if (!tail.endsWith(ph)) continue;
    const at = end - ph.length;
    if (at < floor || (at > 0 && isLetter(text.charCodeAt(at - 1)))) continue;
    if (duration && NOT_FOR_DURATION.has(ph)) return undefined;
    return ph;
  }
  return undefined;
}

/** True when the word right before `start` is `word` (lowercase), e.g. "between" or "from". */
export function wordBefore(text: string, start: number, word: string): boolean {
  const end = skipSpacesBack(text, start, 2);
  if (end === start || end < word.length) return false;
  if (text.slice(end - word.length, end).toLowerCase() !== word) return false;
  return end - word.length === 0 || !isLetter(text.charCodeAt(end - word.length - 1));
}
