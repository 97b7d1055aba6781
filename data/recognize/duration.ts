/** Deal durations after an amount: "eight years", "seven-year", "10-year", "18 months". */
import { isDash, isSpace, matchesLower, wordEnd, WordTable } from './text';

const WORDS = new WordTable<'year' | 'month'>({ year: 'year', years: 'year', month: 'month', months: 'month' });

/**
 * Nouns after "N-year" that name a thing, not a term agreed in a deal: a bond's maturity ("the
 * 10-year Treasury note", "10-year yields"), a record ("a 10-year high"), a date.
 */
const NOT_A_TERM = new WordTable<true>(
  Object.fromEntries(
    ('treasury treasuries bond bonds note notes yield yields gilt gilts bund bunds high highs low lows ' +
      'anniversary veteran veterans career history average').split(' ').map((w) => [w, true as const]),
  ),
);

/**
 * The duration unit named by the word text[start, end) (the word after the amount), or undefined.
 * Ages and times past ("30-year-old", "forty-year-olds", "two years ago", "54 years old") are not
 * deal durations, nor is `hyphenated` "N-year" before an instrument or a record ("the 10-year
 * Treasury note", "a 52-year high"): an adjective naming something else. Before a name it still
 * counts ("the six-year AWS-OpenAI agreement").
 */
export function durationUnit(text: string, start: number, end: number, hyphenated = false): 'year' | 'month' | undefined {
  const unit = WORDS.get(text, start, end);
  if (!unit) return undefined;
  const after = text.charCodeAt(end);
  if (isDash(after) || isSpace(after)) {
    const next = end + 1;
    const we = wordEnd(text, next, 11);
    if ((we === next + 3 || (we === next + 4 && (text.charCodeAt(next + 3) | 32) === 115)) && matchesLower(text, next, 'old')) return undefined;
    if (we === next + 3 && matchesLower(text, next, 'ago')) return undefined;
    if (hyphenated && isSpace(after) && we > next && NOT_A_TERM.has(text, next, we)) return undefined;
  }
  return unit;
}
