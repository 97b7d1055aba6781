/**
 * What a verdict rests on, as a reader sees it in the browser: the card's reason line, the
 * article's declared date, and only visible text (pages written for the test, in our own words).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { hoverFigure, openAnnotated, shownFigures } from '../../scripts/lib/page-probe';
import { demoArticle } from './pages';

/** A small article page: `head` goes into <head>, `body` into <article>. */
function article(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Amazon and OpenAI</title>${head}
<style>.offscreen{display:none}.faded{opacity:0}.tiny{font-size:0}</style></head>
<body><article><h1>Cloud deals this week</h1>${body}</article></body></html>`;
}

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveHtml({
    '/demo': demoArticle,
    // Hidden words that would change the verdict if read: "about" before a wrong figure, "post-money" before the right one.
    '/hidden': article(`
      <p>Amazon will invest <span class="offscreen">about </span>$48 billion in OpenAI.</p>
      <p>The round gives OpenAI a <span class="faded">post-money</span> pre-money valuation of $730 billion.</p>
      <p>Amazon pays OpenAI an initial <span class="tiny">remaining </span>$15 billion.</p>`,
      '<meta property="article:published_time" content="2026-02-28T09:00:00Z">'),
    // The same honest sentence in an article published before the deal.
    '/older': article('<p>Amazon will invest $50 billion in OpenAI.</p>', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-06-02T08:00:00Z"}</script>'),
    '/dated': article('<p>Amazon will invest $50 billion in OpenAI.</p>', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-03-02T08:00:00Z"}</script>'),
    // SoftBank put $30 billion into OpenAI in two rounds a year apart; "earlier" leaves both standing.
    '/tie': article('<p>SoftBank put an earlier $30 billion into OpenAI.</p>', '<meta property="article:published_time" content="2026-03-01T09:00:00Z">'),
  });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string) => openAnnotated(browser.context, server.url(path));

describe('the card says why', () => {
  it('names what pointed to the fact, and for a mismatch what the record has', async () => {
    const page = await open('/demo');
    const figures = await shownFigures(page);
    const verified = await hoverFigure(page, figures.find((f) => f.text === '$15 billion')!);
    expect(verified.text).toContain("Amazon named in this sentence, OpenAI in the title · 'initial' · article dated 27 Feb 2026");
    const wrong = await hoverFigure(page, figures.find((f) => f.text === '$760 billion')!);
    expect(wrong.verdict).toBe('mismatch');
    expect(wrong.text).toContain("OpenAI named in this sentence · 'pre-money' · article dated 27 Feb 2026 · the record has $730 billion");
    await page.close();
  });

  it('an article published before the deal gets no verdict, and the card says why', async () => {
    const older = await open('/older');
    const [figure] = await shownFigures(older);
    expect(figure?.verdict).toBe('unverified');
    expect((await hoverFigure(older, figure!)).text).toContain('This article (2 Jun 2025) predates the deal on record, announced 27 Feb 2026');
    await older.close();
    const dated = await open('/dated');
    const [same] = await shownFigures(dated);
    expect(same?.verdict).toBe('verified');
    expect((await hoverFigure(dated, same!)).text).toContain('article dated 2 Mar 2026');
    await dated.close();
  });
});

describe('the card says why there is no verdict', () => {
  it('two deals that fit equally: both named, no verdict', async () => {
    const page = await open('/tie');
    const [figure] = await shownFigures(page);
    expect(figure?.verdict).toBe('unverified');
    const card = await hoverFigure(page, figure!);
    expect(card.text).toContain('Fits more than one deal on record equally: OpenAI funding round (February 2026) and OpenAI funding round led by SoftBank (March 2025)');
    await page.close();
  });

  it('a figure that came close says what is missing', async () => {
    const page = await open('/demo');
    const card = await hoverFigure(page, (await shownFigures(page)).find((f) => f.text === '$13 billion')!);
    expect(card.verdict).toBe('unverified');
    expect(card.text).toContain('Factmark has facts about Microsoft and OpenAI, but none for this role');
    await page.close();
  });
});

describe('only what the reader sees', () => {
  it('hidden words change no verdict: hidden "about", "post-money" and "remaining" are not read', async () => {
    const page = await open('/hidden');
    expect((await shownFigures(page)).map((f) => [f.text, f.verdict])).toEqual([
      ['$48 billion', 'mismatch'],
      ['$730 billion', 'verified'],
      ['$15 billion', 'verified'],
    ]);
    await page.close();
  });
});
