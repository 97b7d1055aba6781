/**
 * Headings on the wire: the finder the content script and the evaluation share (nearest h2-h6
 * before a paragraph, a list's lead-in, never an h1 or across a section), and the request's
 * `headings` checked when decoded.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { decodeAnnotate } from '../../data/match';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import { HeadingFinder, inFirstSentence, sentenceBefore, type HeadingElement } from '../../data/text/headings';

function headingsOf(html: string, shown?: (h: HeadingElement) => boolean): Record<string, string | undefined> {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const finder = new HeadingFinder(shown);
  const out: Record<string, string | undefined> = {};
  for (const el of Array.from(document.querySelectorAll('[id]'))) out[el.id] = finder.of(el as unknown as HeadingElement);
  return out;
}

describe('HeadingFinder', () => {
  it('gives each paragraph the nearest h2-h6 before it, and none after the h1 alone', () => {
    const found = headingsOf(`<article><header><h1>Amazon and OpenAI</h1></header><p id="a">Lead.</p>
      <h2>The cloud side</h2><p id="b">One.</p><div><p id="c">Two.</p></div><h3 id="h">Terms</h3><p id="d">Three.</p></article>`);
    expect(found).toEqual({ a: undefined, b: 'The cloud side', c: 'The cloud side', h: undefined, d: 'Terms' });
  });

  it("reads a list's lead-in, else the list's heading", () => {
    const found = headingsOf(`<h2>Deal</h2><p>The terms at a glance:</p><ul><li id="a">Amount: $13 billion</li></ul>
      <p>Other news.</p><ul><li id="b">Item</li></ul>`);
    expect(found).toEqual({ a: 'The terms at a glance:', b: 'Deal' });
  });

  it('does not look past a section, nor into a section before the paragraph', () => {
    const found = headingsOf(`<section><h2>Microsoft</h2><p>x</p></section><section><p id="a">y</p><h2>Google</h2><p id="b">z</p></section>`);
    expect(found).toEqual({ a: undefined, b: 'Google' });
  });

  it('passes over a heading the page does not show', () => {
    const found = headingsOf(`<h2>Amazon</h2><h2 class="hidden">Nvidia</h2><p id="a">x</p>`, (h) => !(h as unknown as Element).classList.contains('hidden'));
    expect(found).toEqual({ a: 'Amazon' });
  });

  it('walks thousands of siblings without recursion, remembering what it found', () => {
    const found = headingsOf(`<h2>Top</h2>${'<p>x</p>'.repeat(20_000)}<p id="a">y</p>`);
    expect(found.a).toBe('Top');
  });
});

describe('sentenceBefore', () => {
  it("gives the last sentence of the paragraph right before, when both are paragraphs of text and it is shown", () => {
    const { document } = parseHTML(`<!doctype html><html><body><p>First. Amazon agreed to invest in OpenAI.</p><p id="a">x</p>
      <h2>H</h2><p id="b">y</p><p class="hidden">Hidden one.</p><p id="c">z</p></body></html>`);
    const at = (id: string) => document.getElementById(id) as unknown as HeadingElement;
    const shown = (el: HeadingElement) => !(el as unknown as Element).classList.contains('hidden');
    expect(sentenceBefore(at('a'), shown)).toBe('Amazon agreed to invest in OpenAI.');
    expect(sentenceBefore(at('b'), shown)).toBeUndefined();
    expect(sentenceBefore(at('c'), shown)).toBeUndefined();
  });
});

describe('inFirstSentence', () => {
  it('says whether a figure opens its paragraph (only then is the sentence before it sent)', () => {
    const text = '  The retailer pays $15 billion. Later it pays $35 billion.';
    expect(inFirstSentence(text, text.indexOf('$15'))).toBe(true);
    expect(inFirstSentence(text, text.indexOf('$35'))).toBe(false);
  });
});

describe('headings on the wire', () => {
  const request = () => {
    const writer = new AnnotateWriter();
    const at = writer.addBlock('The retailer pays $15 billion.', 'Amazon');
    writer.addFigure(at, { start: 18, end: 29, text: '$15 billion', kind: 'money', value: 15e9, unit: 'USD' });
    writer.addBlock('Another paragraph.', 'Amazon');
    return writer.request('https://news.example/a', 'Title');
  };

  it('sends each heading once and points blocks at it', () => {
    const r = request();
    expect(r.blocks).toEqual(['Amazon', 'The retailer pays $15 billion.', 'Another paragraph.']);
    expect(r.headings).toEqual([-1, 0, 0]);
    const decoded = decodeAnnotate(r);
    expect(decoded.ok && decoded.value.headings).toEqual([-1, 0, 0]);
  });

  it('sends the sentence before a paragraph the same way', () => {
    const writer = new AnnotateWriter();
    writer.addBlock('The retailer pays $15 billion.', undefined, 'Amazon agreed to invest in OpenAI.');
    const r = writer.request('https://news.example/a', 'Title');
    expect([r.blocks, r.headings, r.leads]).toEqual([['Amazon agreed to invest in OpenAI.', 'The retailer pays $15 billion.'], undefined, [-1, 0]]);
    expect(decodeAnnotate({ ...r, leads: [0, -1] }).ok).toBe(false);
  });

  it('rejects headings that are not other blocks without headings of their own', () => {
    for (const headings of [[-1, 0], [-1, 0, 3], [-1, 1, 0], [1, 0, -1]]) {
      expect(decodeAnnotate({ ...request(), headings }).ok).toBe(false);
    }
  });
});
