import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURES_KEY } from '../../data/schema/measures';
import { PASS_BURST, PASSES_PER_SECOND } from '../../entrypoints/content/pacing';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { Page } from '../../scripts/lib/harness-page';
import { recordedPasses } from '../../scripts/lib/page-probe';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { expectBoundedTasks, neverIdlePage, passesDone, passRuns, plainPage, stormPage, tinyFiguresPage } from './bounded-work-pages';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveHtml({ '/tiny': tinyFiguresPage, '/storm': stormPage, '/plain': plainPage, '/busy': neverIdlePage });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const setMeasures = (on: boolean) =>
  browser.worker.evaluate(
    (a) => {
      const local = (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void>; remove(k: string): Promise<void> } } } }).chrome.storage.local;
      return a.on ? local.set({ [a.key]: true }) : local.remove(a.key);
    },
    { on, key: MEASURES_KEY },
  );

/** Switches Factmark off for the test server's host (127.0.0.1), or on again. */
const setSiteOff = (off: boolean) =>
  browser.worker.evaluate(
    (a) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ disabledSites: a.off ? ['127.0.0.1'] : [] }),
    { off },
  );

describe('bounded work whatever the page does', () => {
  it('reads 200,000 tiny figures without freezing the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/tiny'));
    await passesDone(page);
    const [pass] = await recordedPasses(page);
    expect(pass!.figures).toBeGreaterThan(150_000);
    await page.waitForTimeout(300);
    await expectBoundedTasks(page);
    // The work was cut by the clock: reading yielded hundreds of times, and answers were placed
    // in more runs than there were answers (a batch holds up to 10,000 figures; most here ~1,500).
    const [{ batches, runs }] = await passRuns(page);
    expect(runs.read!.count).toBeGreaterThan(100);
    expect(runs.answer!.count).toBeGreaterThan(batches);
    // The guard's full check walks the ranges a slice a frame, yet it still catches a page that
    // swaps one of Factmark's ranges for its own (same size: only the walk can tell) within a
    // short bounded time: the watch each second, then a few milliseconds a frame (10 s leaves room
    // for a loaded 2-core machine, where Firefox walked 200,000 ranges in over 3 s once).
    const swapped = await page.evaluate(() => {
      const [name, highlight] = [...CSS.highlights].find(([, h]) => h.size > 0)!;
      const ours = highlight.values().next().value as Range;
      const foreign = new Range();
      foreign.selectNodeContents(document.querySelector('h1')!.firstChild!);
      highlight.delete(ours);
      highlight.add(foreign);
      Object.assign(window, { __swap: { name, ours, foreign } });
      return highlight.size;
    });
    expect(swapped).toBeGreaterThan(1);
    const restored = () =>
      page.evaluate(() => {
        const { name, ours, foreign } = (window as unknown as { __swap: { name: string; ours: Range; foreign: Range } }).__swap;
        const h = CSS.highlights.get(name)!;
        return { foreign: h.has(foreign), ours: h.has(ours) };
      });
    await expect.poll(restored, { timeout: 10_000, interval: 100 }).toEqual({ foreign: false, ours: true });
    await page.close();
  }, 180_000);

  it('finishes reading a page that is never idle (its own tasks back to back), and the page\'s work goes on', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/busy'));
    // Below the first screen, reading waits for the page's queued tasks to run first; on this page
    // there are always more, so only the bounded wait for a turn lets the pass end at all.
    await passesDone(page);
    const [pass] = await recordedPasses(page);
    expect(pass!.figures).toBe(6000);
    const [{ runs }] = await passRuns(page);
    expect(runs.read!.count).toBeGreaterThan(5);
    // The page's own work went on meanwhile, and what the reader sees is underlined.
    expect(await page.evaluate(() => (window as unknown as { __busyTasks: number }).__busyTasks)).toBeGreaterThan(100);
    const underlined = await page.evaluate(() => [...CSS.highlights].filter(([name]) => /^h[0-9a-f]{24}$/.test(name)).reduce((sum, [, h]) => sum + h.size, 0));
    expect(underlined).toBeGreaterThan(0);
    await page.close();
  }, 120_000);

  it('reads a page whose text changes 1,000 times a second a bounded number of times a second, and ends on its last text', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/storm'));
    await passesDone(page);
    const seconds = 3;
    const changes = await page.evaluate((ms) => (window as unknown as { __storm(ms: number): Promise<number> }).__storm(ms), seconds * 1000);
    expect(changes).toBeGreaterThan(seconds * 600);
    // The passes stop once the page does, and the last one read the last text (work that waits joins the next pass).
    await page.waitForFunction(
      () => {
        const passes = performance.getEntriesByName('factmark:annotate');
        return passes.length > 1 && performance.now() - (passes.at(-1)!.startTime + passes.at(-1)!.duration) > 1_000;
      },
      null,
      { timeout: 30_000 },
    );
    const passes = (await recordedPasses(page)).slice(1);
    const bound = PASS_BURST + PASSES_PER_SECOND * (seconds + 1) + 2;
    expect(passes.length).toBeGreaterThan(seconds);
    expect(passes.length).toBeLessThanOrEqual(bound);
    expect(passes.reduce((sum, p) => sum + p.batches, 0)).toBeLessThanOrEqual(bound);
    expect(passes.at(-1)).toMatchObject({ full: false, figures: 1 });
    await expectBoundedTasks(page);
    await page.close();
  }, 120_000);

  it('leaves no trace on a page without figures (its styles as with Factmark off), and shows the page no measures unless a test asks', async () => {
    await setMeasures(false);
    const backgroundMeasures = () => browser.worker.evaluate(() => performance.getEntriesByType('measure').length);
    try {
      if (browser.name === 'chromium') await browser.worker.evaluate(() => performance.clearMeasures());
      const plain = await browser.context.newPage();
      await plain.goto(server.url('/plain'));
      // A page with figures in the same browser is read and painted, so the content script runs
      // (its answers reach the page), yet leaves no performance entry there either.
      const other = await browser.context.newPage();
      await other.goto(server.url('/storm'));
      await other.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 30_000 });
      expect(await other.evaluate(() => performance.getEntries().filter((e) => /factmark/i.test(e.name)).map((e) => e.name))).toEqual([]);
      await other.close();
      // The background kept no record of the lookups either (Firefox's event page is out of a driver's reach).
      if (browser.name === 'chromium') expect(await backgroundMeasures()).toBe(0);
      await plain.bringToFront();
      await plain.evaluate(() => {
        document.getElementById('later')!.textContent = 'Sow the lettuce in rows a hand apart.';
      });
      await plain.waitForTimeout(500);
      const trace = await plain.evaluate(() => {
        const before = (window as unknown as { __before: { html: string; globals: number; sheets: number } }).__before;
        document.getElementById('later')!.textContent = '';
        return {
          markup: document.documentElement.outerHTML === before.html,
          globals: Object.getOwnPropertyNames(window).length - before.globals,
          sheets: document.styleSheets.length - before.sheets,
          adopted: document.adoptedStyleSheets.length,
          highlights: CSS.highlights.size,
          entries: performance.getEntries().filter((e) => /factmark/i.test(e.name)).map((e) => e.name),
          messages: (window as unknown as { __messages: string[] }).__messages,
        };
      });
      // `globals`: the page's own `__before`, set after it counted.
      expect(trace).toEqual({ markup: true, globals: 1, sheets: 0, adopted: 0, highlights: 0, entries: [], messages: [] });
      // The highlight sheet went in at document_start (as a user-origin sheet, in no
      // document.styleSheets): what the page's script sees of styles is what it sees with
      // Factmark switched off for the site, where no sheet is inserted.
      type Styles = { props: Record<string, string>; guessed: string[] };
      const styles = () => plain.evaluate(() => (window as unknown as { __styles(): Styles }).__styles());
      const on = await styles();
      expect(Object.keys(on.props).length).toBeGreaterThan(100);
      await setSiteOff(true);
      await plain.reload();
      await plain.waitForTimeout(500);
      expect(await styles()).toEqual(on);
      await plain.close();
    } finally {
      await setSiteOff(false);
      await setMeasures(true);
    }
  }, 90_000);
});
