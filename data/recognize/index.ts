/**
 * Factmark's figure recognizer: finds money, power, duration and percent figures in plain text.
 *
 * One global regex jumps to candidate positions (a digit or an English number word); from each
 * candidate the parsers read forward (number, scale, unit, range) and look back a bounded
 * distance (currency prefix, qualifier). Every step reads O(1) characters beyond the numeral, and
 * the scan resumes after whatever it consumed, so the whole pass is linear in the text length.
 */
import type { Figure } from '../schema/figure';
import { currencyBefore, currencySymbolAfter, dollarIsAmbiguous, usSuffix, type CurrencyMark } from './currency';
import { bareDollar, numberFormat } from './locale';
import { NUMBER_WORD_SOURCE, newAmount, readAmount, type Amount } from './numbers';
import { qualifierAfter, qualifierBefore, wordBefore } from './qualifier';
import { centsAfter } from './subunit';
import { isDash, isDigit, isLetter, isSpace, matchesLower, scaled, skipSpaces, wordEnd } from './text';
import { unitAfter, type UnitHit } from './units';

export type { Figure } from '../schema/figure';

/**
 * Candidate positions: a digit or an English number word. Shared by all calls (recognize() is
 * synchronous and never re-entered, and resets lastIndex first), so it is compiled once.
 */
const ANCHOR = new RegExp(`[0-9]|\\b(?:${NUMBER_WORD_SOURCE})\\b`, 'gi');

/** Longest span we report (the schema caps `text` at 200 characters). */
const MAX_SPAN = 200;

/** Per-call state, including the scratch amounts reused by every candidate. */
interface Scan {
  text: string;
  /** End of the last figure: nothing may be read back past it. */
  floor: number;
  /** Where the scan continues after the candidate just tried. */
  resume: number;
  /** Lazily computed: does the text mention a non-US dollar country (or is the page from one)? */
  dollarAmbiguous: boolean | undefined;
  /** The page's language writes its own currency "$" (Spanish outside the dollar countries): a bare "$" gives no figure. */
  dollarLocal: boolean;
  /** The amount at the candidate, and the top of a range after it. */
  first: Amount;
  top: Amount;
}

/** Second half of a range ("-25 billion", " to $25 billion", " and 40%"), read into `s.top`. */
interface RangeTop {
  unit: UnitHit | null;
  end: number;
}

function readRangeTop(
  s: Scan,
  pos: number,
  prefix: CurrencyMark | null,
  unit: UnitHit | null,
  start: number,
): RangeTop | null {
  const { text, first, top } = s;
  let p = skipSpaces(text, pos, 2);
  if (p >= text.length) return null;
  if (isDash(text.charCodeAt(p))) {
    p++;
  } else {
    // Only "to" and "and" can follow; test the first letter before reading a word.
    const f = text.charCodeAt(p) | 32;
    if (p === pos || (f !== 116 && f !== 97)) return null;
    const we = wordEnd(text, p, 3);
    if (we < 0) return null;
    // "from $4 billion to $5 billion" is a change, not a range; "and" only joins "between" ranges.
    if (we - p === 2 && matchesLower(text, p, 'to')) {
      if (wordBefore(text, start, 'from')) return null;
    } else if (!(we - p === 3 && matchesLower(text, p, 'and')) || !wordBefore(text, start, 'between')) {
      return null;
    }
    if (skipSpaces(text, we, 1) === we) return null;
    p = we;
  }
  p = skipSpaces(text, p, 2);
  // The currency may be repeated: "$20 to $25 billion".
  if (prefix?.symbol && text.startsWith(prefix.symbol, p)) p = skipSpaces(text, p + prefix.symbol.length, 1);
  if (!readAmount(text, p, top)) return null;
  if (first.scaled && !top.scaled) return null;
  let topUnit: UnitHit | null = null;
  if (!prefix) {
    topUnit = unitAfter(text, top.end, top.scaled || first.scaled);
    if (!topUnit) return null;
    if (unit && (unit.kind !== topUnit.kind || unit.unit !== topUnit.unit || unit.shift !== topUnit.shift)) return null;
  }
  return { unit: topUnit, end: topUnit ? topUnit.end : top.end };
}

/** A plain integer that reads like a calendar year. */
function yearLike(a: Amount): boolean {
  return a.plainInt && !a.scaled && a.mant >= 1900 && a.mant <= 2100;
}

