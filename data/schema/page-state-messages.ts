import { z } from 'zod';

/**
 * Messages the content script sends about the page itself rather than its figures: the styles
 * for its highlight names, and what the toolbar badge should say. The background checks them
 * here (classic zod: only the background imports this file; the content script imports types).
 */

/** A highlight name as the content script draws it: 'h' and 24 random hex digits (96 bits), unguessable by the page. */
export const HIGHLIGHT_NAME = /^h[0-9a-f]{24}$/;

/** What the content script can notice a page doing to its highlights. */
export const INTERFERENCE_KINDS = ['unregistered', 'replaced', 'foreign-ranges', 'missing-ranges', 'restyled', 'reprioritized', 'card-hidden', 'card-covered'] as const;
export type InterferenceKind = (typeof INTERFERENCE_KINDS)[number];

const HighlightName = z.string().max(25).regex(HIGHLIGHT_NAME);

/** Content -> background: style these three names (in the sender's own frame only). */
export const HighlightStyleRequest = z.object({
  type: z.literal('highlights:style'),
  names: z
    .object({ verified: HighlightName, mismatch: HighlightName, unverified: HighlightName })
    .refine((n) => new Set([n.verified, n.mismatch, n.unverified]).size === 3, 'Invalid input: the three names must differ'),
});
export type HighlightStyleRequest = z.infer<typeof HighlightStyleRequest>;

/** Content -> background: what this frame shows, for the badge. Sent when it changes, throttled. */
export const PageStateReport = z.object({
  type: z.literal('page:state'),
  /** False when the reader switched Factmark off for the site. */
  enabled: z.boolean(),
  /** Figures on the page (not only on screen) that differ from the record. */
  mismatches: z.number().int().min(0).max(1_000_000),
  /** What the page has done to the highlights since it loaded; empty when nothing. */
  interference: z.array(z.enum(INTERFERENCE_KINDS)).max(INTERFERENCE_KINDS.length),
});
export type PageStateReport = z.infer<typeof PageStateReport>;

/** Every page-state message. */
export const PAGE_STATE_MESSAGES = [HighlightStyleRequest, PageStateReport] as const;
