import type { Fact } from '../schema/pack';

/** A fact's value as a cap or a floor (see `boundOf`). */
export type Bound = 'up-to' | 'at-least';

/** A label or role that calls the value a cap: "(up to)", "Maximum ... investment", "investment-cap". */
const CAP = /\b(?:up to|at most|as much as|no more than|maximum|cap|capped|ceiling)\b/i;
/** A label or role that calls the value a floor: "(at least)", "minimum-capacity", "well over a gigawatt", "more than $29 billion". */
const FLOOR = /\b(?:at least|no less than|minimum|in excess of|upwards of|or more|(?:well\s+)?(?:over|more than)\s+(?=[$€£¥\d]|(?:a|an|one)\b))/i;

/**
 * Whether a fact's value is a cap or a floor, as announced: the pack's `bound`, or else what its
 * label or role says ("up to", "at least", "investment-cap"). Packs written before `bound`
 * existed say so only in words, and a figure below a cap must not be called a misstatement of it.
 */
export function boundOf(fact: Pick<Fact, 'bound' | 'label' | 'role'>): Bound | undefined {
  if (fact.bound) return fact.bound;
  const words = `${fact.label} ${fact.role.replace(/[-_]/g, ' ')}`;
  if (CAP.test(words)) return 'up-to';
  if (FLOOR.test(words)) return 'at-least';
  return undefined;
}
