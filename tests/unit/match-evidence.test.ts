/**
 * Each evidence rule of the matcher, with minimal sentences in our own words: every case fails
 * when its rule is taken out (a figure of another deal, time, role or claim would get a verdict).
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, matchBatch } from '../../data/match';
import { testPack as bundledPack } from './deal-pack';
import { bundledPack as shippedPack } from '../../data/packs';
import type { Pack } from '../../data/schema/pack';
import type { Verdict } from '../../data/schema/verdict';
import { annotate, figureIn, type FigureSpec } from './figure-helpers';
import { attributedAfter, isQuestion, uncheckable } from '../../data/match/claim';
import { localContexts } from '../../data/match/context';
import { roleFit, roleOf } from '../../data/match/roles';
import { hasCapital, phraseWords } from '../../data/match/text';
import { outermostNames, payerOf, possessorOf, respectiveOwner, severalOwners, sourceOf } from '../../data/match/evidence';

const bundled = buildIndex([bundledPack]);
const usd = (billions: number, extra: Partial<FigureSpec> = {}): FigureSpec => ({ value: billions * 1e9, unit: 'USD', ...extra });

interface Page {
  /** The paragraph; the figure's sentence is found in it. */
  block?: string;
  title?: string;
  published?: string;
  /** The paragraph's heading (sent as a block of its own, as the content script sends it). */
  heading?: string;
  /** The last sentence of the paragraph before (sent as a block of its own). */
  lead?: string;
}

/** The verdict of the figure `text` in `sentence`, on a page with the given paragraph, title and date. */
function verdictOf(sentence: string, text: string, spec: FigureSpec, page: Page = {}, index = bundled): Verdict {
  const block = page.block ?? sentence;
  const query = figureIn(sentence, text, spec, 0, block.indexOf(sentence));
  const blocks = [block, ...(page.heading ? [page.heading] : []), ...(page.lead ? [page.lead] : [])];
  const request = { ...annotate([query], page.title ?? '', blocks), ...(page.published ? { published: page.published } : {}) };
  const none = blocks.slice(1).map(() => -1);
  if (page.heading) request.headings = [1, ...none];
  if (page.lead) request.leads = [blocks.length - 1, ...none];
  return matchBatch(index, request)[0]!;
}

const summary = (v: Verdict) => [v.verdict, v.fact?.id];

/** Verdict and fact of each figure of `sentence` (texts and values in `figures`, sent together as one paragraph), on a page of the given date. */
function summariesOf(sentence: string, figures: [string, FigureSpec][], published: string): (string | undefined)[][] {
  const request = { ...annotate(figures.map(([text, spec]) => figureIn(sentence, text, spec))), published };
  return matchBatch(bundled, request).map(summary);
}

describe('the same deal', () => {
  it('a figure of another company named in the clause gets no verdict, even with the right value', () => {
    expect(summary(verdictOf('Microsoft put $50 billion into OpenAI.', '$50 billion', usd(50)))).toEqual(['unverified', undefined]);
  });

  it('a two-sided fact needs both sides: Nvidia and OpenAI do not bind to the Amazon commitment', () => {
    expect(verdictOf('Nvidia will invest $100 billion in OpenAI.', '$100 billion', usd(100)).verdict).toBe('unverified');
  });

  it('a company the packs do not know, named beside the figure, keeps it from differing', () => {
    const v = verdictOf('Amazon will invest $40 billion in OpenAI rival Anthropic.', '$40 billion', usd(40));
    expect(v.verdict).toBe('unverified');
    expect(verdictOf('Amazon will invest $40 billion in OpenAI.', '$40 billion', usd(40)).verdict).toBe('mismatch');
  });

  it('another deal named elsewhere in the paragraph does not bind: "another $4 billion to its Anthropic stake"', () => {
    const block = 'OpenAI took Amazon money this year. Amazon added another $4 billion to its Anthropic stake.';
    expect(verdictOf('Amazon added another $4 billion to its Anthropic stake.', '$4 billion', usd(4), { block }).verdict).toBe('unverified');
  });

  it('names in the title support a sentence that names one party, but cannot make it differ', () => {
    const page = { title: 'Amazon deepens its OpenAI bet', published: '2026-02-27' };
    expect(summary(verdictOf('Amazon pays an initial $15 billion.', '$15 billion', usd(15), page))).toEqual(['verified', 'amazon-openai-2026.investment-initial']);
    expect(verdictOf('Amazon pays an initial $20 billion.', '$20 billion', usd(20), page).verdict).toBe('unverified');
  });

  it('a deal named by its own name binds without its parties', () => {
    const pack: Pack = {
      ...bundledPack,
      id: 'names-pack',
      deals: [...bundledPack.deals, { id: 'stargate-2025', title: 'Stargate', parties: ['openai', 'softbank'], announced: '2025-01-21', names: ['Stargate'] }],
      facts: [...bundledPack.facts, {
        ...bundledPack.facts[0]!, id: 'stargate.initial', deal: 'stargate-2025', subject: 'softbank', object: 'openai', role: 'initial',
        quantity: { value: 100e9, unit: 'USD' }, asOf: '2025-01-21', cues: [], excludes: [],
      }],
    };
    const v = verdictOf('The Stargate venture starts with an initial $100 billion.', '$100 billion', usd(100), {}, buildIndex([pack]));
    expect(summary(v)).toEqual(['verified', 'stargate.initial']);
    expect(v.why).toContain("'Stargate' named in this sentence");
  });
});

describe("a paragraph's heading", () => {
  const day = { published: '2026-02-27' };

  it('names the parties like the sentence before: linked, so a right value verifies', () => {
    const v = verdictOf('The retailer pays an initial $15 billion.', '$15 billion', usd(15), { ...day, heading: 'Amazon and OpenAI' });
    expect(summary(v)).toEqual(['verified', 'amazon-openai-2026.investment-initial']);
    expect(v.why).toContain('Amazon and OpenAI named in the heading');
    // Without the heading nothing names a party.
    expect(verdictOf('The retailer pays an initial $15 billion.', '$15 billion', usd(15), day).verdict).toBe('unverified');
  });

  it('one party in the heading and the other in the title support a match', () => {
    const page = { ...day, heading: 'Amazon', title: 'What OpenAI got' };
    expect(summary(verdictOf('The retailer pays an initial $15 billion.', '$15 billion', usd(15), page))).toEqual(['verified', 'amazon-openai-2026.investment-initial']);
    expect(verdictOf('The retailer pays an initial $15 billion.', '$15 billion', usd(15), { ...day, title: 'What OpenAI got' }).verdict).toBe('unverified');
  });

  it('never makes a figure differ: only its own sentence can', () => {
    expect(verdictOf('The retailer pays an initial $20 billion.', '$20 billion', usd(20), { ...day, heading: 'Amazon and OpenAI' }).verdict).toBe('unverified');
  });

  it('does not bind a figure whose clause names someone else', () => {
    expect(verdictOf('Microsoft pays an initial $15 billion.', '$15 billion', usd(15), { ...day, heading: 'Amazon and OpenAI' }).verdict).toBe('unverified');
  });
});

describe('the sentence before, across a paragraph break', () => {
  const day = { published: '2026-02-27' };
  const lead = 'Amazon agreed on Friday to invest in OpenAI.';

  it("a paragraph's first sentence is linked to the last sentence of the paragraph before", () => {
    const v = verdictOf('The retailer pays an initial $15 billion.', '$15 billion', usd(15), { ...day, lead });
    expect(summary(v)).toEqual(['verified', 'amazon-openai-2026.investment-initial']);
    expect(v.why).toContain('Amazon and OpenAI named in the sentence before');
    expect(verdictOf('The retailer pays an initial $15 billion.', '$15 billion', usd(15), day).verdict).toBe('unverified');
  });

  it('only the first sentence: a later one has its own sentence before', () => {
    const block = 'Shares rose. The retailer pays an initial $15 billion.';
    expect(verdictOf('The retailer pays an initial $15 billion.', '$15 billion', usd(15), { ...day, lead, block }).verdict).toBe('unverified');
  });
});

