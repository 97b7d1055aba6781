import { describe, expect, it } from 'vitest';
import { recognize } from '../../data/recognize/index';
import { Figure } from '../../data/schema/figure';
import { GOLDEN_CASES, type GoldenFigure } from './golden-cases';

/**
 * The asserted view of a figure: text, kind, value, unit, and high/qualifier (absent when the
 * case has none). `uncertain` is compared only when the case states it.
 */
function view(f: Figure, want: GoldenFigure | undefined): GoldenFigure {
  const v: GoldenFigure = { text: f.text, kind: f.kind, value: f.value, unit: f.unit };
  if (f.high !== undefined) v.high = f.high;
  if (f.qualifier !== undefined) v.qualifier = f.qualifier;
  if (want && want.uncertain !== undefined) v.uncertain = f.uncertain ?? false;
  return v;
}

describe('recognize() golden corpus', () => {
  it('has at least 300 cases', () => {
    expect(GOLDEN_CASES.length).toBeGreaterThanOrEqual(300);
  });

  it.each(GOLDEN_CASES.map((c) => [c.input, c] as const))('%s', (input, c) => {
    const got = recognize(input);
    for (const f of got) {
      expect(Figure.parse(f)).toEqual(f);
      expect(input.slice(f.start, f.end)).toBe(f.text);
    }
    for (let i = 1; i < got.length; i++) expect(got[i].start).toBeGreaterThanOrEqual(got[i - 1].end);
    expect(got.map((f, i) => view(f, c.expected[i]))).toEqual(c.expected);
  });
});
