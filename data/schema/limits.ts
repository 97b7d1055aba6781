/** Limits that keep one annotate message cheap to validate and match. */
export const LIMITS = {
  figuresPerBatch: 10_000,
  sentenceChars: 1_000,
  blockChars: 5_000,
  blocksPerBatch: 20_000,
  titleChars: 500,
  /** Distinct kinds, units and qualifiers in one batch. */
  stringsPerBatch: 256,
} as const;
