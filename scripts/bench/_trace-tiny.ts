/**
 * `npx tsx scripts/bench/_trace-tiny.ts` (after `npm run build`, under the browser lock): the
 * 200,000-figure page of tests/browser/bounded-work.test.ts loaded under a CDP trace in
 * Chromium, and its main-thread tasks over 50 ms during the first pass with what was in each.
 * A helper for finding what is long, not a benchmark row (bench.ts skips `_` files).
 */
import { launchChromium } from '../lib/chromium-browser';
import { serveHtml } from '../lib/static-server';
import { tinyFiguresPage } from '../../tests/browser/bounded-work-pages';
import { longTasksText, quietlyAwaitPasses, traceFirstPass } from './_trace';

const server = await serveHtml({ '/tiny': tinyFiguresPage });
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  const traced = await traceFirstPass(page, () => page.goto(server.url('/tiny')), () => quietlyAwaitPasses(page));
  console.log(`200,000 tiny figures, first pass: ${traced.tasks.length} tasks over 50 ms of ${traced.taskCount}; longest style recalc ${traced.longestStyle.toFixed(1)} ms (of ${traced.styleCount})`);
  for (const task of traced.tasks) console.log(`- ${longTasksText([task])}`);
} finally {
  await browser.close();
  await server.close();
}
