import { z } from 'zod';
import { FigureKind } from './figure';
import { HttpUrl } from './pack';
import { CORRECTION_LIMITS } from './correction-limits';

/** Size and rate limits for corrections; the form, the background and the endpoint protocol share them. */
export { CORRECTION_LIMITS } from './correction-limits';


/** `dispute`: the fact's value is wrong. `new-fact`: a figure no fact covers should become one. */
export const CorrectionKind = z.enum(['dispute', 'new-fact']);
export type CorrectionKind = z.infer<typeof CorrectionKind>;

/**
 * Where a correction is in its life:
 * - `queued`: saved, waiting to be posted (or no endpoint: waiting for export);
 * - `sending`: a post is in flight (recovered to `queued` if the service worker died meanwhile);
 * - `sent`: the endpoint acknowledged it; its review is polled;
 * - `accepted` / `rejected`: the pack maintainer's decision (rejected carries a reason);
 * - `failed`: the endpoint refused the request itself (4xx, redirect); nothing more is tried
 *   until the contributor retries;
 * - `withdrawn`: the contributor took it back before it was sent.
 */
export const CorrectionStatus = z.enum(['queued', 'sending', 'sent', 'accepted', 'rejected', 'failed', 'withdrawn']);
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;

/** The proposed value, as written and as the recognizer resolved it. */
export const ProposedValue = z.object({
  text: z.string().min(1).max(CORRECTION_LIMITS.valueChars),
  kind: FigureKind,
  value: z.number().finite(),
  high: z.number().finite().optional(),
  unit: z.string().min(1).max(8),
  /** The resolved value written for readers, e.g. "$16.5 billion". */
  display: z.string().max(100),
});
export type ProposedValue = z.infer<typeof ProposedValue>;

/** The page a correction was made on. */
export const CorrectionPage = z.object({
  url: z.string().max(CORRECTION_LIMITS.urlChars),
  title: z.string().max(500),
});

/** The source that backs a correction. */
export const Evidence = z.object({
  url: HttpUrl,
  quote: z.string().max(CORRECTION_LIMITS.quoteChars).optional(),
});

/** The fields a correction is about, shared by the stored record, the wire payload and the bundle. */
const CorrectionContent = z.object({
  /** A random UUID, also the `Idempotency-Key` of every post of this correction. */
  id: z.uuid(),
  kind: CorrectionKind,
  packId: z.string().min(1).max(128),
  dealId: z.string().max(128).optional(),
  /** The disputed fact (for `dispute`). */
  factId: z.string().max(128).optional(),
  /** The figure as the article wrote it. */
  figureText: z.string().max(200),
  page: CorrectionPage,
  proposed: ProposedValue,
  /** What the value measures, in words. */
  measures: z.string().min(1).max(CORRECTION_LIMITS.measuresChars),
  evidence: Evidence,
  note: z.string().max(CORRECTION_LIMITS.noteChars).optional(),
  createdAt: z.iso.datetime(),
});

/** A contributor's correction, as kept in the outbox (Dexie table `corrections`). */
export const CorrectionRecord = CorrectionContent.extend({
  status: CorrectionStatus,
  updatedAt: z.iso.datetime(),
  /** Failed posts (or status checks) in a row; drives the backoff. */
  attempts: z.number().int().nonnegative(),
  /** Epoch ms of the next post or status check; absent when nothing is scheduled. */
  nextAttemptAt: z.number().optional(),
  /** Why the last attempt did not get through, in words. */
  lastError: z.string().max(1_000).optional(),
  /** The endpoint's id for it, once sent. */
  remoteId: z.string().max(200).optional(),
  /** The maintainer's (or the endpoint's) reason for a rejection or a refusal. */
  reason: z.string().max(1_000).optional(),
});
export type CorrectionRecord = z.infer<typeof CorrectionRecord>;

/** The JSON body of `POST {correctionsEndpoint}` (protocol version 1; see docs/CORRECTIONS.md). */
export const CorrectionSubmission = CorrectionContent.extend({
  protocol: z.literal(1),
  packVersion: z.number().int().positive().optional(),
});
export type CorrectionSubmission = z.infer<typeof CorrectionSubmission>;

/** The endpoint's answer to a post: 200, 201 or 202 with its id for the correction. */
export const SubmissionReceipt = z.object({
  id: z.string().min(1).max(200),
  status: z.string().max(40).optional(),
});

/** The endpoint's answer to `GET {correctionsEndpoint}/{id}`. */
export const ReviewStatus = z.object({
  status: z.enum(['pending', 'accepted', 'rejected']),
  reason: z.string().max(1_000).optional(),
});
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** One correction in an exported bundle: the submission plus where it stood. */
export const BundledCorrection = CorrectionSubmission.extend({
  status: CorrectionStatus,
  reason: z.string().max(1_000).optional(),
});

/** A file of corrections for a pack maintainer to review by hand, format version 1. */
export const CorrectionBundle = z.object({
  formatVersion: z.literal(1),
  kind: z.literal('factmark-correction-bundle'),
  exportedAt: z.iso.datetime(),
  generator: z.string().max(100),
  corrections: z.array(BundledCorrection).max(100_000),
});
export type CorrectionBundle = z.infer<typeof CorrectionBundle>;

/** JSON Schema (draft 2020-12) of the correction bundle, for pack maintainers' tools. */
export function correctionBundleJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CorrectionBundle, { io: 'input' }) as Record<string, unknown>;
}

/** The contributor's own correction on a figure, as the card shows it. */
export const MyCorrection = z.object({
  id: z.string(),
  status: CorrectionStatus,
  /** The proposed value written for readers. */
  display: z.string(),
  reason: z.string().optional(),
});
export type MyCorrection = z.infer<typeof MyCorrection>;

/** What the contributor typed in the form, as written (checked by `checkDraft`). */
export const CorrectionInput = z.object({
  value: z.string().max(CORRECTION_LIMITS.valueChars * 4),
  measures: z.string().max(CORRECTION_LIMITS.measuresChars * 4),
  evidenceUrl: z.string().max(CORRECTION_LIMITS.urlChars * 2),
  quote: z.string().max(CORRECTION_LIMITS.quoteChars * 4),
  note: z.string().max(CORRECTION_LIMITS.noteChars * 4),
});
export type CorrectionInput = z.infer<typeof CorrectionInput>;

/** What the correction is about: the figure on the page and the fact (or deal) it concerns. */
export const CorrectionTarget = CorrectionContent.pick({ kind: true, packId: true, factId: true, dealId: true, figureText: true, page: true });
export type CorrectionTarget = z.infer<typeof CorrectionTarget>;
