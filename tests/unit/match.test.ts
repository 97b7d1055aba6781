import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPack as shippedPack } from '../../data/packs';
import { buildIndex, formatQuantity, matchBatch, toFactView } from '../../data/match';
import { testPack as bundledPack } from './deal-pack';
import type { Pack } from '../../data/schema/pack';
import type { FigureQuery } from '../../data/schema/messages';
import { annotate, figureIn, type FigureSpec } from './figure-helpers';

const index = buildIndex([bundledPack]);
const F = {
  total: 'amazon-openai-2026.investment-total',
  initial: 'amazon-openai-2026.investment-initial',
  remaining: 'amazon-openai-2026.investment-remaining',
  commitment: 'amazon-openai-2026.aws-commitment',
  term: 'amazon-openai-2026.aws-commitment-term',
  earlier: 'aws-openai-2025.aws-commitment',
  capacity: 'amazon-openai-2026.trainium-capacity',
  round: 'openai-funding-2026.round-total',
  preMoney: 'openai-funding-2026.pre-money-valuation',
  nvidia: 'openai-funding-2026.nvidia-investment',
  softbank: 'openai-funding-2026.softbank-investment',
} as const;

const usd = (billions: number, extra: Partial<FigureSpec> = {}): FigureSpec => ({ value: billions * 1e9, unit: 'USD', ...extra });
type Expect = [verdict: 'verified' | 'mismatch' | 'unverified', factId?: string, gap?: number];
type Case = [name: string, sentence: string, figures: [text: string, spec: FigureSpec][], expected: Expect[]];

/** Runs one sentence (its own block, or found in the first of `blocks`; no title unless given) through the matcher, as an article of the day after the deal. */
function run(sentence: string, figures: [string, FigureSpec][], title = '', blocks?: string[]) {
  const offset = blocks ? blocks[0]!.indexOf(sentence) : 0;
  const queries = figures.map(([text, spec]) => figureIn(sentence, text, spec, 0, offset));
  return matchBatch(index, { ...annotate(queries, title, blocks ?? [sentence]), published: '2026-02-28' });
}

function check(verdicts: ReturnType<typeof run>, expected: Expect[]) {
  expect(verdicts).toHaveLength(expected.length);
  expected.forEach(([verdict, factId, gap], i) => {
    const v = verdicts[i]!;
    expect.soft(v.verdict, `figure ${i}`).toBe(verdict);
    if (factId) expect.soft(v.fact?.id, `figure ${i}`).toBe(factId);
    if (verdict === 'unverified') expect.soft(v.fact, `figure ${i}`).toBeUndefined();
    if (gap !== undefined) expect.soft(v.gap, `figure ${i}`).toBeCloseTo(gap, -3);
  });
}

