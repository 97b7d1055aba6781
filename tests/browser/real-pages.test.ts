// @chromium-only: it reads the content script's console (Playwright reports the messages of the
// extension's isolated world and service worker only in Chromium) and sizes the viewport to see
// every highlight of a long real page at once.
/**
 * Pages as real sites ship them (issue 12), on pages written for the test: a body revealed after
 * load by an anti-flicker snippet, an editor and code the reader types into, boxes that clip
 * their content, the page's language deciding how numbers read. Then, when ../shared/realpages
 * is there (CI has it), every saved real page: no extension error, the DOM byte-identical after
 * annotation, and no verdict on pages about other things.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page as ChromiumPage } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser, type Page } from '../../scripts/lib/extension-browser';
import { serveHtml, type Route, type StaticServer } from '../../scripts/lib/static-server';
import { openAnnotated, shownFigures, waitForAnnotation } from '../../scripts/lib/page-probe';

/** A small article page in our own words; `html` holds <html>'s attributes, `head` goes into <head>. */
function article(body: string, { html = 'lang="en"', head = '' } = {}): string {
  return `<!doctype html><html ${html}><head><meta charset="utf-8"><title>Amazon and OpenAI</title>${head}</head>
<body><article><h1>Cloud deals this week</h1>${body}</article></body></html>`;
}

const DEAL = '<p>Amazon will invest $50 billion in OpenAI.</p><p>OpenAI closed a $110 billion funding round.</p>';

/** The saved real pages, when the shared test data is there. */
const REAL_DIR = resolve(import.meta.dirname, '../../../shared/realpages');
const realPages = existsSync(REAL_DIR) ? readdirSync(REAL_DIR).filter((n) => n.endsWith('.html')).sort() : [];

/**
 * A real page as served for the test: its own scripts (and any fetch, which could not reach the
 * network anyway) are blocked by a CSP, so only the extension can change the DOM; one script of
 * ours, allowed by nonce, keeps the markup as parsed, before the content script runs (at
 * document_idle, after DOMContentLoaded).
 */
function realPage(name: string): Route {
  return () => {
    const html = readFileSync(resolve(REAL_DIR, name), 'utf8');
    const guard =
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-factmark'">` +
      `<script nonce="factmark">document.addEventListener('DOMContentLoaded', () => { window.__before = document.documentElement.outerHTML; });</script>`;
    const head = /<head[^>]*>/i.exec(html);
    return head ? html.slice(0, head.index + head[0].length) + guard + html.slice(head.index + head[0].length) : guard + html;
  };
}

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveHtml({
    // An anti-flicker snippet: the body is hidden by a <style> that a script removes a second later.
    '/reveal-style': article(DEAL, {
      head: `<style id="anti-flicker">body { visibility: hidden !important }</style>
        <script>setTimeout(() => document.getElementById('anti-flicker').remove(), 1000)</script>`,
    }),
    // The same with a class on <html>, and with a style attribute on <body>.
    '/reveal-class': article(DEAL, {
      html: 'lang="en" class="async-hide"',
      head: `<style>.async-hide body { visibility: hidden }</style>
        <script>setTimeout(() => document.documentElement.classList.remove('async-hide'), 1000)</script>`,
    }),
    '/reveal-attribute': article(DEAL).replace('<body>', `<body style="visibility: hidden">`).replace(
      '</body>',
      `<script>setTimeout(() => document.body.removeAttribute('style'), 1000)</script></body>`,
    ),
    // Stays hidden: nothing to read again however often <body> changes its classes.
    '/never-shown': article(DEAL, {
      head: `<style>body { visibility: hidden }</style>
        <script>let n = 0; const t = setInterval(() => { document.body.className = 'tick' + n; if (++n === 20) clearInterval(t); }, 50)</script>`,
    }),
    '/editors': article(`${DEAL}
      <div id="editor" contenteditable="true"><p id="draft">Draft:</p></div>
      <pre id="pre">log:</pre><p><code id="code">x = 1</code></p>
      <div contenteditable="plaintext-only" id="plain"></div>`),
    // A teaser box that shows one line and cuts the rest off, and text for screen readers only.
    '/clipped': article(`${DEAL}
      <div style="overflow: hidden; height: 1.4em; line-height: 1.4em; width: 30em">
        <p style="margin: 0">OpenAI pays an initial $15 billion now.</p>
        <p style="margin: 0">The rest, $35 billion, follows later.</p>
      </div>
      <p>Amazon's stake<span style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap"> (worth $13 billion)</span> is new.</p>
      <div style="overflow: hidden; width: 12em; white-space: nowrap">The deal adds capacity over many years, about two gigawatts.</div>
      <div style="overflow: auto; height: 3em"><p>Amazon will invest $50 billion in OpenAI.</p><p style="margin-top: 4em">OpenAI closed a $110 billion funding round.</p></div>`),
    // The page's language decides the marks; a line break in the source inside a figure.
    '/es': article('<p>La participación de Amazon en OpenAI subió el 1,3% y OpenAI pagó US$ 100.000.</p>', { html: 'lang="es"' }),
    '/fr-meta': article('<p>OpenAI a payé 56 000€ de frais.</p>', { html: '', head: '<meta http-equiv="Content-Language" content="fr-FR">' }),
    '/no-lang': article('<p>La participación de Amazon subió el 1,3% y OpenAI pagó US$ 100.000 o 56 000€.</p>', { html: '' }),
    '/wrapped': article(`<p>Amazon will invest $50
          billion in OpenAI.</p>`),
    ...Object.fromEntries(realPages.map((name) => [`/real/${name}`, realPage(name)])),
  });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path: string) => openAnnotated(browser.context, server.url(path));
