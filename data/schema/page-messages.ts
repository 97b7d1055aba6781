// zod/mini: these schemas ship in the content script, which runs on every page, so size matters.
import * as z from 'zod/mini';

/** A figure as the popup lists it; `index` is the annotation's stable number on the page. */
export const FoundFigure = z.object({
  index: z.int().check(z.nonnegative()),
  text: z.string(),
  verdict: z.enum(['verified', 'mismatch', 'unverified']),
  display: z.optional(z.string()),
  label: z.optional(z.string()),
  /** The pack of the figure's fact and who vouches for it (FactView.pack; the card says the same). */
  pack: z.optional(
    z.object({
      id: z.string(),
      title: z.string(),
      publisher: z.string(),
      trust: z.optional(z.object({ kind: z.enum(['bundled', 'signed', 'unsigned']), fingerprint: z.optional(z.string()), via: z.optional(z.enum(['file', 'address'])) })),
    }),
  ),
});
export type FoundFigure = z.infer<typeof FoundFigure>;

/** Every message the content script accepts (from the popup). */
export const ContentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page:figures') }),
  z.object({ type: z.literal('page:reveal'), index: z.int().check(z.nonnegative()) }),
  z.object({ type: z.literal('page:refresh') }),
]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/** Content script -> popup: what this page shows. */
export const PageFigures = z.object({
  host: z.string(),
  enabled: z.boolean(),
  /** What the page did to Factmark's highlights (tamper-guard.ts), if anything; the popup says so. */
  interference: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10))),
  figures: z.array(FoundFigure),
});
export type PageFigures = z.infer<typeof PageFigures>;
