/**
 * Facts whose value is a cap ("up to $100 billion") or a floor ("at least 10 gigawatts"), said by
 * the pack's `bound` or only in its label's words: a figure on the bound's side is no
 * misstatement, one beyond it still is, and the card writes the bound.
 */
import { describe, expect, it } from 'vitest';
import { boundOf } from '../../data/match/bound';
import { bundledPack } from '../../data/packs';
import { toFactView } from '../../data/match/fact-view';
import { insideBound } from '../../data/match/value-fit';
import type { Fact } from '../../data/schema/pack';
import { fixtureIndex, sentenceVerdicts } from './pack-sentences';

const source = [{ url: 'https://example.org/news', title: 'News', publisher: 'Example' }];
const fact = (id: string, rest: Partial<Fact> & Pick<Fact, 'subject' | 'metric' | 'role' | 'label' | 'quantity'>) => ({
  id: `chips-deal.${id}`, deal: 'chips-deal', asOf: '2025-09-22', status: 'expected', cues: [], excludes: [], sources: source, ...rest,
});
const pack = {
  formatVersion: 2, id: 'test-bounds', title: 'Test bounds', publisher: 'Factmark tests', version: 1, published: '2026-01-01T00:00:00Z',
  entities: [{ id: 'chipco', name: 'Chipco', aliases: ['Chipco'] }, { id: 'labco', name: 'Labco', aliases: ['Labco'] }],
  deals: [{ id: 'chips-deal', title: 'Chipco–Labco letter of intent', parties: ['chipco', 'labco'], announced: '2025-09-22' }],
  facts: [
    // A cap said by `bound`, and a floor said only in words.
    fact('investment', { subject: 'chipco', object: 'labco', metric: 'investment', role: 'total', label: 'Most Chipco intends to invest in Labco', quantity: { value: 100e9, unit: 'USD' }, bound: 'up-to' }),
    fact('capacity', { subject: 'labco', object: 'chipco', metric: 'capacity', role: 'capacity', label: 'Chipco systems Labco intends to deploy (at least)', quantity: { value: 10, unit: 'GW' } }),
  ],
};
const index = fixtureIndex(pack, 'match-bound.test.ts');
const verdicts = (sentence: string) => sentenceVerdicts(index, sentence, { url: 'https://news.example/chips', title: 'Chip deals', published: '2025-09-25' });

describe('a bounded fact', () => {
  it('is confirmed by its value and contradicted beyond its bound', () => {
    expect(verdicts('Chipco will invest $100 billion in Labco.')).toEqual(['$100 billion: verified [chips-deal.investment]']);
    expect(verdicts('Chipco will invest $150 billion in Labco.')).toEqual(['$150 billion: mismatch [chips-deal.investment]']);
    expect(verdicts('Labco will deploy 10 gigawatts of capacity with Chipco.')).toEqual(['10 gigawatts: verified [chips-deal.capacity]']);
    expect(verdicts('Labco will deploy 6 gigawatts of capacity with Chipco.')).toEqual(['6 gigawatts: mismatch [chips-deal.capacity]']);
  });

  it('is not contradicted by a figure on its bound side', () => {
    expect(verdicts('Chipco will invest $80 billion in Labco.')).toEqual(['$80 billion: unverified']);
    expect(verdicts('Labco will deploy 12 gigawatts of capacity with Chipco.')).toEqual(['12 gigawatts: unverified']);
  });

  it('is written with its bound on the card', () => {
    const [investment, capacity] = pack.facts as Fact[];
    const ref = { id: pack.id, title: pack.title, publisher: pack.publisher };
    expect(toFactView(investment!, ref).display).toBe('up to $100 billion');
    expect(toFactView(capacity!, ref).display).toBe('at least 10 GW');
  });
});

describe('boundOf', () => {
  const of = (label: string, role = 'total', bound?: Fact['bound']) => boundOf({ label, role, bound });

  it("takes the pack's bound first, then its label's or role's words", () => {
    expect(of('Nvidia investment', 'total', 'at-least')).toBe('at-least');
    expect(of('Most Nvidia will invest in Anthropic (up to)')).toBe('up-to');
    expect(of('Nvidia investment', 'investment-cap')).toBe('up-to');
    expect(of('What Nvidia may invest, as much as $100 billion')).toBe('up-to');
    expect(of('Capacity to deploy, 10 GW or more')).toBe('at-least');
    expect(of('Nvidia systems OpenAI intends to deploy', 'minimum-capacity')).toBe('at-least');
    expect(of('TPU capacity (stated as well over a gigawatt)')).toBe('at-least');
    expect(of('Valuation implied by the deal (reported as more than $29 billion)')).toBe('at-least');
  });

  it("reads the bundled pack's words as its marked bounds, fact by fact", () => {
    const fromWords = bundledPack.facts.map((f) => [f.id, boundOf({ ...f, bound: undefined })]);
    expect(fromWords).toEqual(bundledPack.facts.map((f) => [f.id, f.bound]));
    expect(bundledPack.facts.filter((f) => f.bound).length).toBe(9);
  });

  it('is none for a plain value, or "over" a period', () => {
    expect(of('Amazon’s investment in OpenAI')).toBeUndefined();
    expect(of('OpenAI’s commitment to spend on AWS over eight years')).toBeUndefined();
    expect(of('Stargate capital to be deployed over the next four years')).toBeUndefined();
  });
});

describe('insideBound', () => {
  const written = (value: number, high?: number) => ({ value, high, precision: 1 });

  it('is below a cap or above a floor, a range by its nearer end', () => {
    expect(insideBound(written(80), 100, 'up-to')).toBe(true);
    expect(insideBound(written(120), 100, 'up-to')).toBe(false);
    expect(insideBound(written(90, 120), 100, 'up-to')).toBe(true);
    expect(insideBound(written(12), 10, 'at-least')).toBe(true);
    expect(insideBound(written(6), 10, 'at-least')).toBe(false);
    expect(insideBound(written(80), 100, undefined)).toBe(false);
  });
});
