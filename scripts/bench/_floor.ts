import type { Page } from 'playwright-core';

/** The floor, in the page's own world: walk, one regex pass, register `count` ranges. */
export function floorPass(page: Page, count: number): Promise<number> {
  return page.evaluate((count) => {
    const start = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const pattern = /\$?\d[\d,.]*\s?(?:billion|bn|gigawatts|years|%)?/g;
    const ranges: Range[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(node.data); m; m = pattern.exec(node.data)) {
        if (ranges.length >= count) continue;
        const range = new Range();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        ranges.push(range);
      }
    }
    CSS.highlights.set('bench-floor', new Highlight(...ranges));
    const took = performance.now() - start;
    CSS.highlights.delete('bench-floor');
    return took;
  }, count);
}
