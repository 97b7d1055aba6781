import type { BrowserContext as ChromiumContext, Page as ChromiumPage } from 'playwright-core';
import type { Page } from './harness-page';

/** A highlighted figure as the page's own script sees it. */
export interface ShownFigure {
  text: string;
  verdict: string;
  x: number;
  y: number;
}

/** What the open card shows. */
export interface ShownCard {
  verdict: string;
  factId: string;
  /** The figure as the article wrote it, as the card quotes it. */
  figureText: string;
  text: string;
  verifiedValue: string | null;
  sources: { href: string; text: string }[];
  rect: { top: number; bottom: number; left: number; right: number };
  focused: boolean;
}

/** The passes recorded so far: how many figures each read, whether it read the whole page, how many messages it sent. */
export function recordedPasses(page: Page): Promise<{ figures: number; full: boolean; batches: number }[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('factmark:annotate').map((e) => (e as PerformanceMeasure).detail as { figures: number; full: boolean; batches: number }),
  );
}

/**
 * Waits until the content script finished `count` annotation passes and its underlines have
 * settled: the background styles Factmark's highlight names by a round trip of its own, and ranges
 * are registered a few hundred a frame once the viewport observer has reported, so a pass can end
 * before what the reader sees is complete. Settled means every highlight of Factmark's name shape
 * is styled and their sizes held still for five frames (at most about three seconds). Only names
 * of that shape count, so a hostile page's own highlights never hold a test up.
 */
export async function waitForAnnotation(page: Page, count = 1): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('factmark:annotate').length >= n, count, { timeout: 15_000 });
  await page.evaluate(async () => {
    const styled = ['rgb(26, 127, 55)', 'rgb(207, 34, 46)', 'rgb(110, 119, 129)'];
    let last = -1;
    for (let frame = 0, still = 0; frame < 180 && still < 5; frame++) {
      await new Promise((done) => requestAnimationFrame(done));
      let size = 0;
      let allStyled = true;
      for (const [name, highlight] of CSS.highlights) {
        if (!/^h[0-9a-f]{24}$/.test(name)) continue;
        size += highlight.size;
        if (!styled.includes(getComputedStyle(document.body, `::highlight(${name})`).textDecorationColor)) allStyled = false;
      }
      still = allStyled && size === last ? still + 1 : 0;
      last = size;
    }
  });
}

/**
 * Every Factmark highlight, in document order, with the centre of its first line box. Only figures
 * near the viewport are painted, so this scrolls through the page as a reader would, collecting
 * what is painted at each screenful, and scrolls back.
 */
export async function shownFigures(page: Page): Promise<ShownFigure[]> {
  // No named functions inside: tsx (the demo, the listing) would wrap them in a helper the page lacks.
  return page.evaluate(async () => {
    const found: { range: Range; verdict: string }[] = [];
    const last = document.documentElement.scrollHeight - innerHeight;
    const { scrollX: x, scrollY: y } = window;
    for (let top = 0; ; top = Math.min(top + innerHeight, last)) {
      if (last > 0) {
        window.scrollTo(0, top);
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 20))));
      }
      // Factmark draws its highlight names per page, so a page cannot aim a rule at them: a verdict is
      // known by what the reader sees, its underline colour (highlights.css).
      const colours: Record<string, string> = { 'rgb(26, 127, 55)': 'verified', 'rgb(207, 34, 46)': 'mismatch', 'rgb(110, 119, 129)': 'unverified' };
      for (const [name, highlight] of CSS.highlights) {
        const verdict = colours[getComputedStyle(document.body, `::highlight(${name})`).textDecorationColor];
        if (verdict) for (const range of highlight) found.push({ range: range as Range, verdict });
      }
      if (top >= last) break;
    }
    if (last > 0) {
      window.scrollTo(x, y);
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 20))));
    }
    found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    // A figure painted at several scroll positions is one figure.
    const figures = found.filter((f, i) => i === 0 || f.range.compareBoundaryPoints(Range.START_TO_START, found[i - 1]!.range) !== 0);
    return figures.map(({ range, verdict }) => {
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { text: range.toString(), verdict, x: rect.left + rect.width / 2 + window.scrollX, y: rect.top + rect.height / 2 + window.scrollY };
    });
  });
}

/** Waits until the page shows the figure `text` with `verdict` (scrolling to find it, as shownFigures does). */
export async function waitForVerdict(page: Page, text: string, verdict: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    const figures = (await shownFigures(page)).filter((f) => f.text === text);
    if (figures.some((f) => f.verdict === verdict)) return;
    seen = figures.map((f) => f.verdict);
    await page.waitForTimeout(100);
  }
  throw new Error(`${text} never showed as ${verdict} within ${timeout} ms (last seen: ${seen.join(', ') || 'not shown'})`);
}

/** Moves the pointer onto a figure (scrolling it into view first) and waits for its card. */
export async function hoverFigure(page: Page, figure: ShownFigure): Promise<ShownCard> {
  // Leave any open card first: a card may lie over the next figure, and pointing at a card keeps it open.
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => !document.querySelector('factmark-card')?.shadowRoot?.querySelector('[data-verdict]'), null, { timeout: 5_000 });
  await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 300)), figure.y);
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  await page.mouse.move(figure.x - scroll.x, figure.y - scroll.y, { steps: 2 });
  await page.waitForFunction((text) => {
    const root = document.querySelector('factmark-card')?.shadowRoot;
    return root?.querySelector('.figure q')?.textContent === text;
  }, figure.text, { timeout: 5_000 });
  return (await openCard(page))!;
}

/** The card that is open now, or null. */
export async function openCard(page: Page): Promise<ShownCard | null> {
  return page.evaluate(() => {
    const root = document.querySelector('factmark-card')?.shadowRoot;
    const card = root?.querySelector<HTMLElement>('[data-verdict]');
    if (!root || !card) return null;
    const r = card.getBoundingClientRect();
    return {
      verdict: card.dataset.verdict ?? '',
      factId: card.dataset.factId ?? '',
      figureText: card.querySelector('.figure q')?.textContent ?? '',
      text: card.innerText,
      verifiedValue: card.querySelector('.verified-value')?.textContent ?? null,
      sources: [...card.querySelectorAll<HTMLAnchorElement>('.sources a')].map((a) => ({ href: a.href, text: a.textContent ?? '' })),
      rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
      focused: root.activeElement === card,
    };
  });
}

/** Opens `url` in a new tab of `context` and waits for Factmark's first annotation pass. */
export async function openAnnotated<P extends Page>(context: { newPage(): Promise<P> }, url: string): Promise<P> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForAnnotation(page);
  return page;
}

/**
 * Makes the page look hidden, or shown again, to the extension's content script only. Headless
 * Chromium under DevTools keeps every tab visible (background tabs, minimized windows and prerendering
 * all stay "visible" or are disabled), so this overrides `document.visibilityState` in the
 * extension's own isolated world and fires `visibilitychange` as the browser would.
 */
export async function extensionVisibility(context: ChromiumContext, page: ChromiumPage): Promise<(hidden: boolean) => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push(world));
  await cdp.send('Runtime.enable'); // reports the contexts that already exist
  const mainFrame = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const world = worlds.findLast((w) => w.auxData?.type === 'isolated' && w.auxData.frameId === mainFrame && w.origin.startsWith('chrome-extension://'));
  if (!world) throw new Error('The extension has no content script in this page.');
  return async (hidden) => {
    const override = hidden ? `Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })` : `delete document.visibilityState`;
    await cdp.send('Runtime.evaluate', { contextId: world.id, expression: `${override}; document.dispatchEvent(new Event('visibilitychange'));` });
  };
}
