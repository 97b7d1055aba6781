/**
 * `npm run demo`: serves the bundled demo article on 127.0.0.1 and opens Chromium with the built
 * extension. With a display, a window to hover in; without one, it hovers every highlight, prints
 * what it found and saves a screenshot of an open card.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium as launchWithExtension } from './lib/chromium-browser';
import { serveHtml } from './lib/static-server';
import { hoverFigure, shownFigures, waitForAnnotation } from './lib/page-probe';

const root = resolve(import.meta.dirname, '..');
const article = readFileSync(resolve(root, 'demo/article.html'), 'utf8');
const server = await serveHtml({ '/': article });
const headless = !process.env.DISPLAY || process.env.FACTMARK_HEADLESS === '1';
const browser = await launchWithExtension({ headless });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(server.url('/'));
await waitForAnnotation(page);

if (!headless) {
  console.log(`Demo article: ${server.url('/')} — hover a highlighted figure, or press Alt+Shift+N. Close the window to stop.`);
  await new Promise((done) => browser.context.on('close', done));
  await server.close();
  process.exit(0);
}

const figures = await shownFigures(page);
const rows: string[][] = [];
let screenshotTaken = false;
const screenshot = resolve(root, 'artifacts/demo-card.png');
mkdirSync(resolve(root, 'artifacts'), { recursive: true });
for (const figure of figures) {
  const card = await hoverFigure(page, figure);
  const label = card.text.match(/Measures\s*\n?\s*(.+)/)?.[1]?.trim() ?? '';
  rows.push([figure.text, card.verdict, card.verifiedValue ?? '—', label]);
  if (card.verdict === 'mismatch' && !screenshotTaken) {
    await page.screenshot({ path: screenshot });
    screenshotTaken = true;
  }
}
if (!screenshotTaken && figures.length) await page.screenshot({ path: screenshot });

const widths = [0, 1, 2, 3].map((i) => Math.max(...[['Figure', 'Verdict', 'Verified value', 'Measures'], ...rows].map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
console.log(`Factmark demo: ${figures.length} figures on ${server.url('/')}\n`);
console.log(line(['Figure', 'Verdict', 'Verified value', 'Measures']));
for (const r of rows) console.log(line(r));
const count = (v: string) => rows.filter((r) => r[1] === v).length;
console.log(`\n${count('verified')} verified, ${count('mismatch')} mismatch, ${count('unverified')} unverified`);
console.log(`Screenshot of an open card: ${screenshot}`);
await browser.close();
await server.close();
