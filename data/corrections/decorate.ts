import type { CorrectionRecord, MyCorrection } from '../schema/correction';
import type { Verdict } from '../schema/verdict';

/**
 * Adds the reader's own corrections to a page's verdicts: a figure gets `myCorrection` when a
 * correction was made on this page for the same figure text and the same fact (or, for a proposed
 * new fact, on a figure that still has no fact). The newest one wins; withdrawn ones are not shown.
 * `corrections` are this page's; `figureTexts` are in the order of `verdicts`.
 */
export function decorateVerdicts(verdicts: Verdict[], figureTexts: readonly string[], corrections: readonly CorrectionRecord[]): Verdict[] {
  const live = corrections.filter((c) => c.status !== 'withdrawn').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (live.length === 0) return verdicts;
  return verdicts.map((verdict, i) => {
    const text = figureTexts[i];
    const factId = verdict.fact?.id;
    const mine = live.find((c) => c.figureText === text && (c.factId ?? undefined) === factId);
    return mine ? { ...verdict, myCorrection: summarize(mine) } : verdict;
  });
}

/** What the card shows of one correction. */
export function summarize(record: CorrectionRecord): MyCorrection {
  return { id: record.id, status: record.status, display: record.proposed.display, ...(record.reason ? { reason: record.reason } : {}) };
}
