/** How far beyond the viewport, above and below, in viewport heights, highlights are kept painted. */
const MARGIN = 1;

/**
 * Tracks which paragraphs are on screen or near it. Chromium re-processes every registered
 * highlight range on each rendering update (`npm run bench -- page`: appending a paragraph and
 * rendering a frame takes ~2.5x as long with 13,000 ranges registered as with none), so only
 * ranges near the viewport are registered. Nothing here reads layout: the observer is told it
 * after the browser's own layout.
 */
export class NearViewport {
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly win: Window,
    private readonly onChange: (element: Element, near: boolean) => void,
  ) {
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const { target, isIntersecting } of entries) {
          if (isIntersecting === this.near.has(target)) continue;
          if (isIntersecting) this.near.add(target);
          else this.near.delete(target);
          this.onChange(target, isIntersecting);
        }
      },
      { rootMargin: `${MARGIN * 100}% 0px` },
    );
  }

  /**
   * Starts watching `elements`. The observer says which are near after the next layout; measuring
   * them here instead (by bisection in document order, as this once did) forced a style and layout
   * update in the middle of our work each time an answer was placed, after the previous answer's
   * ranges had invalidated style: 65-155 ms tasks on a page of 200,000 figures.
   */
  watchAll(elements: readonly Element[]): void {
    for (const element of elements) this.observer.observe(element);
  }

  has(element: Element): boolean {
    return this.near.has(element);
  }

  unwatch(element: Element): void {
    this.observer.unobserve(element);
    this.near.delete(element);
  }

  clear(): void {
    this.observer.disconnect();
    this.near.clear();
  }
}