describe('the deal the text names more fully', () => {
  it("claims the figure: OpenAI's own $30 billion does not verify a misstated Amazon remainder", () => {
    const own = { id: 'openai-raise-2025', title: 'OpenAI raise', parties: ['openai'], announced: '2025-03-31' };
    const remaining = bundledPack.facts.find((f) => f.id === 'amazon-openai-2026.investment-remaining')!;
    const pack: Pack = {
      ...bundledPack, id: 'own-remainder', deals: [...bundledPack.deals, own],
      facts: [...bundledPack.facts, { ...remaining, id: 'openai-raise-2025.remaining', deal: own.id, subject: 'openai', object: undefined, quantity: { value: 30e9, unit: 'USD' }, asOf: own.announced }],
    };
    const index = buildIndex([pack]);
    const page = { published: '2026-03-01', lead: 'Amazon will invest an initial $15 billion in OpenAI.' };
    // The text names both sides of Amazon's deal, whose remainder is $35 billion: $30 billion is no one's for sure.
    expect(verdictOf('The rest, $30 billion, follows later.', '$30 billion', usd(30), page, index).verdict).toBe('unverified');
    // Naming OpenAI alone, its own remainder verifies.
    expect(summary(verdictOf('OpenAI gets the rest, $30 billion, later.', '$30 billion', usd(30), { published: '2025-04-01' }, index))).toEqual(['verified', 'openai-raise-2025.remaining']);
  });
});

describe('someone else named beside the figure', () => {
  it('an unknown owner right before or after the figure keeps it from matching', () => {
    const page = { published: '2026-03-01' };
    expect(verdictOf("Amazon and OpenAI, in a joint note, praised Stargate's initial $15 billion.", '$15 billion', usd(15), page).verdict).toBe('unverified');
    expect(verdictOf('Amazon, unlike OpenAI, put an initial $15 billion into Anthropic.', '$15 billion', usd(15), page).verdict).toBe('unverified');
    expect(verdictOf('Amazon pays OpenAI an initial $15 billion in the United States.', '$15 billion', usd(15), page).verdict).toBe('verified');
    // A month ending the sentence is a date, not an owner.
    expect(verdictOf('Amazon and OpenAI, in a joint note, said the initial payment was $15 billion in February.', '$15 billion', usd(15), page).verdict).toBe('verified');
  });
});

describe('several payers in one clause', () => {
  it('a figure listed with several companies contradicts none of their facts, unless "each" gives it to all', () => {
    const page = { published: '2026-02-28' };
    const listed = 'Amazon, Nvidia and SoftBank invested $50 billion, $30 billion and $30 billion in OpenAI.';
    expect(verdictOf(listed, '$50 billion', usd(50), page).verdict).toBe('unverified');
    expect(verdictOf('Nvidia and SoftBank will each invest $25 billion in OpenAI.', '$25 billion', usd(25), page).verdict).toBe('mismatch');
  });

  it('"respectively", or two plain lists, give each figure to the company in its place', () => {
    const s = 'Nvidia and SoftBank invested $30 billion and $20 billion respectively in OpenAI.';
    expect(summariesOf(s, [['$30 billion', usd(30)], ['$20 billion', usd(20)]], '2026-02-28')).toEqual([
      ['verified', 'openai-funding-2026.nvidia-investment'],
      ['mismatch', 'openai-funding-2026.softbank-investment'],
    ]);
    const span = (id: string, start: number) => ({ id, start, end: start + 5 });
    const listed = 'Amazon, Nvidia and SoftBank put $50 billion, $30 billion and $30 billion into OpenAI.';
    expect(summariesOf(listed, [['$50 billion', usd(50)], ['$30 billion', usd(30)], ['$30 billion', usd(30, { occurrence: 1 })]], '2026-02-28')).toEqual([
      ['unverified', undefined],
      ['verified', 'openai-funding-2026.nvidia-investment'],
      ['verified', 'openai-funding-2026.softbank-investment'],
    ]);
    expect(respectiveOwner([span('nvidia', 0), span('softbank', 10), span('openai', 60)], [30, 50], 1)).toBe('softbank');
    expect(respectiveOwner([span('openai', 0), span('nvidia', 10), span('softbank', 20)], [40, 50], 0)).toBeUndefined();
  });

  it('counts the companies besides the fact\'s object, and not a product\'s maker', () => {
    const span = (id: string, product = false) => ({ id, start: 0, end: 1, ...(product ? { product } : {}) });
    expect(severalOwners([span('amazon'), span('nvidia'), span('openai')], 'openai')).toBe(true);
    expect(severalOwners([span('amazon'), span('openai'), span('amazon')], 'openai')).toBe(false);
    expect(severalOwners([span('openai'), span('nvidia', true), span('amazon')], 'openai')).toBe(false);
  });
});

