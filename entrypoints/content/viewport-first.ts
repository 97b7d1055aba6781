import type { TextBlock } from './blocks';

/** How far beyond the viewport, above and below, in viewport heights, counts as near (as NearViewport). */
const MARGIN = 1;

/** Where a block of a full pass lies against the screen, as `ViewportFirst` tells it. */
export type Place = 'above' | 'near' | 'below';

/**
 * Orders a full pass so the paragraphs the reader sees are read, matched and painted first: as
 * the walk goes in document order (top to bottom on most pages), blocks above the screen (a page
 * opened scrolled down) are put off until the end, and once the walk passes the bottom of the
 * near zone the caller sends what it found at once. Each block is measured once, and only until
 * the walk has passed the screen, so a long page costs a screenful of measurements (plus the
 * blocks above it, when scrolled).
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

  /** Whether the walk has gone past the near zone. */
  get done(): boolean {
    return this.passed;
  }
}
