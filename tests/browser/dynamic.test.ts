// @chromium-only: the Firefox project leaves this file out (vitest.config.ts). Its tests reach what
// only Chromium's driver offers here: the content script's isolated world over CDP (headless
// Chromium keeps every tab visible, so the test makes the page look hidden to the extension alone),
// and Playwright's frame objects for a same-origin and a cross-origin iframe, which the harness's
// Firefox driver does not model. Everything else about changing pages runs in both browsers, in
// changing-pages.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, type ChromiumExtension } from '../../scripts/lib/chromium-browser';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { extensionVisibility, openAnnotated, recordedPasses as passes, shownFigures, waitForAnnotation } from '../../scripts/lib/page-probe';
import { articleFrame, dynamicRoutes } from './dynamic-pages';

let browser: ChromiumExtension;
let server: StaticServer;
let otherOrigin: StaticServer;

beforeAll(async () => {
  otherOrigin = await serveHtml({ '/ad': articleFrame });
  server = await serveHtml(dynamicRoutes(otherOrigin));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await otherOrigin?.close();
});

const open = (path: string) => openAnnotated(browser.context, server.url(path));


const pairs = async (page: Page | Frame) => (await shownFigures(page as Page)).map((f) => [f.text, f.verdict]);

describe('hidden tabs', () => {
  it('defers reading while the tab is hidden and reads what changed once it is shown', async () => {
    const page = await open('/live');
    const setHidden = await extensionVisibility(browser.context, page);
    await setHidden(true);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Amazon pays an initial $15 billion.';
      document.getElementById('feed')!.append(p);
      history.pushState({}, '', '/live/while-hidden');
    });
    // Long enough for a pass to run had the page been visible (the append test's passes take a few ms).
    await page.waitForTimeout(500);
    expect(await passes(page)).toHaveLength(1);
    expect(await pairs(page)).toEqual([
      ['$50 billion', 'verified'],
      ['$110 billion', 'verified'],
    ]);

    await setHidden(false);
    await waitForAnnotation(page, 2);
    // The navigation asked for a whole-page read, which covers the appended paragraph too: one pass.
    const later = (await passes(page)).slice(1);
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ figures: 3, full: true, batches: 1 });
    expect(await pairs(page)).toEqual([
      ['$50 billion', 'verified'],
      ['$110 billion', 'verified'],
      ['$15 billion', 'verified'],
    ]);
    await page.close();
  });
});


describe('frames', () => {
  it('annotates a same-origin article iframe and leaves a cross-origin one alone', async () => {
    const page = await open('/frames');
    const same = page.frame({ url: /\/embedded$/ })!;
    const ad = page.frame({ url: /\/ad$/ })!;
    await same.waitForFunction(() => performance.getEntriesByName('factmark:annotate').length > 0);
    expect(await pairs(same)).toEqual([['$15 billion', 'verified']]);
    await page.waitForTimeout(300);
    expect(await ad.evaluate(() => [CSS.highlights.size, performance.getEntriesByName('factmark:annotate').length])).toEqual([0, 0]);
    await page.close();
  });
});
