// @chromium-only: the Firefox project leaves this file out (vitest.config.ts), because it needs
// what only Chromium's driver reaches: the content script's isolated world over CDP (to make a tab
// look hidden, since headless Chromium keeps every tab visible), Playwright's frame objects for
// same- and cross-origin iframes, and paint timings that measure Chromium's rendering of
// registered highlights, which is what the near-viewport design answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { LIMITS } from '../../data/schema/limits';
import { launchChromium, type ChromiumExtension } from '../../scripts/lib/chromium-browser';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { extensionVisibility, openAnnotated, shownFigures, waitForAnnotation } from '../../scripts/lib/page-probe';

const livePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenAI live blog</title></head><body>
<main id="feed">
  <p id="first">Amazon will invest $50 billion in OpenAI.</p>
  <p id="round">OpenAI closed a $110 billion funding round.</p>
  <p style="display:none">Hidden note: Amazon pays an initial $15 billion.</p>
</main></body></html>`;

const hiddenPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenAI deal notes</title></head><body>
<p>Amazon will invest $50 billion in OpenAI.</p>
<div style="display:none"><p>Hidden draft: the remaining $35 billion follows later.</p></div>
<section style="visibility:hidden"><p>Invisible: the earlier $38 billion AWS contract.</p>
  <p style="visibility:visible">Shown again: Nvidia and SoftBank put in $30 billion each.</p></section>
<div style="content-visibility:hidden"><p>Skipped: a $110 billion funding round.</p></div>
<p hidden>Also hidden: a pre-money valuation of $730 billion.</p>
<div style="display:contents">Without a box of its own: OpenAI will use about two gigawatts of Trainium capacity.</div>
</body></html>`;

