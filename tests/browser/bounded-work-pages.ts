import { expect } from 'vitest';
import type { Page } from '../../scripts/lib/harness-page';

/**
 * Hostile pages for tests/browser/bounded-work*.test.ts, and the probes that read them: each runs a heartbeat in the page's own
 * script (a 5 ms timer that notes every gap between beats longer than 50 ms: a task that long
 * held the page, whoever ran it), then makes Factmark work hard.
 */

/** Gaps between beats longer than this are long tasks (the long-task line). */
export const LONG_GAP_MS = 50;

/** The heartbeat: `window.__gaps` holds [start, length] of each gap over LONG_GAP_MS; `__beatsFrom` when it began. */
const heartbeat = `<script>
window.__gaps = [];
window.__beatsFrom = performance.now();
let last = performance.now();
(function beat() {
  const now = performance.now();
  if (now - last > ${LONG_GAP_MS}) window.__gaps.push([last, now - last]);
  last = now;
  setTimeout(beat, 5);
})();
</script>`;

const page = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${heartbeat}</head><body>${body}<script>${script}</script></body></html>`;

/**
 * One text node of 50 MB, with a figure every ~1,200 characters. It lies below the first screen
 * in a paragraph with `content-visibility: auto`, so the browser never lays it out (shaping
 * 50 MB of text took Chromium over 30 s) yet it is rendered text Factmark reads and annotates.
 */
export const hugeNodePage = page(
  'Amazon and OpenAI: one very long paragraph',
  '<h1>Amazon and OpenAI</h1><div style="height: 3000px"></div><p id="huge" style="content-visibility: auto; contain-intrinsic-size: auto 5000px"></p>',
  `const unit = 'Amazon agreed to invest $50 billion in OpenAI. ' + 'The parties said little else about it that day. '.repeat(24);
   document.getElementById('huge').textContent = unit.repeat(Math.ceil(50e6 / unit.length));
   document.body.offsetHeight;`,
);

/** 200,000 tiny figures: 10,000 paragraphs of 20 each, every one a different number. */
export const tinyFiguresPage = page(
  'Two hundred thousand figures',
  '<h1>Price list</h1><main id="list"></main>',
  `const list = document.getElementById('list');
   const parts = [];
   for (let p = 0; p < 10000; p++) {
     let text = '';
     for (let i = 0; i < 20; i++) text += 'Lot ' + (p * 20 + i) + ' went for $' + (p % 97 + i + 1) + ' million. ';
     parts.push('<p>' + text + '</p>');
   }
   list.innerHTML = parts.join('');
   document.body.offsetHeight;`,
);

/**
 * A page that is never idle: from load on, its own tasks run back to back (each posts the next
 * and keeps the thread 4 ms), so a task queued behind all of the page's waiting work would never
 * run. `window.__busyTasks` counts them; 3,000 paragraphs with figures take many slices to read.
 */
export const neverIdlePage = page(
  'Amazon and OpenAI, on a busy page',
  '<h1>Amazon and OpenAI</h1><main id="list"></main>',
  `const parts = [];
   for (let p = 0; p < 3000; p++) parts.push('<p>Amazon agreed to invest $50 billion in OpenAI. Lot ' + p + ' went for $' + (p % 89 + 2) + ' million.</p>');
   document.getElementById('list').innerHTML = parts.join('');
   window.__busyTasks = 0;
   const channel = new MessageChannel();
   channel.port1.onmessage = () => {
     const until = performance.now() + 4;
     while (performance.now() < until);
     window.__busyTasks++;
     channel.port2.postMessage(null);
   };
   channel.port2.postMessage(null);`,
);

/**
 * A paragraph whose figure changes 1,000 times a second: every 4 ms a task changes the text four
 * times, each change delivered to observers on its own (a microtask apart). Starts when the test
 * calls `window.__storm(ms)`; `window.__changes` counts the changes.
 */
export const stormPage = page(
  'OpenAI live',
  '<h1>OpenAI live</h1><p id="ticker">OpenAI closed a $110 billion funding round.</p><p>Amazon agreed to invest $50 billion in OpenAI.</p>',
  `window.__changes = 0;
   window.__storm = (ms) => new Promise((done) => {
     const text = document.getElementById('ticker').firstChild;
     const until = performance.now() + ms;
     const timer = setInterval(async () => {
       for (let i = 0; i < 4; i++) {
         text.data = 'OpenAI closed a $' + (111 + (window.__changes++ % 800)) + ' billion funding round.';
         await null;
       }
       if (performance.now() >= until) {
         clearInterval(timer);
         done(window.__changes);
       }
     }, 4);
   });`,
);

/**
 * No figures at all; records its own markup, globals and style sheets before any extension runs.
 * `__styles()` is what its script can see of styles: a paragraph's computed style, and the
 * `::highlight()` style of names a page could guess (Factmark's sheet is there from
 * document_start, under names the page does not know).
 */
export const plainPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A quiet page</title>
<script>
window.__styles = () => {
  const p = document.querySelector('p');
  const own = getComputedStyle(p);
  const props = {};
  for (let i = 0; i < own.length; i++) props[own[i]] = own.getPropertyValue(own[i]);
  const guessed = ['factmark-verified', 'factmark-mismatch', 'factmark-unverified', 'factmark', 'verified', 'mismatch'].map((name) => {
    const s = getComputedStyle(p, '::highlight(' + name + ')');
    return [name, s.textDecorationLine, s.textDecorationStyle, s.textDecorationColor, s.backgroundColor].join(' ');
  });
  return { props, guessed };
};
window.__messages = [];
addEventListener('message', (e) => window.__messages.push(String(e.data && e.data.type || e.data)));
document.addEventListener('DOMContentLoaded', () => {
  window.__before = { html: document.documentElement.outerHTML, globals: Object.getOwnPropertyNames(window).length, sheets: document.styleSheets.length };
});
</script></head>
<body><h1>Gardening notes</h1><p>Water the tomatoes in the morning, and the beans when the soil is dry.</p><p id="later"></p></body></html>`;

