/**
 * `npx tsx scripts/bench/_profile-content.ts [passes]`: a CPU profile (CDP Profiler) of the page's
 * main thread while Factmark reads the loaded 1.3 MB bench page again (single-page navigations), summed by function (self
 * time). Build without minifying first for readable names: `FACTMARK_NO_MINIFY=1 npm run build`.
 * A helper, not a bench row.
 */
import { launchChromium } from '../lib/chromium-browser';
import { serveHtml } from '../lib/static-server';
import { waitForAnnotation } from '../lib/page-probe';
import { bigPage } from './page';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; }

const passes = Number(process.argv[2] ?? 3);
const server = await serveHtml({ '/page': bigPage().html });
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.goto(server.url('/page'));
  await waitForAnnotation(page);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < passes; i++) {
    // A single-page navigation: the content script reads the loaded page anew (no parsing in the profile).
    await page.evaluate((i) => history.pushState({}, '', `/page?again-${i}`), i);
    await waitForAnnotation(page, 2 + i);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const rows = [...byName].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, t]) => sum + t, 0);
  console.log(`${passes} passes, ${(total / 1000).toFixed(0)} ms sampled; per pass, self time:`);
  for (const [key, t] of rows.slice(0, 45)) console.log(`${(t / 1000 / passes).toFixed(1).padStart(8)} ms  ${key}`);
} finally {
  await browser.close();
  await server.close();
}
