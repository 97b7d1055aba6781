import { describe, expect, it } from 'vitest';
import { AnnotateRequest, BackgroundMessage, ContentMessage, LIMITS, parseMessage } from '../../data/schema/messages';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import { decodeAnnotate } from '../../data/match';
import { recognize } from '../../data/recognize';
import { sentenceAround } from '../../data/text/sentence';

const figure = { start: 0, end: 11, text: '$15 billion', kind: 'money', value: 15e9, unit: 'USD', precision: 1e9 } as const;
const writer = new AnnotateWriter();
writer.addFigure(writer.addBlock('$15 billion up front.'), figure);
const request = writer.request('https://news.example/deal', 'Deal news');
/** The request with figure 0's field `field` (see annotate-wire.ts) set to `value`. */
const withField = (field: number, value: number | null) => ({ ...request, figures: request.figures.map((n, i) => (i === field ? value : n)) });

describe('background messages', () => {
  it('accepts a well-formed annotate batch', () => {
    expect(parseMessage(BackgroundMessage, request)).toEqual({ ok: true, value: request });
  });

  it.each([
    ['not an object', 'hello', /Invalid message: /],
    ['an unknown type', { type: 'drop-tables' }, /Invalid message at type/],
    ['a figure given as an object', { ...request, figures: [figure] }, /at figures\.0: Invalid input: expected number/],
    ['an infinite value', withField(4, Infinity), /at figures\.4/],
    ['a figure cut short', { ...request, figures: request.figures.slice(1) }, /at figures: expected 10 numbers per figure/],
    ['too many figures', { ...request, figures: Array(LIMITS.figuresPerBatch + 1).fill(request.figures).flat() }, /at figures: Too big/i],
    ['an oversized block', { ...request, blocks: ['y'.repeat(LIMITS.blockChars + 1)] }, /at blocks\.0: Too big/i],
    ['an oversized string', { ...request, strings: ['z'.repeat(41)] }, /at strings\.0: Too big/i],
  ])('rejects %s with a clear error, never a throw', (_name, raw, error) => {
    const result = parseMessage(BackgroundMessage, raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });
});

describe('decoding an annotate batch', () => {
  it('gives back each figure as recognised, with its sentence cut from its block', () => {
    const block = 'Amazon will invest $50 billion in OpenAI. It starts with about $15 billion, then $35 billion.';
    const figures = recognize(block);
    const batch = new AnnotateWriter();
    const at = batch.addBlock(block);
    figures.forEach((f) => batch.addFigure(at, f));
    const decoded = decodeAnnotate(batch.request('https://news.example/a', 'A'));
    expect(decoded.ok && decoded.value.figures.map((q) => q.figure)).toEqual(figures);
    expect(decoded.ok && decoded.value.figures.map((q) => q.sentence.slice(q.at, q.at + q.figure.text.length))).toEqual(['$50 billion', 'about $15 billion'.slice(6), '$35 billion']);
    expect(decoded.ok && decoded.value.figures[1]!.sentence).toBe('It starts with about $15 billion, then $35 billion.');
  });

  it('cuts for each figure the sentence it would get alone, also when figures share one or a sentence is over the limit', () => {
    // A few characters over the limit: the last figure's window holds the first figure, whose own window differs.
    const long = `Amazon pays $15 billion ${'word '.repeat(Math.floor((LIMITS.sentenceChars - 48) / 5))}then $35 billion and $5 billion.`;
    const blocks = [
      'Amazon will invest $50 billion, starting with $15 billion. OpenAI spends $100 billion over eight years.\nSoftBank adds $30 billion',
      long,
    ];
    const batch = new AnnotateWriter();
    const expected: { sentence: string; at: number }[] = [];
    blocks.forEach((text) => {
      const at = batch.addBlock(text);
      const found = recognize(text);
      // In reading order, then the first figure again after the last (a request need not be sorted).
      for (const f of [...found, found[0]!]) {
        batch.addFigure(at, f);
        expected.push(sentenceAround(text, f.start, f.end, LIMITS.sentenceChars));
      }
    });
    const decoded = decodeAnnotate(batch.request('u', 't'));
    expect(decoded.ok && decoded.value.figures.map(({ sentence, at }) => ({ sentence, at }))).toEqual(expected);
    expect(expected.filter((e) => e.sentence.length === LIMITS.sentenceChars)).toHaveLength(4); // the long sentence is clipped
  });

  it('keeps offsets relative to a window of a long block', () => {
    const long = `${'Filler words. '.repeat(500)}Amazon pays an initial $15 billion.`;
    const [found] = recognize(long);
    const batch = new AnnotateWriter();
    const from = long.length - 100;
    batch.addFigure(batch.addBlock(long.slice(from)), found!, from);
    const decoded = decodeAnnotate(batch.request('u', 't'));
    expect(decoded.ok && decoded.value.figures[0]!.figure).toEqual({ ...found, start: found!.start - from, end: found!.end - from });
  });

  it.each([
    ['a block that is not there', withField(0, 7), /figures\.0: no such block/],
    ['an end past its block', withField(2, 99), /figures\.0: offsets outside its block/],
    ['an empty span', withField(2, 0), /figures\.0: offsets outside its block/],
    ['a fractional offset', withField(1, 0.5), /figures\.0: offsets outside its block/],
    ['a kind that does not exist', withField(3, 5), /figures\.0: unknown kind/],
    ['a unit that is not a string of the batch', withField(6, -1), /figures\.0: no unit/],
    ['a negative precision', withField(7, -1), /figures\.0: .*precision/],
    ['a qualifier out of range', withField(8, 9), /figures\.0: unknown qualifier/],
    ['an uncertain flag of 2', withField(9, 2), /figures\.0: uncertain must be 0 or 1/],
  ])('rejects %s with where and what', (_name, raw, error) => {
    const parsed = parseMessage(AnnotateRequest, raw);
    expect(parsed.ok).toBe(true);
    const decoded = parsed.ok ? decodeAnnotate(parsed.value) : parsed;
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error).toMatch(error);
  });
});

describe('content script messages', () => {
  it.each([
    [{ type: 'page:figures' }, true],
    [{ type: 'page:reveal', index: 3 }, true],
    [{ type: 'page:reveal', index: -3 }, false],
    [{ type: 'page:reveal' }, false],
    [{ type: 'page:eval', code: 'alert(1)' }, false],
    [null, false],
  ])('%j is accepted: %s', (raw, ok) => {
    expect(parseMessage(ContentMessage, raw).ok).toBe(ok);
  });
});
