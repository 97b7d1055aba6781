/**
 * Sub-unit money: "50 cents", "12-cent", "470 pence", "one penny", "75p", "20 sen", and the
 * cents of a compound price ("3 dollars 50 cents", "one dollar and one"). Values are reported in
 * whole units (0.5 USD for "50 cents"): callers add {@link SUBUNIT_SHIFT} to the exponent.
 */
import { readAmount, type Amount } from './numbers';
import { wordBefore } from './qualifier';
import { boundaryAfter, isDash, isDigit, isLetter, isSpace, matchesLower, skipSpaces, wordEnd, WordTable } from './text';

/** Power of ten from a sub-unit to its whole unit (a cent is 10^-2 dollars). */
export const SUBUNIT_SHIFT = -2;

/** A sub-unit word: its currency, and whether it is the "cent" of a dollar-like currency. */
export interface Subunit {
  iso: string;
  /** "cents" is USD by default, but Canada, Australia or the euro area also count in cents. */
  cent: boolean;
}

const CENT: Subunit = { iso: 'USD', cent: true };
const PENCE: Subunit = { iso: 'GBP', cent: false };
const PENNY: Subunit = { iso: 'GBP', cent: false };
/**
 * Sub-unit words, lowercase only: a capital "Cent" after a number is usually the rapper
 * ("50 Cent"), and words are looked up whole, so "percent" never reads as "cent".
 */
const WORDS = new WordTable<Subunit>(
  { cent: CENT, cents: CENT, penny: PENNY, pence: PENCE, sen: { iso: 'MYR', cent: false } },
  true,
);

/** The sub-unit named by the word text[start, end), or undefined ("penny-pinching" is not money). */
export function subunitWord(text: string, start: number, end: number): Subunit | undefined {
  const sub = WORDS.get(text, start, end);
  return sub === PENNY && isDash(text.charCodeAt(end)) ? undefined : sub;
}

/** Video resolutions ("1080p", "720p") look like pence glued to a number; they are not money. */
const RESOLUTIONS = new Set([144, 240, 360, 480, 540, 576, 720, 900, 1080, 1440, 2160, 4320]);

/**
 * True when the "p" at `p` (right after digits ending there) is pence, as UK news writes share
 * prices ("rose 12p", "at 75.5p."): the "p" must be followed by a non-letter, not be "p.m.",
 * and the number must not be a video resolution or a page ("page 5p").
 */
export function isGluedPence(text: string, p: number): boolean {
  if (text.charCodeAt(p) !== 112 || !isDigit(text.charCodeAt(p - 1))) return false;
  if (!boundaryAfter(text, p + 1) || (text.charCodeAt(p + 1) === 46 && isLetter(text.charCodeAt(p + 2)))) return false;
  // Read the integer just before (at most 5 digits): resolutions are whole numbers.
  let k = p;
  let v = 0;
  let m = 1;
  while (k > 0 && p - k < 5 && isDigit(text.charCodeAt(k - 1))) {
    k--;
    v += (text.charCodeAt(k) - 48) * m;
    m *= 10;
  }
  let before = k > 0 ? text.charCodeAt(k - 1) : 32;
  // "1,440p", "2,160p": a resolution written with a thousands mark.
  if (before === 44 && p - k === 3 && k > 1 && isDigit(text.charCodeAt(k - 2)) && !isDigit(text.charCodeAt(k - 3))) {
    v += (text.charCodeAt(k - 2) - 48) * 1000;
    k -= 2;
    before = k > 0 ? text.charCodeAt(k - 1) : 32;
  }
  if (before !== 46 && before !== 44 && !isDigit(before) && RESOLUTIONS.has(v)) return false;
  return !wordBefore(text, k, 'page');
}

/** The sub-unit word family each whole currency pairs with in a compound price. */
const FAMILY: Record<string, string> = {
  USD: 'USD', CAD: 'USD', AUD: 'USD', NZD: 'USD', SGD: 'USD', HKD: 'USD', TWD: 'USD', EUR: 'USD',
  GBP: 'GBP', MYR: 'MYR',
};

/**
 * The cents of a compound price after a whole amount of `iso` ending at `pos`: " 50 cents",
 * " and forty-five cents", " and 30p", or bare number words as in "thirteen dollars forty five"
 * and "one dollar and one". The cents (1-99) are read into `out.mant`; returns the end of the
 * phrase, or -1. Bare cents must be number words followed by punctuation, the end or "and", so
 * "$20 and one of them" or "$5 and 50 staff" stay apart.
 */
export function centsAfter(text: string, pos: number, iso: string, out: Amount): number {
  const family = FAMILY[iso];
  if (!family) return -1;
  let p = skipSpaces(text, pos, 1);
  if (p === pos) return -1;
  if (matchesLower(text, p, 'and') && isSpace(text.charCodeAt(p + 3))) p = skipSpaces(text, p + 3, 1);
  if (!readAmount(text, p, out) || out.scaled || out.numExp !== 0 || out.mant < 1 || out.mant > 99) return -1;
  const q = skipSpaces(text, out.end, 1);
  if (q > out.end) {
    const we = wordEnd(text, q, 5);
    const sub = we > 0 && boundaryAfter(text, we) ? subunitWord(text, q, we) : undefined;
    if (sub) return (sub.cent ? 'USD' : sub.iso) === family ? we : -1;
  } else if (family === 'GBP' && isGluedPence(text, q)) {
    return q + 1;
  }
  if (family !== 'USD' || isDigit(text.charCodeAt(p))) return -1;
  const c = text.charCodeAt(q);
  if (q >= text.length || (!isLetter(c) && !isDigit(c) && c !== 45)) return out.end;
  return q > out.end && matchesLower(text, q, 'and') && boundaryAfter(text, q + 3) ? out.end : -1;
}
