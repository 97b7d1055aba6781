import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../scripts/lib/harness-page';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { openCard, shownFigures, waitForAnnotation } from '../../scripts/lib/page-probe';
import { demoArticle } from './pages';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveHtml({ '/demo': demoArticle });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const openPopup = (article: Page) => browser.openPopup(article);

describe('popup', () => {
  it('lists the figures with their verdicts; choosing one scrolls to it and opens its card', async () => {
    const article = await browser.context.newPage();
    await article.goto(server.url('/demo'));
    await waitForAnnotation(article);
    const onPage = await shownFigures(article);
    const popup = await openPopup(article);
    const listed = await popup.$$eval('button.figure', (buttons) => buttons.map((b) => [b.querySelector('.text')!.textContent, b.getAttribute('data-verdict')]));
    expect(listed).toEqual(onPage.map((f) => [f.text, f.verdict]));
    expect(await popup.textContent('.summary')).toBe('11 verified · 1 differ · 2 unverified');
    expect(await popup.textContent('button.figure.mismatch .record')).toBe('record: $730 billion');

    await popup.click('button.figure.mismatch');
    await article.waitForFunction(() => !!document.querySelector('factmark-card')?.shadowRoot?.querySelector('[data-verdict]'));
    const card = await openCard(article);
    expect(card).toMatchObject({ verdict: 'mismatch', figureText: '$760 billion', verifiedValue: '$730 billion' });
    expect(card!.rect.top).toBeGreaterThanOrEqual(0);
    expect(card!.rect.bottom).toBeLessThanOrEqual(article.viewportSize()!.height);
    await popup.close();
    await article.close();
  });

  it('switches Factmark off and on for the site', async () => {
    const article = await browser.context.newPage();
    await article.goto(server.url('/demo'));
    await waitForAnnotation(article);
    const popup = await openPopup(article);
    expect(await popup.textContent('.switch')).toContain('127.0.0.1');
    await popup.uncheck('.switch input');
    await article.waitForFunction(() => CSS.highlights.size === 0);
    await popup.waitForSelector('text=Switched off on this site.');

    // Still off after a reload.
    await article.reload();
    await article.waitForTimeout(500);
    expect(await article.evaluate(() => CSS.highlights.size)).toBe(0);

    await popup.check('.switch input');
    await waitForAnnotation(article);
    expect((await shownFigures(article)).length).toBe(14);
    await popup.close();
    await article.close();
  });
});

describe('settings', () => {
  it('can hide unverified figures', async () => {
    const article = await browser.context.newPage();
    await article.goto(server.url('/demo'));
    await waitForAnnotation(article);
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('/options.html'));
    await options.uncheck('text=Underline figures that no fact pack covers');
    await article.waitForFunction(() => ![...CSS.highlights.keys()].some((name) => getComputedStyle(document.body, `::highlight(${name})`).textDecorationColor === 'rgb(110, 119, 129)'));
    const verdicts = new Set((await shownFigures(article)).map((f) => f.verdict));
    expect([...verdicts].sort()).toEqual(['mismatch', 'verified']);
    expect(await options.textContent('table.packs')).toContain('Factmark');
    await options.check('text=Underline figures that no fact pack covers');
    await article.waitForFunction(() => [...CSS.highlights.keys()].some((name) => getComputedStyle(document.body, `::highlight(${name})`).textDecorationColor === 'rgb(110, 119, 129)'));
    await options.close();
    await article.close();
  });
});