describe('the same role', () => {
  it('a label before a colon is what the figure is: "Amazon\'s initial payment to OpenAI: $20 billion"', () => {
    const page = { published: '2026-03-01' };
    expect(verdictOf("Amazon's initial payment to OpenAI: $20 billion", '$20 billion', usd(20), page).verdict).toBe('mismatch');
    expect(summary(verdictOf("Amazon's initial payment to OpenAI: $15 billion", '$15 billion', usd(15), page))).toEqual(['verified', 'amazon-openai-2026.investment-initial']);
  });

  it('a second or another part is not the first one', () => {
    expect(verdictOf('Amazon will pay a second $15 billion tranche to OpenAI.', '$15 billion', usd(15)).verdict).toBe('unverified');
    expect(verdictOf('Amazon will pay OpenAI another $15 billion.', '$15 billion', usd(15)).verdict).toBe('unverified');
    expect(summary(verdictOf('Amazon will pay OpenAI $15 billion at first.', '$15 billion', usd(15)))).toEqual(['verified', 'amazon-openai-2026.investment-initial']);
  });

  it('a figure right before "round" is the round\'s size, not a backer\'s share of it', () => {
    expect(verdictOf("SoftBank is putting money into OpenAI's $30 billion funding round.", '$30 billion', usd(30)).verdict).toBe('unverified');
    expect(summary(verdictOf("SoftBank is putting $30 billion into OpenAI's funding round.", '$30 billion', usd(30)))).toEqual(['verified', 'openai-funding-2026.softbank-investment']);
  });

  it('a power figure is a capacity by its unit alone', () => {
    expect(summary(verdictOf('OpenAI will draw 2 GW from Amazon.', '2 GW', { value: 2, unit: 'GW' }))).toEqual(['verified', 'amazon-openai-2026.trainium-capacity']);
  });

  it('"of ..." right after a figure belongs to it ("$100 billion of AWS services over eight years"); a term in a clause that pays the fact\'s own receiver is its term', () => {
    for (const s of ['OpenAI will buy $100 billion of Amazon Web Services over eight years.', 'OpenAI will spend $100 billion on AWS over eight years.']) {
      expect(summariesOf(s, [['$100 billion', usd(100)], ['eight years', { value: 8, unit: 'year' }]], '2026-03-01'), s).toEqual([
        ['verified', 'amazon-openai-2026.aws-commitment'],
        ['verified', 'amazon-openai-2026.aws-commitment-term'],
      ]);
    }
  });

  it('a term beside an amount no fact of its deal could be is that amount\'s ("$1.4 trillion ... over eight years"); beside a misstated amount of the deal it stays the deal\'s term', () => {
    const eight = ['eight years', { value: 8, unit: 'year' }] as [string, FigureSpec];
    expect(summariesOf('OpenAI plans to spend $1.4 trillion on AWS over eight years.', [['$1.4 trillion', usd(1400)], eight], '2026-03-01')).toEqual([
      ['unverified', undefined],
      ['unverified', undefined],
    ]);
    expect(summariesOf('OpenAI will buy 30 gigawatts of AWS capacity over eight years.', [['30 gigawatts', { value: 30, unit: 'GW' }], eight], '2026-03-01')[1]).toEqual(['unverified', undefined]);
    expect(summariesOf('OpenAI plans to spend $1.4 trillion on AWS over ten years.', [['$1.4 trillion', usd(1400)], ['ten years', { value: 10, unit: 'year' }]], '2026-03-01')[1]).toEqual(['unverified', undefined]);
    expect(summariesOf('OpenAI will spend $120 billion on AWS over eight years.', [['$120 billion', usd(120)], eight], '2026-03-01')).toEqual([
      ['mismatch', 'amazon-openai-2026.aws-commitment'],
      ['verified', 'amazon-openai-2026.aws-commitment-term'],
    ]);
  });

  it('a rate ("$25 billion a year") neither confirms nor contradicts a total; a fact of a rate may be confirmed by one', () => {
    for (const s of ['Amazon will invest $25 billion a year in OpenAI.', 'Amazon will invest $25 billion each year for two years in OpenAI.', 'Amazon will invest $50 billion a year in OpenAI.']) {
      const value = s.includes('$25') ? 25 : 50;
      expect(verdictOf(s, `$${value} billion`, usd(value)).verdict, s).toBe('unverified');
    }
    expect(verdictOf('Amazon will invest $25 billion in OpenAI.', '$25 billion', usd(25)).verdict).toBe('mismatch');
    // "A year from now" is no rate but a time: what is due then may be a part of the whole.
    expect(verdictOf('Amazon will invest $25 billion a year from now in OpenAI.', '$25 billion', usd(25)).verdict).toBe('unverified');
    const annual = "SoftBank will spend $3 billion a year on OpenAI's products.";
    const request = { ...annotate([figureIn(annual, '$3 billion', usd(3))]), published: '2025-02-04' };
    expect(summary(matchBatch(buildIndex([shippedPack]), request)[0]!)).toEqual(['verified', 'softbank-openai-crystal-2025.commitment']);
  });

  it('one of several parts ("two tranches of $25 billion each", "per tranche", "twice") neither confirms nor contradicts the total', () => {
    for (const s of ['Amazon will invest in OpenAI in two tranches of $25 billion each.', 'Amazon will pay OpenAI $25 billion in each of two tranches.', 'Amazon will invest $25 billion per tranche in OpenAI.']) {
      expect(verdictOf(s, '$25 billion', usd(25)).verdict, s).toBe('unverified');
    }
    expect(summary(verdictOf('Amazon will invest $50 billion in OpenAI in two tranches.', '$50 billion', usd(50)))).toEqual(['verified', 'amazon-openai-2026.investment-total']);
  });

  it("a stake's worth (\"values its stake at\", \"is now worth\") is not what was paid for it; a stake value fact still verifies", () => {
    const page = { title: 'OpenAI funding', published: '2026-03-01' };
    const index = buildIndex([shippedPack]);
    for (const s of ['SoftBank values its OpenAI stake at $60 billion.', "SoftBank's stake in OpenAI is now worth $60 billion."]) {
      expect(verdictOf(s, '$60 billion', usd(60), page, index).verdict, s).toBe('unverified');
    }
    expect(summary(verdictOf('SoftBank is putting $60 billion into OpenAI for a stake.', '$60 billion', usd(60), page, index))).toEqual(['mismatch', 'openai-funding-2026.softbank-investment']);
    expect(summary(verdictOf("Microsoft's stake in OpenAI is worth about $135 billion.", '$135 billion', usd(135), page, index))).toEqual(['verified', 'microsoft-openai-recap-2025.stake-value']);
  });

  it('a figure with no role word does not bind', () => {
    expect(verdictOf('Amazon lent OpenAI $15 billion.', '$15 billion', usd(15)).verdict).toBe('unverified');
  });

  it('an addition ("another") is not the total', () => {
    expect(verdictOf('Amazon will invest another $50 billion in OpenAI.', '$50 billion', usd(50)).verdict).toBe('unverified');
  });

  it('"another" confirms a later part but never contradicts one', () => {
    expect(summary(verdictOf('Amazon will give OpenAI another $35 billion.', '$35 billion', usd(35)))).toEqual(['verified', 'amazon-openai-2026.investment-remaining']);
    expect(verdictOf('Amazon will give OpenAI another $40 billion.', '$40 billion', usd(40)).verdict).toBe('unverified');
  });

  it('"a first $15 billion" is the initial tranche; "will first give" is not', () => {
    expect(summary(verdictOf('Amazon pays OpenAI a first $15 billion.', '$15 billion', usd(15)))).toEqual(['verified', 'amazon-openai-2026.investment-initial']);
    expect(summary(verdictOf('Amazon will first give $50 billion to OpenAI.', '$50 billion', usd(50)))).toEqual(['verified', 'amazon-openai-2026.investment-total']);
  });

  it('"worth" sizes a contract without making it a valuation', () => {
    expect(summary(verdictOf('OpenAI signed a contract with Amazon worth $100 billion.', '$100 billion', usd(100), { published: '2026-03-01' }))).toEqual(['verified', 'amazon-openai-2026.aws-commitment']);
  });

  it('a valuation word makes a money figure a valuation, not an investment', () => {
    expect(verdictOf('Amazon valued OpenAI at $50 billion.', '$50 billion', usd(50)).verdict).toBe('unverified');
  });

  it('a plain valuation word verifies, but only "pre-money" can contradict a pre-money valuation', () => {
    expect(summary(verdictOf('OpenAI is now valued at $730 billion.', '$730 billion', usd(730)))).toEqual(['verified', 'openai-funding-2026.pre-money-valuation']);
    expect(verdictOf('OpenAI is now valued at $840 billion.', '$840 billion', usd(840)).verdict).toBe('unverified');
    expect(verdictOf('OpenAI has a pre-money valuation of $840 billion.', '$840 billion', usd(840), { published: '2026-03-01' }).verdict).toBe('mismatch');
  });

  it('undated, a recurring figure (a round, a valuation) differs only on a page shown to be about that deal', () => {
    const s = 'OpenAI has a pre-money valuation of $840 billion.';
    expect(verdictOf(s, '$840 billion', usd(840)).verdict).toBe('unverified');
    const block = `OpenAI closed a $110 billion funding round. ${s}`;
    const request = annotate([figureIn(block, '$110 billion', usd(110)), figureIn(block, '$840 billion', usd(840))], '', [block]);
    expect(matchBatch(bundled, request).map((v) => v.verdict)).toEqual(['verified', 'mismatch']);
  });

  it('a figure several times the record is another quantity, not a misstatement', () => {
    expect(verdictOf('OpenAI has signed $1.4 trillion of compute commitments with Amazon.', '$1.4 trillion', usd(1400)).verdict).toBe('unverified');
  });

  it('an unverified figure close to known facts says what is missing', () => {
    expect(verdictOf('Amazon lent OpenAI $15 billion.', '$15 billion', usd(15)).why).toBe('Factmark has facts about Amazon and OpenAI, but none for this role');
  });
});

