/** The claim rules that read the written text rather than stemmed words: the modal "may", the amount before a change, a duration that is a time. */
import { describe, expect, it } from 'vitest';
import { earlierValue, fromTo, isRateFact, marketQuote, modalMay, onePart, partOfPrevious, rateAfter, timeSpan, withoutAsides } from '../../data/match/claim';

const FROM_TO = 'from ... to';

const may = (text: string) => modalMay(text, 0, text.length);

describe('the modal "may"', () => {
  it('is any lower-case "may"', () => {
    expect(may('Amazon may invest $60 billion in OpenAI.')).toBe(true);
    expect(may('It may yet invest more.')).toBe(true);
  });

  it('is a capitalised "May" in a title-case headline', () => {
    expect(may('Amazon May Invest $60 Billion in OpenAI')).toBe(true);
  });

  it('is not the month after a word of time, a determiner or a possessive, nor before a day, year or comma', () => {
    for (const text of ['In May, Amazon invested.', 'the May expansion', "OpenAI's May round", 'since May', 'early May', 'May 12 2025', 'May 2026', 'in mid-May']) {
      expect(may(text), text).toBe(false);
    }
  });

  it('counts only inside the range asked', () => {
    const text = 'Amazon may invest more; OpenAI got $50 billion.';
    expect(modalMay(text, text.indexOf('OpenAI'), text.length)).toBe(false);
    expect(modalMay(text, 0, text.indexOf(';'))).toBe(true);
  });
});

describe('the amount before a change', () => {
  const of = (sentence: string, figure: string, next?: string) => {
    const start = sentence.indexOf(figure);
    return earlierValue(sentence, start, start + figure.length, next === undefined ? undefined : sentence.indexOf(next, start + figure.length));
  };

  it('follows a word of change and "from"', () => {
    expect(of("Amazon's stake is $50 billion, up from $40 billion.", '$40 billion')).toBe('up from');
    expect(of('The plan was cut from the $60 billion first discussed.', '$60 billion')).toBe('cut from');
  });

  it('is X in "from X to Y", with Y the next figure', () => {
    expect(of('It went from $40 billion to $50 billion.', '$40 billion', '$50 billion')).toBe('went from');
    expect(of('It grew from $40 billion to a total of $50 billion.', '$40 billion', '$50 billion')).toBe('grew from');
    expect(of('Its stake went from $40 billion to a total of $50 billion.', '$40 billion', '$50 billion')).toBe('went from');
    expect(of('The deal, from $40 billion to a total of $50 billion.', '$40 billion', '$50 billion')).toBe(FROM_TO);
    expect(of('The deal, from $40 billion to $50 billion.', '$40 billion')).toBeUndefined();
    const s = 'It went from $40 billion to $50 billion.';
    expect(fromTo(s, s.indexOf('$40'), s.indexOf(' to'), s.indexOf('$50'))).toBe(true);
    expect(fromTo(s, s.indexOf('$50'), s.indexOf('.'), s.length)).toBe(false);
  });

  it('is X in "X was raised to Y", with Y the next figure', () => {
    expect(of('Its valuation of $700 billion was raised to $730 billion.', '$700 billion', '$730 billion')).toBe('raised to');
    expect(of('The round, at $100 billion, was later cut to about $90 billion.', '$100 billion', '$90 billion')).toBe('cut to');
    expect(of('It raised $700 billion to spend on $730 billion of chips.', '$700 billion', '$730 billion')).toBeUndefined();
    expect(of('Its valuation of $700 billion was raised.', '$700 billion')).toBeUndefined();
  });

  it('is not a figure that merely follows "from"', () => {
    expect(of('OpenAI will get $50 billion from Amazon, and benefit from $15 billion now.', '$15 billion')).toBeUndefined();
    expect(of('Money from $5 billion funds, and then to $8 billion ones.', '$5 billion', '$8 billion')).toBeUndefined();
  });
});

