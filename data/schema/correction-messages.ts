import { z } from 'zod';
import { CorrectionInput, CorrectionTarget } from './correction';

const Id = z.uuid();

/** Messages about corrections that the background accepts (each `type` starts with "corrections:"). */
export const CORRECTION_MESSAGES = [
  /** Saves a new correction to the outbox and queues it; answers the stored record. */
  z.object({ type: z.literal('corrections:submit'), target: CorrectionTarget, input: CorrectionInput }),
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
