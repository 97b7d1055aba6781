/**
 * Factmark's figure recognizer: finds money, power, duration and percent figures in plain text.
 *
 * One global regex jumps to candidate positions (a digit or an English number word); from each
 * candidate the parsers read forward (number, scale, unit, range) and look back a bounded
 * distance (currency prefix, qualifier). Every step reads O(1) characters beyond the numeral, and
 * the scan resumes after whatever it consumed, so the whole pass is linear in the text length.
 */
import type { Figure } from '../schema/figure';
import { currencyBefore, dollarIsAmbiguous, usSuffix, type CurrencyMark } from './currency';
import { NUMBER_WORD_SOURCE, parseNumberWords, parseNumeral, parseScale, type Num, type Scale } from './numbers';
import { qualifierBefore, wordBefore } from './qualifier';
import { isDash, isDigit, isLetter, readWord, scaled, skipSpaces } from './text';
import { unitAfter, type UnitHit } from './units';

export type { Figure } from '../schema/figure';

const ANCHOR = new RegExp(`[0-9]|\\b(?:${NUMBER_WORD_SOURCE})\\b`, 'gi');

/** Longest span we report (the schema caps `text` at 200 characters). */
const MAX_SPAN = 200;

/** Per-call state. */
interface Scan {
  text: string;
  /** End of the last figure: nothing may be read back past it. */
  floor: number;
  /** Lazily computed: does the text mention a non-US dollar country? */
  dollarAmbiguous?: boolean;
}

/** A number with its optional scale word. */
interface Amount {
  num: Num;
  scale: Scale | null;
  end: number;
  /** Power of ten of the last written digit, scale included. */
  exp: number;
}

/** Reads a numeral or number words at `pos` plus an optional scale word. */
function readAmount(text: string, pos: number): Amount | null {
  const c = text.charCodeAt(pos);
  const num = isDigit(c) ? parseNumeral(text, pos) : isLetter(c) ? parseNumberWords(text, pos) : null;
  if (!num || Number.isNaN(num.mant)) return null;
  const scale = parseScale(text, num.end);
  if ('half' in num && num.half && !scale) return null;
  return { num, scale, end: scale ? scale.end : num.end, exp: num.exp + (scale ? scale.exp : 0) };
}

/** Second half of a range ("-25 billion", " to $25 billion", " and 40%"). */
interface RangeTop {
  amount: Amount;
  unit: UnitHit | null;
  end: number;
}

function readRangeTop(
  s: Scan,
  pos: number,
  first: Amount,
  prefix: CurrencyMark | null,
  unit: UnitHit | null,
  start: number,
): RangeTop | null {
  const { text } = s;
  let p = skipSpaces(text, pos, 2);
  if (p >= text.length) return null;
  if (isDash(text.charCodeAt(p))) {
    p++;
  } else {
    // Only "to" and "and" can follow; test the first letter before reading a word.
    const f = text.charCodeAt(p) | 32;
    if (p === pos || (f !== 116 && f !== 97)) return null;
    const w = readWord(text, p, 3);
    if (!w) return null;
    // "from $4 billion to $5 billion" is a change, not a range; "and" only joins "between" ranges.
    if (w.word === 'to') {
      if (wordBefore(text, start, 'from')) return null;
    } else if (w.word !== 'and' || !wordBefore(text, start, 'between')) {
      return null;
    }
    p = w.end;
    if (skipSpaces(text, p, 1) === p) return null;
  }
  p = skipSpaces(text, p, 2);
  // The currency may be repeated: "$20 to $25 billion".
  if (prefix?.symbol && text.startsWith(prefix.symbol, p)) p = skipSpaces(text, p + prefix.symbol.length, 1);
  const top = readAmount(text, p);
  if (!top) return null;
  if (first.scale && !top.scale) return null;
  let topUnit: UnitHit | null = null;
  if (!prefix) {
    topUnit = unitAfter(text, top.end, !!(top.scale || first.scale));
    if (!topUnit) return null;
    if (unit && (unit.kind !== topUnit.kind || unit.unit !== topUnit.unit)) return null;
  }
  return { amount: top, unit: topUnit, end: topUnit ? topUnit.end : top.end };
}

/** A plain integer that reads like a calendar year. */
function yearLike(a: Amount): boolean {
  return a.num.plainInt && !a.scale && a.num.mant >= 1900 && a.num.mant <= 2100;
}

