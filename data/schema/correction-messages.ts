import { z } from 'zod';
import { CorrectionInput, CorrectionTarget } from './correction';

const Id = z.uuid();

/** The fact a draft disputes, as the card showed it (a prefill: the background checks the saved correction again). */
export const DraftFact = z.object({
  packId: z.string().min(1).max(128),
  factId: z.string().min(1).max(128),
  label: z.string().max(500),
  display: z.string().max(100),
  unit: z.string().max(16),
  deal: z.string().max(500),
});
export type DraftFact = z.infer<typeof DraftFact>;

/** What the correction window is opened with (answer of `corrections:draft-get`). */
export const CorrectionDraft = z.object({
  id: Id,
  figureText: z.string(),
  page: z.object({ url: z.string(), title: z.string() }),
  fact: DraftFact.optional(),
});
export type CorrectionDraft = z.infer<typeof CorrectionDraft>;

/** Messages about corrections that the background accepts (each `type` starts with "corrections:"). */
export const CORRECTION_MESSAGES = [
  /**
   * Saves a new correction to the outbox and queues it; answers the stored record. Only the
   * correction window (an extension page) sends it; `draftId` names the draft it was opened with,
   * whose tab is then read again so its card shows the correction.
   */
  z.object({ type: z.literal('corrections:submit'), target: CorrectionTarget, input: CorrectionInput, draftId: z.uuid().optional() }),
  /**
   * The card hands over a figure to correct (content script -> background), after the reader's own
   * click: the background keeps it as a draft and opens the correction window for it. The page's
   * address comes from the sender, not from here.
   */
  z.object({ type: z.literal('corrections:draft'), figureText: z.string().min(1).max(200), title: z.string().max(500), fact: DraftFact.optional() }),
  /** The correction window asks for the draft it was opened with. */
  z.object({ type: z.literal('corrections:draft-get'), id: Id }),
  /** Every correction, newest first. */
  z.object({ type: z.literal('corrections:list') }),
  /** The deals a new fact can be proposed for, with their packs. */
  z.object({ type: z.literal('corrections:deals') }),
  /** Posts a queued or failed correction now, or checks a sent one's review now. */
  z.object({ type: z.literal('corrections:retry'), id: Id }),
  /** Takes back a correction that has not been sent. */
  z.object({ type: z.literal('corrections:withdraw'), id: Id }),
  /** A correction bundle (formatVersion 1) of every correction that was not withdrawn. */
  z.object({ type: z.literal('corrections:export') }),
] as const;

/** A deal a new fact can be proposed for (answer of `corrections:deals`). */
export const DealChoice = z.object({
  packId: z.string(),
  packTitle: z.string(),
  dealId: z.string(),
  dealTitle: z.string(),
  /** True when the pack declares a corrections endpoint (otherwise: export only). */
  hasEndpoint: z.boolean(),
});
export type DealChoice = z.infer<typeof DealChoice>;