/**
 * Tries to build a figure from the candidate at `i`; sets `s.resume` to where the scan goes on.
 * Nothing is allocated until the candidate has an amount and a unit.
 */
function figureAt(s: Scan, i: number): Figure | null {
  const { text, first } = s;
  const c = text.charCodeAt(i);
  let prefix: CurrencyMark | null = null;
  if (isDigit(c) && i > 0) {
    const prev = text.charCodeAt(i - 1);
    const prev2 = i > 1 ? text.charCodeAt(i - 2) : 0;
    // "GPT-4", "COVID-19", "737-800": a digit hyphenated onto a name is part of that name.
    // "v1.2.3", "10.0.0.1": a digit after "digit." continues a version or address; after
    // "digit," it continues a numeral read no further ("1,3" where ',' is no decimal mark).
    if ((isDash(prev) && (isLetter(prev2) || isDigit(prev2))) || ((prev === 46 || prev === 44) && isDigit(prev2))) {
      s.resume = skipDigits(text, i);
      return null;
    }
    prefix = currencyBefore(text, i, s.floor);
    // "Trainium4", "H100": letters glued to the digits name a product, not an amount.
    if (!prefix && isLetter(prev)) {
      s.resume = skipDigits(text, i);
      return null;
    }
  }
  if (!readAmount(text, i, first)) {
    // A rejected numeral is skipped whole ("1,00,000", "100.000"), so no part of it is read again.
    s.resume = isDigit(c) ? Math.max(first.numEnd, i + 1) : i + 1;
    return null;
  }
  s.resume = first.numEnd;
  let unit: UnitHit | null = null;
  if (prefix) {
    // "$50元", "$50 €": two currencies for one amount; which one is meant is anyone's guess.
    const other = currencySymbolAfter(text, isSpace(text.charCodeAt(first.end)) ? first.end + 1 : first.end);
    if (other && other.iso !== prefix.iso) return null;
  } else {
    unit = unitAfter(text, first.end, first.scaled);
    // Years are not amounts: "2025 dollars" (inflation-adjusted) or "2025 years" are not figures.
    if (unit && yearLike(first) && unit.kind !== 'percent' && unit.kind !== 'power') unit = null;
    // "a billion-dollar deal" says "very large", not an amount.
    if (unit && first.article && isDash(text.charCodeAt(first.end))) unit = null;
  }
  const start = prefix ? prefix.pos : i;
  const range = readRangeTop(s, unit ? unit.end : first.end, prefix, unit, start);
  const { top } = s;
  let high: number | undefined;
  let end: number;
  // Sub-units ("50 cents", "sen 500") are reported in whole units: shift every exponent.
  const shift = prefix ? (prefix.shift ?? 0) : ((unit ?? range?.unit)?.shift ?? 0);
  const firstExp = first.numExp + first.scaleExp + shift;
  let exp = firstExp;
  let low: number;
  if (range) {
    // "$20-25 billion": the top's scale applies to the bottom too.
    const lowExp = first.scaled ? firstExp : first.numExp + top.scaleExp + shift;
    const topExp = top.numExp + top.scaleExp + shift;
    low = scaled(first.mant, lowExp);
    high = scaled(top.mant, topExp);
    if (!(high > low)) {
      high = undefined;
    } else {
      exp = Math.min(lowExp, topExp);
      unit = unit ?? range.unit;
    }
  }
  if (high === undefined) {
    low = scaled(first.mant, firstExp);
    end = unit ? unit.end : first.end;
  } else {
    end = range!.end;
  }
  let kind: Figure['kind'];
  let unitCode: string;
  let uncertain = false;
  let bareDollar = false;
  if (prefix) {
    kind = 'money';
    unitCode = prefix.iso;
    const us = prefix.iso === 'USD' ? usSuffix(text, end) : -1;
    if (us > 0) end = us;
    else bareDollar = !!prefix.bareDollar;
  } else if (unit) {
    kind = unit.kind;
    unitCode = unit.unit;
    uncertain = !!unit.uncertain;
    bareDollar = !!unit.bareDollar;
  } else {
    return null;
  }
  // A bare "$" reads as USD, but not for certain on a page that names another dollar country.
  if (bareDollar && s.dollarLocal) return null;
  if (bareDollar) uncertain ||= s.dollarAmbiguous ??= dollarIsAmbiguous(text);
  // "3 dollars 50 cents", "one dollar and one": a whole amount with its cents is one price.
  if (kind === 'money' && high === undefined && shift === 0 && !first.scaled && first.numExp === 0) {
    const centsEnd = centsAfter(text, end, unitCode, top);
    if (centsEnd > 0) {
      low = scaled(first.mant * 100 + top.mant, -2);
      exp = -2;
      end = centsEnd;
    }
  }
  // "a quarter of a billion dollars": "a billion" is the unit of a fraction read no further.
  if (first.article && wordBefore(text, start, 'of')) {
    s.resume = end;
    return null;
  }
  // "$1 billion-plus", "$1bn+": more than the amount, not the amount.
  const plus = plusAfter(text, end);
  if (plus > 0) end = plus;
  if (end - start > MAX_SPAN) return null;
  const q = plus > 0 ? 'more than' : qualifierOf(s, start, end, kind === 'duration', high !== undefined);
  const figure: Figure = {
    start,
    end,
    text: text.slice(start, end),
    kind,
    value: low!,
    unit: unitCode,
    precision: scaled(1, exp),
  };
  if (high !== undefined) figure.high = high;
  if (q) figure.qualifier = q;
  if (uncertain) figure.uncertain = true;
  s.resume = end;
  return figure;
}