const verified: Case[] = [
  ['"$50bn"', 'Amazon plans to put $50bn into OpenAI.', [['$50bn', usd(50)]], [['verified', F.total]]],
  ['"$50 billion"', 'Amazon plans to put $50 billion into OpenAI.', [['$50 billion', usd(50)]], [['verified', F.total]]],
  ['"US$50 billion"', 'Amazon plans to put US$50 billion into OpenAI.', [['US$50 billion', usd(50)]], [['verified', F.total]]],
  ['total then initial tranche', 'Amazon is putting $50 billion into OpenAI, beginning with an initial $15 billion',
    [['$50 billion', usd(50)], ['$15 billion', usd(15)]], [['verified', F.total], ['verified', F.initial]]],
  ['initial and remaining tranches', 'Amazon pays an initial $15 billion to OpenAI, with the remaining $35 billion due when milestones are hit.',
    [['$15 billion', usd(15)], ['$35 billion', usd(35)]], [['verified', F.initial], ['verified', F.remaining]]],
  ['possessive and tranche after the figure', "Amazon's $15 billion first tranche goes to OpenAI straight away.",
    [['$15 billion', usd(15)]], [['verified', F.initial]]],
  ['commitment and its term', 'OpenAI signed a $100 billion commitment to AWS over eight years.',
    [['$100 billion', usd(100)], ['eight years', { value: 8, unit: 'year' }]], [['verified', F.commitment], ['verified', F.term]]],
  ['earlier $38B agreement', 'The new pact builds on the $38 billion AWS contract that OpenAI signed earlier.',
    [['$38 billion', usd(38)]], [['verified', F.earlier]]],
  ['roughly two gigawatts', 'OpenAI expects to draw roughly two gigawatts of Trainium capacity from Amazon.',
    [['two gigawatts', { value: 2, unit: 'GW' }]], [['verified', F.capacity]]],
  ['power written in MW', 'OpenAI expects to draw 2,000 MW of Trainium capacity from AWS.',
    [['2,000 MW', { value: 2000, unit: 'MW' }]], [['verified', F.capacity]]],
  ['round and pre-money valuation', 'OpenAI wrapped up a $110 billion funding round at a $730 billion pre-money valuation.',
    [['$110 billion', usd(110)], ['$730 billion', usd(730)]], [['verified', F.round], ['verified', F.preMoney]]],
  ['$30B each, Nvidia named first', 'OpenAI took in $30 billion apiece from Nvidia and SoftBank.',
    [['$30 billion', usd(30)]], [['verified', F.nvidia]]],
  ['$30B twice, each beside its investor', 'OpenAI got $30 billion from Nvidia and another $30 billion from SoftBank.',
    [['$30 billion', usd(30)], ['$30 billion', usd(30, { occurrence: 1 })]], [['verified', F.nvidia], ['verified', F.softbank]]],
  ['"about" with the value as rounded', 'Amazon will invest about $50 billion in OpenAI.', [['$50 billion', usd(50)]], [['verified', F.total]]],
  ['qualifier set by the recognizer', 'Amazon will invest $50 billion in OpenAI.', [['$50 billion', usd(50, { qualifier: 'roughly' })]], [['verified', F.total]]],
  ['narrow range containing the fact', 'Amazon will invest $49-51 billion in OpenAI.', [['$49-51 billion', usd(49, { high: 51e9 })]], [['verified', F.total]]],
  ['explicit precision', 'Amazon will invest $50.2 billion in OpenAI.', [['$50.2 billion', usd(50.2, { precision: 1e9 })]], [['verified', F.total]]],
];

const mismatches: Case[] = [
  ['pre-money valuation too high', 'Investors priced OpenAI at an $830 billion pre-money valuation.',
    [['$830 billion', usd(830)]], [['mismatch', F.preMoney, 100e9]]],
  ['initial tranche too high', 'Amazon begins with an initial $20 billion payment to OpenAI.',
    [['$20 billion', usd(20)]], [['mismatch', F.initial, 5e9]]],
  ['written precision is respected', 'Amazon will invest $50.7 billion in OpenAI.', [['$50.7 billion', usd(50.7)]], [['mismatch', F.total, 0.7e9]]],
  ['term too long', 'OpenAI is committing $100 billion to AWS over the next ten years.',
    [['$100 billion', usd(100)], ['ten years', { value: 10, unit: 'year' }]], [['verified', F.commitment], ['mismatch', F.term, 2]]],
];

const neverConfused: Case[] = [
  ['post-money is not pre-money', 'OpenAI now carries a $730 billion post-money valuation.', [['$730 billion', usd(730)]], [['unverified']]],
  ['an initial $50 billion is not the total', 'Amazon hands OpenAI an initial $50 billion.', [['$50 billion', usd(50)]], [['unverified']]],
  ['an initial $20 billion differs from the initial tranche', 'Amazon hands OpenAI an initial $20 billion.', [['$20 billion', usd(20)]], [['mismatch', F.initial, 5e9]]],
  ['remaining $15 billion is not the initial tranche', 'Amazon owes OpenAI the remaining $15 billion later.', [['$15 billion', usd(15)]], [['unverified']]],
  ['what is left to pay is not the initial tranche', 'Amazon, having committed $50 billion to OpenAI, now has $15 billion left to pay.', [['$50 billion', usd(50)], ['$15 billion', usd(15)]], [['verified', F.total], ['unverified']]],
  ['what is still owed shrinks as payments are made: no "differs"', 'Amazon still owes OpenAI $20 billion.', [['$20 billion', usd(20)]], [['unverified']]],
  ['remaining $30 billion differs from the remaining tranche', 'Amazon owes OpenAI the remaining $30 billion later.', [['$30 billion', usd(30)]], [['mismatch', F.remaining, -5e9]]],
];

