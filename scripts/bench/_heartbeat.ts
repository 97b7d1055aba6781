/**
 * `npx tsx scripts/bench/_heartbeat.ts [passes] [tiny]`: the 1.3 MB page of `npm run bench --
 * page` (or, with `tiny`, the 200,000-figure page of tests/browser/bounded-work.test.ts), loaded
 * once and reloaded `passes - 1` times (default 4) in one Chromium, and per first pass: its
 * length, the first underlines in view, the page heartbeat's gaps over 50 ms during it (and 250 ms
 * after) and the longest, and our runs between yields (the longest, and by kind: how many, how
 * many over 50 ms, the longest). One bench run sees a few gaps at most, so comparing two builds
 * takes several of these, alternated.
 */
import { launchChromium } from '../lib/chromium-browser';
import { serveHtml } from '../lib/static-server';
import { waitForAnnotation } from '../lib/page-probe';
import { tinyFiguresPage } from '../../tests/browser/bounded-work-pages';
import { bigPage } from './page';

const passes = Number(process.argv[2] ?? 4);
const html = process.argv[3] === 'tiny' ? tinyFiguresPage : bigPage().html;
const server = await serveHtml({ '/page': html });
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  for (let i = 0; i < passes; i++) {
    if (i === 0) await page.goto(server.url('/page'));
    else await page.reload();
    await waitForAnnotation(page);
    await page.waitForTimeout(300);
    const row = await page.evaluate(() => {
      const m = performance.getEntriesByName('factmark:annotate')[0] as PerformanceMeasure;
      const detail = m.detail as { firstInView: number; longestTask: number; runs: Record<string, { count: number; long: number; longest: number }> };
      const gaps = (window as unknown as { __gaps: [number, number][] }).__gaps
        .filter(([at, length]) => at < m.startTime + m.duration + 250 && at + length > m.startTime)
        .map(([at, length]) => at + length - Math.max(at, m.startTime))
        .filter((length) => length > 50);
      return { pass: m.duration, inView: detail.firstInView, gaps: gaps.length, longestGap: Math.max(0, ...gaps), ownLongest: detail.longestTask, runs: Object.entries(detail.runs).map(([kind, r]) => `${kind} ${r.count}/${r.long}/${r.longest.toFixed(0)}`).join(', ') };
    });
    console.log(`pass ${row.pass.toFixed(0)} ms, first in view ${row.inView.toFixed(0)} ms, heartbeat gaps over 50 ms ${row.gaps} (longest ${row.longestGap.toFixed(0)} ms), our longest run ${row.ownLongest.toFixed(0)} ms (runs, over 50 ms, longest: ${row.runs})`);
  }
} finally {
  await browser.close();
  await server.close();
}
