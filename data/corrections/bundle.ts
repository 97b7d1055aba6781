import { CorrectionBundle, type CorrectionRecord, type CorrectionSubmission } from '../schema/correction';

/** The wire form of a stored correction (what is posted, and what a bundle lists). */
export function toSubmission(record: CorrectionRecord, packVersion?: number): CorrectionSubmission {
  return {
    protocol: 1,
    id: record.id,
    kind: record.kind,
    packId: record.packId,
    ...(packVersion ? { packVersion } : {}),
    ...(record.dealId ? { dealId: record.dealId } : {}),
    ...(record.factId ? { factId: record.factId } : {}),
    figureText: record.figureText,
    page: record.page,
    proposed: record.proposed,
    measures: record.measures,
    evidence: record.evidence,
    ...(record.note ? { note: record.note } : {}),
    createdAt: record.createdAt,
  };
}

/**
 * A correction bundle (formatVersion 1) of every correction that was not withdrawn, oldest first,
 * validated before it is handed out, so an export is always a file the schema accepts.
 */
export function toBundle(records: readonly CorrectionRecord[], now: Date, generator: string): CorrectionBundle {
  const corrections = records
    .filter((r) => r.status !== 'withdrawn')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((r) => ({ ...toSubmission(r), status: r.status, ...(r.reason ? { reason: r.reason } : {}) }));
  return CorrectionBundle.parse({ formatVersion: 1, kind: 'factmark-correction-bundle', exportedAt: now.toISOString(), generator, corrections });
}