const articleFrame = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embedded</title></head><body><article>
<p>In the embedded story, Amazon starts with an initial $15 billion for OpenAI.</p></article></body></html>`;

let browser: ChromiumExtension;
let server: StaticServer;
let otherOrigin: StaticServer;

beforeAll(async () => {
  otherOrigin = await serveHtml({ '/ad': articleFrame });
  server = await serveHtml({
    '/live': livePage,
    '/hidden': hiddenPage,
    '/embedded': articleFrame,
    '/long': `<!doctype html><html><head><title>OpenAI funding, every update</title></head><body>${Array.from(
      { length: 300 },
      (_, i) => `<p id="p${i}" style="margin: 0 0 40px">Update ${i + 1}: OpenAI closed a $110 billion funding round.</p>`,
    ).join('')}</body></html>`,
    // The last paragraph in document order is shown at the top of the page.
    '/pinned': `<!doctype html><html><head><title>OpenAI funding, pinned</title></head><body>${Array.from(
      { length: 300 },
      (_, i) => `<p style="margin: 0 0 40px">Update ${i + 1}: OpenAI closed a $110 billion funding round.</p>`,
    ).join('')}<p id="pinned" style="position: absolute; top: 0; margin: 0; background: #fff">Pinned: Amazon pays an initial $15 billion.</p></body></html>`,
    // Long enough to be read in several slices: alternately a verified and a mismatching figure.
    // Its own script notes, every frame, how many figures are painted and whether a pass has ended.
    '/many': `<!doctype html><html><head><title>OpenAI funding, all the updates</title><script>
      window.__frames = [];
      requestAnimationFrame(function note() {
        __frames.push([CSS.highlights.get('factmark-verified')?.size ?? 0, performance.getEntriesByName('factmark:annotate').length]);
        if (__frames.length < 600) requestAnimationFrame(note);
      });
    </script></head><body>${Array.from(
      { length: 4_000 },
      (_, i) => `<p id="q${i}">Update ${i}: OpenAI closed a $${i % 2 ? 120 : 110} billion funding round.</p>`,
    ).join('')}</body></html>`,
    // One paragraph over twice the per-block message limit, figures at its start, middle and end.
    '/long-paragraph': () => {
      const filler = 'Analysts went through the filings line by line that week. '.repeat(90);
      return `<!doctype html><html><head><title>A long paragraph</title></head><body><p>Amazon will invest $50 billion in OpenAI. ${filler}OpenAI closed a $110 billion funding round. ${filler}Amazon pays an initial $15 billion.</p></body></html>`;
    },
    '/frames': () =>
      `<!doctype html><html><head><title>OpenAI deal, with embeds</title></head><body><p>Amazon will invest $50 billion in OpenAI.</p>
       <iframe id="same" src="/embedded"></iframe><iframe id="ad" src="${otherOrigin.url('/ad')}"></iframe></body></html>`,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await otherOrigin?.close();
});

const open = (path: string) => openAnnotated(browser.context, server.url(path));

/** The passes recorded so far: how many figures each read, whether it read the whole page, how many messages it sent. */
function passes(page: Page) {
  return page.evaluate(() =>
    performance.getEntriesByName('factmark:annotate').map((e) => (e as PerformanceMeasure).detail as { figures: number; full: boolean; batches: number }),
  );
}

/** Whether the verified figure in the paragraph with this id has its highlight registered now. */
const isPainted = (page: Page, id: string) =>
  page.evaluate((id) => [...(CSS.highlights.get('factmark-verified') ?? [])].some((r) => (r as Range).startContainer.parentElement?.id === id), id);

const pairs = async (page: Page | Frame) => (await shownFigures(page as Page)).map((f) => [f.text, f.verdict]);

describe('changing pages', () => {
  it('annotates appended content by reading only the new paragraph, and skips hidden text', async () => {
    const page = await open('/live');
    expect(await pairs(page)).toEqual([
      ['$50 billion', 'verified'],
      ['$110 billion', 'verified'],
    ]);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Update: OpenAI will spend $100 billion on AWS over eight years.';
      document.getElementById('feed')!.append(p);
    });
    await waitForAnnotation(page, 2);
    expect(await pairs(page)).toEqual([
      ['$50 billion', 'verified'],
      ['$110 billion', 'verified'],
      ['$100 billion', 'verified'],
      ['eight years', 'verified'],
    ]);
    expect((await passes(page))[1]).toMatchObject({ figures: 2, full: false });
    await page.close();
  });

  it('skips text hidden by its own style or an ancestor\'s, and reads a visible paragraph inside an invisible section or a display:contents one', async () => {
    const page = await open('/hidden');
    // After two frames the viewport observer has reported on every paragraph (and could have unpainted one).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await pairs(page)).toEqual([
      ['$50 billion', 'verified'],
      ['$30 billion', 'verified'],
      ['two gigawatts', 'verified'],
    ]);
    await page.close();
  });

  it('re-reads a paragraph whose text changed and drops highlights of removed text', async () => {
    const page = await open('/live');
    await page.evaluate(() => {
      const text = document.getElementById('round')!.firstChild as Text;
      text.data = 'OpenAI closed a $120 billion funding round.';
    });
    await waitForAnnotation(page, 2);
    expect(await pairs(page)).toEqual([
      ['$50 billion', 'verified'],
      ['$120 billion', 'mismatch'],
    ]);
    expect((await passes(page))[1]).toMatchObject({ figures: 1, full: false });

    await page.evaluate(() => document.getElementById('first')!.remove());
    await waitForAnnotation(page, 3);
    expect(await pairs(page)).toEqual([['$120 billion', 'mismatch']]);
    expect((await passes(page))[2]).toMatchObject({ figures: 0, full: false });
    await page.close();
  });

  it('reads the new article after a single-page navigation', async () => {
    const page = await open('/live');
    await page.evaluate(() => {
      history.pushState({}, '', '/live/next-story');
      document.title = 'Nvidia and SoftBank back OpenAI';
      document.getElementById('feed')!.innerHTML = '<p>Nvidia put $30 billion into OpenAI, part of a $110 billion round.</p>';
    });
    await page.waitForFunction(() => performance.getEntriesByName('factmark:annotate').some((e, i) => i > 0 && ((e as PerformanceMeasure).detail as { full: boolean }).full));
    await page.waitForFunction(() => CSS.highlights.get('factmark-verified')?.size === 2);
    expect(await pairs(page)).toEqual([
      ['$30 billion', 'verified'],
      ['$110 billion', 'verified'],
    ]);
    await page.close();
  });
});

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
    expect((await passes(page)).slice(1)).toEqual([{ figures: 3, full: true, read: expect.any(Number), recognize: expect.any(Number), lookup: expect.any(Number), batches: 1, firstAnswer: expect.any(Number) }]);
    expect(await pairs(page)).toEqual([
      ['$50 billion', 'verified'],
      ['$110 billion', 'verified'],
      ['$15 billion', 'verified'],
    ]);
    await page.close();
  });
});

describe('long pages', () => {
  it('paints a figure laid out at the top of the page though it comes last in the document', async () => {
    const page = await open('/pinned');
    await expect.poll(() => isPainted(page, 'pinned')).toBe(true);
    await page.close();
  });

  it('annotates the whole page but registers highlights only near the viewport, following the scroll', async () => {
    const page = await open('/long');
    expect((await passes(page))[0]).toMatchObject({ figures: 300, full: true });
    const painted = () => page.evaluate(() => CSS.highlights.get('factmark-verified')?.size ?? 0);
    const lastIsPainted = () => isPainted(page, 'p299');
    expect(await painted()).toBeGreaterThan(0);
    expect(await painted()).toBeLessThan(100);
    expect(await lastIsPainted()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(lastIsPainted).toBe(true);
    expect(await painted()).toBeLessThan(100);
    await page.close();
  });

  it('sends a long page in several batches while reading on, paints each as it comes, and every figure keeps its own verdict', async () => {
    const page = await open('/many');
    const [pass] = await passes(page);
    expect(pass).toMatchObject({ figures: 4_000, full: true });
    expect(pass!.batches).toBeGreaterThan(1);
    // The top of the page was painted while the pass went on: some frame shows highlights before it ended.
    const frames = await page.evaluate(() => (window as unknown as { __frames: [number, number][] }).__frames);
    expect(frames.some(([painted, passesEnded]) => painted > 0 && passesEnded === 0)).toBe(true);
    // Paragraph number and verdict of every highlight painted now, and the paragraph in mid-screen.
    const painted = () =>
      page.evaluate(() => {
        const shown: [number, string][] = [];
        for (const verdict of ['verified', 'mismatch', 'unverified']) {
          for (const range of CSS.highlights.get(`factmark-${verdict}`) ?? []) {
            shown.push([Number((range as Range).startContainer.parentElement!.id.slice(1)), verdict]);
          }
        }
        const middle = document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('p')?.id.slice(1);
        return { shown, middle: Number(middle) };
      });
    for (const at of [0, 0.5, 1]) {
      await page.evaluate((at) => window.scrollTo(0, (document.body.scrollHeight - innerHeight) * at), at);
      await expect.poll(async () => {
        const { shown, middle } = await painted();
        return shown.some(([n]) => n === middle);
      }).toBe(true);
      const { shown } = await painted();
      expect(shown.filter(([n, verdict]) => verdict !== (n % 2 ? 'mismatch' : 'verified'))).toEqual([]);
    }
    await page.close();
  });
});

describe('long paragraphs', () => {
  it('checks every figure of a paragraph longer than one message allows, each with its own words around it', async () => {
    const page = await open('/long-paragraph');
    expect(await page.evaluate(() => document.querySelector('p')!.textContent!.length)).toBeGreaterThan(2 * LIMITS.blockChars);
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
