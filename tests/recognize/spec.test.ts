import { describe, expect, it } from 'vitest';
import { EXCLUSION_REASONS, loadSpecCases, oursMoney, score } from '../../scripts/recognize-eval';

/**
 * Runs the English currency spec of Microsoft Recognizers-Text (third-party test data, MIT,
 * see tests/fixtures/third-party/README.md) through our recognize().
 */
const { cases, excluded, total } = loadSpecCases();
const s = score(cases, oursMoney);
const summary =
  `precision ${s.precision.toFixed(3)} (${s.correct}/${s.predicted}), ` +
  `exact-value recall ${s.recall.toFixed(3)} (${s.found}/${s.expected})`;

describe('Recognizers-Text English currency spec', () => {
  it(`scores ${summary}`, () => {
    const ex = Object.entries(excluded)
      .map(([k, n]) => `  ${n} × ${EXCLUSION_REASONS[k as keyof typeof EXCLUSION_REASONS]}`)
      .join('\n');
    console.log(`spec: ${total} results, ${s.expected} scored; excluded:\n${ex}\n${summary}`);
    if (s.misses.length) console.log('misses', JSON.stringify(s.misses, null, 1));
    if (s.wrong.length) console.log('wrong', JSON.stringify(s.wrong, null, 1));
    expect(s.expected).toBeGreaterThan(100);
    expect(s.recall).toBeGreaterThanOrEqual(0.97);
    expect(s.precision).toBeGreaterThanOrEqual(0.97);
  });
});