describe('clauses', () => {
  it('a figure joined to the one before by "and another" shares its verb', () => {
    const sentence = 'xAI raised $6 billion in May and another $6 billion in December.';
    const first = figureIn(sentence, '$6 billion', usd(6));
    const second = figureIn(sentence, '$6 billion', usd(6, { occurrence: 1 }));
    expect(localContexts([first, second])[1]!.words).toContain('raised');
    // A clause with its own subject does not.
    const other = 'Amazon invested $4 billion and Google $2 billion.';
    expect(localContexts([figureIn(other, '$4 billion', usd(4)), figureIn(other, '$2 billion', usd(2))])[1]!.words).not.toContain('invested');
  });
});

describe('rules from the evaluation\'s misses', () => {
  const page = { published: '2026-02-28' };

  it('a figure right after "at" in a sentence about a raise is the valuation', () => {
    expect(summary(verdictOf('OpenAI completed the raise at $730 billion.', '$730 billion', usd(730), page))).toEqual(['verified', 'openai-funding-2026.pre-money-valuation']);
    expect(verdictOf('OpenAI completed the deal at $730 billion.', '$730 billion', usd(730), page).verdict).toBe('unverified');
  });

  it('a sale of existing shares is a role of its own: "sold", "secondary" bind it; a valuation word does not', () => {
    expect(roleOf({ role: 'secondary-sale-size', metric: 'other' })).toBe('sale');
    expect(roleOf({ role: 'secondary-valuation', metric: 'valuation' })).toBe('valuation');
    const sale = { role: 'sale' as const, fact: { metric: 'other' as const }, cues: [], cueTexts: [], excludes: [] };
    const around = (text: string) => [...phraseWords(text.split('$')[0]!), '\u0000', ...phraseWords(text.split(' billion')[1] ?? '')];
    expect(roleFit(sale, around('staff have sold about $6.6 billion of shares')).tier).toBe('specific');
    expect(roleFit(sale, around('the company is worth $6.6 billion')).tier).toBe('none');
  });

  it('a letter of intent confirms only a fact recorded as expected, and contradicts nothing', () => {
    const deal = { id: 'nvidia-openai-loi', title: 'Nvidia–OpenAI letter of intent', parties: ['nvidia', 'openai'], announced: '2025-09-22' };
    const fact = { ...bundledPack.facts[0]!, id: 'loi.capacity', deal: deal.id, subject: 'openai', object: 'nvidia', metric: 'capacity' as const, role: 'capacity', quantity: { value: 10, unit: 'GW' }, asOf: '2025-09-22', cues: [], excludes: [] };
    const gw = (n: number): FigureSpec => ({ value: n * 1e9, unit: 'W' });
    const packOf = (status: 'expected' | 'confirmed') => buildIndex([{ ...bundledPack, id: `loi-${status}`, deals: [...bundledPack.deals, deal], facts: [...bundledPack.facts, { ...fact, status }] }]);
    const when = { published: '2025-09-25' };
    const sentence = (n: number) => `Nvidia signed a letter of intent with OpenAI covering ${n} gigawatts.`;
    expect(summary(verdictOf(sentence(10), '10 gigawatts', gw(10), when, packOf('expected')))).toEqual(['verified', 'loi.capacity']);
    expect(verdictOf(sentence(12), '12 gigawatts', gw(12), when, packOf('expected')).verdict).toBe('unverified');
    const closed = verdictOf(sentence(10), '10 gigawatts', gw(10), when, packOf('confirmed'));
    expect([closed.verdict, closed.why]).toEqual(['unverified', "'letter of intent': an intention, not the closed deal on record"]);
  });

  it('"closed" a sum is a funding word', () => {
    expect(summary(verdictOf('OpenAI closed $110 billion from its backers.', '$110 billion', usd(110), page))).toEqual(['verified', 'openai-funding-2026.round-total']);
  });

  it('a company named for its product ("Nvidia chips") is not someone else in the deal', () => {
    const years = (n: number): FigureSpec => ({ value: n, unit: 'year' });
    const when = { published: '2025-11-05' };
    expect(summary(verdictOf('The contract between AWS and OpenAI runs for six years and gives OpenAI Nvidia chips.', 'six years', years(6), when))).toEqual(['mismatch', 'aws-openai-2025.aws-commitment-term']);
    expect(verdictOf('The contract between AWS and OpenAI runs for six years and gives Nvidia a say.', 'six years', years(6), when).verdict).toBe('unverified');
  });

  it('a later fact of the same kind does not keep a figure the text dates to the earlier one from differing', () => {
    const sentence = "OpenAI's original AWS contract, signed in November 2025, was worth $48 billion.";
    expect(summary(verdictOf(sentence, '$48 billion', usd(48), { published: '2026-03-01' }))).toEqual(['mismatch', 'aws-openai-2025.aws-commitment']);
    expect(verdictOf("OpenAI's original AWS contract was worth $48 billion.", '$48 billion', usd(48), { published: '2026-03-01' }).verdict).toBe('unverified');
  });

  it('a date in another figure\'s clause does not keep this one from differing', () => {
    const sentence = 'Amazon pays OpenAI an initial $20 billion, twice the $10 billion it paid in 2024.';
    expect(summary(verdictOf(sentence, '$20 billion', usd(20), page))).toEqual(['unverified', undefined]);
    const both = [figureIn(sentence, '$20 billion', usd(20)), figureIn(sentence, '$10 billion', usd(10))];
    expect(matchBatch(bundled, { ...annotate(both, ''), published: page.published })[0]!.verdict).toBe('mismatch');
  });
});

describe('the owner the words give the figure', () => {
  const page = { title: 'OpenAI raises $110 billion' };

  it('is a company the fact does not require: not the fact\'s figure, though that company is party to the deal', () => {
    expect(verdictOf('SoftBank raised $110 billion.', '$110 billion', usd(110), page).verdict).toBe('unverified');
    expect(verdictOf('SoftBank raised $120 billion.', '$120 billion', usd(120), page).verdict).toBe('unverified');
    expect(summary(verdictOf('OpenAI raised $110 billion.', '$110 billion', usd(110), page))).toEqual(['verified', 'openai-funding-2026.round-total']);
    expect(summary(verdictOf("SoftBank's $30 billion investment in OpenAI.", '$30 billion', usd(30), page))).toEqual(['verified', 'openai-funding-2026.softbank-investment']);
  });

  it('is the name right before the figure with "\'s" or a verb of owning or raising, and not one after "by"', () => {
    const spans = (text: string, ...names: string[]) => names.map((id) => ({ id, start: text.indexOf(id), end: text.indexOf(id) + id.length }));
    const of = (text: string, figure: string, ...names: string[]) => possessorOf(text, spans(text, ...names), text.indexOf(figure));
    expect(of('Microsoft owns about 27% of OpenAI', '27%', 'Microsoft', 'OpenAI')).toEqual(['Microsoft']);
    expect(of("Microsoft's 27% stake in OpenAI", '27%', 'Microsoft', 'OpenAI')).toEqual(['Microsoft']);
    expect(of('The round led by Thrive raised $6.6 billion', '$6.6', 'Thrive')).toBeUndefined();
    expect(of('Amazon money is part of a $110 billion round', '$110', 'Amazon')).toBeUndefined();
    const from = 'OpenAI will spend the $50 billion from Amazon on AWS';
    expect(sourceOf(from, spans(from, 'OpenAI', 'Amazon', 'AWS'), from.indexOf(' from'))).toEqual(['Amazon']);
    expect(sourceOf(from, spans(from, 'OpenAI', 'Amazon', 'AWS'), from.indexOf(' on'))).toBeUndefined();
  });
});

