/**
 * `npm run listing`: the store listing, made from the demo so it stays true. Opens the demo
 * article in Chromium with the built extension, takes the screenshots the stores show (1280x800:
 * a card on the wrong figure, a card on a verified one, the popup, the settings) into
 * store/screenshots/, and writes store/listing.md with the figures and card texts it saw.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium-browser';
import { serveHtml } from './lib/static-server';
import { hoverFigure, shownFigures, waitForAnnotation, type ShownCard } from './lib/page-probe';

const root = resolve(import.meta.dirname, '..');
const shots = resolve(root, 'store/screenshots');
mkdirSync(shots, { recursive: true });
const manifest = JSON.parse(readFileSync(resolve(root, '.output/chrome-mv3/manifest.json'), 'utf8')) as { name: string; description: string; version: string };
const server = await serveHtml({ '/': readFileSync(resolve(root, 'demo/article.html'), 'utf8') });
const browser = await launchChromium();
const SIZE = { width: 1280, height: 800 };

/** Hovers the figure written `text`, screenshots the page with its card open, and returns the card. */
async function cardShot(page: Page, text: string, file: string): Promise<ShownCard> {
  const figure = (await shownFigures(page)).find((f) => f.text === text);
  if (!figure) throw new Error(`The demo shows no figure "${text}".`);
  const card = await hoverFigure(page, figure);
  await page.screenshot({ path: resolve(shots, file) });
  return card;
}

try {
  const article = await browser.context.newPage();
  await article.setViewportSize(SIZE);
  await article.goto(server.url('/'));
  await waitForAnnotation(article);
  const figures = await shownFigures(article);
  const count = (verdict: string) => figures.filter((f) => f.verdict === verdict).length;
  const mismatch = figures.find((f) => f.verdict === 'mismatch')!;
  const wrong = await cardShot(article, mismatch.text, '1-differs-card.png');
  const right = await cardShot(article, '$15 billion', '2-verified-card.png');
  await article.mouse.move(1, 1);

  // The toolbar popup about the article, as Chrome opens it: a window of its own.
  await article.bringToFront();
  const opened = browser.context.waitForEvent('page');
  await browser.worker.evaluate(
    (url) => (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({ url, type: 'popup', width: 400, height: 600 }),
    `chrome-extension://${browser.extensionId}/popup.html`,
  );
  const popup = await opened;
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.waitForSelector('button.figure');
  const summary = (await popup.textContent('.summary')) ?? '';
  await popup.screenshot({ path: resolve(shots, '3-popup.png') });
  await popup.close();

  const options = await browser.context.newPage();
  await options.setViewportSize(SIZE);
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForSelector('table.packs');
  await options.screenshot({ path: resolve(shots, '4-settings.png') });

  const quote = (card: ShownCard) => card.text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4).join(' · ');
  writeFileSync(
    resolve(root, 'store/listing.md'),
    `<!-- Made by \`npm run listing\` from the demo article and the built extension (${manifest.version}); edit scripts/listing.ts, not this file. -->
# ${manifest.name}: store listing

## Summary (132 characters at most)

${manifest.description}

## Description

${manifest.name} checks the deal figures in news articles against a local store of verified facts and underlines each one: solid green when a fact in your packs has this value, wavy red when the article's value differs from the record, dotted grey when no fact covers it.

Hover an underlined figure, or reach it with Alt+Shift+N and Alt+Shift+P, to see a card: the verdict in words, the verified figure, what exactly it measures, the deal, the as-of date and the sources. The toolbar popup lists the figures on the page and switches ${manifest.name} off and on per site.

On its demo article ${manifest.name} finds ${figures.length} figures: ${count('verified')} verified, ${count('mismatch')} that differ${count('mismatch') === 1 ? 's' : ''} from the record, ${count('unverified')} unverified (the popup reads "${summary}"). The figure "${mismatch.text}" gets the card "${quote(wrong)}"; "$15 billion" gets "${quote(right)}".

Everything is matched on your device: page text never leaves the browser, and the page itself is never changed. Fact packs can be added by address or from a file; signed packs keep their publisher's key. When you suggest a correction on a card, it is sent to that pack's corrections endpoint, and nothing else is.

## Permissions

- storage: your settings, installed fact packs and your corrections, on this device.
- alarms: daily fact pack updates and retrying corrections that could not be sent.
- content scripts on http and https pages: to find and underline the figures in the article you read.

## Data (Firefox data collection consent)

Required: browsing activity and website content, only in a correction you choose to send: the page's address and title and the figure as written, sent to the pack's corrections endpoint. Nothing is sent otherwise.

## Screenshots

Chrome Web Store (1280x800): 1, 2 and 4. addons.mozilla.org: all four (the popup at 400x600).

${['1-differs-card.png', '2-verified-card.png', '3-popup.png', '4-settings.png'].map((f) => `- screenshots/${f}`).join('\n')}
`,
  );
  console.log(`store/listing.md and ${shots}: ${figures.length} figures (${summary})`);
} finally {
  await browser.close();
  await server.close();
}
