/** Deal durations after an amount: "eight years", "seven-year", "10-year", "18 months". */
import { isDash, isDigit, isSpace, readWord } from './text';

const WORDS: Record<string, 'year' | 'month'> = { year: 'year', years: 'year', month: 'month', months: 'month' };

/** A duration unit ending at `end`. */
export interface DurationUnit {
  unit: 'year' | 'month';
  end: number;
}

/**
 * Parses "year(s)"/"month(s)" at `pos`, after one space or a hyphen. Ages and times past
 * ("30-year-old", "two years ago", "5 years old") are not deal durations and are rejected.
 */
export function parseDuration(text: string, pos: number): DurationUnit | null {
  if (pos >= text.length) return null;
  const c = text.charCodeAt(pos);
  if (!isSpace(c) && !isDash(c)) return null;
  const w = readWord(text, pos + 1, 6);
  if (!w) return null;
  const unit = WORDS[w.word];
  if (!unit) return null;
  const after = text.charCodeAt(w.end);
  // readWord stops at the first non-letter; a digit glued on ("years2") is not a unit.
  if (isDigit(after)) return null;
  const next = isDash(after) || isSpace(after) ? readWord(text, w.end + 1, 4) : null;
  if (next && (next.word === 'old' || next.word === 'ago')) return null;
  return { unit, end: w.end };
}