describe('the payer the words give the figure', () => {
  const page = { title: 'Nvidia invests in OpenAI', published: '2026-03-01' };

  it("is the investor: money the fact's receiver pays is not an investment in it", () => {
    for (const sentence of ['OpenAI invests $30 billion in new data centers.', 'OpenAI will invest $30 billion of its own.', 'OpenAI will invest $30 billion alongside Nvidia.']) {
      expect(verdictOf(sentence, '$30 billion', usd(30), page).verdict, sentence).toBe('unverified');
    }
    expect(summary(verdictOf('Nvidia will invest $30 billion in OpenAI.', '$30 billion', usd(30), page))).toEqual(['verified', 'openai-funding-2026.nvidia-investment']);
  });

  it('is the name right before a verb of investing or paying, not one in a list', () => {
    const spans = (text: string, ...names: string[]) => names.map((id) => ({ id, start: text.indexOf(id), end: text.indexOf(id) + id.length }));
    const of = (text: string, figure: string, ...names: string[]) => payerOf(text, spans(text, ...names), text.indexOf(figure));
    expect(of('OpenAI said Nvidia is investing $30 billion', '$30', 'OpenAI', 'Nvidia')).toEqual(['Nvidia']);
    expect(of('Amazon will pay about $15 billion up front', '$15', 'Amazon')).toEqual(['Amazon']);
    expect(of('Nvidia and SoftBank will invest $30 billion each', '$30', 'Nvidia', 'SoftBank')).toBeUndefined();
    expect(of('OpenAI, which Nvidia backs, got $30 billion', '$30', 'OpenAI', 'Nvidia')).toBeUndefined();
  });
});

describe('a name inside a longer name', () => {
  const foundation: Pack = {
    ...bundledPack,
    id: 'foundation',
    entities: [...bundledPack.entities, { id: 'openai-foundation', name: 'OpenAI Foundation', aliases: ['OpenAI Foundation'] }],
    deals: [{ id: 'recap-2025', title: 'OpenAI recapitalisation (October 2025)', parties: ['openai-foundation', 'openai', 'microsoft'], announced: '2025-10-28' }],
    facts: [{ ...bundledPack.facts[0]!, id: 'recap-2025.foundation-stake', deal: 'recap-2025', subject: 'openai-foundation', object: 'openai', metric: 'share', role: 'stake', quantity: { value: 26, unit: '%' }, asOf: '2025-10-28', cues: [], excludes: [] }],
  };
  const index = buildIndex([foundation]);
  const pct = (n: number): FigureSpec => ({ value: n, unit: '%' });
  const page = { published: '2025-11-15' };

  it('names the longer one only: "OpenAI Foundation" does not name OpenAI', () => {
    expect(verdictOf('The OpenAI Foundation holds a 30% stake in a robotics start-up.', '30%', pct(30), page, index).verdict).toBe('unverified');
    expect(verdictOf('The OpenAI Foundation holds a 26% stake in a robotics start-up.', '26%', pct(26), page, index).verdict).toBe('unverified');
    expect(summary(verdictOf('The OpenAI Foundation holds 26% of OpenAI.', '26%', pct(26), page, index))).toEqual(['verified', 'recap-2025.foundation-stake']);
  });

  it('is a name only written with a capital: "a meta-analysis", "at scale" name no one', () => {
    expect(verdictOf('amazon will invest $60 billion in openai.', '$60 billion', usd(60)).verdict).toBe('unverified');
    expect(verdictOf('AMAZON WILL INVEST $50 BILLION IN OPENAI', '$50 BILLION', usd(50)).verdict).toBe('verified');
    expect(hasCapital('a meta-analysis', 0, 15)).toBe(false);
    expect(hasCapital('xAI', 0, 3)).toBe(true);
    expect(hasCapital('Ørsted', 0, 6)).toBe(true);
  });

  it('is dropped; names of the same extent stay', () => {
    const spans = [
      { id: 'openai', start: 4, end: 10 },
      { id: 'openai-foundation', start: 4, end: 21 },
      { id: 'oai-foundation', start: 4, end: 21 },
      { id: 'microsoft', start: 30, end: 39 },
    ];
    expect(outermostNames(spans).map((s) => s.id)).toEqual(['openai-foundation', 'oai-foundation', 'microsoft']);
  });
});

describe('names across packs and deals', () => {
  /** A second publisher's pack: its own ids for the same companies, and Microsoft a party of the round. */
  const other: Pack = {
    ...bundledPack,
    id: 'other-newsroom',
    entities: [
      { id: 'co-openai', name: 'OpenAI', aliases: [] },
      { id: 'co-softbank', name: 'SoftBank Group', aliases: ['SoftBank'] },
      { id: 'co-microsoft', name: 'Microsoft', aliases: [] },
    ],
    deals: [{ id: 'oai-2025-03', title: 'OpenAI round led by SoftBank (March 2025)', parties: ['co-openai', 'co-softbank', 'co-microsoft'], announced: '2025-03-31' }],
    facts: [
      { ...bundledPack.facts[0]!, id: 'oai-2025-03.softbank', deal: 'oai-2025-03', subject: 'co-softbank', object: 'co-openai', role: 'contribution', quantity: { value: 30e9, unit: 'USD' }, asOf: '2025-03-31', cues: [], excludes: [] },
      { ...bundledPack.facts[0]!, id: 'oai-2025-03.remaining', deal: 'oai-2025-03', subject: 'co-openai', object: undefined, role: 'remaining', quantity: { value: 30e9, unit: 'USD' }, asOf: '2025-03-31', cues: [], excludes: [] },
    ],
  };
  const both = buildIndex([bundledPack, other]);
  const page = { title: 'OpenAI raises $40 billion', published: '2025-04-01' };

  it('one company known to two packs under two ids is one company: named once on the card', () => {
    const v = verdictOf('SoftBank put $90 billion into chip plants.', '$90 billion', usd(90), page, both);
    expect(v.verdict).toBe('unverified');
    expect(v.why).toBe('Factmark has facts about SoftBank and OpenAI, but none for this role');
  });

  it('a party of the deal in the linked text binds the deal\'s own figure whose subject only the title names', () => {
    const block = 'SoftBank is providing most of the money. The remaining $30 billion arrives by December.';
    const v = verdictOf('The remaining $30 billion arrives by December.', '$30 billion', usd(30), { ...page, block }, both);
    expect(summary(v)).toEqual(['verified', 'oai-2025-03.remaining']);
    expect(v.why).toContain('SoftBank named in the sentence before, OpenAI in the title');
    // No party of the deal around the figure: the title alone does not bind.
    expect(verdictOf('The remaining $30 billion arrives by December.', '$30 billion', usd(30), page, both).verdict).toBe('unverified');
    // Bound this loosely, a wrong figure is not called a mismatch.
    expect(verdictOf('SoftBank says the remaining $33 billion arrives by December.', '$33 billion', usd(33), page, both).verdict).toBe('unverified');
  });

  it('someone else named in the sentence does not unbind a fact whose own party is in the figure\'s clause', () => {
    const sentence = 'SoftBank is providing $30 billion, with Nvidia among the others.';
    expect(summary(verdictOf(sentence, '$30 billion', usd(30), page, both))).toEqual(['verified', 'oai-2025-03.softbank']);
    // The outsider in the figure's own clause still takes it.
    expect(verdictOf('Nvidia is providing $30 billion, with SoftBank among the others.', '$30 billion', usd(30), page, both).verdict).toBe('unverified');
  });

  it('the subject named in the figure\'s own clause settles a tie between two parties of one deal', () => {
    const sentence = 'OpenAI said Nvidia is contributing $30 billion, and SoftBank is adding another $30 billion.';
    const when = { published: '2026-02-27' };
    expect(summary(verdictOf(sentence, '$30 billion', usd(30), when))).toEqual(['verified', 'openai-funding-2026.nvidia-investment']);
    expect(summary(verdictOf(sentence, '$30 billion', usd(30, { occurrence: 1 }), when))).toEqual(['verified', 'openai-funding-2026.softbank-investment']);
  });
});

