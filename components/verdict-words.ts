import type { VerdictKind } from '../data/schema/verdict';

/** How each verdict is said to readers, in the card and the popup. */
export const VERDICT_WORDS: Record<VerdictKind, string> = {
  verified: 'Matches the record',
  mismatch: 'Differs from the record',
  unverified: 'Not in your fact packs',
};
