/**
 * The sentence around `[start, end)` in `text`, clipped to `max` characters, and where the
 * span begins inside it. A sentence ends at ".", "!" or "?" followed by white space, or at a
 * line break; a decimal point ("$1.5") never ends one because a digit follows it, and neither
 * does the full stop of an abbreviation inside a sentence (see `endsSentence`).
 */
export function sentenceAround(text: string, start: number, end: number, max = 1000): { sentence: string; at: number } {
  let from = start;
  while (from > 0 && start - from < max && !endsSentence(text, from - 1)) from--;
  let to = end;
  while (to < text.length && to - from < max && !endsSentence(text, to)) to++;
  if (to < text.length && to - from < max) to++; // keep what ended it: the full stop (or line break)
  while (from < start && /\s/.test(text[from]!)) from++;
  if (to - from > max) from = Math.max(from, to - max);
  return { sentence: text.slice(from, to), at: start - from };
}

/** Titles before a name: their full stop never ends a sentence ("Mr. Musk", "Sen. Warren"). */
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'vs', 'rev', 'hon', 'pres', 'supt']);
/** Abbreviations inside names ("Microsoft Corp. Chief Executive", "St. Louis"), like initialisms ("U.S. Steel"). */
const NAME_PARTS = new Set(['inc', 'corp', 'co', 'cos', 'ltd', 'bros', 'plc', 'jr', 'sr', 'st', 'mt', 'ft']);
/** Abbreviations that go on only into a lower-case word or a number: "Jan. 18", "No. 2", "approx. $5 billion". */
const SHORT_FORMS = new Set(['jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'approx', 'est', 'etc', 'dept', 'univ', 'assn', 'intl']);
/**
 * Words that open sentences in news prose. After an initialism or a name's abbreviation, a
 * capitalized word of this list starts a new sentence ("in the U.S. The deal"); any other
 * capitalized word continues a name ("U.S. Steel", "Microsoft Corp. Chief Executive").
 */
const OPENERS = new Set(['a', 'an', 'the', 'it', 'its', 'he', 'she', 'his', 'her', 'they', 'their', 'we', 'our', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'here', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'with', 'without', 'after', 'before', 'since', 'during', 'under', 'over', 'but', 'and', 'or', 'so', 'yet', 'as', 'if', 'when', 'while', 'where', 'what', 'which', 'who', 'why', 'how', 'some', 'many', 'most', 'all', 'both', 'each', 'other', 'others', 'one', 'two', 'three', 'no', 'not', 'still', 'also', 'then', 'now', 'last', 'next', 'earlier', 'later', 'shares', 'analysts', 'investors', 'officials', 'regulators', 'critics']);

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/**
 * True if the character at `i` ends a sentence. A full stop must be followed by white space
 * (or the end), and not close an abbreviation that the sentence goes on after: a title; an
 * initialism ("U.S.", "e.g.") or a name's abbreviation followed by a lower-case word, a number or
 * a capitalized word that does not open sentences (for an initialism, unless "the" comes before
 * it: "in the U.S. OpenAI said" is two sentences); a month or other short form followed by a
 * lower-case word or a number. Erring towards a cut is the safe side: a figure then sees less
 * context, never words of the sentence next to it.
 */
export function endsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const next = text[i + 1];
  if (!(next === undefined || next === ' ' || next === '\n' || next === '\t' || next === '\u00a0')) return false;
  if (c !== '.' || next === '\n' || !isLetter(text[i - 1])) return true;
  return !continuesAfterAbbreviation(text, i);
}

/** True if the full stop at `i` closes an abbreviation and the sentence goes on after it. */
function continuesAfterAbbreviation(text: string, i: number): boolean {
  let from = i;
  while (from > 0 && (isLetter(text[from - 1]) || text[from - 1] === '.')) from--;
  const word = text.slice(from, i);
  const bare = word.toLowerCase();
  if (TITLES.has(bare)) return true;
  const initialism = /^(?:\p{L}\.)+\p{L}$/u.test(word);
  const namePart = NAME_PARTS.has(bare) || initialism;
  if (!namePart && !SHORT_FORMS.has(bare)) return false;
  let at = i + 1;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\u00a0')) at++;
  const first = text[at];
  if (first === undefined) return false;
  if (/[\p{Ll}\d$€£¥]/u.test(first)) return true;
  if (!namePart || !/\p{Lu}/u.test(first)) return false;
  // "in the U.S. OpenAI said": after "the", an initialism is the country or agency named alone.
  if (initialism && /\bthe\s+$/i.test(text.slice(Math.max(0, from - 5), from))) return false;
  let to = at;
  while (to < text.length && isLetter(text[to])) to++;
  return !OPENERS.has(text.slice(at, to).toLowerCase());
}
