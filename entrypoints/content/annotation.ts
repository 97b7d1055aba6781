import type { Figure } from '../../data/schema/figure';
import type { Verdict } from '../../data/schema/verdict';

/** One highlighted figure on the page: where it is, what it says, and what the store says. */
export interface Annotation {
  /** Position in document order, as the popup lists it. */
  index: number;
  range: Range;
  figure: Figure;
  verdict: Verdict;
}