/** Waits for `count` finished passes (a huge page takes a while on a shared machine). */
export const passesDone = (page: Page, count = 1) =>
  page.waitForFunction((n) => performance.getEntriesByName('factmark:annotate').length >= n, count, { timeout: 90_000 });

/**
 * The heartbeat's long gaps that overlap Factmark's passes (from each pass's start to a moment
 * after its end, for the frames that paint its last answers), each counted from the pass's start
 * at the earliest: a gap that began before the pass was the page's own work until then (its first
 * layout of 10,000 paragraphs, 380-430 ms, often ends just after the first pass began). What is
 * left is a task of ours, or one we caused (garbage collection, restyling), that held the page.
 */
export const longGapsDuringPasses = (page: Page) =>
  page.evaluate(() => {
    const passes = performance.getEntriesByName('factmark:annotate').map((e) => [e.startTime, e.startTime + e.duration + 250] as const);
    const gaps = (window as unknown as { __gaps: [number, number][] }).__gaps;
    const ours: number[] = [];
    for (const [at, length] of gaps) {
      const pass = passes.find(([from, to]) => at < to && at + length > from);
      const counted = pass ? at + length - Math.max(at, pass[0]) : 0;
      if (counted > 50) ours.push(Math.round(counted));
    }
    return ours;
  });

/** The longest run of Factmark's own work between yields, per pass (the measure's detail, recorded under the test flag). */
export const ownLongest = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('factmark:annotate').map((e) => Math.round(((e as PerformanceMeasure).detail as { longestTask: number }).longestTask)));

/** Each pass's own runs of work by kind (read, answer, paint, guard): how many, how many over 50 ms, the longest; and its batches. */
export const passRuns = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByName('factmark:annotate').map((e) => {
      const detail = (e as PerformanceMeasure).detail as { batches: number; runs: Record<string, { count: number; long: number; longest: number }> };
      return { batches: detail.batches, runs: detail.runs };
    }),
  );

/**
 * The longest a task of ours, or a gap in the page's heartbeat during a pass, may last. The aim
 * is the 50 ms long-task line; on this shared two-core machine (load ~9) the page's heartbeat
 * shows gaps of 50-150 ms that are no task of ours (garbage collection, another process holding
 * the core), and an 8 ms slice of work can take several times that on the wall clock, so what is
 * asserted is that the page never freezes: before slicing, one 50 MB paragraph read in one go
 * held the page for over a second. The numbers are printed for the record.
 */
export const FREEZE_MS = 500;

/** Factmark's own work between yields, and the page's heartbeat during the passes, never freeze the page. */
export async function expectBoundedTasks(page: Page): Promise<void> {
  const own = await ownLongest(page);
  const gaps = await longGapsDuringPasses(page);
  const runs = (await passRuns(page)).map((p) => Object.entries(p.runs ?? {}).map(([kind, r]) => `${kind} ${r.count} (${r.long} over 50 ms, longest ${Math.round(r.longest)} ms)`).join(', '));
  console.log(`own longest slice: ${Math.max(...own).toFixed(0)} ms; heartbeat gaps over 50 ms during the passes: ${gaps.length}, longest ${Math.max(0, ...gaps)} ms; first pass's runs: ${runs[0]}`);
  expect(Math.max(...own)).toBeLessThan(FREEZE_MS);
  expect(Math.max(0, ...gaps)).toBeLessThan(FREEZE_MS);
}

