import type { Figure } from '../../data/schema/figure';
import type { Verdict } from '../../data/schema/verdict';

/** One highlighted figure on the page: where it is, what it says, and what the store says. */
export interface Annotation {
  /** Stable number for this annotation while it lives (the popup refers to figures by it). */
  index: number;
  range: Range;
  /** The text nodes the figure spans, kept because a live Range moves when its nodes are removed. */
  nodes: Text[];
  /** The element whose box shows the figure's paragraph (its highlight is painted while this is near the viewport). */
  owner: Element;
  figure: Figure;
  verdict: Verdict;
}
