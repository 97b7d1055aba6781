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

  it('clips a very long sentence and keeps the figure inside it', () => {
    const text = `${'word '.repeat(500)}$7 billion${' more'.repeat(500)}.`;
    const { sentence, at } = around(text, '$7 billion', 200);
    expect(sentence.length).toBeLessThanOrEqual(200);
    expect(sentence.slice(at, at + 10)).toBe('$7 billion');
  });
});