const unverified: Case[] = [
  ['another investor', 'Microsoft put $13 billion into OpenAI.', [['$13 billion', usd(13)]], [['unverified']]],
  ['same value, another investor', 'Microsoft put $50 billion into OpenAI.', [['$50 billion', usd(50)]], [['unverified']]],
  ['no entity anywhere', 'The company closed a $110 billion funding round.', [['$110 billion', usd(110)]], [['unverified']]],
  ['unit with no facts', 'Amazon will invest €50 billion in OpenAI.', [['€50 billion', { value: 50e9, unit: 'EUR' }]], [['unverified']]],
  ['money another verb holds', 'Amazon invested in OpenAI and now has $50 billion in cash.', [['$50 billion', usd(50)]], [['unverified']]],
  ['money a company has, after an aside', 'OpenAI, which Amazon backed, has $50 billion of cash.', [['$50 billion', usd(50)]], [['unverified']]],
];

describe('matchBatch', () => {
  it.each(verified)('verified: %s', (_name, sentence, figures, expected) => check(run(sentence, figures), expected));
  it.each(mismatches)('mismatch: %s', (_name, sentence, figures, expected) => check(run(sentence, figures), expected));
  it.each(neverConfused)('never confused: %s', (_name, sentence, figures, expected) => check(run(sentence, figures), expected));
  it.each(unverified)('unverified: %s', (_name, sentence, figures, expected) => check(run(sentence, figures), expected));

  it('finds the parties in the block when the sentence names none', () => {
    const sentence = 'The first tranche comes to $15 billion.';
    const block = `Amazon is backing OpenAI. ${sentence}`;
    check(run(sentence, [['$15 billion', usd(15)]], '', [block]), [['verified', F.initial]]);
  });

  it('never binds on the page title alone', () => {
    check(run('The first tranche comes to $15 billion.', [['$15 billion', usd(15)]], 'Amazon deepens its OpenAI bet'), [['unverified']]);
  });

  it('binds when the sentence names one party and the title the other', () => {
    check(run('Amazon pays the first tranche of $15 billion now.', [['$15 billion', usd(15)]], 'Amazon deepens its OpenAI bet'), [['verified', F.initial]]);
  });

  it('answers one verdict per figure, in request order, across sentences', () => {
    const a = 'OpenAI wrapped up a $110 billion funding round.';
    const b = 'Microsoft put $13 billion into OpenAI.';
    const request = annotate([figureIn(b, '$13 billion', usd(13), 1), figureIn(a, '$110 billion', usd(110), 0)], '', [a, b]);
    expect(matchBatch(index, request).map((v) => v.verdict)).toEqual(['unverified', 'verified']);
  });

  it('reports facts from other packs that disagree', () => {
    const other: Pack = {
      ...bundledPack,
      id: 'other-pack',
      title: 'Other',
      facts: bundledPack.facts.filter((f) => f.id === F.preMoney).map((f) => ({ ...f, quantity: { value: 700e9, unit: 'USD' } })),
    };
    const both = buildIndex([bundledPack, other]);
    const s = 'OpenAI wrapped up its round at a $730 billion pre-money valuation.';
    const [v] = matchBatch(both, annotate([figureIn(s, '$730 billion', usd(730))]));
    expect(v?.verdict).toBe('verified');
    expect(v?.fact?.pack.id).toBe('factmark-default');
    expect(v?.disagreements?.map((d) => [d.pack.id, d.display])).toEqual([['other-pack', '$700 billion']]);
  });
});

describe('formatQuantity', () => {
  it.each([
    [{ value: 15e9, unit: 'USD' }, '$15 billion'],
    [{ value: 730e9, unit: 'USD' }, '$730 billion'],
    [{ value: 1.5e12, unit: 'USD' }, '$1.5 trillion'],
    [{ value: 30e9, unit: 'EUR' }, '€30 billion'],
    [{ value: 250e6, unit: 'GBP' }, '£250 million'],
    [{ value: 2e9, unit: 'CHF' }, 'CHF 2 billion'],
    [{ value: 950_000, unit: 'USD' }, '$950,000'],
    [{ value: 2, unit: 'GW' }, '2 GW'],
    [{ value: 8, unit: 'year' }, '8 years'],
    [{ value: 1, unit: 'year' }, '1 year'],
    [{ value: 40, unit: '%' }, '40%'],
  ])('%o -> %s', (q, text) => expect(formatQuantity(q)).toBe(text));
});