/** Tries to build a figure from the candidate at `i`. Returns the figure (or null) and where to resume. */
function figureAt(s: Scan, i: number): { figure: Figure | null; resume: number } {
  const { text } = s;
  const c = text.charCodeAt(i);
  let prefix: CurrencyMark | null = null;
  if (isDigit(c) && i > 0) {
    const prev = text.charCodeAt(i - 1);
    const prev2 = i > 1 ? text.charCodeAt(i - 2) : 0;
    // "GPT-4", "COVID-19", "737-800": a digit hyphenated onto a name is part of that name.
    // "v1.2.3", "10.0.0.1": a digit after "digit." continues a version or address.
    if ((isDash(prev) && (isLetter(prev2) || isDigit(prev2))) || (prev === 46 && isDigit(prev2))) {
      return { figure: null, resume: skipDigits(text, i) };
    }
    prefix = currencyBefore(text, i, s.floor);
    // "Trainium4", "H100": letters glued to the digits name a product, not an amount.
    if (!prefix && isLetter(prev)) return { figure: null, resume: skipDigits(text, i) };
  }
  const first = readAmount(text, i);
  if (!first) {
    return { figure: null, resume: isDigit(c) ? skipDigits(text, i) : i + 1 };
  }
  const resumeMiss = first.num.end;
  let unit: UnitHit | null = null;
  if (!prefix) {
    unit = unitAfter(text, first.end, !!first.scale);
    // Years are not amounts: "2025 dollars" (inflation-adjusted) or "2025 years" are not figures.
    if (unit && yearLike(first) && unit.kind !== 'percent' && unit.kind !== 'power') unit = null;
  }
  const start = prefix ? prefix.pos : i;
  const top = readRangeTop(s, unit ? unit.end : first.end, first, prefix, unit, start);
  let high: number | undefined;
  let end: number;
  let exp = first.exp;
  let low: number;
  if (top) {
    // "$20-25 billion": the top's scale applies to the bottom too.
    const lowExp = first.scale ? first.exp : first.num.exp + (top.amount.scale ? top.amount.scale.exp : 0);
    low = scaled(first.num.mant, lowExp);
    high = scaled(top.amount.num.mant, top.amount.exp);
    if (!(high > low)) {
      high = undefined;
    } else {
      exp = Math.min(lowExp, top.amount.exp);
      unit = unit ?? top.unit;
    }
  }
  if (high === undefined) {
    low = scaled(first.num.mant, first.exp);
    end = unit ? unit.end : first.end;
  } else {
    end = top!.end;
  }
  let kind: Figure['kind'];
  let unitCode: string;
  let uncertain = false;
  if (prefix) {
    kind = 'money';
    unitCode = prefix.iso;
    uncertain = !!prefix.uncertain;
    const us = prefix.iso === 'USD' ? usSuffix(text, end) : -1;
    if (us > 0) {
      end = us;
    } else if (prefix.bareDollar) {
      s.dollarAmbiguous ??= dollarIsAmbiguous(text);
      uncertain = s.dollarAmbiguous;
    }
  } else if (unit) {
    kind = unit.kind;
    unitCode = unit.unit;
    uncertain = !!unit.uncertain;
    if (unit.bareDollar) {
      s.dollarAmbiguous ??= dollarIsAmbiguous(text);
      uncertain = uncertain || s.dollarAmbiguous;
    }
  } else {
    return { figure: null, resume: resumeMiss };
  }
  if (end - start > MAX_SPAN) return { figure: null, resume: resumeMiss };
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
  const q =
    high !== undefined && wordBefore(text, start, 'between')
      ? undefined
      : qualifierBefore(text, start, s.floor, kind === 'duration');
  if (q) figure.qualifier = q;
  if (uncertain) figure.uncertain = true;
  return { figure, resume: end };
}

function skipDigits(text: string, i: number): number {
  let p = i;
  while (p < text.length && isDigit(text.charCodeAt(p))) p++;
  return p;
}

/**
 * Finds the deal figures in `text`: money, power, durations and percentages.
 * Returns them sorted by `start`, non-overlapping, each with its raw `text` slice.
 * Pure and linear-time; safe to run on every page.
 */
export function recognize(text: string): Figure[] {
  const out: Figure[] = [];
  const s: Scan = { text, floor: 0 };
  // A fresh regex per call keeps recognize() re-entrant; construction is cheap (cached source).
  const anchor = new RegExp(ANCHOR);
  // test() instead of exec(): no match array per candidate. A digit match is one character;
  // a number-word match ends at lastIndex and starts at the beginning of that word.
  while (anchor.test(text)) {
    let i = anchor.lastIndex - 1;
    if (!isDigit(text.charCodeAt(i))) while (i > 0 && isLetter(text.charCodeAt(i - 1))) i--;
    const { figure, resume } = figureAt(s, i);
    if (figure) {
      out.push(figure);
      s.floor = figure.end;
    }
    anchor.lastIndex = Math.max(resume, i + 1);
  }
  return out;
}
