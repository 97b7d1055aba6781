import { describe, expect, it } from 'vitest';
import { buildIndex, matchBatch } from '../../data/match';
import { packVerdicts, unpackVerdicts } from '../../data/match/pack-verdicts';
import { bundledPack } from '../../data/packs';
import { annotate, figureIn } from './figure-helpers';

describe('packed verdicts', () => {
  const sentences = [
    ['Amazon pays an initial $15 billion to OpenAI.', '$15 billion', 15e9],
    ['Amazon pays an initial $15 billion to OpenAI, then $35 billion more.', '$15 billion', 15e9],
    ['OpenAI was valued at $830 billion pre-money.', '$830 billion', 830e9],
    ['Microsoft put $13 billion into OpenAI.', '$13 billion', 13e9],
  ] as const;

  it('restores exactly what the matcher answered, sending each fact once', () => {
    const request = annotate(sentences.map(([s, text, value], i) => figureIn(s, text, { value, unit: 'USD' }, i)), '', sentences.map(([s]) => s));
    const verdicts = matchBatch(buildIndex([bundledPack]), request);
    const packed = packVerdicts(verdicts);
    expect(packed.facts.map((f) => f.id)).toEqual([...new Set(verdicts.flatMap((v) => (v.fact ? [v.fact.id] : [])))]);
    expect(packed.facts).toHaveLength(2);
    expect(unpackVerdicts(JSON.parse(JSON.stringify(packed)))).toEqual(verdicts);
  });

  it('sends each reason line once and restores it on every verdict that had it', () => {
    const repeated = Array.from({ length: 6 }, (_, i) => sentences[i % sentences.length]!);
    const request = annotate(repeated.map(([s, text, value], i) => figureIn(s, text, { value, unit: 'USD' }, i)), '', repeated.map(([s]) => s));
    const verdicts = matchBatch(buildIndex([bundledPack]), request);
    const lines = verdicts.flatMap((v) => (v.why === undefined ? [] : [v.why]));
    expect(lines.length).toBeGreaterThan(new Set(lines).size); // the page repeats itself: some line is shared
    const packed = packVerdicts(verdicts);
    expect(packed.whys).toEqual([...new Set(lines)]);
    expect(packed.verdicts.every((v) => v.why === undefined || typeof v.why === 'number')).toBe(true);
    expect(unpackVerdicts(JSON.parse(JSON.stringify(packed)))).toEqual(verdicts);
  });

  it('carries no table of reason lines when no verdict has one', () => {
    expect(packVerdicts([{ verdict: 'unverified' }])).toEqual({ facts: [], verdicts: [{ verdict: 'unverified' }] });
    expect(unpackVerdicts({ facts: [], verdicts: [{ verdict: 'unverified' }] })).toEqual([{ verdict: 'unverified' }]);
  });
});
