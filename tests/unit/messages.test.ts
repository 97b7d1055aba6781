import { describe, expect, it } from 'vitest';
import { BackgroundMessage, ContentMessage, LIMITS, parseMessage } from '../../data/schema/messages';

const figure = { start: 0, end: 11, text: '$15 billion', kind: 'money', value: 15e9, unit: 'USD', precision: 1e9 };
const query = { figure, sentence: '$15 billion up front.', at: 0, block: 0 };
const request = { type: 'annotate', url: 'https://news.example/deal', title: 'Deal news', blocks: ['$15 billion up front.'], figures: [query] };

describe('background messages', () => {
  it('accepts a well-formed annotate batch', () => {
    expect(parseMessage(BackgroundMessage, request)).toEqual({ ok: true, value: request });
  });

  it.each([
    ['not an object', 'hello', /Invalid message: /],
    ['an unknown type', { type: 'drop-tables' }, /Invalid message at type/],
    ['a figure without a value', { ...request, figures: [{ ...query, figure: { ...figure, value: undefined } }] }, /at figures\.0\.figure\.value/],
    ['a negative offset', { ...request, figures: [{ ...query, at: -1 }] }, /at figures\.0\.at/],
    ['an infinite value', { ...request, figures: [{ ...query, figure: { ...figure, value: Infinity } }] }, /at figures\.0\.figure\.value/],
    ['an oversized sentence', { ...request, figures: [{ ...query, sentence: 'x'.repeat(LIMITS.sentenceChars + 1) }] }, /at figures\.0\.sentence: Too big/i],
    ['too many figures', { ...request, figures: Array(LIMITS.figuresPerBatch + 1).fill(query) }, /at figures: Too big/i],
    ['an oversized block', { ...request, blocks: ['y'.repeat(LIMITS.blockChars + 1)] }, /at blocks\.0: Too big/i],
  ])('rejects %s with a clear error, never a throw', (_name, raw, error) => {
    const result = parseMessage(BackgroundMessage, raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
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
