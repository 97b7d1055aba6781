/**
 * Annotation speed on the saved real pages of ../shared/realpages (issue 12: "the median pass
 * within 3x of the floor for pages whose floor is at least 2 ms"), in real Chromium with the built
 * extension: each page's first full pass beside the floor measured in the same page right after
 * (a bare TreeWalker pass, one regular-expression pass and registering as many ranges). The pages'
 * own scripts are blocked by a CSP, so only Factmark works on them. Skipped, saying so, when the
 * shared test data is not there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../lib/chromium-browser';
import { serveHtml, type Route } from '../lib/static-server';
import { waitForAnnotation } from '../lib/page-probe';
import { floorPass } from './_floor';

const REAL_DIR = resolve(import.meta.dirname, '../../../shared/realpages');
/** Pages whose floor is below this are timer noise, not a measurement (the issue's own cut). */
const MIN_FLOOR_MS = 2;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A saved page with a CSP that lets none of its scripts run. */
function blockedScripts(name: string): Route {
  return () => {
    const html = readFileSync(resolve(REAL_DIR, name), 'utf8');
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`;
    const head = /<head[^>]*>/i.exec(html);
    return head ? html.slice(0, head.index + head[0].length) + csp + html.slice(head.index + head[0].length) : csp + html;
  };
}

export default async function run(): Promise<void> {
  console.log('## Real pages (../shared/realpages)\n');
  if (!existsSync(REAL_DIR)) {
    console.log('skipped: ../shared/realpages is not there\n');
    return;
  }
  const names = readdirSync(REAL_DIR).filter((n) => n.endsWith('.html')).sort();
  const server = await serveHtml(Object.fromEntries(names.map((n) => [`/${n}`, blockedScripts(n)])));
  const browser = await launchChromium();
  const rows: { name: string; pass: number; floor: number; figures: number; read: number; recognize: number; lookup: number }[] = [];
  try {
    // A first page wakes the worker and builds its index, as the reader's first article of the day would.
    const warm = await browser.context.newPage();
    await warm.goto(server.url(`/${names[0]}`));
    await waitForAnnotation(warm);
    await warm.close();
    for (const name of names) {
      const page = await browser.context.newPage();
      await page.goto(server.url(`/${name}`));
      await waitForAnnotation(page);
      const pass = await page.evaluate(() => {
        const m = performance.getEntriesByName('factmark:annotate')[0] as PerformanceMeasure;
        const detail = m.detail as { figures: number; read: number; recognize: number; lookup: number };
        return { duration: m.duration, figures: detail.figures, read: detail.read, recognize: detail.recognize, lookup: detail.lookup };
      });
      const floor = median([await floorPass(page, pass.figures), await floorPass(page, pass.figures), await floorPass(page, pass.figures)]);
      rows.push({ name, pass: pass.duration, floor, figures: pass.figures, read: pass.read, recognize: pass.recognize, lookup: pass.lookup });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const measured = rows.filter((r) => r.floor >= MIN_FLOOR_MS);
  const ratios = measured.map((r) => r.pass / r.floor);
  console.log(`| pages | with a floor of at least ${MIN_FLOOR_MS} ms | median pass / floor | worst page | median pass (all pages) | median floor (all pages) | of the pass, medians: reading / recognize() / waiting for verdicts |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const worst = measured.reduce((a, b) => (b.pass / b.floor > a.pass / a.floor ? b : a), measured[0] ?? rows[0]!);
  console.log(
    `| ${rows.length} | ${measured.length} | ${measured.length ? median(ratios).toFixed(2) + 'x' : 'n/a'} | ${worst ? `${worst.name} ${(worst.pass / worst.floor).toFixed(2)}x (${worst.figures} figures)` : 'n/a'} | ${median(rows.map((r) => r.pass)).toFixed(1)} ms | ${median(rows.map((r) => r.floor)).toFixed(1)} ms | ${(['read', 'recognize', 'lookup'] as const).map((k) => median(measured.map((r) => r[k])).toFixed(1)).join(' / ')} ms |\n`,
  );
}
