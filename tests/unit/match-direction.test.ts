import { describe, expect, it } from 'vitest';
import { otherReceiver, otherValued, receiversIn, valuedIn, type NamedAt } from '../../data/match/direction';

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
    expect(otherReceiver(intoOpenAI, 'investment', 'amazon', 'openai')).toBe(false);
    expect(otherReceiver(intoAmazon, 'investment', 'amazon', 'openai')).toBe(true);
    expect(otherReceiver(spentWithOpenAI, 'commitment', 'openai', 'amazon')).toBe(true);
  });

  it('is refused when the clause names only a receiver of the other kind', () => {
    expect(otherReceiver(spentWithOpenAI, 'investment', 'amazon', 'openai')).toBe(true);
    expect(otherReceiver(intoOpenAI, 'commitment', 'amazon', 'openai')).toBe(true);
  });

  it('stands when the clause names no receiver, or the fact has no object or another metric', () => {
    expect(otherReceiver(unsaid, 'investment', 'amazon', 'openai')).toBe(false);
    expect(otherReceiver(intoAmazon, 'investment', 'amazon', undefined)).toBe(false);
    expect(otherReceiver(intoAmazon, 'valuation', 'amazon', 'openai')).toBe(false);
  });
});

describe('money paid, given or received', () => {
  it('is paid or given to the name right after "pay", "give" or "hand", or after "to" with one of them before', () => {
    expect([...receivers('OpenAI will pay Amazon $60 billion', 'openai', 'amazon').paidTo]).toEqual(['amazon']);
    expect([...receivers("Amazon's initial payment to OpenAI", 'amazon', 'openai').paidTo]).toEqual(['openai']);
    expect([...receivers('Amazon hands OpenAI an initial $15 billion', 'amazon', 'openai').given]).toEqual(['openai']);
    expect([...receivers('Amazon gave $15 billion to OpenAI', 'amazon', 'openai').given]).toEqual(['openai']);
  });

  it('comes from the name after "from" with receiving before', () => {
    expect([...receivers('OpenAI received $50 billion from Amazon', 'openai', 'amazon').payers]).toEqual(['amazon']);
    expect([...receivers('Anthropic will buy $30 billion of computing from Microsoft', 'anthropic', 'microsoft').payers]).toEqual([]);
  });

  it('refuses a fact whose payer is not the one named, or whose receiver is not the one paid or given', () => {
    const fromAmazon = receivers('OpenAI received $50 billion from Amazon', 'openai', 'amazon');
    const fromOpenAI = receivers('Amazon received $50 billion from OpenAI', 'amazon', 'openai');
    expect(otherReceiver(fromAmazon, 'investment', 'amazon', 'openai')).toBe(false);
    expect(otherReceiver(fromOpenAI, 'investment', 'amazon', 'openai')).toBe(true);
    expect(otherReceiver(receivers('OpenAI will pay Amazon $60 billion', 'openai', 'amazon'), 'investment', 'amazon', 'openai')).toBe(true);
    expect(otherReceiver(receivers('Amazon will pay OpenAI $100 billion', 'amazon', 'openai'), 'commitment', 'openai', 'amazon')).toBe(true);
    expect(otherReceiver(receivers('Amazon gave $15 billion to Anthropic', 'amazon', 'anthropic'), 'investment', 'amazon', 'openai')).toBe(true);
  });
});

describe('a term of a deal paid to someone else', () => {
  it('is refused when the clause names receivers and the fact\'s own is not one of them', () => {
    expect(otherReceiver(receivers('Amazon invests $5 billion in OpenAI for ten years', 'amazon', 'openai'), 'term', 'openai', 'amazon')).toBe(true);
    expect(otherReceiver(receivers('OpenAI will spend $100 billion on AWS over eight years', 'openai', 'aws'), 'term', 'openai', 'aws')).toBe(false);
    expect(otherReceiver(receivers('Amazon will pay OpenAI $100 billion over eight years', 'amazon', 'openai'), 'term', 'openai', 'amazon')).toBe(true);
    expect(otherReceiver(receivers('The deal runs eight years and gives OpenAI Nvidia chips', 'openai'), 'term', 'openai', 'amazon')).toBe(false);
    expect(otherReceiver(receivers('Amazon and OpenAI signed an eight-year deal', 'amazon', 'openai'), 'term', 'openai', 'amazon')).toBe(false);
  });
});

/** `valuedIn` over the whole of `sentence`, for the figure `figure`, each of `ids` named where its name (the id) first appears. */
function valued(sentence: string, figure: string, ...ids: string[]) {
  const named: NamedAt[] = ids.map((id) => {
    const start = sentence.toLowerCase().indexOf(id);
    return { id, start, end: start + id.length };
  });
  return [...valuedIn(sentence, 0, sentence.length, sentence.indexOf(figure), named)];
}

describe('whom a valuation values', () => {
  it('is named right after a word of valuing', () => {
    expect(valued('The round values OpenAI at $730 billion', '$730', 'openai')).toEqual(['openai']);
    expect(valued('OpenAI values Amazon at $730 billion', '$730', 'openai', 'amazon')).toEqual(['amazon']);
    expect(valued('Amazon valued OpenAI at $730 billion', '$730', 'amazon', 'openai')).toEqual(['openai']);
  });

  it('is named right before "valued" or "worth", with only linking words and commas between', () => {
    expect(valued('Amazon, which is worth $730 billion, backs OpenAI', '$730', 'amazon', 'openai')).toEqual(['amazon']);
    expect(valued('OpenAI is now valued at $730 billion', '$730', 'openai')).toEqual(['openai']);
    expect(valued('A stake in OpenAI worth $135 billion', '$135', 'openai')).toEqual(['openai']);
  });

  it('is no one for a possessive, or a name elsewhere in the sentence', () => {
    expect(valued("Amazon's stake is worth $50 billion", '$50', 'amazon')).toEqual([]);
    expect(valued('Amazon backs OpenAI, which raised money at $730 billion', '$730', 'amazon', 'openai')).toEqual([]);
  });

  it('refuses a fact none of whose parties is the one valued', () => {
    expect(otherValued(new Set(['amazon']), ['openai'])).toBe(true);
    expect(otherValued(new Set(['openai']), ['microsoft', 'openai'])).toBe(false);
    expect(otherValued(new Set(), ['openai'])).toBe(false);
  });
});
