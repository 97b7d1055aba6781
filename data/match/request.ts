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
  for (let i = 0; i < figures.length; i++) {
    const o = i * FIGURE_FIELDS;
    const [block, start, end, kind, value, high, unit, precision, qualifier, uncertain] = numbers.slice(o, o + FIGURE_FIELDS);
    const fail = (problem: string): Result<never> => ({ ok: false, error: `Invalid message at figures.${i}: ${problem}` });
    const text = isIndex(block, blocks.length) ? blocks[block] : undefined;
    if (text === undefined) return fail('no such block');
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
    const { sentence, at } = sentenceAround(text, start, end, LIMITS.sentenceChars);
    figures[i] = { figure, sentence, at, block: block as number };
  }
  return { ok: true, value: { url: request.url, title: request.title, blocks, figures } };
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
