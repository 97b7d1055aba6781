import { FIGURE_FIELDS } from '../schema/annotate-wire';
import { FigureKind, type Figure } from '../schema/figure';
import { LIMITS, type AnnotateRequest, type FigureQuery, type MatchRequest } from '../schema/messages';
import type { Result } from '../schema/result';
import { sentenceAround } from '../text/sentence';

const MAX_FIGURE_CHARS = 200;
const KINDS = new Set<string>(FigureKind.options);

/**
 * Turns a validated `annotate` message into the matcher's figures: checks each figure against its
 * block (offsets inside it, known kind, a unit, a positive precision) and cuts its sentence.
 * The first bad figure rejects the whole batch with where and what, like schema errors.
 */
export function decodeAnnotate(request: AnnotateRequest): Result<MatchRequest> {
  const { blocks, strings, figures: numbers } = request;
  const figures: FigureQuery[] = new Array(numbers.length / FIGURE_FIELDS);
  // The last sentence cut: the next figure of the same block often sits in it.
  let last = { block: -1, from: 0, to: 0, sentence: '' };
  for (let i = 0; i < figures.length; i++) {
    const o = i * FIGURE_FIELDS;
    const block = numbers[o], start = numbers[o + 1], end = numbers[o + 2], kind = numbers[o + 3], value = numbers[o + 4];
    const high = numbers[o + 5], unit = numbers[o + 6], precision = numbers[o + 7], qualifier = numbers[o + 8], uncertain = numbers[o + 9];
    const fail = (problem: string): Result<never> => ({ ok: false, error: `Invalid message at figures.${i}: ${problem}` });
    const text = isIndex(block, blocks.length) ? blocks[block] : undefined;
    if (text === undefined) return fail('no such block');
    const blockAt = block as number;
    if (!isIndex(start, text.length) || !isInteger(end) || end <= start || end > text.length || end - start > MAX_FIGURE_CHARS) {
      return fail('offsets outside its block');
    }
    const kindName = stringAt(strings, kind);
    if (kindName === undefined || !KINDS.has(kindName)) return fail('unknown kind');
    const unitName = stringAt(strings, unit);
    if (!unitName || unitName.length > 8) return fail('no unit');
    if (typeof value !== 'number' || (precision !== null && !(precision! > 0))) return fail('no value, or a precision that is not positive');
    if (qualifier !== -1 && stringAt(strings, qualifier) === undefined) return fail('unknown qualifier');
    if (uncertain !== 0 && uncertain !== 1) return fail('uncertain must be 0 or 1');

    const figure: Figure = { start, end, text: text.slice(start, end), kind: kindName as FigureKind, value, unit: unitName };
    if (high !== null) figure.high = high!;
    if (precision !== null) figure.precision = precision!;
    if (qualifier !== -1) figure.qualifier = strings[qualifier!]!;
    if (uncertain === 1) figure.uncertain = true;
    // A sentence shorter than the limit was cut at its own ends, so any figure inside it gets the same one.
    if (blockAt !== last.block || start < last.from || end >= last.to) {
      const { sentence, at } = sentenceAround(text, start, end, LIMITS.sentenceChars);
      last = { block: sentence.length < LIMITS.sentenceChars ? blockAt : -1, from: start - at, to: start - at + sentence.length, sentence };
    }
    figures[i] = { figure, sentence: last.sentence, at: start - last.from, block: blockAt };
  }
  const value: MatchRequest = { url: request.url, title: request.title, blocks, figures };
  for (const field of ['headings', 'leads'] as const) {
    const links = request[field];
    if (!links) continue;
    if (links.length !== blocks.length) return { ok: false, error: `Invalid message at ${field}: one per block expected` };
    for (let b = 0; b < links.length; b++) {
      const h = links[b]!;
      // Context is another block, itself without context (so no chain can loop).
      if (h !== -1 && (!isIndex(h, blocks.length) || h === b || request.headings?.[h] !== undefined && request.headings[h] !== -1 || request.leads?.[h] !== undefined && request.leads[h] !== -1)) {
        return { ok: false, error: `Invalid message at ${field}.${b}: no such block` };
      }
    }
    value[field] = links;
  }
  if (request.published) value.published = request.published;
  return { ok: true, value };
}

function isInteger(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

function isIndex(n: number | null | undefined, length: number): n is number {
  return isInteger(n) && n >= 0 && n < length;
}

function stringAt(strings: readonly string[], n: number | null | undefined): string | undefined {
  return isIndex(n, strings.length) ? strings[n] : undefined;
}
