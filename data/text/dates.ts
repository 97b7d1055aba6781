/**
 * Dates for the matcher: the article's publication date from what a page declares, and the
 * dates a sentence mentions ("in October 2024", "last year"). Pure; days are 'YYYY-MM-DD'.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** The first 'YYYY-MM-DD' that a date-time string starts with, when it is a real day. */
export function isoDay(value: string): string | undefined {
  const m = ISO_DAY.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** A date in a page address: /2025/03/31/ or /2025-03-31 (the year and month alone are not enough). */
export function dayInUrl(url: string): string | undefined {
  const m = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)/.exec(url);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * The publication day from a page's declared dates, in order of trust: the candidates as given
 * (metadata, JSON-LD, `<time datetime>`), then the address. Undefined when none is a date.
 */
export function publicationDay(declared: readonly string[], url: string): string | undefined {
  for (const value of declared) {
    const day = isoDay(value);
    if (day) return day;
  }
  return dayInUrl(url);
}

const days = new Map<string, number>();

/** Days since 1970-01-01 of a 'YYYY-MM-DD' day (remembered: the matcher asks for the same few days per fact and figure). */
export function dayNumber(day: string): number {
  let n = days.get(day);
  if (n === undefined) {
    n = Math.floor(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000);
    if (days.size < 50_000) days.set(day, n);
  }
  return n;
}

/** A period a sentence names: a year, or a month of a year (month 1-12). */
export interface DateMention {
  year: number;
  month?: number;
  /** Index of its first word among the words scanned. */
  at: number;
  /** The words as written, for the card ("November 2025", "last year"). */
  text: string;
}

/** Short month names: only before a day or a year ("Dec. 18", "Mar 2024") are they months; alone they are too often names ("Mars", "Jan Koum"). */
const SHORT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const SHORT = new Set(SHORT_MONTHS);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_OF = new Map<string, number>([
  ...MONTHS.map((m, i) => [m, i + 1] as [string, number]),
  ...SHORT_MONTHS.map(
    (m) => [m, ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(m === 'sept' ? 'sep' : m) + 1] as [string, number],
  ),
]);
/**
 * Words before a four-digit number that make it a year the sentence is set in ("in 2024", "the
 * 2024 round", "early 2025"); without one it may be anything ("Update 1964:"). Deadlines and
 * span ends ("by 2030", "since 2019") are left out on purpose.
 */
/** "this" as the tokenizer gives it (its plural-s rule stems it to "thi"). */
const THIS = 'thi';
const PERIOD_WORDS = new Set(['in', 'during', 'early', 'late', 'mid', 'of', 'the', 'its', 'their', 'a', 'an', 'throughout', 'around', 'circa', 'last', THIS]);

/** Words before a bare month that make it a deadline ("due by December"), not the period the figure is set in. */
const DEADLINE_WORDS = new Set(['by', 'until', 'till', 'before']);

/** The year a word is (1900-2099), by char codes: it is asked of every word of a page. */
function isYear(word: string): number | undefined {
  if (word.length !== 4) return undefined;
  const a = word.charCodeAt(0), b = word.charCodeAt(1);
  if (!((a === 49 && b === 57) || (a === 50 && b === 48)) || !isDigit(word.charCodeAt(2)) || !isDigit(word.charCodeAt(3))) return undefined;
  return Number(word);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The year of the last mention that names one, when it is in word `i`'s sentence: what "that year" and "the following March" refer to. */
function carriedYear(out: readonly DateMention[], guessed: ReadonlySet<DateMention> | undefined, i: number, sameSentence: (a: number, b: number) => boolean): number | undefined {
  const last = out[out.length - 1];
  return last && !guessed?.has(last) && sameSentence(last.at, i) ? last.year : undefined;
}

/** True if the date at word `at` (with a period word before it) opens its sentence. */
function opensItsSentence(words: readonly string[], at: number, sameSentence: (a: number, b: number) => boolean): boolean {
  const first = PERIOD_WORDS.has(words[at - 1] ?? '') ? at - 1 : at;
  return first === 0 || !sameSentence(first - 1, first);
}

const ALWAYS = (): boolean => true;

/**
 * The periods named in `words` (stemmed, lowercase, as `tokenize` gives them). Months without a
 * year take the year that opens their sentence (`sameSentence` of two word indexes; "In 2024 xAI
 * raised $6 billion in May"; "the following March" is the year after the one last named);
 * otherwise they, and relative dates ("last year", "this month"), are read against `published`,
 * and dropped when it is unknown. "That year" is the year last named. "May" counts only after
 * "in" ("in May"): alone it is too often the verb.
 */
export function dateMentions(
  words: readonly string[],
  published: string | undefined,
  sameSentence: (a: number, b: number) => boolean = ALWAYS,
): DateMention[] {
  const out: DateMention[] = [];
  const pubYear = published ? Number(published.slice(0, 4)) : undefined;
  const pubMonth = published ? Number(published.slice(5, 7)) : undefined;
  /** Months whose year was guessed from the publication day: they name no year to carry (made on first need: most texts have none). */
  let guessed: Set<DateMention> | undefined;
  /**
   * A year that opens its sentence ("In 2024 xAI raised ... in May and ... in December") sets the
   * year of the bare months after it; one inside the sentence ("committed in 2023 and finished
   * paying in March") says only when its own verb happened.
   */
  let scope: DateMention | undefined;
  // Helpers are module functions, not closures made per call: this runs per paragraph.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const month = MONTH_OF.get(w);
    if (month !== undefined && !(SHORT.has(w) && !/^\d{1,4}$/.test(words[i + 1] ?? ''))) {
      // "October 2024", "October 5, 2024"
      const next = isYear(words[i + 1] ?? '') ?? (/^\d{1,2}$/.test(words[i + 1] ?? '') ? isYear(words[i + 2] ?? '') : undefined);
      if (next !== undefined) {
        out.push({ year: next, month, at: i, text: `${MONTHS[month - 1]} ${next}` });
        if (opensItsSentence(words, i, sameSentence)) scope = out[out.length - 1];
        i += /^\d{1,2}$/.test(words[i + 1] ?? '') ? 2 : 1;
      } else if ((w !== 'may' || words[i - 1] === 'in') && !DEADLINE_WORDS.has(words[i - 1] ?? '')) {
        const prev = words[i - 1];
        const ofYear = words[i + 1] === 'of' && words[i + 3] === 'year' ? words[i + 2] : undefined;
        const year = prev === 'following' || prev === 'next' ? carriedYear(out, guessed, i, sameSentence) : scope && sameSentence(scope.at, i) ? scope.year : undefined;
        if (ofYear === THIS || ofYear === 'last') {
          // "in January of this year"
          if (pubYear !== undefined) out.push({ year: ofYear === THIS ? pubYear : pubYear - 1, month, at: i, text: `${MONTHS[month - 1]} of ${ofYear === THIS ? 'this' : 'last'} year` });
          i += 3;
        } else if (prev === 'following' || prev === 'next') {
          // "the following March": the year after the one just named.
          if (year !== undefined) out.push({ year: year + 1, month, at: i, text: `${MONTHS[month - 1]} ${year + 1}` });
        } else if (year !== undefined) out.push({ year, month, at: i, text: `${MONTHS[month - 1]} ${year}` });
        // A bare month is the latest such month not after publication.
        else if (pubYear !== undefined && pubMonth !== undefined) {
          const mention = { year: month > pubMonth ? pubYear - 1 : pubYear, month, at: i, text: MONTHS[month - 1]! };
          (guessed ??= new Set()).add(mention);
          out.push(mention);
        }
      }
      continue;
    }
    if ((w === 'that' || w === 'same') && words[i + 1] === 'year') {
      const year = carriedYear(out, guessed, i, sameSentence);
      if (year !== undefined) out.push({ year, at: i, text: 'that year' });
      continue;
    }
    const year = isYear(w);
    if (year !== undefined) {
      if (PERIOD_WORDS.has(words[i - 1] ?? '') || words[i + 1] === 's') {
        out.push({ year, at: i, text: w });
        if (opensItsSentence(words, i, sameSentence)) scope = out[out.length - 1];
      }
      continue;
    }
    if (pubYear === undefined || pubMonth === undefined) continue;
    const next = words[i + 1];
    if ((w === 'last' || w === 'past') && next === 'year') out.push({ year: pubYear - 1, at: i, text: 'last year' });
    else if (w === THIS && next === 'year') out.push({ year: pubYear, at: i, text: 'this year' });
    else if (w === 'last' && next === 'month') {
      out.push(pubMonth === 1 ? { year: pubYear - 1, month: 12, at: i, text: 'last month' } : { year: pubYear, month: pubMonth - 1, at: i, text: 'last month' });
    } else if (w === THIS && next === 'month') out.push({ year: pubYear, month: pubMonth, at: i, text: 'this month' });
    else if (w === 'year' && next === 'ago' && words[i - 1] === 'a') out.push({ year: pubYear - 1, at: i - 1, text: 'a year ago' });
  }
  return out;
}
