import { z } from 'zod';
import { Figure } from './figure';
import { Verdict } from './verdict';
import { PACK_MESSAGES } from './pack-messages';
import { CORRECTION_MESSAGES } from './correction-messages';

/** Limits that keep one message cheap to validate and match. */
export const LIMITS = {
  figuresPerBatch: 10_000,
  sentenceChars: 1_000,
  blockChars: 5_000,
  blocksPerBatch: 20_000,
  titleChars: 500,
} as const;

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

/** Background -> content script: verdicts in the order of `figures`. */
export const AnnotateResponse = z.array(Verdict);
export type AnnotateResponse = z.infer<typeof AnnotateResponse>;

/** Every message the background accepts. */
export const BackgroundMessage = z.discriminatedUnion('type', [AnnotateRequest, ...PACK_MESSAGES, ...CORRECTION_MESSAGES]);

/** One installed pack, as the options page lists it. */
export const PackSummary = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  version: z.number(),
  published: z.string(),
  factCount: z.number(),
  origin: z.string(),
});
export type PackSummary = z.infer<typeof PackSummary>;
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;

/** A figure as the popup lists it. */
export const FoundFigure = z.object({
  index: z.number().int().nonnegative(),
  text: z.string(),
  verdict: Verdict.shape.verdict,
  display: z.string().optional(),
  label: z.string().optional(),
});
export type FoundFigure = z.infer<typeof FoundFigure>;

/** Every message the content script accepts (from the popup). */
export const ContentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page:figures') }),
  z.object({ type: z.literal('page:reveal'), index: z.number().int().nonnegative() }),
  z.object({ type: z.literal('page:refresh') }),
]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/** The shape every handler answers with, so errors cross contexts as data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates an incoming message; the error names the first problem and where it is. */
export function parseMessage<S extends z.ZodType>(schema: S, raw: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, error: `Invalid message${where}: ${issue?.message ?? 'unknown problem'}` };
}

/** Content script -> popup: what this page shows. */
export const PageFigures = z.object({
  host: z.string(),
  enabled: z.boolean(),
  figures: z.array(FoundFigure),
});
export type PageFigures = z.infer<typeof PageFigures>;
