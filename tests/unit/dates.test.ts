import { describe, expect, it } from 'vitest';
import { dateMentions, dayInUrl, publicationDay } from '../../data/text/dates';
import { tokenize } from '../../data/match/text';

const mentions = (text: string, published?: string) => dateMentions(tokenize(text).words, published).map((m) => [m.year, m.month ?? null, m.text]);

describe('dates a sentence mentions', () => {
  it('reads years the sentence is set in, months with or without a year, and relative dates', () => {
    expect(mentions('In October 2024, OpenAI raised money')).toEqual([[2024, 10, 'october 2024']]);
    expect(mentions('the 2024 round and early 2025')).toEqual([[2024, null, '2024'], [2025, null, '2025']]);
    expect(mentions('signed in March', '2026-02-10')).toEqual([[2025, 3, 'march']]);
    expect(mentions('last year and last month', '2026-01-15')).toEqual([[2025, null, 'last year'], [2025, 12, 'last month']]);
    expect(mentions('this year and this month', '2026-01-15')).toEqual([[2026, null, 'this year'], [2026, 1, 'this month']]);
  });

  it('a four-digit number without a period word is not a year, nor is a deadline or a span start', () => {
    expect(mentions('Update 1964: OpenAI closed a round')).toEqual([]);
    expect(mentions('chips due by 2027, invested since 2019')).toEqual([]);
    expect(mentions('signed in May', undefined)).toEqual([]);
    expect(mentions('the rest is due by December', '2025-04-01')).toEqual([]);
  });

  it('a short month name is a month only before a day or a year', () => {
    expect(mentions('Microsoft agreed on Jan. 18, 2022 to buy Activision', '2022-02-01')).toEqual([[2022, 1, 'january 2022']]);
    expect(mentions('the deal closed on Dec. 14', '2023-12-20')).toEqual([[2023, 12, 'december']]);
    expect(mentions('Mars agreed to buy Kellanova', '2024-08-20')).toEqual([]);
    expect(mentions('Jan Koum sold WhatsApp', '2014-02-20')).toEqual([]);
  });

  it('a bare month takes the year that opens its sentence, not one said of an earlier step', () => {
    expect(mentions('it committed $4 billion in 2023 and finished paying in March', '2024-11-25')).toEqual([[2023, null, '2023'], [2024, 3, 'march']]);
  });

  it('a bare month or "that year" takes the year named before it in the sentence', () => {
    expect(mentions('In 2024 xAI raised $6 billion in May and more in December', '2026-01-10')).toEqual([[2024, null, '2024'], [2024, 5, 'may 2024'], [2024, 12, 'december 2024']]);
    expect(mentions('a deal in 2023 and a second one the following March')).toEqual([[2023, null, '2023'], [2024, 3, 'march 2024']]);
    expect(mentions('raised money in June 2024, and more earlier that year')).toEqual([[2024, 6, 'june 2024'], [2024, null, 'that year']]);
    expect(mentions('it invested in 2023, and in January of this year it added more', '2025-06-01')).toEqual([[2023, null, '2023'], [2025, 1, 'january of this year']]);
    // Not across sentences: the month is then read against the publication day.
    const words = ['in', '2023', 'signed', 'in', 'march'];
    expect(dateMentions(words, '2025-06-01', (a, b) => a >= 2 && b >= 2).map((m) => [m.year, m.month])).toEqual([[2023, undefined], [2025, 3]]);
  });
});

describe('publication day', () => {
  it('takes the first declared date-time, else a date in the address', () => {
    expect(publicationDay(['not a date', '2025-03-31T14:00:00Z'], 'https://x.example/a')).toBe('2025-03-31');
    expect(publicationDay([], 'https://x.example/2025/03/31/story')).toBe('2025-03-31');
    expect(dayInUrl('https://x.example/2025/03/story')).toBeUndefined();
  });
});