/**
 * The figure's qualifier from the words around it: a bound written after it ("or more", "at
 * most") wins over any before it, and an estimate after it ("or so") counts when none is before.
 */
function qualifierOf(s: Scan, start: number, end: number, duration: boolean, range: boolean): string | undefined {
  const after = qualifierAfter(s.text, end);
  if (after && after !== 'about') return after;
  // "between $2 billion and $3 billion": "between" opens the range, it qualifies nothing.
  const before = range && wordBefore(s.text, start, 'between') ? undefined : qualifierBefore(s.text, start, s.floor, duration);
  return before ?? after;
}

/** The end of a "-plus" or "+" glued to the figure ending at `end`, or -1 ("+1" and "-plusses" are not). */
function plusAfter(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if (c === 43) return isDigit(text.charCodeAt(end + 1)) ? -1 : end + 1;
  if (!isDash(c) || !matchesLower(text, end + 1, 'plus')) return -1;
  return isLetter(text.charCodeAt(end + 5)) ? -1 : end + 5;
}

function skipDigits(text: string, i: number): number {
  let p = i;
  while (p < text.length && isDigit(text.charCodeAt(p))) p++;
  return p;
}

/** How to read the text. */
export interface RecognizeOptions {
  /**
   * The text's language as a BCP 47 tag (the page's `<html lang>`), which decides the decimal and
   * thousands marks ("1,3" is 1.3 in "es", "100.000" is 100,000 in "de"). Without it only what
   * every convention reads alike gives a figure.
   */
  locale?: string;
  /**
   * Set when the text is one window of a longer one (`recognizeInWindows`): whether the whole text
   * makes a bare "$" uncertain (see `dollarIsAmbiguous`), so a window reads it as the whole would.
   */
  dollarAmbiguous?: boolean;
}

/**
 * Finds the deal figures in `text`: money, power, durations and percentages.
 * Returns them sorted by `start`, non-overlapping, each with its raw `text` slice.
 * Pure and linear-time; safe to run on every page.
 */
export function recognize(text: string, options?: RecognizeOptions): Figure[] {
  const out: Figure[] = [];
  const dollar = bareDollar(options?.locale);
  const s: Scan = {
    text, floor: 0, resume: 0, dollarAmbiguous: dollar === 'unsure' ? true : options?.dollarAmbiguous, dollarLocal: dollar === 'local',
    first: newAmount(), top: newAmount(),
  };
  s.first.format = s.top.format = numberFormat(options?.locale);
  const anchor = ANCHOR;
  anchor.lastIndex = 0;
  // test() instead of exec(): no match array per candidate. A digit match is one character;
  // a number-word match ends at lastIndex and starts at the beginning of that word.
  while (anchor.test(text)) {
    const next = anchor.lastIndex;
    // \b knows only ASCII letters: "ten" in "Blüten" matches, so walk back to where the word
    // really starts (figureAt then finds no number word there).
    let i = next - 1;
    if (!isDigit(text.charCodeAt(i))) while (i > 0 && isLetter(text.charCodeAt(i - 1))) i--;
    const figure = figureAt(s, i);
    if (figure) {
      out.push(figure);
      s.floor = figure.end;
    }
    // Never search back before this match's end: after walking back, i + 1 could lie before it.
    anchor.lastIndex = Math.max(s.resume, i + 1, next);
  }
  return out;
}