describe('toFactView', () => {
  it('is display-ready', () => {
    const fact = bundledPack.facts.find((f) => f.id === F.initial)!;
    const deal = bundledPack.deals.find((d) => d.id === fact.deal);
    const view = toFactView(fact, bundledPack, deal);
    expect(view).toMatchObject({ id: F.initial, display: '$15 billion', deal: deal!.title, pack: { id: 'factmark-default', publisher: 'Factmark' } });
  });
});

// The real article, read at runtime when the shared folder is present (it is in CI).
const ARTICLE = new URL('../../../shared/articles/openai-amazon-deal.txt', import.meta.url);

/** Figures of the article, by their text: value, unit, the fact each must verify, how often it occurs. */
const ARTICLE_FIGURES: [text: string, spec: FigureSpec, fact: string, count: number][] = [
  ['$50 billion', usd(50), F.total, 3],
  ['$38 billion', usd(38), F.earlier, 1],
  ['$15 billion', usd(15), F.initial, 1],
  ['$35 billion', usd(35), F.remaining, 1],
  ['$100 billion', usd(100), F.commitment, 2],
  ['eight years', { value: 8, unit: 'year' }, F.term, 1],
  ['two gigawatts', { value: 2, unit: 'GW' }, F.capacity, 1],
  ['$30 billion', usd(30), F.nvidia, 1],
  ['$110 billion', usd(110), F.round, 1],
  ['$730 billion', usd(730), F.preMoney, 1],
];

/** Splits an article into title, blocks (paragraphs, title first) and queries for the listed figures. */
function articleRequest(text: string, figures: typeof ARTICLE_FIGURES) {
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const queries: { query: FigureQuery; fact: string; text: string }[] = [];
  blocks.forEach((block, b) => {
    for (const sentence of block.split(/(?<=[.!?])\s+/)) {
      for (const [figText, spec, fact] of figures) {
        for (let n = 0; sentence.indexOf(figText, n) >= 0; n = sentence.indexOf(figText, n) + 1) {
          const occurrence = sentence.slice(0, sentence.indexOf(figText, n)).split(figText).length - 1;
          queries.push({ query: figureIn(sentence, figText, { ...spec, occurrence }, b, block.indexOf(sentence)), fact, text: figText });
        }
      }
    }
  });
  return { request: annotate(queries.map((q) => q.query), blocks[0]!, blocks), queries };
}

if (existsSync(ARTICLE)) {
  // The real article is checked against the pack that ships, whatever it has grown to.
  describe('the shared article', () => {
    const index = buildIndex([shippedPack]);
    const text = readFileSync(ARTICLE, 'utf8');

    it('verifies every deal figure it states', () => {
      const { request, queries } = articleRequest(text, ARTICLE_FIGURES);
      for (const [figText, , , count] of ARTICLE_FIGURES) expect(queries.filter((q) => q.text === figText), figText).toHaveLength(count);
      const verdicts = matchBatch(index, request);
      queries.forEach((q, i) => {
        expect.soft({ text: q.text, verdict: verdicts[i]?.verdict, fact: verdicts[i]?.fact?.id })
          .toEqual({ text: q.text, verdict: 'verified', fact: q.fact });
      });
    });

    it('flags a doctored valuation as a mismatch', () => {
      const doctored = text.replace('$730 billion', '$830 billion');
      const figures = ARTICLE_FIGURES.map(([t, spec, fact, count]) =>
        t === '$730 billion' ? (['$830 billion', usd(830), fact, count] as const) : ([t, spec, fact, count] as const));
      const { request, queries } = articleRequest(doctored, figures as typeof ARTICLE_FIGURES);
      const verdicts = matchBatch(index, request);
      const i = queries.findIndex((q) => q.text === '$830 billion');
      expect(verdicts[i]).toMatchObject({ verdict: 'mismatch', fact: { id: F.preMoney } });
      expect(verdicts[i]?.gap).toBeCloseTo(100e9, -3);
      expect(verdicts.filter((v) => v.verdict === 'verified')).toHaveLength(queries.length - 1);
    });
  });
}
