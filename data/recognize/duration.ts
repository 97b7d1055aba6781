/** Deal durations after an amount: "eight years", "seven-year", "10-year", "18 months". */
import { isDash, isSpace, matchesLower, wordEnd, WordTable } from './text';

const WORDS = new WordTable<'year' | 'month'>({ year: 'year', years: 'year', month: 'month', months: 'month' });

/**
 * The duration unit named by the word text[start, end) (the word after the amount), or undefined.
 * Ages and times past ("30-year-old", "two years ago", "54 years old") are not deal durations.
 */
export function durationUnit(text: string, start: number, end: number): 'year' | 'month' | undefined {
  const unit = WORDS.get(text, start, end);
  if (!unit) return undefined;
  const after = text.charCodeAt(end);
  if (isDash(after) || isSpace(after)) {
    const next = end + 1;
    if (wordEnd(text, next, 4) === next + 3 && (matchesLower(text, next, 'old') || matchesLower(text, next, 'ago'))) {
      return undefined;
    }
  }
  return unit;
}
