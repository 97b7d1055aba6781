import { z } from 'zod';

/**
 * A contributor's correction, as kept in the outbox (placeholder: the corrections work defines
 * the full record and its state machine here).
 */
export const CorrectionRecord = z.looseObject({
  id: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
export type CorrectionRecord = z.infer<typeof CorrectionRecord>;