describe('a duration that is a time, not a deal\'s length', () => {
  const of = (sentence: string, figure: string) => {
    const start = sentence.indexOf(figure);
    return timeSpan(sentence, start, start + figure.length);
  };

  it('follows "in", "within", "after", "first" or "than", or comes before "later" or "earlier"', () => {
    expect(of("The deal, Amazon's first in ten years, runs eight years.", 'ten years')).toBe('in');
    expect(of('OpenAI must spend it within five years.', 'five years')).toBe('within');
    expect(of('They signed again two years later.', 'two years')).toBe('later');
    expect(of('OpenAI signed with Amazon three years earlier.', 'three years')).toBe('earlier');
    expect(of('In the first two years OpenAI spends less.', 'two years')).toBe('first');
  });

  it('written as one word before a noun, sizes that noun: a deal\'s, or a time\'s', () => {
    expect(of('It ends an eight-year wait for Amazon.', 'eight-year')).toBe('wait');
    expect(of('A ten-year veteran of AWS leads it.', 'ten-year')).toBe('veteran');
    expect(of('They signed an eight-year exclusive cloud contract.', 'eight-year')).toBeUndefined();
    expect(of("OpenAI's eight-year AWS deal.", 'eight-year')).toBeUndefined();
    expect(of('An eight-year, $100 billion deal.', 'eight-year')).toBeUndefined();
  });

  it('is not a term said with "over", "for" or "the next"', () => {
    expect(of('OpenAI will spend $100 billion over eight years.', 'eight years')).toBeUndefined();
    expect(of('Stargate will invest over the next four years.', 'four years')).toBeUndefined();
    expect(of('The contract runs for five years.', 'five years')).toBeUndefined();
  });
});

describe("the market's price quoted right before a figure", () => {
  const quote = (sentence: string, figure: string) => marketQuote(sentence, 0, sentence.indexOf(figure));

  it('is "stock" or "shares", a verb of the market, and small words up to the figure', () => {
    expect(quote('Splunk stock hit $150 a share.', '$150')).toBe('stock hit');
    expect(quote("Splunk's shares had traded near $120.", '$120')).toBe('shares traded');
    expect(quote('Its shares were $120 each.', '$120')).toBe('shares were');
    expect(quote('Activision stock stood at about $65.', '$65')).toBe('stock stood');
  });

  it('is not a price per share of the deal, nor a market word far from the figure', () => {
    expect(quote('Cisco agreed to buy Splunk for $157 a share.', '$157')).toBeUndefined();
    expect(quote("Cisco's offer of $157 per share was accepted.", '$157')).toBeUndefined();
    expect(quote('Its stock rose after Cisco agreed to pay $157 a share.', '$157')).toBeUndefined();
    expect(quote('Microsoft paid $95 in stock for each share.', '$95')).toBeUndefined();
  });
});

describe('a figure written as a rate', () => {
  const rate = (sentence: string, figure: string) => rateAfter(sentence, sentence.indexOf(figure) + figure.length);

  it('is a period right after the figure', () => {
    expect(rate('Amazon will invest $25 billion a year in OpenAI.', '$25 billion')).toBe('year');
    expect(rate('SoftBank will spend $3 billion each year on it.', '$3 billion')).toBe('year');
    expect(rate('It pays $2 million per month.', '$2 million')).toBe('month');
    expect(rate('It pays $8 billion annually.', '$8 billion')).toBe('annually');
  });

  it('is not a period that places a time, nor one further off', () => {
    expect(rate('Amazon invested $50 billion a year ago.', '$50 billion')).toBeUndefined();
    expect(rate('It agreed to $50 billion a year later.', '$50 billion')).toBeUndefined();
    expect(rate('Amazon will invest $50 billion over a year.', '$50 billion')).toBeUndefined();
    expect(rate('Amazon will invest $50 billion in OpenAI each year.', '$50 billion')).toBeUndefined();
  });

  it("is a fact's own kind when its cues say a period", () => {
    expect(isRateFact(['annually', 'a year'])).toBe(true);
    expect(isRateFact(['per month'])).toBe(true);
    expect(isRateFact(['initial', 'first tranche'])).toBe(false);
    expect(isRateFact([])).toBe(false);
  });
});

