import { z } from 'zod';
import type { Figure } from './figure';
import { PACK_MESSAGES } from './pack-messages';
import { CORRECTION_MESSAGES } from './correction-messages';
import { LIMITS } from './limits';
import { FIGURE_FIELDS } from './annotate-wire';
import { PAGE_STATE_MESSAGES } from './page-state-messages';

export { LIMITS } from './limits';
export { parseMessage, type Result } from './result';
export { ContentMessage, FoundFigure, PageFigures } from './page-messages';

/**
 * One figure to check, with the words around it, as the matcher takes it (decoded from an
 * `annotate` message). `block` indexes `MatchRequest.blocks`, the paragraph it came from; the
 * figure's offsets are that paragraph's; `sentence` is the paragraph's text from
 * `figure.start - at`, so it holds the figure at `at` (UTF-16 offsets).
 */
export interface FigureQuery {
  figure: Figure;
  sentence: string;
  at: number;
  block: number;
}

/** One page's figures for the matcher: the page's address and title, its paragraphs, the figures. */
export interface MatchRequest {
  url: string;
  title: string;
  /** The article's publication day ('YYYY-MM-DD'), when the page declares one. */
  published?: string;
  blocks: string[];
  /** Per block, the position in `blocks` of its heading, or -1 (see AnnotateRequest.headings). */
  headings?: number[];
  /** Per block, the position in `blocks` of the sentence before the paragraph, or -1 (see AnnotateRequest.leads). */
  leads?: number[];
  figures: FigureQuery[];
}

/**
 * The figures' flat numbers (finite, or null), FIGURE_FIELDS per figure. Checked in one loop: a
 * schema per element cost ~20 ms for 13,000 figures in a freshly woken service worker.
 */
function figureNumbers() {
  const max = LIMITS.figuresPerBatch * FIGURE_FIELDS;
  return z.custom<(number | null)[]>().superRefine((value, ctx) => {
    if (!Array.isArray(value)) return void ctx.addIssue({ code: 'custom', message: 'Invalid input: expected an array of numbers' });
    if (value.length > max) return void ctx.addIssue({ code: 'custom', message: `Too big: expected at most ${max} numbers` });
    for (let i = 0; i < value.length; i++) {
      const n: unknown = value[i];
      if (n !== null && !(typeof n === 'number' && Number.isFinite(n))) {
        return void ctx.addIssue({ code: 'custom', path: [i], message: 'Invalid input: expected number (finite) or null' });
      }
    }
    if (value.length % FIGURE_FIELDS !== 0) ctx.addIssue({ code: 'custom', message: `expected ${FIGURE_FIELDS} numbers per figure` });
  });
}

/**
 * Content script -> background: one batch per annotation pass, in the compact layout of
 * `annotate-wire.ts`. Shapes and sizes are checked here; offsets against their blocks when decoded.
 */
export const AnnotateRequest = z.object({
  type: z.literal('annotate'),
  /** The page's address without its fragment; used only on the device (e.g. to find your own corrections). */
  url: z.string().max(2_000),
  title: z.string().max(LIMITS.titleChars),
  /** The publication day the page declares (metadata, JSON-LD, <time>, or its address). */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  blocks: z.array(z.string().max(LIMITS.blockChars)).max(LIMITS.blocksPerBatch),
  /** Per block, the position in `blocks` of its heading (the nearest h1-h6 before it, or its list's lead-in), or -1; checked when decoded. */
  headings: z.array(z.number().int().min(-1)).max(LIMITS.blocksPerBatch).optional(),
  /** Per block, the position in `blocks` of the last sentence of the paragraph before it, or -1; checked when decoded. */
  leads: z.array(z.number().int().min(-1)).max(LIMITS.blocksPerBatch).optional(),
  /** Kinds, units and qualifiers, referred to by position from `figures`. */
  strings: z.array(z.string().max(40)).max(LIMITS.stringsPerBatch),
  figures: figureNumbers(),
});
export type AnnotateRequest = z.infer<typeof AnnotateRequest>;

/** Every message the background accepts. */
export const BackgroundMessage = z.discriminatedUnion('type', [AnnotateRequest, ...PACK_MESSAGES, ...CORRECTION_MESSAGES, ...PAGE_STATE_MESSAGES]);
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;