describe('the same time', () => {
  it('an article from before the deal neither confirms nor contradicts it', () => {
    const v = verdictOf('Amazon pays an initial $15 billion to OpenAI.', '$15 billion', usd(15), { published: '2025-06-01' });
    expect(v.verdict).toBe('unverified');
    expect(v.why).toBe('This article (1 Jun 2025) predates the deal on record, announced 27 Feb 2026');
  });

  it('a figure the sentence dates to another period is not the fact', () => {
    const page = { published: '2026-03-02' };
    expect(verdictOf('SoftBank put $30 billion into OpenAI in 2025.', '$30 billion', usd(30), page).verdict).toBe('unverified');
    expect(summary(verdictOf('SoftBank put $30 billion into OpenAI.', '$30 billion', usd(30), page))).toEqual(['verified', 'openai-funding-2026.softbank-investment']);
  });

  it('a date after the figure in its own clause is its date, before one nearer but earlier', () => {
    const sentence = 'Amazon and OpenAI agreed a $9 billion add-on in January and the $38 billion contract in November.';
    expect(summary(verdictOf(sentence, '$38 billion', usd(38), { published: '2026-01-20' }))).toEqual(['verified', 'aws-openai-2025.aws-commitment']);
  });

  it("a date in another figure's clause set off by commas is that figure's, unless this figure's clause opens with \"when\"", () => {
    const s = "SoftBank, which led OpenAI's $40 billion round last year, is putting $30 billion into the new round.";
    expect(summariesOf(s, [['$40 billion', usd(40)], ['$30 billion', usd(30)]], '2026-02-28')[1]).toEqual(['verified', 'openai-funding-2026.softbank-investment']);
    // (The shipped pack: the test pack has no 2024 round.)
    const when = 'OpenAI raised $6.6 billion a year ago, when it was valued at $157 billion.';
    const request = { ...annotate([figureIn(when, '$6.6 billion', usd(6.6)), figureIn(when, '$157 billion', usd(157))]), published: '2025-10-03' };
    expect(summary(matchBatch(buildIndex([shippedPack]), request)[1]!)).toEqual(['verified', 'openai-funding-2024.post-money-valuation']);
  });

  it('an older valuation read years later does not differ from the new one', () => {
    expect(verdictOf('OpenAI was valued at $157 billion.', '$157 billion', usd(157), { published: '2024-10-03' }).verdict).toBe('unverified');
    expect(verdictOf('OpenAI has a pre-money valuation of $157 billion.', '$157 billion', usd(157), { published: '2024-10-03' }).verdict).toBe('unverified');
  });

  it('a date anywhere in the sentence that names another period keeps a figure from contradicting', () => {
    const s = 'Amazon hands OpenAI an initial $20 billion, as agreed in 2024.';
    expect(verdictOf(s, '$20 billion', usd(20), { published: '2026-03-01' }).verdict).toBe('unverified');
  });

  it('a year after and beyond, only a figure dated to the deal can contradict it', () => {
    const s = 'Amazon hands OpenAI an initial $20 billion.';
    expect(verdictOf(s, '$20 billion', usd(20), { published: '2026-03-01' }).verdict).toBe('mismatch');
    expect(verdictOf(s, '$20 billion', usd(20), { published: '2027-06-01' }).verdict).toBe('unverified');
  });

  const valuations: Pack = {
    ...bundledPack,
    id: 'valuations',
    deals: [
      { id: 'oai-2024', title: 'OpenAI round (October 2024)', parties: ['openai'], announced: '2024-10-02' },
      { id: 'oai-2025', title: 'OpenAI round (March 2025)', parties: ['openai', 'softbank'], announced: '2025-03-31' },
    ],
    facts: [
      { ...bundledPack.facts[0]!, id: 'oai-2024.post', deal: 'oai-2024', subject: 'openai', object: undefined, metric: 'valuation', role: 'post-money-valuation', quantity: { value: 157e9, unit: 'USD' }, asOf: '2024-10-02', cues: [], excludes: [], supersededBy: 'oai-2025.post' },
      { ...bundledPack.facts[0]!, id: 'oai-2025.post', deal: 'oai-2025', subject: 'openai', object: undefined, metric: 'valuation', role: 'post-money-valuation', quantity: { value: 300e9, unit: 'USD' }, asOf: '2025-03-31', cues: [], excludes: [] },
    ],
  };
  const index = buildIndex([valuations]);

  it('a superseded fact is confirmed only by a figure dated to its time', () => {
    expect(summary(verdictOf('OpenAI was valued at $157 billion post-money in October 2024.', '$157 billion', usd(157), { published: '2025-06-01' }, index)))
      .toEqual(['verified', 'oai-2024.post']);
    expect(verdictOf('OpenAI was valued at $157 billion post-money.', '$157 billion', usd(157), { published: '2025-06-01' }, index).verdict).toBe('unverified');
  });

  it('an article from before the successor was announced may confirm the superseded fact', () => {
    expect(summary(verdictOf('OpenAI was valued at $157 billion post-money.', '$157 billion', usd(157), { published: '2024-10-05' }, index))).toEqual(['verified', 'oai-2024.post']);
  });

  it('a figure differs only from the latest fact of its kind', () => {
    const v = verdictOf('OpenAI now has a post-money valuation of $320 billion.', '$320 billion', usd(320), { published: '2025-06-01' }, index);
    expect(summary(v)).toEqual(['mismatch', 'oai-2025.post']);
  });
});

