import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../scripts/lib/harness-page';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { waitForAnnotation } from '../../scripts/lib/page-probe';
import { giveBundledPackAnEndpoint } from './bundled-endpoint';
import { CorrectionsEndpoint } from './corrections-endpoint';
import { countPixels, isMismatchRed, screenshot, type Clip } from './pixels';

/**
 * Pages that attack Factmark's card (issue 11): read or rewrite it, hide or cover it, or act for
 * the reader with events of their own. The browser runs with the reader's closed shadow root (no
 * test probe reads the card): what the reader sees is read from screenshot pixels, the popup,
 * and what a real corrections endpoint received.
 */

/** One screen of article (the hostile-highlights test's): the figure that differs from the record is "$760 billion"; "$4 billion", last, no pack covers. */
function article(hostile = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Amazon puts $50 billion behind OpenAI | hostile card test</title>
<style>body { font: 18px/1.6 Georgia, serif; max-width: 42rem; margin: 1rem auto; padding: 0 1rem; color: #222; background: #fff; }</style>
${hostile}</head><body><article>
<p class="byline">Test desk · <time datetime="2026-02-27">27 February 2026</time></p>
<p>Amazon has agreed to invest $50 billion in OpenAI, the maker of ChatGPT, in a partnership the two companies describe as multi-year and strategic.</p>
<p>The investment is part of a $110 billion funding round for OpenAI. Nvidia and SoftBank are putting in $30 billion each.</p>
<p>The round gives OpenAI a pre-money valuation of <span id="figure">$760 billion</span>, making it one of the most valuable private companies ever.</p>
<p>Smaller rivals raised $4 billion between them last year.</p>
</article></body></html>`;
}

/** Reads and rewrites the card as soon as its host appears: its shadow root, its text, its markup. */
const readsCard = `<script>
  window.__read = [];
  new MutationObserver(function () {
    var host = document.querySelector('factmark-card');
    if (!host) return;
    var root = host.shadowRoot;
    window.__read.push({ root: !!root, text: (root ? root.textContent : '') + host.textContent + host.innerHTML });
    if (root) root.querySelectorAll('.card').forEach(function (card) { card.className = 'card verified'; card.querySelector('.verdict').textContent = '✓ Matches the record'; });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
</script>`;

/** Hides the card's host by its tag, covers the screen below the figure, and shows a popover of its own over the card (or keeps doing so, 'fight'). */
function coversCard(fight: boolean): string {
  return `<style>
  factmark-card { display: none !important; visibility: hidden !important; opacity: 0 !important; }
  #cover { position: fixed; left: 0; right: 0; bottom: 0; background: #fff; z-index: 2147483647; }
  #pop { position: fixed; inset: auto 0 0 0; margin: 0; border: 0; padding: 0; width: auto; height: auto; background: #fff; }
</style>
<script>
  var fight = ${fight};
  new MutationObserver(function () {
    var host = document.querySelector('factmark-card');
    if (!host || host.dataset.watched) return;
    host.setAttribute('data-watched', '1');
    host.addEventListener('toggle', function (event) {
      if (event.newState !== 'open') return;
      var pop = document.getElementById('pop');
      if (pop.matches(':popover-open')) { if (!fight) return; pop.hidePopover(); }
      pop.showPopover();
    });
  }).observe(document.documentElement, { childList: true });
  addEventListener('DOMContentLoaded', function () {
    document.body.insertAdjacentHTML('beforeend', '<div id="cover"></div><div id="pop" popover="manual"></div>');
    // Everything below the figure's line, where its card opens.
    var top = Math.ceil(document.getElementById('figure').getBoundingClientRect().bottom) + 4 + 'px';
    document.getElementById('cover').style.top = top;
    document.getElementById('pop').style.top = top;
  });
</script>`;
}

/** Every synthetic way in: pointer and mouse events over the figure, focus events, Alt+Shift+N/P and Enter, and click() on every element. */
const syntheticEvents = `<script>
  window.__acted = 0;
  window.act = function () {
    var figure = document.getElementById('figure');
    var r = figure.getBoundingClientRect();
    var at = { bubbles: true, composed: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, view: window };
    ['pointerover', 'pointerenter', 'pointermove'].forEach(function (type) { figure.dispatchEvent(new PointerEvent(type, at)); document.dispatchEvent(new PointerEvent(type, at)); });
    ['mouseover', 'mouseenter', 'mousemove'].forEach(function (type) { figure.dispatchEvent(new MouseEvent(type, at)); });
    figure.parentElement.tabIndex = -1;
    ['focus', 'focusin'].forEach(function (type) { figure.parentElement.dispatchEvent(new FocusEvent(type, { bubbles: type === 'focusin', composed: true })); });
    ['KeyN', 'KeyP'].forEach(function (code) {
      var key = { key: code.slice(3), code: code, altKey: true, shiftKey: true, bubbles: true, composed: true };
      document.dispatchEvent(new KeyboardEvent('keydown', key));
      window.dispatchEvent(new KeyboardEvent('keydown', key));
    });
    var host = document.querySelector('factmark-card');
    [host, document.activeElement].forEach(function (el) {
      if (el) el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, composed: true }));
    });
    document.querySelectorAll('*').forEach(function (el) { el.click(); });
    window.__acted++;
  };
</script>`;

/**
 * The figure inside a link, and a page that moves focus to that link from its own script: a real
 * focus change (its focusin is trusted), after a synthetic Tab keydown, asked to show a focus ring.
 */
const focusesLink = `<script>
  window.focusLink = function () {
    var link = document.getElementById('link');
    link.blur();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', code: 'Tab', bubbles: true, composed: true }));
    link.focus({ focusVisible: true });
    return document.activeElement === link;
  };
</script>`;

/** The article with its figure that differs ("$760 billion") inside a link, the page's first focusable element. */
function linkedArticle(hostile: string): string {
  return article(hostile).replace('<span id="figure">$760 billion</span>', '<a href="#valuation" id="link"><span id="figure">$760 billion</span></a>');
}

let browser: ExtensionBrowser;
let server: StaticServer;
let endpoint: CorrectionsEndpoint;

beforeAll(async () => {
  server = await serveHtml({
    '/clean': article(),
    '/reads-card': article(readsCard),
    '/covers-card': article(coversCard(false)),
    '/fights-card': article(coversCard(true)),
    '/synthetic': article(syntheticEvents),
    '/focuses-link': linkedArticle(focusesLink),
  });
  endpoint = new CorrectionsEndpoint(await CorrectionsEndpoint.freePort());
  await endpoint.start();
  browser = await launchWithExtension({ closedCard: true });
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('/options.html'));
  await giveBundledPackAnEndpoint(options, endpoint.url);
  await options.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await endpoint?.stop();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  await waitForAnnotation(page);
  return page;
}

/** Where the figure is, in the viewport, read from the page's own DOM. */
function figureBox(page: Page): Promise<{ x: number; y: number; bottom: number; left: number }> {
  return page.evaluate(() => {
    const r = document.getElementById('figure')!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, bottom: r.bottom, left: r.left };
  });
}

/** The screen below the figure's line, where its card opens (and the covering page's cover lies). */
async function belowFigure(page: Page): Promise<Clip> {
  const box = await figureBox(page);
  return { x: 0, y: Math.ceil(box.bottom) + 24, width: 700, height: 160 };
}

/** Red pixels of a mismatch card (its verdict and its left border) below the figure. */
async function cardRed(page: Page): Promise<number> {
  return countPixels(await screenshot(page, await belowFigure(page)), isMismatchRed);
}

/** Moves the real pointer onto the figure (the reader's own, trusted, pointer). */
async function hover(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  const box = await figureBox(page);
  await page.mouse.move(box.x, box.y, { steps: 2 });
}

describe('a page and the card', () => {
  it('shows a real hover its card in pixels: red for a figure that differs', async () => {
    const page = await open('/clean');
    expect(await cardRed(page)).toBe(0);
    await hover(page);
    await expect.poll(() => cardRed(page), { timeout: 10_000 }).toBeGreaterThan(50);
    await page.close();
  });

  it('cannot read the card, nor rewrite it: no shadow root, no card text in the page, and the card stays red', async () => {
    const page = await open('/reads-card');
    await hover(page);
    await expect.poll(() => cardRed(page), { timeout: 10_000 }).toBeGreaterThan(50);
    const read = await page.evaluate(() => {
      const host = document.querySelector('factmark-card')!;
      const seen = (window as unknown as { __read: { root: boolean; text: string }[] }).__read;
      return { shadowRoot: host.shadowRoot === null, seen, inPage: document.documentElement.innerHTML.includes('760 billion</q>') || document.body.innerText.includes('Suggest a correction') };
    });
    expect(read.shadowRoot).toBe(true);
    expect(read.seen.length).toBeGreaterThan(0); // the page did look
    expect(read.seen.every((r) => !r.root && !r.text.includes('record') && !r.text.includes('760'))).toBe(true);
    expect(read.inPage).toBe(false);
    await page.close();
  });

  it("shows the card over a page stylesheet that hides it, a max z-index cover and a page popover shown after it", async () => {
    const page = await open('/covers-card');
    expect(await cardRed(page)).toBe(0); // the page's cover is white
    await hover(page);
    await expect.poll(() => cardRed(page), { timeout: 10_000 }).toBeGreaterThan(50);
    expect(await page.evaluate(() => document.getElementById('pop')!.matches(':popover-open'))).toBe(true); // the page did try
    await page.close();
  });

  it('says in the popup when a page keeps covering the card', async () => {
    const page = await open('/fights-card');
    await hover(page);
    await expect.poll(() => page.evaluate(() => document.getElementById('pop')!.matches(':popover-open')), { timeout: 10_000 }).toBe(true);
    const popup = await browser.openPopup(page);
    await expect.poll(() => popup.textContent('.card-interference'), { timeout: 10_000 }).toBe("This page hid or covered Factmark's card. The list below is what Factmark found.");
    await popup.close();
    await page.close();
  });

  it('opens no card and sends nothing for synthetic events; the reader\'s own keys open the correction window, whose correction reaches the endpoint', async () => {
    const page = await open('/synthetic');
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => (window as unknown as { act(): void }).act());
      await page.waitForTimeout(300);
    }
    expect(await page.evaluate(() => !!document.querySelector('factmark-card')?.matches(':popover-open'))).toBe(false);
    expect(await cardRed(page)).toBe(0);
    expect(endpoint.posts).toBe(0);

    // The reader's own key press steps to the last figure ($4 billion, no fact: its card's one control is the button).
    await page.keyboard.press('Alt+Shift+KeyP');
    await expect.poll(() => page.evaluate(() => !!document.querySelector('factmark-card')?.matches(':popover-open'))).toBe(true);
    const opened = browser.waitForWindow('/correct.html');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const win = await opened;
    expect(await win.locator('input[name=value]').inputValue()).toBe('$4 billion');
    await win.locator('input[name=measures]').fill('What smaller rivals raised last year');
    await win.locator('input[name=evidenceUrl]').fill('https://example.com/rivals');
    await win.locator('button[type=submit]').click();
    const id = (await win.locator('.saved').getAttribute('data-correction-id'))!;
    await expect.poll(() => endpoint.byKey.get(id)?.posts, { timeout: 15_000 }).toBe(1);
    expect(endpoint.posts).toBe(1);
    expect(endpoint.byKey.get(id)!.submission).toMatchObject({ kind: 'new-fact', figureText: '$4 billion', page: { url: server.url('/synthetic') } });
    await win.close();
    await page.close();
  });

  it("opens no card when the page's own script focuses a link around a figure; the reader's Tab to it does", async () => {
    const page = await open('/focuses-link');
    await page.bringToFront(); // so the page's focus() moves a focus the reader would see
    for (let i = 0; i < 3; i++) {
      expect(await page.evaluate(() => (window as unknown as { focusLink(): boolean }).focusLink())).toBe(true); // the focus did move
      await page.waitForTimeout(300);
    }
    expect(await page.evaluate(() => !!document.querySelector('factmark-card')?.matches(':popover-open'))).toBe(false);
    expect(await cardRed(page)).toBe(0);
    await page.close();

    // The same link, reached with the reader's own Tab from the top of a fresh page.
    const again = await open('/focuses-link');
    await again.bringToFront();
    await again.keyboard.press('Tab');
    await expect.poll(() => again.evaluate(() => document.activeElement?.id)).toBe('link');
    await expect.poll(() => cardRed(again), { timeout: 10_000 }).toBeGreaterThan(50);
    await again.close();
  });
});
