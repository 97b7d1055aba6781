/**
 * A pack of power deals, another kind of deal than the bundled investments (real, public power
 * purchase agreements; the sentences are ours): capacities in megawatts and gigawatts, terms in
 * years, a contract's value. The matcher must confirm plain statements of those facts, contradict
 * a misstated term of a deal it names without doubt, and give nothing to a plant's or a fleet's
 * other numbers, a purchase of something else, a target or a stock move.
 */
import { describe, expect, it } from 'vitest';
import { fixtureIndex, sentenceVerdicts } from './pack-sentences';
import raw from './fixtures/power-deals-pack.json';

const index = fixtureIndex(raw, 'tests/unit/fixtures/power-deals-pack.json');
const verdicts = (sentence: string, published: string) => sentenceVerdicts(index, sentence, { url: 'https://news.example/energy', title: 'Energy deals', published });

describe('a pack of power deals', () => {
  it('confirms capacities, terms and a contract value where the sentence states them', () => {
    expect(verdicts('Talen will supply Amazon with 1.92 gigawatts from its Susquehanna plant through 2042.', '2025-06-15')).toEqual(['1.92 gigawatts: verified [amzn-tln-susquehanna.capacity]']);
    expect(verdicts("Meta will buy 1.1 gigawatts from Constellation's Clinton plant for 20 years.", '2025-06-15')).toEqual([
      '1.1 gigawatts: verified [meta-ceg-clinton.capacity]',
      '20 years: verified [meta-ceg-clinton.term]',
    ]);
    expect(verdicts("Amazon's deal with Talen, worth about $18 billion, replaces an earlier 960-megawatt agreement.", '2025-06-15')).toEqual([
      '$18 billion: verified [amzn-tln-susquehanna.value]',
      '960-megawatt: unverified',
    ]);
    expect(verdicts('Microsoft and Constellation signed a 20-year deal.', '2024-09-25')).toEqual(['20-year: verified [msft-ceg-crane.term]']);
  });

  it('contradicts a misstated term of a deal the sentence names without doubt', () => {
    expect(verdicts("Microsoft's deal with Constellation runs for 25 years.", '2024-09-25')).toEqual(['25 years: mismatch [msft-ceg-crane.term]']);
  });

  it("gives nothing to a plant's or a fleet's other numbers, another purchase, a target or a stock move", () => {
    for (const [sentence, published] of [
      ["Talen's Susquehanna plant, which can produce 2.5 gigawatts, is next to Amazon's new campus.", '2025-06-15'],
      ['Amazon paid Talen $650 million for a data center campus next to the plant last year.', '2025-06-15'],
      ['Constellation, which runs 21 nuclear reactors with 22 gigawatts of capacity, will sell Microsoft the output.', '2024-09-25'],
      ["Microsoft and Constellation signed their deal; Constellation's fleet has run for 50 years.", '2024-09-25'],
      ['Constellation will spend $1.6 billion to restart the reactor for Microsoft.', '2024-09-25'],
      ['Constellation shares jumped 22% after the Microsoft deal.', '2024-09-25'],
      ['The reactor was shut in 2019 after 45 years of service; Microsoft will now buy its power from Constellation.', '2024-09-25'],
      ['Google and Kairos aim for 500 megawatts by 2035.', '2024-10-20'],
      ["Microsoft and Brookfield plan more than three times Microsoft's 3 gigawatt purchases of last year.", '2024-05-05'],
    ] as const) {
      expect(verdicts(sentence, published).join(' | '), sentence).toMatch(/^[^|]*: unverified( \| [^|]*: unverified)*$/);
    }
  });
});
