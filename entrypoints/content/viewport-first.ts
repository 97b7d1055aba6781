import type { TextBlock } from './blocks';

/** How far beyond the viewport, above and below, in viewport heights, counts as near (as NearViewport). */
const MARGIN = 1;

/** Levels of nesting `startNear` goes down at most (article text sits a few wrappers below the body). */
const MAX_DEPTH = 12;

/** Where a block of a full pass lies against the screen, as `ViewportFirst` tells it. */
export type Place = 'above' | 'near' | 'below';

/**
 * Orders a full pass so the paragraphs the reader sees are read, matched and painted first: as
 * the walk goes in document order (top to bottom on most pages), blocks above the screen (a page
 * opened scrolled down) are put off until the end, and once the walk passes the bottom of the
 * near zone the caller sends what it found at once. Each block is measured once, and only until
 * the walk has passed the screen, so a long page costs a screenful of measurements (a page
 * scrolled down is walked from near the screen: see `startNear`).
 */
export class ViewportFirst {
  private readonly height: number;
  private passed = false;

  /** Whether the page is taller than the near zone (a short page is read in one go and sent as one batch). */
  readonly long: boolean;

  constructor(win: Window) {
    this.height = win.innerHeight;
    this.long = (win.document.documentElement?.scrollHeight ?? 0) > this.height * (1 + 2 * MARGIN);
  }

  /** Where `block` lies; `inView` is true when its paragraph intersects the viewport itself. */
  place(block: TextBlock): { place: Place; inView: boolean } {
    if (this.passed) return { place: 'below', inView: false };
    const el = block.owner ?? block.nodes[0]!.parentElement;
    if (!el) return { place: 'near', inView: false };
    const { top, bottom } = el.getBoundingClientRect();
    if (bottom < -this.height * MARGIN) return { place: 'above', inView: false };
    if (top > this.height * (1 + MARGIN)) {
      this.passed = true;
      return { place: 'below', inView: false };
    }
    return { place: 'near', inView: bottom > 0 && top < this.height };
  }

  /**
   * Where a walk of `root` scrolled down can start so the screen comes first: the first element
   * whose box reaches the near zone, found by halving each level's children by their boxes
   * (children are laid out top to bottom on most pages) and going down into the one that
   * straddles the zone's top. Only non-inline elements the walk would enter (`canEnter`), inside
   * ones it enters: a walk from there reads the very blocks a walk from the top does. Undefined
   * when nothing lies above the zone, or the boxes say nothing useful (the walk then measures
   * block by block). Costs a few measurements per level.
   */
  startNear(root: Element, canEnter: (el: Element) => boolean): Element | undefined {
    const zoneTop = -this.height * MARGIN;
    const zoneBottom = this.height * (1 + MARGIN);
    let start: Element | undefined;
    for (let container = root, depth = 0; depth < MAX_DEPTH; depth++) {
      const kids = container.children;
      let lo = 0;
      let hi = kids.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (kids[mid]!.getBoundingClientRect().bottom < zoneTop) lo = mid + 1;
        else hi = mid;
      }
      const kid = kids[lo];
      if (!kid || !canEnter(kid)) break;
      const { top } = kid.getBoundingClientRect();
      // A box that starts below the zone means the boxes are not in page order here.
      if (top > zoneBottom) break;
      if (lo > 0) start = kid;
      if (top >= zoneTop) break;
      container = kid;
    }
    return start;
  }

  /** Whether the walk has gone past the near zone. */
  get done(): boolean {
    return this.passed;
  }
}