const pairs = async (page: Page) => (await shownFigures(page)).map((f) => [f.text, f.verdict]);
const passCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('factmark:annotate').length);

describe('pages revealed after load', () => {
  it.each(['/reveal-style', '/reveal-class', '/reveal-attribute'])('%s: a hidden body is annotated once the page shows it', async (path) => {
    const page = await open(path);
    // The first pass found the body hidden: nothing shown yet.
    expect(await pairs(page)).toEqual([]);
    await waitForAnnotation(page, 2);
    await expect.poll(() => pairs(page), { timeout: 5_000 }).toEqual([
      ['$50 billion', 'verified'],
      ['$110 billion', 'verified'],
    ]);
    await page.close();
  });

  it('a page that stays hidden while <body> changes its class twenty times is read again a few times at most', async () => {
    const page = await open('/never-shown');
    await page.waitForTimeout(1_500);
    expect(await pairs(page)).toEqual([]);
    // One whole-page pass, then at most one re-read per 300 ms of the second of class changes.
    expect(await passCount(page)).toBeLessThanOrEqual(1 + 5);
    await page.close();
  });
});

describe('what partial passes skip', () => {
  it('typing "$30 billion" into an editor, or adding figures to <pre> and <code>, underlines nothing', async () => {
    const page = await open('/editors');
    expect(await pairs(page)).toEqual([
      ['$50 billion', 'verified'],
      ['$110 billion', 'verified'],
    ]);
    await page.focus('#editor');
    await page.keyboard.type(' Amazon will invest $30 billion in OpenAI.');
    await page.focus('#plain');
    await page.keyboard.type('Amazon will invest $30 billion in OpenAI.');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Pasted: OpenAI closed a $110 billion funding round.';
      document.getElementById('editor')!.append(p);
      document.getElementById('pre')!.append(document.createElement('span'), ' Amazon will invest $50 billion in OpenAI.');
      document.getElementById('code')!.append(document.createElement('b'));
      document.getElementById('code')!.lastChild!.textContent = '$110 billion';
    });
    expect(await page.evaluate(() => document.getElementById('editor')!.textContent)).toContain('$30 billion');
    await page.waitForTimeout(500);
    expect(await pairs(page)).toEqual([
      ['$50 billion', 'verified'],
      ['$110 billion', 'verified'],
    ]);
    // No pass read a figure after the first.
    const figuresRead = await page.evaluate(() => performance.getEntriesByName('factmark:annotate').slice(1).map((e) => ((e as PerformanceMeasure).detail as { figures: number }).figures));
    expect(figuresRead.filter((n) => n > 0)).toEqual([]);
    await page.close();
  });
});

describe('boxes that clip their content', () => {
  it('a figure the box cuts off is neither underlined nor listed in the popup; a scrolled-away one is both', async () => {
    const page = await open('/clipped');
    const shown = await pairs(page);
    expect(shown.map(([text]) => text)).toEqual(['$50 billion', '$110 billion', '$15 billion', '$50 billion']);
    const popup = await browser.openPopup(page);
    const listed = await popup.$$eval('button.figure', (buttons) => buttons.map((b) => [b.querySelector('.text')!.textContent, b.getAttribute('data-verdict')]));
    // Everything shown is listed; the scroll box's second paragraph is listed and shows once scrolled to.
    expect(listed).toEqual([...shown, ['$110 billion', 'verified']]);
    await popup.close();
    await page.evaluate(() => document.querySelector('div[style*="overflow: auto"]')!.scrollTo(0, 1_000));
    // Scrolled to its second paragraph, the box shows that one's figure (and no longer the first's).
    await expect.poll(async () => (await pairs(page)).map(([text]) => text)).toEqual(['$50 billion', '$110 billion', '$15 billion', '$110 billion']);
    await page.close();
  });
});

