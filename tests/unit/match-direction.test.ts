import { describe, expect, it } from 'vitest';
import { otherReceiver, receiversIn, type NamedAt } from '../../data/match/direction';

/** Each entity of `ids` at its first place in `sentence` (ids are the names, lowercased). */
function receivers(sentence: string, ...ids: string[]) {
  const named: NamedAt[] = ids.map((id) => ({ id, start: sentence.toLowerCase().indexOf(id) }));
  return receiversIn(sentence, 0, sentence.length, named);
}

describe('who a clause says receives the money', () => {
  it('is named right after "in" or "into" when an investing word comes before', () => {
    expect([...receivers('Amazon will invest $50 billion in OpenAI', 'amazon', 'openai').invested]).toEqual(['openai']);
    expect([...receivers("Amazon's investment of $50 billion into OpenAI's new round", 'amazon', 'openai').invested]).toEqual(['openai']);
    expect(receivers('Amazon has a stake in OpenAI worth $50 billion', 'amazon', 'openai').invested.size).toBe(0);
    expect(receivers('Amazon invests $50 billion in the ChatGPT maker OpenAI', 'amazon', 'openai').invested.size).toBe(0);
  });

  it('is named after "on" or "with" when spending, after "from" when buying', () => {
    expect([...receivers('OpenAI will spend $100 billion on AWS', 'openai', 'aws').paid]).toEqual(['aws']);
    expect([...receivers('Anthropic will buy $30 billion of computing from Microsoft', 'anthropic', 'microsoft').paid]).toEqual(['microsoft']);
    expect(receivers('OpenAI signed a $38 billion contract with Amazon', 'openai', 'amazon').paid.size).toBe(0);
  });

  it('counts only inside the clause', () => {
    const sentence = 'Nvidia invested in Intel, and OpenAI will spend $100 billion on AWS';
    const named = [{ id: 'intel', start: sentence.indexOf('Intel') }, { id: 'aws', start: sentence.indexOf('AWS') }];
    const clause = receiversIn(sentence, sentence.indexOf('and'), sentence.length, named);
    expect(clause.invested.size).toBe(0);
    expect([...clause.paid]).toEqual(['aws']);
  });
});

describe('a fact given to someone else', () => {
  const intoOpenAI = receivers('Amazon will invest $50 billion in OpenAI', 'amazon', 'openai');
  const intoAmazon = receivers('OpenAI will invest $50 billion in Amazon', 'openai', 'amazon');
  const spentWithOpenAI = receivers('Amazon will spend $90 billion with OpenAI', 'amazon', 'openai');
  const unsaid = receivers('Amazon and OpenAI agreed a $50 billion deal', 'amazon', 'openai');

  it('is refused when the clause names another receiver of its kind', () => {
    expect(otherReceiver(intoOpenAI, 'investment', 'openai')).toBe(false);
    expect(otherReceiver(intoAmazon, 'investment', 'openai')).toBe(true);
    expect(otherReceiver(spentWithOpenAI, 'commitment', 'amazon')).toBe(true);
  });

  it('is refused when the clause names only a receiver of the other kind', () => {
    expect(otherReceiver(spentWithOpenAI, 'investment', 'openai')).toBe(true);
    expect(otherReceiver(intoOpenAI, 'commitment', 'openai')).toBe(true);
  });

  it('stands when the clause names no receiver, or the fact has no object or another metric', () => {
    expect(otherReceiver(unsaid, 'investment', 'openai')).toBe(false);
    expect(otherReceiver(intoAmazon, 'investment', undefined)).toBe(false);
    expect(otherReceiver(intoAmazon, 'valuation', 'openai')).toBe(false);
  });
});
