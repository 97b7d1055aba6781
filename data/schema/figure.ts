import { z } from 'zod';

/** What a recognised figure measures. */
export const FigureKind = z.enum(['money', 'power', 'duration', 'percent']);
export type FigureKind = z.infer<typeof FigureKind>;

/**
 * One figure found in text by `recognize()`.
 * `start`/`end` are UTF-16 offsets into the text (end exclusive); `text` is the raw slice.
 * `value` is in whole units (15000000000 for "$15 billion"); `high` is the top of a range.
 * `unit` is an ISO 4217 code for money, `GW`/`MW` for power, `year`/`month` for durations, `%`.
 * `precision` is the place value of the last digit written (1e9 for "$15 billion", 1e8 for
 * "$1.5 billion"), so a matcher can accept what the writer rounded.
 * `uncertain` marks a resolution the recognizer could not pin down (for example an ambiguous `$`).
 */
export const Figure = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string().max(200),
  kind: FigureKind,
  value: z.number().finite(),
  high: z.number().finite().optional(),
  unit: z.string().min(1).max(8),
  precision: z.number().positive().finite().optional(),
  qualifier: z.string().max(40).optional(),
  uncertain: z.boolean().optional(),
});
export type Figure = z.infer<typeof Figure>;
