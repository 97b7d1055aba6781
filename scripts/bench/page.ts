/**
 * Annotation speed on a 1.3 MB article page in real Chromium, each figure beside a baseline
 * measured in the same run and page: a full pass against the floor (a bare TreeWalker pass, one
 * regular-expression pass and registering as many ranges with the Highlight API), wrapping figures
 * in elements (the mark.js way), long tasks, infinite scroll, heap and bundle size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { availableParallelism } from 'node:os';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchChromium as launchWithExtension, type ChromiumExtension as ExtensionBrowser } from '../lib/chromium-browser';
import { serveHtml } from '../lib/static-server';
import { waitForAnnotation } from '../lib/page-probe';
import { floorPass } from './_floor';
import { longTasksText, quietlyAwaitPasses, traceFirstPass, tracedGapsText } from './_trace';

/** Page size to reach by repeating the demo article (the issue's "1.3 MB article page"). */
const PAGE_BYTES = 1.3e6;
const FRAME_MS = 1000 / 60;

/**
 * The demo article's paragraphs with every digit of their text shifted by `copy` (markup kept),
 * so no two copies share a paragraph and nothing can be answered from a cache of earlier ones.
 */
function shifted(paragraph: string, copy: number): string {
  return paragraph.replace(/(<[^>]*>)|\d/g, (match, tag: string | undefined) => tag ?? String((Number(match) + copy) % 10 || 1));
}

