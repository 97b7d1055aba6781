import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../data/text/sentence';

function around(text: string, figure: string, max?: number) {
  const start = text.indexOf(figure);
  return sentenceAround(text, start, start + figure.length, max);
}

describe('sentenceAround', () => {
  it.each([
    ['First one. Amazon pays $15 billion now. Then more.', '$15 billion', 'Amazon pays $15 billion now.'],
    ['A round of $1.5 billion closed. Next.', '$1.5 billion', 'A round of $1.5 billion closed.'],
    ['Is it $30 billion? Yes.', '$30 billion', 'Is it $30 billion?'],
    ['Heading\n$110 billion round\nmore', '$110 billion', '$110 billion round\n'],
    ['$5 billion', '$5 billion', '$5 billion'],
  ])('in %j finds the sentence of %j', (text, figure, sentence) => {
    const { sentence: found, at } = around(text, figure);
    expect(found).toBe(sentence);
    expect(found.slice(at, at + figure.length)).toBe(figure);
  });

  it.each([
    ['Nippon Steel agreed to buy U.S. Steel for $14.1 billion. Unions objected.', '$14.1 billion', 'Nippon Steel agreed to buy U.S. Steel for $14.1 billion.'],
    ['Mr. Musk offered $54.20 a share. Twitter agreed.', '$54.20', 'Mr. Musk offered $54.20 a share.'],
    ['Microsoft Corp. said on Jan. 18 it would pay $68.7 billion. Shares rose.', '$68.7 billion', 'Microsoft Corp. said on Jan. 18 it would pay $68.7 billion.'],
    ['Apple Inc. agreed to pay approx. $3 billion, i.e. in cash.', '$3 billion', 'Apple Inc. agreed to pay approx. $3 billion, i.e. in cash.'],
  ])('does not end %j at an abbreviation the sentence goes on after', (text, figure, sentence) => {
    expect(around(text, figure).sentence).toBe(sentence);
  });

  it.each([
    ['It sells steel in the U.S. The deal is worth $14.1 billion.', '$14.1 billion', 'The deal is worth $14.1 billion.'],
    ['Nvidia builds chips in the U.S. OpenAI gets $50 billion.', '$50 billion', 'OpenAI gets $50 billion.'],
    ['Anthropic closed its Series F. Microsoft put in $5 billion.', '$5 billion', 'Microsoft put in $5 billion.'],
    ['The deal closed in Sept. Microsoft paid $68.7 billion.', '$68.7 billion', 'Microsoft paid $68.7 billion.'],
    ['It was bought by Alphabet Inc. The price was $32 billion.', '$32 billion', 'The price was $32 billion.'],
    ['Chips, servers, etc. Amazon pays $15 billion.', '$15 billion', 'Amazon pays $15 billion.'],
  ])('ends %j at an abbreviation that a new sentence follows', (text, figure, sentence) => {
    expect(around(text, figure).sentence).toBe(sentence);
  });

  it('clips a very long sentence and keeps the figure inside it', () => {
    const text = `${'word '.repeat(500)}$7 billion${' more'.repeat(500)}.`;
    const { sentence, at } = around(text, '$7 billion', 200);
    expect(sentence.length).toBeLessThanOrEqual(200);
    expect(sentence.slice(at, at + 10)).toBe('$7 billion');
  });
});
