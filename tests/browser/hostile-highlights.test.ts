import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../scripts/lib/harness-page';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { shownFigures, waitForAnnotation } from '../../scripts/lib/page-probe';
import { countPixels, isMismatchRed, isVerifiedGreen, screenshot, type Clip } from './pixels';

/**
 * Pages that attack Factmark's highlights (issue 11), each beside a clean copy: what the reader
 * sees is read from screenshot pixels of the figure, the toolbar badge and the popup.
 */

/** A short article (one screen) with a verified figure, one that differs from the record ($760 billion) and one no pack covers. */
function article(hostile = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Amazon puts $50 billion behind OpenAI | hostile test</title>
<style>body { font: 18px/1.6 Georgia, serif; max-width: 42rem; margin: 1rem auto; padding: 0 1rem; color: #222; background: #fff; }</style>
${hostile}</head><body><article>
<p class="byline">Test desk · <time datetime="2026-02-27">27 February 2026</time></p>
<p>Amazon has agreed to invest $50 billion in OpenAI, the maker of ChatGPT, in a partnership the two companies describe as multi-year and strategic.</p>
<p>The investment is part of a $110 billion funding round for OpenAI. Nvidia and SoftBank are putting in $30 billion each.</p>
<p>The round gives OpenAI a pre-money valuation of $760 billion, making it one of the most valuable private companies ever.</p>
<p>Smaller rivals raised <span id="claim">$4 billion</span> between them last year.</p>
</article></body></html>`;
}

/** A page's blind rule at the old fixed names, and a script that finds every registered name and cancels its style. */
const blindRules = `<style>
::highlight(factmark-mismatch) { text-decoration: none; background: none; }
::highlight(factmark-verified) { text-decoration: none; background: none; }
</style>
<script>
  window.__guessed = 0;
  setInterval(function () {
    CSS.highlights.forEach(function (highlight, name) {
      if (document.getElementById('guess-' + name)) return;
      var style = document.createElement('style');
      style.id = 'guess-' + name;
      style.textContent = '::highlight(' + name + ') { text-decoration: none !important; background: none !important; background-color: transparent !important; }';
      document.head.appendChild(style);
      window.__guessed++;
    });
  }, 20);
</script>`;

/** A script that clears the highlight registry as soon as Factmark has registered anything. */
const clearsRegistry = `<script>
  window.__cleared = false;
  var timer = setInterval(function () {
    if (CSS.highlights.size === 0) return;
    CSS.highlights.delete('factmark-mismatch');
    CSS.highlights.clear();
    window.__cleared = true;
    clearInterval(timer);
  }, 20);
</script>`;

/** A script that adds a range over its own figure to whichever highlight is drawn green (Factmark's verified one). */
const paintsVerified = `<script>
  window.__painted = false;
  var timer = setInterval(function () {
    CSS.highlights.forEach(function (highlight, name) {
      if (window.__painted || getComputedStyle(document.body, '::highlight(' + name + ')').textDecorationColor !== 'rgb(26, 127, 55)') return;
      var range = new Range();
      range.selectNodeContents(document.getElementById('claim').firstChild);
      highlight.add(range);
      window.__fakeRange = range;
      window.__painted = true;
      clearInterval(timer);
    });
  }, 20);
</script>`;

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveHtml({
    '/clean': article(),
    '/blind-rules': article(blindRules),
    '/clears-registry': article(clearsRegistry),
    '/paints-verified': article(paintsVerified),
    '/doctored': article().replace('$110 billion funding round', '$150 billion funding round'),
    '/no-figures': '<!doctype html><html lang="en"><head><title>Nothing to check</title></head><body><p>No figures here.</p></body></html>',
  });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and waits until Factmark's mismatch underline is styled there (or, on a hostile page, the first pass ended). */
async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  await waitForAnnotation(page);
  return page;
}

/** The viewport rectangle around a text (its line box and the underline beneath), found in the page's own DOM. */
async function regionOf(page: Page, text: string): Promise<Clip> {
  const rect = await page.evaluate((text) => {
    window.scrollTo(0, 0);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = new Range();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const r = range.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height, bottom: r.bottom, inner: innerHeight };
    }
    throw new Error(`${text} is not on the page`);
  }, text);
  expect(rect.bottom + 8).toBeLessThan(rect.inner);
  return { x: Math.floor(rect.x) - 2, y: Math.floor(rect.y), width: Math.ceil(rect.width) + 4, height: Math.ceil(rect.height) + 8 };
}

/** Pixels of the underline's colour under `text` (after two frames, so what was changed is painted). */
async function colourUnder(page: Page, text: string, test: (r: number, g: number, b: number) => boolean): Promise<number> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return countPixels(await screenshot(page, await regionOf(page, text)), test);
}

/** What the toolbar badge says for the tab showing `url` (read with the extension's own API, where the page cannot reach). */
function badge(url: string): Promise<{ text: string; title: string } | null> {
  return browser.worker.evaluate(async (url) => {
    type Action = { getBadgeText(o: object): Promise<string>; getTitle(o: object): Promise<string> };
    // `browser` where there is one: Firefox's MV2 `chrome` takes callbacks and returns no promise.
    const scope = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { query(o: object): Promise<{ id: number; url?: string }[]> }; action?: Action; browserAction?: Action } | undefined>;
    const chrome = (scope.browser ?? scope.chrome)!;
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    if (!tab) return null;
    const action = (chrome.action ?? chrome.browserAction)!;
    return { text: await action.getBadgeText({ tabId: tab.id }), title: await action.getTitle({ tabId: tab.id }) };
  }, url);
}

/** The popup's notice, or null (read from the popup about this article's tab, an extension page). */
async function popupNotice(page: Page): Promise<string | null> {
  const popup = await browser.openPopup(page);
  const notice = (await popup.$('.interference')) ? await popup.textContent('.interference') : null;
  await popup.close();
  return notice;
}

/** The red pixels under the mismatch figure on the clean copy: what a reader should see. */
let cleanRed = 0;

describe('a page attacking the highlights', () => {
  it('shows the mismatch underline on a clean page, and the badge counts it', async () => {
    const page = await open('/clean');
    await expect.poll(async () => (await shownFigures(page)).find((f) => f.text === '$760 billion')?.verdict).toBe('mismatch');
    cleanRed = await colourUnder(page, '$760 billion', isMismatchRed);
    expect(cleanRed).toBeGreaterThan(20);
    await expect.poll(() => badge(server.url('/clean'))).toMatchObject({ text: '1', title: expect.stringContaining('1 figure differs from the record') });
    expect(await popupNotice(page)).toBeNull();
    await page.close();
  });

  it("cannot cancel the underline with a rule at the old name, nor with rules at the names it reads from CSS.highlights", async () => {
    const page = await open('/blind-rules');
    await page.waitForFunction(() => (window as unknown as { __guessed: number }).__guessed >= 3);
    const red = await colourUnder(page, '$760 billion', isMismatchRed);
    expect(red).toBeGreaterThan(cleanRed * 0.8);
    await page.close();
  });

  it('puts the highlights back when the page clears CSS.highlights, and says the page interferes', async () => {
    const page = await open('/clears-registry');
    await page.waitForFunction(() => (window as unknown as { __cleared: boolean }).__cleared);
    await expect.poll(() => colourUnder(page, '$760 billion', isMismatchRed), { timeout: 10_000 }).toBeGreaterThan(cleanRed * 0.8);
    await expect.poll(() => badge(server.url('/clears-registry'))).toMatchObject({ text: '1!', title: expect.stringContaining("This page is interfering with Factmark's underlines") });
    expect(await popupNotice(page)).toContain("This page is interfering with Factmark's underlines");
    await page.close();
  });

  it("removes a range the page added to the verified highlight: no green under the page's own figure", async () => {
    const clean = await open('/clean');
    const cleanGreen = await colourUnder(clean, '$4 billion', isVerifiedGreen);
    expect(cleanGreen).toBe(0);
    // The page's verified figures are green where Factmark put them, so the pixel test can see green.
    expect(await colourUnder(clean, '$50 billion', isVerifiedGreen)).toBeGreaterThan(20);
    await clean.close();

    const page = await open('/paints-verified');
    await page.waitForFunction(() => (window as unknown as { __painted: boolean }).__painted);
    const held = () => page.evaluate(() => [...CSS.highlights.values()].some((h) => h.has((window as unknown as { __fakeRange: Range }).__fakeRange)));
    await expect.poll(held, { timeout: 10_000 }).toBe(false);
    expect(await colourUnder(page, '$4 billion', isVerifiedGreen)).toBe(0);
    await expect.poll(() => badge(server.url('/paints-verified'))).toMatchObject({ text: '1!', title: expect.stringContaining('interfering') });
    expect(await popupNotice(page)).toContain("This page is interfering with Factmark's underlines");
    await page.close();
  });
});

describe('the toolbar badge', () => {
  it("counts the figures that differ from the record, as the popup lists them, says when Factmark is off for the site, and starts clean on the next page", async () => {
    const page = await open('/doctored');
    const url = server.url('/doctored');
    const popup = await browser.openPopup(page);
    const differ = await popup.$$eval('button.figure.mismatch', (buttons) => buttons.length);
    expect(differ).toBeGreaterThanOrEqual(1);
    await expect.poll(() => badge(url)).toMatchObject({ text: String(differ) });

    await popup.uncheck('.switch input');
    await popup.waitForSelector('text=Switched off on this site.');
    await expect.poll(() => badge(url)).toEqual({ text: 'off', title: 'Factmark is off for this site' });
    await popup.check('.switch input');
    await expect.poll(() => badge(url)).toMatchObject({ text: String(differ) });
    await popup.close();

    // Another page in the same tab starts with a clean badge.
    await page.goto(server.url('/no-figures'));
    await expect.poll(() => badge(server.url('/no-figures'))).toEqual({ text: '', title: 'Factmark' });
    await page.close();
  });
});