/** The demo article's body paragraphs, repeated (numbers changed per copy) into one long page that records its long tasks and heartbeat gaps. */
export function bigPage(): { html: string; paragraphs: string[]; copies: number } {
  const demo = readFileSync(resolve(import.meta.dirname, '../../demo/article.html'), 'utf8');
  const paragraphs = [...demo.matchAll(/<(p|h2)[^>]*>[\s\S]*?<\/\1>/g)].map((m) => m[0]);
  const copies = Math.ceil(PAGE_BYTES / paragraphs.join('\n').length);
  const body = Array.from({ length: copies }, (_, i) => `<section id="copy-${i}">${paragraphs.map((p) => shifted(p, i)).join('\n')}</section>`).join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Amazon and OpenAI: the long read</title>
<script>window.__longtasks = []; new PerformanceObserver((l) => window.__longtasks.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });</script>
${HEARTBEAT}
</head><body><main id="feed">${body}</main></body></html>`;
  return { html, paragraphs, copies };
}

/**
 * A heartbeat in the page's own script, as in tests/browser/bounded-work-pages.ts: a 5 ms timer
 * that notes every gap over 50 ms (the longtask API misses some stalls, such as rendering).
 */
const HEARTBEAT = `<script>window.__gaps = []; { let last = performance.now(); const beat = () => { const now = performance.now(); if (now - last > 50) window.__gaps.push([last, now - last]); last = now; setTimeout(beat, 5); }; beat(); }</script>`;

/** Per kind of Factmark's own work in a pass: runs, runs over 50 ms, the longest (the measure's `runs`). */
type Runs = Record<string, { count: number; long: number; longest: number }>;
const runsText = (runs: Runs | undefined) =>
  Object.entries(runs ?? {})
    .map(([kind, r]) => `${kind} ${r.count} runs, ${r.long} over 50 ms, longest ${r.longest.toFixed(1)} ms`)
    .join('; ');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Wrapping every match in a <mark> element, as DOM-wrapping highlighters do (changes the page). */
function wrapPass(page: Page, count: number): Promise<number> {
  return page.evaluate((count) => {
    const start = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const pattern = /\$?\d[\d,.]*\s?(?:billion|bn|gigawatts|years|%)?/;
    const nodes: Text[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) nodes.push(node);
    let wrapped = 0;
    for (let node of nodes) {
      for (let m = pattern.exec(node.data); m && wrapped < count; m = pattern.exec(node.data)) {
        const hit = node.splitText(m.index);
        node = hit.splitText(m[0].length);
        const mark = document.createElement('mark');
        hit.replaceWith(mark);
        mark.append(hit);
        wrapped++;
      }
    }
    document.body.offsetHeight; // include the layout the new elements cause
    return performance.now() - start;
  }, count);
}

/**
 * Why only near-viewport ranges are registered: the time for appending a paragraph and rendering a
 * frame, on this page (Factmark off), with `count` ranges registered in one highlight and without.
 */
function appendFrameCost(page: Page, count: number): Promise<{ with: number; without: number }> {
  // No named inner functions: the TypeScript runner would wrap them in a helper the page lacks.
  return page.evaluate(async (count) => {
    const ranges: Range[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && ranges.length < count; node = walker.nextNode()) {
      const range = new Range();
      range.selectNodeContents(node);
      ranges.push(range);
    }
    const totals = [0, 0];
    for (const registered of [false, true]) {
      if (registered) CSS.highlights.set('bench-many', new Highlight(...ranges));
      for (let i = 0; i <= 10; i++) {
        const p = document.createElement('p');
        p.textContent = 'Appended: Amazon pays an initial $15 billion.';
        const start = performance.now();
        document.body.append(p);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        if (i > 0) totals[+registered]! += performance.now() - start; // the first round settles earlier work
      }
    }
    CSS.highlights.delete('bench-many');
    return { without: totals[0]! / 10, with: totals[1]! / 10 };
  }, count);
}

/**
 * The baseline for the heartbeat rows: the page's own gaps over 50 ms, with Factmark off, in the
 * same window of its life as the first pass (`from`..`to`, ms from navigation), counted from `from`
 * at the earliest as the pass's are. What is left there is the page's own work and the machine's load.
 */
async function gapsWithout(page: Page, from: number, to: number): Promise<{ count: number; longest: number }> {
  await page.waitForFunction((to) => performance.now() > to, to, { timeout: 60_000, polling: 100 });
  return page.evaluate(([from, to]) => {
    const gaps = (window as unknown as { __gaps: [number, number][] }).__gaps.filter(([at, length]) => at < to && at + length > from).map(([at, length]) => at + length - Math.max(at, from)).filter((length) => length > 50);
    return { count: gaps.length, longest: Math.max(0, ...gaps) };
  }, [from, to] as const);
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

async function setSiteEnabled(browser: ExtensionBrowser, enabled: boolean): Promise<void> {
  await browser.worker.evaluate((enabled) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ disabledSites: enabled ? [] : ['127.0.0.1'] }), enabled);
}

export default async function run(): Promise<void> {
  const { html, paragraphs, copies } = bigPage();
  const cpus = availableParallelism();
  const server = await serveHtml({ '/big': html, '/scroll': '<!doctype html><html><head><title>Amazon and OpenAI live</title></head><body><main id="feed"></main></body></html>' });
  const browser = await launchWithExtension();
  let scrollBrowser: ExtensionBrowser | undefined;
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url('/big'));
    await waitForAnnotation(page);
    const pass = await page.evaluate(() => {
      const m = performance.getEntriesByName('factmark:annotate')[0] as PerformanceMeasure;
      const long = (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks.filter((t) => t.start + t.duration >= m.startTime && t.start <= m.startTime + m.duration);
      const detail = m.detail as { figures: number; read: number; recognize: number; lookup: number; batches: number; firstAnswer: number; firstInView?: number; longestTask?: number; runs?: Record<string, { count: number; long: number; longest: number }> };
      // The pass, and a quarter second after it for the frames that register its last ranges.
      // Counted from the pass's start at the earliest: before it, a gap was the page's own work.
      const gaps = (window as unknown as { __gaps: [number, number][] }).__gaps.filter(([at, length]) => at < m.startTime + m.duration + 250 && at + length > m.startTime).map(([at, length]) => at + length - Math.max(at, m.startTime)).filter((length) => length > 50);
      return { start: m.startTime, duration: m.duration, figures: detail.figures, read: detail.read, recognize: detail.recognize, lookup: detail.lookup, batches: detail.batches, firstAnswer: detail.firstAnswer, firstInView: detail.firstInView ?? -1, ownLongest: detail.longestTask ?? 0, runs: detail.runs, longTasks: long.length, longest: Math.max(0, ...long.map((t) => t.duration)), gaps: gaps.length, longestGap: Math.max(0, ...gaps) };
    });
    const [matchMs, validateMs] = await browser.worker.evaluate(() =>
      ['factmark:match', 'factmark:validate'].map((name) => performance.getEntriesByName(name).reduce((sum, e) => sum + e.duration, 0)),
    );
    // (Sums over every message so far: only this page has talked to the background yet.)
    // The same page again: the service worker and its index are warm now, as when a reader moves on.
    await page.reload();
    await waitForAnnotation(page);
    const warm = await page.evaluate(() => (performance.getEntriesByName('factmark:annotate')[0] as PerformanceMeasure).duration);
    // Once the page has loaded and settled (as the floor below is measured), a full pass again: a
    // single-page navigation makes the content script read the whole page anew.
    await page.waitForTimeout(1_000);
    await page.evaluate(() => {
      history.pushState({}, '', '/big?next');
      document.title += ' (continued)';
    });
    await waitForAnnotation(page, 2);
    const settled = await page.evaluate(() => {
      const m = performance.getEntriesByName('factmark:annotate')[1] as PerformanceMeasure;
      const detail = m.detail as { read: number; recognize: number; lookup: number; firstAnswer: number; firstInView?: number; longestTask?: number; runs?: Record<string, { count: number; long: number; longest: number }> };
      // Counted from the pass's start at the earliest: before it, a gap was the page's own work.
      const gaps = (window as unknown as { __gaps: [number, number][] }).__gaps.filter(([at, length]) => at < m.startTime + m.duration + 250 && at + length > m.startTime).map(([at, length]) => at + length - Math.max(at, m.startTime)).filter((length) => length > 50);
      return { duration: m.duration, read: detail.read, recognize: detail.recognize, lookup: detail.lookup, firstAnswer: detail.firstAnswer, firstInView: detail.firstInView ?? -1, ownLongest: detail.longestTask ?? 0, runs: detail.runs, gaps: gaps.length, longestGap: Math.max(0, ...gaps) };
    });
    // The same page scrolled to its middle, read again from scratch: what is on screen goes first.
    await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight / 2);
      history.pushState({}, '', '/big?middle');
      document.title += ' (middle)';
    });
    // (A title change also makes a partial pass that reads nothing, so the third full pass is found by its detail.)
    await page.waitForFunction(() => performance.getEntriesByName('factmark:annotate').filter((e) => ((e as PerformanceMeasure).detail as { full: boolean }).full).length >= 3, undefined, { timeout: 30_000 });
    const middle = await page.evaluate(() => {
      const m = performance.getEntriesByName('factmark:annotate').filter((e) => ((e as PerformanceMeasure).detail as { full: boolean }).full)[2] as PerformanceMeasure;
      return { duration: m.duration, firstInView: (m.detail as { firstInView: number }).firstInView };
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    const floor = median([await floorPass(page, pass.figures), await floorPass(page, pass.figures), await floorPass(page, pass.figures), await floorPass(page, pass.figures), await floorPass(page, pass.figures)]);
    const heapOn = await heapUsed(page);
    // A reload's first pass under a CDP trace: which main-thread tasks over 50 ms it had, and what was in them.
    const traced = await traceFirstPass(page, () => page.reload(), () => quietlyAwaitPasses(page));

    // Same page with Factmark off: the heap baseline, and a page to wrap figures in.
    await setSiteEnabled(browser, false);
    await page.reload();
    // (Before the heap: its forced garbage collection would be a gap of its own.)
    const gapsOff = await gapsWithout(page, pass.start, pass.start + pass.duration + 250);
    const heapOff = await heapUsed(page);
    const wrap = await wrapPass(page, pass.figures);
    // After wrapping: the live ranges it creates would otherwise slow every splitText in wrapPass.
    const appendCost = await appendFrameCost(page, pass.figures);
    await setSiteEnabled(browser, true);

    // Infinite scroll, in a browser of its own (as a reader who opens a feed, not after the 1.3 MB
    // page): 100 increments of 50 paragraphs, each timed from insertion to its pass's end.
    scrollBrowser = await launchWithExtension();
    const scroll = await scrollBrowser.context.newPage();
    await scroll.goto(server.url('/scroll'));
    await scroll.waitForTimeout(300);
    const increments = await scroll.evaluate(async (paragraphs) => {
      const feed = document.getElementById('feed')!;
      const out: { latency: number; read: number; lookup: number }[] = [];
      for (let i = 0; i < 100; i++) {
        const done = performance.getEntriesByName('factmark:annotate').length + 1;
        const section = document.createElement('section');
        section.innerHTML = Array.from({ length: 50 }, (_, k) => paragraphs[k % paragraphs.length]).join('');
        const inserted = performance.now();
        feed.append(section);
        while (performance.getEntriesByName('factmark:annotate').length < done) await new Promise((r) => setTimeout(r, 1));
        const m = performance.getEntriesByName('factmark:annotate')[done - 1] as PerformanceMeasure;
        const { read, lookup } = m.detail as { read: number; lookup: number };
        out.push({ latency: m.startTime + m.duration - inserted, read, lookup });
      }
      return out;
    }, paragraphs);
    const mean = (pick: (x: (typeof increments)[number]) => number) => increments.reduce((a, x) => a + pick(x), 0) / increments.length;
    const latencies = increments.map((x) => x.latency);

    const bundle = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/content.js'));
    // The document_start script that asks for the highlight sheet early (absent before it existed).
    const stylesPath = resolve(EXTENSION_DIR, 'content-scripts/styles.js');
    const stylesBundle = existsSync(stylesPath) ? readFileSync(stylesPath) : Buffer.alloc(0);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`## Annotating a ${kb(html.length)} article page (${copies} copies of the demo article's text, numbers changed per copy) in Chromium`);
    console.log(`| measurement | value | baseline (same run) | ratio |`);
    console.log(`| --- | --- | --- | --- |`);
    console.log(`| full pass: walk, recognize, lookup (${pass.batches} batches, sent while reading on), paint (${pass.figures} figures) | ${ms(pass.duration)} | floor: TreeWalker + regex + Highlight ranges ${ms(floor)} | ${(pass.duration / floor).toFixed(2)}x floor |`);
    console.log(`| the same pass again, extension warm | ${ms(warm)} | floor ${ms(floor)} | ${(warm / floor).toFixed(2)}x floor |`);
    console.log(`| full pass on the loaded page (after a single-page navigation), as the floor is measured | ${ms(settled.duration)} | floor ${ms(floor)} | ${(settled.duration / floor).toFixed(2)}x floor |`);
    console.log(`| first pass / loaded page: the first figures painted (the top of the page), after | ${ms(pass.firstAnswer)} / ${ms(settled.firstAnswer)} | full pass ${ms(pass.duration)} / ${ms(settled.duration)} | ${(pass.firstAnswer / pass.duration).toFixed(2)}x / ${(settled.firstAnswer / settled.duration).toFixed(2)}x the full pass |`);
    console.log(`| first underlines in the viewport, after the pass starts (first pass / loaded page / loaded page scrolled to its middle) | ${ms(pass.firstInView)} / ${ms(settled.firstInView)} / ${ms(middle.firstInView)} | floor ${ms(floor)} | ${(pass.firstInView / floor).toFixed(2)}x / ${(settled.firstInView / floor).toFixed(2)}x / ${(middle.firstInView / floor).toFixed(2)}x floor |`);
    console.log(`| of which (first pass / loaded page): reading the page (walk + recognize, sliced, until the last batch is sent) | ${ms(pass.read)} / ${ms(settled.read)} | | |`);
    console.log(`| of which (first pass / loaded page): recognize() alone, which any full pass must run over all the text | ${ms(pass.recognize)} / ${ms(settled.recognize)} | floor ${ms(floor)} | ${(pass.recognize / floor).toFixed(2)}x / ${(settled.recognize / floor).toFixed(2)}x floor |`);
    console.log(`| of which (first pass / loaded page): then waiting for the background's last answers (message both ways) | ${ms(pass.lookup)} / ${ms(settled.lookup)} | | |`);
    console.log(`| of which (first pass): validating the messages with zod in the background | ${ms(validateMs)} | | |`);
    console.log(`| of which (first pass): matching in the background | ${ms(matchMs)} | | |`);
    console.log(`| wrapping each figure in <mark> (DOM-changing highlighters) | ${ms(wrap)} | Factmark full pass ${ms(pass.duration)} | ${(wrap / pass.duration).toFixed(1)}x Factmark |`);
    console.log(`| append a paragraph + one frame, ${pass.figures} ranges registered (why only near-viewport ranges are) | ${ms(appendCost.with)} | none registered ${ms(appendCost.without)} | ${(appendCost.with / appendCost.without).toFixed(1)}x |`);
    console.log(`| long tasks (>50 ms) during the pass | ${pass.longTasks} (longest ${ms(pass.longest)}) | | |`);
    console.log(`| heartbeat gaps over 50 ms in the page during the pass and 250 ms after, from its start (first pass / loaded page) | ${pass.gaps} (longest ${ms(pass.longestGap)}) / ${settled.gaps} (longest ${ms(settled.longestGap)}) | long-task line 50 ms | ${(pass.longestGap / 50).toFixed(2)}x / ${(settled.longestGap / 50).toFixed(2)}x the line |`);
    console.log(`| the same page with Factmark off: heartbeat gaps over 50 ms in the same window of its life as the first pass | ${gapsOff.count} (longest ${ms(gapsOff.longest)}) | Factmark on: ${pass.gaps} (longest ${ms(pass.longestGap)}) | ${gapsOff.longest ? `${(pass.longestGap / gapsOff.longest).toFixed(2)}x Factmark off` : 'none with Factmark off: the gaps are ours'} |`);
    console.log(`| main-thread tasks over 50 ms in a CDP trace of a reload's pass and 250 ms after (the longest events in each) | ${traced.tasks.length}: ${longTasksText(traced.tasks)} | long-task line 50 ms | |`);
    console.log(`| of that trace: the longest main-thread task's CPU (thread) time, and the heartbeat's gaps over 50 ms with the main thread's CPU time in each (the rest of a gap, it waited for one of the ${cpus} cores) | ${ms(traced.longestTaskCpu)}; ${traced.gaps?.length ?? 0} gaps: ${tracedGapsText(traced.gaps ?? [])} | long-task line 50 ms | ${(traced.longestTaskCpu / 50).toFixed(2)}x the line |`);
    console.log(`| of which, the longest style recalc (UpdateLayoutTree) in the trace during that pass and 250 ms after | ${ms(traced.longestStyle)} (of ${traced.styleCount} recalcs in ${traced.taskCount} tasks) | long-task line 50 ms | ${(traced.longestStyle / 50).toFixed(2)}x the line |`);
    console.log(`| longest run of Factmark's own work between yields (first pass / loaded page) | ${ms(pass.ownLongest)} / ${ms(settled.ownLongest)} | slice budget 8 ms, long-task line 50 ms | ${(pass.ownLongest / 50).toFixed(2)}x / ${(settled.ownLongest / 50).toFixed(2)}x the line |`);
    if (pass.runs) console.log(`| of which, by kind (first pass) | ${runsText(pass.runs)} | | |`);
    if (settled.runs) console.log(`| of which, by kind (loaded page) | ${runsText(settled.runs)} | | |`);
    console.log(`| infinite scroll, 100 x 50 paragraphs: insertion to annotated (highlights registered near the viewport), mean | ${ms(mean((x) => x.latency))} (median ${ms(median(latencies))}, max ${ms(Math.max(...latencies))}) | one frame ${ms(FRAME_MS)} | ${(mean((x) => x.latency) / FRAME_MS).toFixed(2)} frames |`);
    console.log(`| of which, per increment: reading / lookup (mean) | ${ms(mean((x) => x.read))} / ${ms(mean((x) => x.lookup))} | | |`);
    console.log(`| JS heap added by Factmark on the page | ${kb(heapOn - heapOff)} | page heap with Factmark off ${kb(heapOff)} | +${(((heapOn - heapOff) / heapOff) * 100).toFixed(0)}% |`);
    console.log(`| content script bundle, gzipped | ${kb(gzipSync(bundle).length)} | budget 40 KB | ${(gzipSync(bundle).length / 40960).toFixed(2)}x budget |`);
    console.log(`| document_start styles script, gzipped | ${kb(gzipSync(stylesBundle).length)} | content script ${kb(gzipSync(bundle).length)} | ${(gzipSync(stylesBundle).length / gzipSync(bundle).length).toFixed(2)}x |`);
  } finally {
    await scrollBrowser?.close();
    await browser.close();
    await server.close();
  }
}
