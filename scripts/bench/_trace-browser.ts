/**
 * `npx tsx scripts/bench/_trace-browser.ts`: a CDP trace of every process (the page's renderer, the
 * browser's UI thread, the GPU process) during a full pass of the loaded 1.3 MB bench page after a
 * single-page navigation, listing each event over 0.3 ms from 2 ms before the pass to 40 ms after
 * it, on the pass's clock: to see what the first lookup's round trip waits for. A helper, not a bench row.
 */
import { launchChromium } from '../lib/chromium-browser';
import { serveHtml } from '../lib/static-server';
import { waitForAnnotation } from '../lib/page-probe';
import { bigPage } from './page';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { functionName?: string }; src_func?: string } }

const server = await serveHtml({ '/page': bigPage().html });
const browser = await launchChromium();
const page = await browser.context.newPage();
await page.goto(server.url('/page'));
await waitForAnnotation(page);
await page.waitForTimeout(1500);
const cdp = await browser.context.newCDPSession(page);
const events: TraceEvent[] = [];
cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8.execute', '__metadata', 'ipc', 'mojom', 'extensions'], recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
await page.evaluate(() => history.pushState({}, '', `/page?again`));
await waitForAnnotation(page, 2);
await page.waitForTimeout(300);
await cdp.send('Tracing.end');
await complete;
const names = new Map<string, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
const pnames = new Map<number, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'process_name') pnames.set(e.pid, e.args?.name ?? '');
const begin = events.find((e) => e.name === 'factmark:annotate' && (e.ph === 'b' || e.ph === 'R' || e.ph === 'I' || e.ph === 'X'));
const t0 = begin?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
console.log('anchor', begin?.name, begin?.ph);
const rows = events.filter((e) => e.ph === 'X' && (e.dur ?? 0) >= 300 && e.ts >= t0 - 2000 && e.ts <= t0 + 40_000).sort((a, b) => a.ts - b.ts);
for (const e of rows) console.log(((e.ts - t0) / 1000).toFixed(1).padStart(6), ('+' + ((e.dur ?? 0) / 1000).toFixed(1)).padStart(7), (pnames.get(e.pid) ?? e.pid) + '/' + (names.get(`${e.pid}:${e.tid}`) ?? e.tid), e.name, JSON.stringify(e.args?.data?.functionName ?? e.args?.src_func ?? '').slice(0, 40));
await browser.close(); await server.close();