describe('the same claim', () => {
  const cases: [string, string, string, FigureSpec][] = [
    ['a bound ("up to") never verifies', 'Amazon will invest up to $50 billion in OpenAI.', '$50 billion', usd(50)],
    ['"more than" is a bound too', 'Amazon will invest more than $50 billion in OpenAI.', '$50 billion', usd(50)],
    ['talks are not the closed deal', 'Amazon is in talks to invest $50 billion in OpenAI.', '$50 billion', usd(50)],
    ['"could value" is a possibility', 'A new round could value OpenAI at a $730 billion pre-money valuation.', '$730 billion', usd(730)],
    ['a market statistic is not a deal figure', 'OpenAI says the market for its chips could pass $730 billion.', '$730 billion', usd(730)],
    ['a loss that reuses a real value', 'OpenAI lost $30 billion last year, SoftBank said.', '$30 billion', usd(30)],
    ['a wide range is a pair of bounds', 'Amazon will invest $40-60 billion in OpenAI.', '$40-60 billion', usd(40, { high: 60e9 })],
    ['a negated figure is not the value', 'Amazon did not invest $60 billion in OpenAI.', '$60 billion', usd(60)],
    ['a negated figure confirms nothing either', "Amazon didn't invest $50 billion in OpenAI.", '$50 billion', usd(50)],
    ['a figure said to be misreported is not the value', "Amazon's investment in OpenAI was misreported as $60 billion.", '$60 billion', usd(60)],
    ['a denial is a negation', 'Amazon denied investing $60 billion in OpenAI.', '$60 billion', usd(60)],
    ["someone else's report is not contradicted", "Some reports put Amazon's investment in OpenAI at $60 billion.", '$60 billion', usd(60)],
    ['a question asks, it does not state', 'Will Amazon invest $60 billion in OpenAI?', '$60 billion', usd(60)],
    ['an inverted condition ("Had ...") is hypothetical', 'Had Amazon invested $60 billion in OpenAI, it would own more.', '$60 billion', usd(60)],
    ['a changed amount may be newer than the record', "Amazon's investment in OpenAI rose to $60 billion.", '$60 billion', usd(60)],
    ['a deadline ("by 2030") may be the part due by then', 'OpenAI will spend $90 billion on AWS by 2030.', '$90 billion', usd(90)],
    ['an unnamed source after the figure is someone else\'s account', "Amazon's investment in OpenAI is worth $60 billion, sources say.", '$60 billion', usd(60)],
    ['money invested the other way round', 'OpenAI will invest $50 billion in Amazon.', '$50 billion', usd(50)],
    ['a spending is not an investment, nor in the other direction', 'Amazon committed to spend $90 billion with OpenAI.', '$90 billion', usd(90)],
    ['a rounded figure must round from the fact: "$1 trillion" is not 730 billion', 'OpenAI got a $1 trillion pre-money valuation.', '$1 trillion', usd(1000, { precision: 1e12 })],
    ['the modal "may" is a possibility', 'Amazon may invest $60 billion in OpenAI.', '$60 billion', usd(60)],
    ['so is a title-case "May"', 'Amazon May Invest $60 Billion in OpenAI', '$60 Billion', usd(60)],
    ['what "should" happen is an opinion', 'Amazon should invest $60 billion in OpenAI.', '$60 billion', usd(60)],
    ['"lifted" is a change the record may not have caught', 'Amazon lifted its investment in OpenAI to $60 billion.', '$60 billion', usd(60)],
    ['the amount before a change ("up from")', "Amazon's investment in OpenAI is $50 billion, up from $40 billion.", '$40 billion', usd(40)],
    ['money paid the other way, of the value of a fact that way, differs from nothing', 'Amazon will pay OpenAI $100 billion.', '$100 billion', usd(100)],
    ['money received from someone else', 'Amazon will get $60 billion from OpenAI.', '$60 billion', usd(60)],
    ['a duration that places the deal in time is not its term', "OpenAI's AWS deal, the first in ten years for Amazon, runs for eight years.", 'ten years', { value: 10, unit: 'year' }],
    ['a running total may hold amounts the record does not', "The deal brings Amazon's total investment in OpenAI to $60 billion.", '$60 billion', usd(60)],
    ['"worth" after a stake values the stake, not a deal', "Amazon's stake in OpenAI, now worth $60 billion, is its biggest bet.", '$60 billion', usd(60)],
    ['a compound duration of a noun that is no deal is not the term', "OpenAI's AWS commitment ends an eight-year wait for Amazon.", 'eight-year', { value: 8, unit: 'year' }],
    ['money from someone other than the fact\'s payer', 'OpenAI will spend the $60 billion from Amazon on AWS.', '$60 billion', usd(60)],
    ['a term in a clause that pays someone else', 'Amazon invests $5 billion in OpenAI for ten years.', 'ten years', { value: 10, unit: 'year' }],
  ];
  it.each(cases)('%s', (_name, sentence, text, spec) => expect(verdictOf(sentence, text, spec).verdict).toBe('unverified'));

  it('the receiver named after "invest ... in" or "spend ... on" is the fact\'s own', () => {
    expect(summary(verdictOf('Amazon will invest $50 billion in OpenAI.', '$50 billion', usd(50)))).toEqual(['verified', 'amazon-openai-2026.investment-total']);
    expect(summary(verdictOf('OpenAI will spend $100 billion on AWS.', '$100 billion', usd(100)))).toEqual(['verified', 'amazon-openai-2026.aws-commitment']);
    expect(verdictOf('Nvidia invests $30 billion in SoftBank.', '$30 billion', usd(30), { title: 'OpenAI raises $110 billion' }).verdict).toBe('unverified');
    expect(summary(verdictOf('Nvidia invests $30 billion in OpenAI.', '$30 billion', usd(30), { title: 'OpenAI raises $110 billion' }))).toEqual(['verified', 'openai-funding-2026.nvidia-investment']);
  });

  it('"from X to Y": X is the amount before the change, and Y a change the record may not have caught', () => {
    const s = "Amazon's investment in OpenAI went from $40 billion to $60 billion in total.";
    expect(summariesOf(s, [['$40 billion', usd(40)], ['$60 billion', usd(60)]], '2026-03-01')).toEqual([['unverified', undefined], ['unverified', undefined]]);
    const t = "Amazon's investment in OpenAI went from $40 billion to $50 billion.";
    expect(summariesOf(t, [['$40 billion', usd(40)], ['$50 billion', usd(50)]], '2026-03-01')).toEqual([['unverified', undefined], ['verified', 'amazon-openai-2026.investment-total']]);
  });

  it('money of one kind differs from its own fact, though a fact of the other kind has its value', () => {
    const v = verdictOf('Amazon has agreed to invest $38 billion in OpenAI.', '$38 billion', usd(38), { published: '2026-03-01' });
    expect(summary(v)).toEqual(['mismatch', 'amazon-openai-2026.investment-total']);
  });

  it('the figure before an amount "up from" is a new value the record may not have caught', () => {
    const s = "OpenAI's AWS commitment is $120 billion, up from $38 billion.";
    expect(summariesOf(s, [['$120 billion', usd(120)], ['$38 billion', usd(38)]], '2026-03-01').map(([verdict]) => verdict)).toEqual(['unverified', 'unverified']);
  });

  it('the amount before a change confirms a fact the text dates to its own time', () => {
    const s = "OpenAI's AWS commitment has grown from the $38 billion agreed in November to $100 billion.";
    expect(summariesOf(s, [['$38 billion', usd(38)]], '2026-03-01')).toEqual([['verified', 'aws-openai-2025.aws-commitment']]);
    const undated = "OpenAI's AWS commitment is $100 billion, up from $38 billion.";
    expect(verdictOf(undated, '$38 billion', usd(38), { published: '2026-03-01' }).verdict).toBe('unverified');
  });

  it('the company a valuation values is the fact\'s own', () => {
    const page = { title: 'OpenAI raises $110 billion' };
    expect(summary(verdictOf('The round values OpenAI at $730 billion.', '$730 billion', usd(730), page))).toEqual(['verified', 'openai-funding-2026.pre-money-valuation']);
    for (const s of ['The deal values Amazon at $730 billion.', 'Amazon, which is worth $730 billion, backs OpenAI.', 'Amazon is valued at $730 billion.']) {
      expect(verdictOf(s, '$730 billion', usd(730), page).verdict, s).toBe('unverified');
    }
  });

  it('a question or a change may still confirm the record', () => {
    expect(summary(verdictOf('Why did Amazon invest $50 billion in OpenAI?', '$50 billion', usd(50)))).toEqual(['verified', 'amazon-openai-2026.investment-total']);
    expect(summary(verdictOf("Amazon's investment in OpenAI rose to $50 billion.", '$50 billion', usd(50)))).toEqual(['verified', 'amazon-openai-2026.investment-total']);
    expect(summary(verdictOf("The deal brings Amazon's total investment in OpenAI to $50 billion.", '$50 billion', usd(50)))).toEqual(['verified', 'amazon-openai-2026.investment-total']);
    expect(isQuestion('He asked: "Is it really $60 billion?" ')).toBe(true);
    expect(isQuestion('Is that so? Amazon invests $60 billion.')).toBe(false);
  });

  it('stock is what a stake is paid in; its price and market are other topics', () => {
    expect(verdictOf('Amazon will invest $50 billion in OpenAI stock.', '$50 billion', usd(50)).verdict).toBe('verified');
    expect(verdictOf("Amazon's stock price fell after it agreed to invest $50 billion in OpenAI.", '$50 billion', usd(50)).verdict).toBe('unverified');
    expect(uncheckable(undefined, phraseWords('stock market \u0000'), [])?.kind).toBe('other-topic');
  });

  it('a share sale is a deal; sales alone are revenue', () => {
    expect(uncheckable(undefined, phraseWords('in a \u0000 share sale'), [])).toBeUndefined();
    expect(uncheckable(undefined, phraseWords('sales of \u0000'), [])?.kind).toBe('other-topic');
  });

  it('"about" verifies what rounds to the figure, and contradicts only what is well off', () => {
    expect(verdictOf('Amazon will invest about $50 billion in OpenAI.', '$50 billion', usd(50)).verdict).toBe('verified');
    expect(verdictOf('Amazon will invest about $48 billion in OpenAI.', '$48 billion', usd(48)).verdict).toBe('unverified');
    expect(verdictOf('Amazon will invest about $40 billion in OpenAI.', '$40 billion', usd(40)).verdict).toBe('mismatch');
  });

  it('talks in an earlier clause do not touch a clause that states a done deal ("already has")', () => {
    const page = { published: '2025-12-01' };
    expect(verdictOf('Talks could bring more, and Amazon already has a $38 billion contract with OpenAI.', '$38 billion', usd(38), page).verdict).toBe('verified');
    expect(verdictOf('Talks could bring more, and Amazon has a $38 billion contract with OpenAI.', '$38 billion', usd(38), page).verdict).toBe('unverified');
  });

  it('debt beside equity is how a deal is financed; debt alone is another topic', () => {
    const page = { published: '2026-02-28' };
    expect(verdictOf('Amazon will invest a total of $50 billion in OpenAI in equity and debt.', '$50 billion', usd(50), page).verdict).toBe('verified');
    expect(verdictOf('Amazon will invest a total of $50 billion in OpenAI debt.', '$50 billion', usd(50), page).verdict).toBe('unverified');
  });

  it('a forward-looking word blocks a mismatch, not a match', () => {
    expect(verdictOf('Amazon would pay OpenAI an initial $20 billion.', '$20 billion', usd(20)).verdict).toBe('unverified');
    expect(verdictOf('Amazon would pay OpenAI an initial $15 billion.', '$15 billion', usd(15)).verdict).toBe('verified');
  });

  it('a figure whose currency the recognizer could not pin down is checked against nothing', () => {
    const v = verdictOf('Amazon hands OpenAI an initial $15 billion.', '$15 billion', usd(15, { uncertain: true }));
    expect(v.verdict).toBe('unverified');
    expect(v.why).toContain('currency of this figure is unsure');
  });

  it('a conversion binds only to a fact in its own currency', () => {
    expect(verdictOf('Amazon will invest £39 billion in OpenAI.', '£39 billion', { value: 39e9, unit: 'GBP' }).verdict).toBe('unverified');
  });
});

