/**
 * How a page's language writes numbers: which mark is the decimal one, which marks group
 * thousands, and whether "billion" may mean 10^12. Resolved once per recognize() call from a
 * BCP 47 tag (`<html lang>`, `Content-Language`). Where the language is unknown the recognizer
 * reads only what every convention agrees on (see `UNKNOWN`): a wrong value is worse than none.
 */

/** One way of writing numbers. Char codes, so the parser compares without allocating. */
export interface NumberFormat {
  /** The decimal mark: 46 ('.') or 44 (','). */
  decimal: number;
  /** Marks accepted between groups of exactly three digits (besides no-break and thin spaces, always accepted). */
  comma: boolean;
  dot: boolean;
  /** "1'000" (Switzerland). */
  apos: boolean;
  /** An ordinary space ("56 000"). */
  space: boolean;
  /**
   * The decimal mark before exactly three digits may be meant as a thousands mark ("100.000" on a
   * page of unknown language, "5,000" on a French one): no figure, except that a '.' before an
   * English scale word is English ("1.125 billion").
   */
  threeDecimalsUnsure: boolean;
  /** "billion" may be 10^12 here (German Billion, French billion): such scale words give no figure. */
  longScale: boolean;
}

/** English and others that write 1,234.5. */
const POINT: NumberFormat = { decimal: 46, comma: true, dot: false, apos: false, space: false, threeDecimalsUnsure: false, longScale: false };
/**
 * Unknown language: "1,234" groups (the web's usual convention, and no language writes three
 * decimals after a comma in prose), "1.5" is a decimal; "1,3" and "100.000" are ambiguous.
 */
export const UNKNOWN: NumberFormat = { ...POINT, threeDecimalsUnsure: true };
/** German, Spanish, Portuguese, Italian, Dutch...: 1.234,5 (and 1 234,5). */
const COMMA_DOT: NumberFormat = { decimal: 44, comma: false, dot: true, apos: false, space: true, threeDecimalsUnsure: true, longScale: true };
/** French, Russian, Polish, Nordic...: 1 234,5; a '.' between digits is not theirs. */
const COMMA_SPACE: NumberFormat = { decimal: 44, comma: false, dot: false, apos: false, space: true, threeDecimalsUnsure: true, longScale: true };
/** Switzerland and Liechtenstein: 1'234.5. */
const POINT_APOS: NumberFormat = { decimal: 46, comma: false, dot: false, apos: true, space: true, threeDecimalsUnsure: true, longScale: true };

const BY_LANGUAGE: Record<string, NumberFormat> = {};
for (const l of 'en zh ja ko he iw th ms hi ta te mr gu kn ml bn ga cy mt fil tl sw my'.split(' ')) BY_LANGUAGE[l] = POINT;
for (const l of 'de es pt it nl id tr da el ro hr sl sr bs mk vi is ca gl eu'.split(' ')) BY_LANGUAGE[l] = COMMA_DOT;
for (const l of 'fr ru pl sv nb nn no fi cs sk uk hu bg lt lv et be kk ka af'.split(' ')) BY_LANGUAGE[l] = COMMA_SPACE;

/** Spanish-speaking regions that write 1,234.5. */
const SPANISH_POINT = new Set(['mx', 'us', 'pr', 'do', 'gt', 'hn', 'ni', 'pa', 'sv']);
/** Regions whose German, French or Italian is written 1'234.5. */
const SWISS = new Set(['ch', 'li']);

const cache = new Map<string, NumberFormat>();

/** The number format of a BCP 47 language tag ("es", "pt-BR", "de_CH"); UNKNOWN when empty or unlisted. */
export function numberFormat(locale: string | undefined): NumberFormat {
  if (!locale) return UNKNOWN;
  let format = cache.get(locale);
  if (format) return format;
  const [language = '', ...rest] = locale.trim().toLowerCase().split(/[-_]/);
  const region = rest.find((part) => part.length === 2 || /^\d{3}$/.test(part));
  format = BY_LANGUAGE[language] ?? UNKNOWN;
  if (region && SWISS.has(region) && (language === 'de' || language === 'fr' || language === 'it' || language === 'rm')) format = POINT_APOS;
  else if (language === 'es' && region) format = SPANISH_POINT.has(region) ? POINT : region === '419' ? UNKNOWN : COMMA_DOT;
  if (cache.size < 64) cache.set(locale, format);
  return format;
}

/** Regions whose own currency is written "$" besides the US dollar (English and French there). */
const DOLLAR_REGIONS = new Set(['ca', 'au', 'nz', 'sg', 'hk', 'tw', 'lr', 'jm', 'bs', 'bb', 'bz', 'fj', 'gy', 'tt', 'na', 'sb']);
/** Spanish-speaking regions that use the US dollar itself. */
const SPANISH_USD = new Set(['us', 'pr', 'ec', 'sv', 'pa']);

/**
 * What a bare "$" means on a page in `locale`: 'usd' (US dollars, or unknown), 'unsure' (a page
 * of a dollar country other than the US: "$" may be theirs, as on a page naming Canada), 'local'
 * (Spanish outside the dollar countries: "$" is the peso, and a US dollar is written "US$"), which
 * gives no figure, since a peso amount must never be read as dollars.
 */
export function bareDollar(locale: string | undefined): 'usd' | 'unsure' | 'local' {
  if (!locale) return 'usd';
  const [language = '', ...rest] = locale.trim().toLowerCase().split(/[-_]/);
  const region = rest.find((part) => part.length === 2 || /^\d{3}$/.test(part));
  if (language === 'es') return region === 'es' || (region && SPANISH_USD.has(region)) ? 'usd' : 'local';
  return region && DOLLAR_REGIONS.has(region) ? 'unsure' : 'usd';
}
