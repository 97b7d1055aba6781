import { z } from 'zod';
import { Figure } from './figure';
import { PACK_MESSAGES } from './pack-messages';
import { CORRECTION_MESSAGES } from './correction-messages';
import { LIMITS } from './limits';

export { LIMITS } from './limits';
export { parseMessage, type Result } from './result';
export { ContentMessage, FoundFigure, PageFigures } from './page-messages';

/**
 * One figure to check, with the words around it. `sentence` holds the figure at `at`
 * (UTF-16 offset); `block` indexes `AnnotateRequest.blocks`, the paragraph it came from.
 */
export const FigureQuery = z.object({
  figure: Figure,
  sentence: z.string().max(LIMITS.sentenceChars),
  at: z.number().int().nonnegative(),
  block: z.number().int().nonnegative(),
});
export type FigureQuery = z.infer<typeof FigureQuery>;

/** Content script -> background: one batch per annotation pass. */
export const AnnotateRequest = z.object({
  type: z.literal('annotate'),
  /** The page's address without its fragment; used only on the device (e.g. to find your own corrections). */
  url: z.string().max(2_000),
  title: z.string().max(LIMITS.titleChars),
  blocks: z.array(z.string().max(LIMITS.blockChars)).max(LIMITS.blocksPerBatch),
  figures: z.array(FigureQuery).max(LIMITS.figuresPerBatch),
});
export type AnnotateRequest = z.infer<typeof AnnotateRequest>;

/** Every message the background accepts. */
export const BackgroundMessage = z.discriminatedUnion('type', [AnnotateRequest, ...PACK_MESSAGES, ...CORRECTION_MESSAGES]);
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;