describe('ties and reasons', () => {
  it('within one deal, a name after the figure past a comma yields to the one before it: "Nvidia, which is putting in $30 billion, and SoftBank"', () => {
    const s = "OpenAI's backers include Nvidia, which is putting in $30 billion, and SoftBank, with $40 billion.";
    expect(summary(verdictOf(s, '$30 billion', usd(30)))).toEqual(['verified', 'openai-funding-2026.nvidia-investment']);
  });

  it('a "differs" names the record nearest the figure: $60 billion is a misstated $50 billion investment, not the $100 billion commitment', () => {
    const v = verdictOf("Amazon's OpenAI investment is worth $60 billion.", '$60 billion', usd(60), { published: '2026-02-28' });
    expect(summary(v)).toEqual(['mismatch', 'amazon-openai-2026.investment-total']);
    expect(attributedAfter('Amazon will invest $60 billion in OpenAI, people familiar with the matter said.')).toBe(true);
    expect(attributedAfter('Amazon will invest $60 billion in OpenAI, the company said.')).toBe(false);
  });

  const twoDeals: Pack = {
    ...bundledPack,
    id: 'two-deals',
    deals: [
      { id: 'deal-a', title: 'Amazon–OpenAI deal A (2024)', parties: ['amazon', 'openai'], announced: '2024-05-01' },
      { id: 'deal-b', title: 'Amazon–OpenAI deal B (2025)', parties: ['amazon', 'openai'], announced: '2025-05-01' },
    ],
    facts: ['deal-a', 'deal-b'].map((deal) => ({ ...bundledPack.facts[0]!, id: `${deal}.total`, deal, asOf: deal === 'deal-a' ? '2024-05-01' : '2025-05-01', quantity: { value: 10e9, unit: 'USD' }, cues: [], excludes: [] })),
  };

  it('two deals that fit equally well: unverified, with both on the card', () => {
    const v = verdictOf('Amazon will invest $10 billion in OpenAI.', '$10 billion', usd(10), {}, buildIndex([twoDeals]));
    expect(v.verdict).toBe('unverified');
    expect(v.candidates?.map((c) => c.id).sort()).toEqual(['deal-a.total', 'deal-b.total']);
    expect(v.why).toBe('Fits more than one deal on record equally: Amazon–OpenAI deal A (2024) and Amazon–OpenAI deal B (2025)');
  });

  it('"earlier" takes away the preference for the deal just announced: two rounds of one value tie', () => {
    const older = { id: 'amazon-openai-2024', title: 'An older Amazon–OpenAI deal', parties: ['amazon', 'openai'], announced: '2024-05-01' };
    const initial = bundledPack.facts.find((f) => f.id === 'amazon-openai-2026.investment-initial')!;
    const pack: Pack = { ...bundledPack, id: 'two-rounds', deals: [...bundledPack.deals, older], facts: [...bundledPack.facts, { ...initial, id: 'amazon-openai-2024.initial', deal: older.id, asOf: older.announced }] };
    const index = buildIndex([pack]);
    const page = { published: '2026-02-28' };
    expect(summary(verdictOf('Amazon gives OpenAI an initial $15 billion.', '$15 billion', usd(15), page, index))).toEqual(['verified', 'amazon-openai-2026.investment-initial']);
    const v = verdictOf('Amazon gave OpenAI an earlier initial $15 billion.', '$15 billion', usd(15), page, index);
    expect(v.verdict).toBe('unverified');
    expect(v.candidates?.map((c) => c.id).sort()).toEqual(['amazon-openai-2024.initial', 'amazon-openai-2026.investment-initial']);
  });

  it('the article date settles the tie for the deal announced just before it', () => {
    const v = verdictOf('Amazon will invest $10 billion in OpenAI.', '$10 billion', usd(10), { published: '2025-05-20' }, buildIndex([twoDeals]));
    expect(summary(v)).toEqual(['verified', 'deal-b.total']);
  });

  it('the card line says what pointed to the fact', () => {
    const v = verdictOf('Amazon pays OpenAI an initial $15 billion.', '$15 billion', usd(15), { published: '2026-02-27' });
    expect(v.why).toBe("Amazon and OpenAI named in this sentence · 'initial' · article dated 27 Feb 2026");
    const m = verdictOf('Amazon pays OpenAI an initial $20 billion.', '$20 billion', usd(20), { published: '2026-02-27' });
    expect(m.why).toBe("Amazon and OpenAI named in this sentence · 'initial' · article dated 27 Feb 2026 · the record has $15 billion");
  });
});
