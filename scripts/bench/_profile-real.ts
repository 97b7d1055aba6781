/**
 * `npx tsx scripts/bench/_profile-real.ts NAME [runs]`: CPU profile (CDP Profiler) of the page's main
 * thread while Factmark makes its first pass over ../shared/realpages/NAME (scripts blocked, as in
 * the real-sites bench), summed by function (self time), over `runs` fresh loads. Build without
 * minifying first for readable names: `FACTMARK_NO_MINIFY=1 npx wxt build`. A helper, not a bench row.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../lib/chromium-browser';
import { serveHtml } from '../lib/static-server';
import { waitForAnnotation } from '../lib/page-probe';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }

const name = process.argv[2] ?? 'wikipedia-2.html';
const runs = Number(process.argv[3] ?? 3);
const html = readFileSync(resolve(import.meta.dirname, '../../../shared/realpages', name), 'utf8');
const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`;
const server = await serveHtml({ '/page': html.replace(/<head[^>]*>/i, (h) => h + csp), '/warm': '<p>Amazon will invest $50 billion in OpenAI.</p>' });
const browser = await launchChromium();
try {
  const warm = await browser.context.newPage();
  await warm.goto(server.url('/warm'));
  await waitForAnnotation(warm);
  await warm.close();
  const byName = new Map<string, number>();
  let total = 0;
  const passes: unknown[] = [];
  for (let r = 0; r < runs; r++) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(server.url('/page'));
    await waitForAnnotation(page);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    passes.push(await page.evaluate(() => { const m = performance.getEntriesByName('factmark:annotate')[0] as PerformanceMeasure; return { ms: Math.round(m.duration * 10) / 10, ...(m.detail as object) }; }));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
      const t = self.get(node.id) ?? 0;
      byName.set(key, (byName.get(key) ?? 0) + t);
      total += t;
    }
    await page.close();
  }
  for (const p of passes) console.log(JSON.stringify(p));
  console.log(`${runs} loads, ${(total / 1000 / runs).toFixed(1)} ms sampled per load; self time per load:`);
  for (const [key, t] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(t / 1000 / runs).toFixed(2).padStart(8)} ms  ${key}`);
} finally {
  await browser.close();
  await server.close();
}
