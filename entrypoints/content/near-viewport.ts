/** How far beyond the viewport, above and below, in viewport heights, highlights are kept painted. */
const MARGIN = 1;

/**
 * Tracks which paragraphs are on screen or near it. Chromium re-processes every registered
 * highlight range on each rendering update (`npm run bench -- page`: appending a paragraph and
 * rendering a frame takes ~2.5x as long with 13,000 ranges registered as with none), so only
 * ranges near the viewport are registered.
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
   * Starts watching `elements`, given in document order, and marks at once those near the viewport
   * now. Document order runs top to bottom on most pages, so the near ones are found by bisection
   * and a short scan rather than by measuring every element (which cost ~10 ms on a 1.3 MB page);
   * on a page laid out otherwise, the observer adds any missed a frame later.
   */
  watchAll(elements: readonly Element[]): void {
    for (const element of elements) this.observer.observe(element);
    const height = this.win.innerHeight;
    let lo = 0;
    let hi = elements.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (elements[mid]!.getBoundingClientRect().bottom < -height * MARGIN) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < elements.length; i++) {
      const { top, bottom } = elements[i]!.getBoundingClientRect();
      if (top > height * (1 + MARGIN)) break;
      if (bottom >= -height * MARGIN) this.near.add(elements[i]!);
    }
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
