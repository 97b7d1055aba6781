import { z } from 'zod';
import { Quantity, Source } from './pack';
import { MyCorrection } from './correction';

export const VerdictKind = z.enum(['verified', 'mismatch', 'unverified']);
export type VerdictKind = z.infer<typeof VerdictKind>;

/**
 * Who vouches for a pack: it ships with Factmark (`bundled`), its installed copy verified against
 * the publisher key pinned on subscribing (`signed`, with that key's fingerprint), or nobody
 * (`unsigned`: imported from a file, or subscribed at an address that publishes no signature).
 */
export const PackTrust = z.object({
  kind: z.enum(['bundled', 'signed', 'unsigned']),
  /** The publisher key's fingerprint (hex in groups of 4), for `signed`. */
  fingerprint: z.string().max(100).optional(),
  /** How an unsigned pack arrived. */
  via: z.enum(['file', 'address']).optional(),
});
export type PackTrust = z.infer<typeof PackTrust>;

/** What a card needs to show about one fact: display-ready, no lookups left to do. */
export const FactView = z.object({
  id: z.string(),
  label: z.string(),
  quantity: Quantity,
  /** The verified value written for readers, e.g. "$15 billion" or "2 GW". */
  display: z.string(),
  deal: z.string(),
  asOf: z.string(),
  status: z.string(),
  sources: z.array(Source),
  /** Which pack this fact came from; `trust` is added by the background, which knows how it was installed. */
  pack: z.object({ id: z.string(), title: z.string(), publisher: z.string(), trust: PackTrust.optional() }),
});
export type FactView = z.infer<typeof FactView>;

/** The answer for one figure. `gap` is figure value minus fact value, for mismatches. */
export const Verdict = z.object({
  verdict: VerdictKind,
  fact: FactView.optional(),
  gap: z.number().optional(),
  /** Other packs' facts that disagree with `fact` on the same thing. */
  disagreements: z.array(FactView).optional(),
  /**
   * One plain line: what in the text pointed to the fact ("Amazon and OpenAI named in this
   * sentence · 'initial' · article dated 27 Feb 2026"), or, for an unverified figure that came
   * close, why no verdict was given.
   */
  why: z.string().max(500).optional(),
  /** Facts of different deals that fit an unverified figure equally well. */
  candidates: z.array(FactView).max(5).optional(),
  /** The reader's own latest correction of this figure on this page, if any. */
  myCorrection: MyCorrection.optional(),
});
export type Verdict = z.infer<typeof Verdict>;
