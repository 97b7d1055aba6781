/** Deal durations after an amount: "eight years", "seven-year", "10-year", "18 months". */
import { isDash, isSpace, readWord, type Word } from './text';

const WORDS: Record<string, 'year' | 'month'> = { year: 'year', years: 'year', month: 'month', months: 'month' };

/**
 * The duration unit named by `w` (the word after the amount), or undefined. Ages and times past
 * ("30-year-old", "two years ago", "54 years old") are not deal durations and are rejected.
 */
export function durationUnit(text: string, w: Word): 'year' | 'month' | undefined {
  const unit = WORDS[w.word];
  if (!unit) return undefined;
  const after = text.charCodeAt(w.end);
  if (isDash(after) || isSpace(after)) {
    const next = readWord(text, w.end + 1, 4);
    if (next && (next.word === 'old' || next.word === 'ago')) return undefined;
  }
  return unit;
}