describe("the page's language", () => {
  it('reads "el 1,3%" and "US$ 100.000" the Spanish way, "56 000€" the French way (Content-Language), and none of them without a language', async () => {
    const es = await open('/es');
    expect((await shownFigures(es)).map((f) => f.text)).toEqual(['1,3%', 'US$ 100.000']);
    await es.close();
    const fr = await open('/fr-meta');
    expect((await shownFigures(fr)).map((f) => f.text)).toEqual(['56 000€']);
    await fr.close();
    const unknown = await open('/no-lang');
    expect(await pairs(unknown)).toEqual([]);
    await unknown.close();
  });

  it('a figure the source wraps onto two lines is one figure', async () => {
    const page = await open('/wrapped');
    expect((await shownFigures(page)).map((f) => [f.text.replace(/\s+/g, ' '), f.verdict])).toEqual([['$50 billion', 'verified']]);
    await page.close();
  });
});

if (realPages.length) {
  describe('the saved real pages (../shared/realpages)', () => {
    it(`reads all ${realPages.length} with no extension error, leaves each DOM byte-identical, and gives no verdict on them`, async () => {
      const problems: string[] = [];
      let figures = 0;
      const page = (await browser.context.newPage()) as unknown as ChromiumPage;
      // Tall enough that every highlight of a long page is registered at once: no scrolling through it.
      await page.setViewportSize({ width: 1280, height: 12_000 });
      const errors: string[] = [];
      const ours = browser.extensionUrl('/');
      const onConsole = (message: ConsoleMessage) => {
        const where = message.location().url;
        // Our own extension's (a page may name another extension's files, which fail to load).
        if ((message.type() === 'error' || message.type() === 'warning') && (where.startsWith(ours) || message.text().startsWith('Factmark'))) errors.push(`${message.text()} (${where})`);
      };
      page.on('console', onConsole);
      // The page's own scripts are blocked, so any uncaught error is the extension's.
      page.on('pageerror', (error) => errors.push(`${error.message} (${error.stack?.split('\n')[1]?.trim() ?? ''})`));
      for (const name of realPages) {
        errors.length = 0;
        await page.goto(server.url(`/real/${name}`), { waitUntil: 'domcontentloaded' });
        await waitForAnnotation(page as unknown as Page);
        const { before, after, verdicts } = await page.evaluate(async () => {
          // Highlights are registered a viewport above and below the screen: two screens per step cover the page.
          const seen: Record<string, Set<AbstractRange>> = { verified: new Set(), mismatch: new Set(), unverified: new Set() };
          for (let top = 0; ; top += 2 * innerHeight) {
            window.scrollTo(0, top);
            await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            // Factmark's highlight names are drawn per page: a verdict is known by its underline colour.
            const colours: Record<string, string> = { 'rgb(26, 127, 55)': 'verified', 'rgb(207, 34, 46)': 'mismatch', 'rgb(110, 119, 129)': 'unverified' };
            for (const [name, highlight] of CSS.highlights) {
              const kind = colours[getComputedStyle(document.body, `::highlight(${name})`).textDecorationColor];
              if (kind) for (const range of highlight) seen[kind]!.add(range);
            }
            if (top + innerHeight >= document.documentElement.scrollHeight) break;
          }
          const verdicts: Record<string, number> = {};
          for (const kind in seen) verdicts[kind] = seen[kind]!.size;
          return { before: (window as unknown as { __before: string }).__before, after: document.documentElement.outerHTML, verdicts };
        });
        figures += verdicts.unverified! + verdicts.verified! + verdicts.mismatch!;
        if (errors.length) problems.push(`${name}: extension errors: ${errors.join(' | ')}`);
        // The card's host (appended to <html> when a card opens) is the only thing the extension may add.
        if (after.replace(/<factmark-card[^>]*><\/factmark-card>/g, '') !== before) problems.push(`${name}: the DOM changed`);
        if (verdicts.verified || verdicts.mismatch) problems.push(`${name}: ${verdicts.verified} verified, ${verdicts.mismatch} mismatch on a page about other things`);
      }
      await page.close();
      expect(problems).toEqual([]);
      // The pages do hold figures (prices, shares, ages): the run read them.
      expect(figures).toBeGreaterThan(0);
    }, 170_000);
  });
}
