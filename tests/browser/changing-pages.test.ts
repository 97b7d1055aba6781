import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../data/schema/limits';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { Page } from '../../scripts/lib/harness-page';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { openAnnotated, recordedPasses as passes, shownFigures, waitForAnnotation } from '../../scripts/lib/page-probe';
import { articleFrame, dynamicRoutes } from './dynamic-pages';

let browser: ExtensionBrowser;
let server: StaticServer;
let otherOrigin: StaticServer;

beforeAll(async () => {
  otherOrigin = await serveHtml({ '/ad': articleFrame });
  server = await serveHtml(dynamicRoutes(otherOrigin));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await otherOrigin?.close();
});

const open = (path: string) => openAnnotated(browser.context, server.url(path));


/** The popup's count of the page's figures by verdict (read in the popup, an extension page). */
async function summary(page: Page): Promise<string | null> {
  const popup = await browser.openPopup(page);
  const text = await popup.textContent('.summary');
  await popup.close();
  return text;
}

/** Whether the verified figure in the paragraph (`<p>`) with this id has its highlight registered now. */
const isPainted = (page: Page, id: string) =>
  page.evaluate((id) => [...([...CSS.highlights].find(([name]) => getComputedStyle(document.body, `::highlight(${name})`).textDecorationColor === 'rgb(26, 127, 55)')?.[1] ?? [])].some((r) => (r as Range).startContainer.parentElement?.closest('p')?.id === id), id);

const pairs = async (page: Page) => (await shownFigures(page)).map((f) => [f.text, f.verdict]);

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
    await page.waitForFunction(() => [...CSS.highlights].find(([name]) => getComputedStyle(document.body, `::highlight(${name})`).textDecorationColor === 'rgb(26, 127, 55)')?.[1]?.size === 2);
    expect(await pairs(page)).toEqual([
      ['$30 billion', 'verified'],
      ['$110 billion', 'verified'],
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
    const painted = () => page.evaluate(() => [...CSS.highlights].find(([name]) => getComputedStyle(document.body, `::highlight(${name})`).textDecorationColor === 'rgb(26, 127, 55)')?.[1]?.size ?? 0);
    const lastIsPainted = () => isPainted(page, 'p299');
    expect(await painted()).toBeGreaterThan(0);
    expect(await painted()).toBeLessThan(100);
    expect(await lastIsPainted()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(lastIsPainted).toBe(true);
    expect(await painted()).toBeLessThan(100);
    await page.close();
  });

  it('reads, matches and paints the paragraphs on screen first when a long page opens scrolled down', async () => {
    const page = await open('/many#q3000');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    const [pass] = (await passes(page)) as { figures: number; full: boolean; batches: number; firstAnswer: number; firstInView: number }[];
    expect(pass).toMatchObject({ figures: 4_000, full: true });
    expect(pass!.batches).toBeGreaterThan(2);
    // The first figures handed over to be painted were those on screen, not the top of the page.
    expect(pass!.firstInView).toBeGreaterThanOrEqual(0);
    expect(pass!.firstInView).toBe(pass!.firstAnswer);
    await expect.poll(() => isPainted(page, 'q3000')).toBe(true);
    await page.close();
  });

  it('reads a nested page opened scrolled down from near the screen, and every figure once', async () => {
    const page = await open('/nested#q3000');
    const [pass] = (await passes(page)) as { figures: number; full: boolean; batches: number; firstAnswer: number; firstInView: number }[];
    expect(pass).toMatchObject({ figures: 4_000, full: true });
    expect(pass!.firstInView).toBeGreaterThanOrEqual(0);
    expect(pass!.firstInView).toBe(pass!.firstAnswer);
    await expect.poll(() => isPainted(page, 'q3000')).toBe(true);
    expect(await summary(page)).toBe('2000 verified · 2000 differ · 0 unverified');
    await page.close();
  });

  it('reads every figure once when the page swaps the part it started reading at in mid-pass', async () => {
    const page = await open('/nested-swapped#q3000');
    await page.waitForFunction(() => document.title.endsWith('(swapped)'));
    // The first pass read the 4,000 figures at most once, and the 600 swapped in at most once more
    // (not again what it read from where it started, which is gone, when it read from the top).
    const [pass] = await passes(page);
    expect(pass!.full).toBe(true);
    expect(pass!.figures).toBeLessThanOrEqual(4_600);
    // The swapped sections are read again by a pass of their own; what was shown on the old copies is gone.
    await expect.poll(() => summary(page), { timeout: 15_000 }).toBe('2000 verified · 2000 differ · 0 unverified');
    await expect.poll(() => isPainted(page, 'q3000')).toBe(true);
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
        // Factmark's highlights have names drawn per page: each verdict is known by its underline colour.
        const colours: Record<string, string> = { 'rgb(26, 127, 55)': 'verified', 'rgb(207, 34, 46)': 'mismatch', 'rgb(110, 119, 129)': 'unverified' };
        for (const [name, highlight] of CSS.highlights) {
          const verdict = colours[getComputedStyle(document.body, `::highlight(${name})`).textDecorationColor];
          if (verdict) for (const range of highlight) {
            shown.push([Number((range as Range).startContainer.parentElement!.id.slice(1)), verdict]);
          }
        }
        // The paragraph nearest mid-screen (the very middle may fall in the margin between two).
        let middle: string | undefined;
        for (let dy = 0; dy < 80 && middle === undefined; dy += 4) {
          for (const y of [innerHeight / 2 + dy, innerHeight / 2 - dy]) middle ??= document.elementFromPoint(innerWidth / 2, y)?.closest('p')?.id.slice(1);
        }
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
