/**
 * `npx tsx scripts/bench/_timeline.ts [passes]`: the 1.3 MB bench page's first pass (and reloads)
 * in Chromium, with the worker's measures (names, facts, validate, match, answer) put on the
 * page's clock, to see where the first underlines in view wait. A helper, not a bench row.
 */
import { launchChromium } from '../lib/chromium-browser';
import { serveHtml } from '../lib/static-server';
import { waitForAnnotation } from '../lib/page-probe';
import { bigPage } from './page';

const passes = Number(process.argv[2] ?? 2);
const server = await serveHtml({ '/page': bigPage().html });
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  for (let i = 0; i < passes; i++) {
    await browser.worker.evaluate(() => performance.clearMeasures());
    if (i === 0) await page.goto(server.url('/page'));
    else await page.reload();
    await waitForAnnotation(page);
    await page.waitForTimeout(300);
    const pass = await page.evaluate(() => {
      const m = performance.getEntriesByName('factmark:annotate')[0] as PerformanceMeasure;
      return { origin: performance.timeOrigin, start: m.startTime, duration: m.duration, detail: m.detail as Record<string, unknown> };
    });
    const worker = await browser.worker.evaluate(() => ({
      origin: performance.timeOrigin,
      entries: performance.getEntriesByType('measure').map((e) => ({ name: e.name, start: e.startTime, duration: e.duration, detail: (e as PerformanceMeasure).detail as unknown })),
    }));
    const shift = worker.origin - pass.origin - pass.start;
    const { runs: _runs, ...rest } = pass.detail;
    console.log(`pass ${pass.duration.toFixed(0)} ms ${JSON.stringify(rest, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
    for (const e of worker.entries.sort((a, b) => a.start - b.start).slice(0, 24))
      console.log(`  ${(e.start + shift).toFixed(1).padStart(7)} +${e.duration.toFixed(1).padStart(6)} ${e.name.replace('factmark:', '')} ${e.detail ? JSON.stringify(e.detail) : ''}`);
  }
} finally {
  await browser.close();
  await server.close();
}