describe('a figure that is one of several parts', () => {
  const part = (sentence: string, figure: string) => onePart(sentence, sentence.indexOf(figure), sentence.indexOf(figure) + figure.length);

  it('follows plural parts and "of", or comes before "per tranche", "in each of" or "twice"', () => {
    expect(part('Amazon will invest in two tranches of $25 billion each.', '$25 billion')).toBe('tranches');
    expect(part('It comes in payments of about $10 billion.', '$10 billion')).toBe('payments');
    expect(part('Amazon will invest $25 billion per tranche.', '$25 billion')).toBe('per tranche');
    expect(part('Amazon will pay $25 billion in each of two tranches.', '$25 billion')).toBe('in each of');
    expect(part('Amazon will invest $25 billion twice.', '$25 billion')).toBe('twice');
  });

  it('is not a whole paid in parts, one named part, or a comparison', () => {
    expect(part('Amazon will invest $50 billion in two tranches.', '$50 billion')).toBeUndefined();
    expect(part('The first tranche of $15 billion goes now.', '$15 billion')).toBeUndefined();
    expect(part('Amazon will invest $50 billion, twice what Microsoft put in.', '$50 billion')).toBeUndefined();
  });
});

describe('a figure written as a part of the figure before it', () => {
  /** Whether `part` is written as a part of `whole` in `sentence` (both figures' texts, found in order). */
  const partOf = (sentence: string, whole: string, part: string) => {
    const wholeEnd = sentence.indexOf(whole) + whole.length;
    return partOfPrevious(sentence, wholeEnd, sentence.indexOf(part, wholeEnd));
  };

  it('follows "starting with", "beginning with", "with an initial" or "the first" a few words after the whole', () => {
    expect(partOf('Nvidia will invest $100 billion in OpenAI, starting with $10 billion.', '$100 billion', '$10 billion')).toBe(true);
    expect(partOf('The round is paid in steps, $40 billion beginning with about $10 billion.', '$40 billion', '$10 billion')).toBe(true);
    expect(partOf('Amazon will invest $50 billion, with an initial $15 billion now.', '$50 billion', '$15 billion')).toBe(true);
    expect(partOf('Nvidia will invest $100 billion over time, the first $10 billion on signing.', '$100 billion', '$10 billion')).toBe(true);
    expect(partOf('Amazon will invest $50 billion, an initial tranche of $15 billion now.', '$50 billion', '$15 billion')).toBe(true);
  });

  it('is not an aggregate\'s listed part, a figure of another clause, or one far from the whole', () => {
    expect(partOf('OpenAI has signed $1.4 trillion of contracts, including $38 billion with AWS.', '$1.4 trillion', '$38 billion')).toBe(false);
    expect(partOf('OpenAI has $1.4 trillion of contracts, of which $38 billion is with AWS.', '$1.4 trillion', '$38 billion')).toBe(false);
    expect(partOf('Nvidia will invest $100 billion; the first $10 billion comes from SoftBank.', '$100 billion', '$10 billion')).toBe(false);
    expect(partOf('Nvidia will invest $100 billion in OpenAI, and SoftBank, which led the round that OpenAI closed in March, began with $10 billion.', '$100 billion', '$10 billion')).toBe(false);
    expect(partOf('Amazon will invest $50 billion and Nvidia $30 billion.', '$50 billion', '$30 billion')).toBe(false);
  });
});

describe('relative asides before a figure', () => {
  it('are cut out of the words that may speak for its role', () => {
    const before = (sentence: string) => withoutAsides(sentence, sentence.indexOf('$'));
    expect(before('Horizon, which Amgen bought, has $27.8 billion.')).toBe('Horizon, has ');
    expect(before('OpenAI, whose backers include Microsoft, holds $10 billion.')).toBe('OpenAI, holds ');
  });

  it('are only relative clauses closed by a comma before the figure', () => {
    const before = (sentence: string) => withoutAsides(sentence, sentence.indexOf('$'));
    expect(before('Amgen bought Horizon for $27.8 billion.')).toBeUndefined();
    expect(before('Amgen, which bought Horizon for $27.8 billion, grew.')).toBeUndefined();
    expect(before('In March, Amgen paid $27.8 billion.')).toBeUndefined();
  });
});
