/** Sizes a correction's fields may have, and how many a contributor may file a day. Plain data: the card imports it. */
export const CORRECTION_LIMITS = {
  valueChars: 60,
  measuresChars: 300,
  urlChars: 2_000,
  quoteChars: 500,
  noteChars: 1_000,
  /** New corrections a contributor may file in any 24 hours. */
  perDay: 50,
} as const;

/** True for an absolute http or https address within the size limit (the card's check; the background re-validates with zod). */
export function isHttpUrl(text: string): boolean {
  if (text.length > CORRECTION_LIMITS.urlChars) return false;
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
