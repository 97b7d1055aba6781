/**
 * Fact store at scale in real Chromium: subscribing to a signed pack of 100,000 facts through the
 * extension's own path (fetch from a loopback host, signature check over 50 MB, JSON + zod, diff,
 * one Dexie transaction), beside a baseline in the same run and origin (fetch + JSON.parse + one raw
 * IndexedDB put of the same document); then one page's batch of 200 figures answered by the
 * background with that store loaded, beside the same batch with only the bundled pack (a batch
 * about companies the bundled pack does not know, so there it stops at the first check), with
 * where the worker's time goes; and the first pass on the demo article right after the service
 * worker was stopped (as Chrome stops it after 30 s idle), with the big pack installed beside the
 * bundled pack alone, with the woken worker's heap after that pass. Then the same with a second
 * 100,000-fact pack in the first one's place, 5,000 of whose facts are about the bundled pack's
 * companies: a batch about those companies (both stores weigh every figure, the big one against
 * many more facts), and the demo article (about them too) after a wake. Last, the bundled-only
 * lookups again in the warmed-up browser.
 * Needs a built extension: `npm run bench` builds first; run alone, it builds when .output is missing.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, launchChromium as launchWithExtension, type ChromiumExtension } from '../lib/chromium-browser';
import { serveHtml } from '../lib/static-server';
import { waitForAnnotation } from '../lib/page-probe';
import { publisher } from '../../tests/unit/pack-sync-fixtures';
import type { AnnotateRequest } from '../../data/schema/messages';
import { bundledPack } from '../../data/packs';
import { knownBatch, pageBatch, syntheticPack } from './_synthetic-pack';

/** The extension API on the options page (code passed to `page.evaluate` runs there). */
declare const chrome: { runtime: { sendMessage(message: object): Promise<{ ok: boolean; error?: string; value?: unknown }> } };

const FACTS = 100_000;
const RUNS = 20;
/** Worker wakes per case: each stops the worker, opens the demo article and waits for its first pass. */
const WAKES = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(11);

/** Serves the pack and its signature with the CORS headers a pack host must send. */
async function packHost(bytes: Uint8Array, sig: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const headers = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag, Last-Modified' };
    if (req.url === '/pack.json') res.writeHead(200, { ...headers, 'content-type': 'application/json', etag: '"bench"' }).end(bytes);
    else if (req.url === '/pack.json.sig') res.writeHead(200, { ...headers, 'content-type': 'text/plain' }).end(sig);
    else res.writeHead(404, headers).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pack.json`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Sends one annotate batch from the extension page; answers the round trip in ms. */
function lookup(page: Page, batch: AnnotateRequest): Promise<{ ms: number; verdicts: Record<string, number> }> {
  return page.evaluate(async (batch) => {
    const start = performance.now();
    const answer = await chrome.runtime.sendMessage(batch);
    const took = performance.now() - start;
    if (!answer.ok) throw new Error(answer.error);
    const verdicts: Record<string, number> = {};
    // The answer is a verdict list, or verdicts packed beside their shared facts.
    const value = answer.value as { verdict: string }[] | { verdicts: { verdict: string }[] };
    for (const v of Array.isArray(value) ? value : value.verdicts) verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
    return { ms: took, verdicts };
  }, batch);
}

/**
 * The worker's own measures of a lookup: validating the message, finding and reading its facts
 * (the lazy index), matching, and the whole lookup from the message to its packed answer (the
 * round trip less `answer` is extension messaging, both ways).
 */
const WORKER_MEASURES = ['factmark:validate', 'factmark:facts', 'factmark:match', 'factmark:answer'] as const;

/** The medians of the worker's measures recorded since they were last cleared, then clears them. */
async function workerMeasures(cdp: CDPSession): Promise<Record<string, number>> {
  const names = JSON.stringify(WORKER_MEASURES);
  const answer = (await inWorker(cdp, 'Runtime.evaluate', {
    expression: `(() => { const out = ${names}.map((n) => [n.slice(9), performance.getEntriesByName(n).map((e) => e.duration)]); for (const n of ${names}) performance.clearMeasures(n); return JSON.stringify(out); })()`,
    returnByValue: true,
  })) as { result: { value: string } } | undefined;
  const lists = JSON.parse(answer?.result.value ?? '[]') as [string, number[]][];
  return Object.fromEntries(lists.filter(([, list]) => list.length).map(([name, list]) => [name, Number(median(list).toFixed(2))]));
}

/**
 * The first lookup of `batch`, then the median of `RUNS` more, with the worker's medians of its
 * own measures over those runs (where the round trip goes).
 */
async function lookups(page: Page, cdp: CDPSession, batch: AnnotateRequest): Promise<{ first: number; median: number; verdicts: Record<string, number>; worker: Record<string, number> }> {
  const first = await lookup(page, batch);
  await workerMeasures(cdp);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await lookup(page, batch)).ms);
  return { first: first.ms, median: median(times), verdicts: first.verdicts, worker: await workerMeasures(cdp) };
}

/** Calls one CDP method in the extension's service worker (attached through `cdp`, a page's session), or undefined when none runs. */
async function inWorker(cdp: CDPSession, method: string, params: object = {}): Promise<unknown> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!worker) return undefined;
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  try {
    return await new Promise((resolve, reject) => {
      const onMessage = (event: { sessionId?: string; message: string }) => {
        const answer = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
        if (event.sessionId !== sessionId || answer.id !== 1) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        if (answer.error) reject(new Error(answer.error.message));
        else resolve(answer.result);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method, params }) });
    });
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

/** Whether the running worker (if any) carries the mark set before the last stop: then it is the old one. */
async function oldWorkerRuns(cdp: CDPSession): Promise<boolean> {
  const result = (await inWorker(cdp, 'Runtime.evaluate', { expression: 'globalThis.__benchOldWorker === true', returnByValue: true }).catch(() => undefined)) as
    | { result: { value: boolean } }
    | undefined;
  return result?.result.value === true;
}

/**
 * Stops every service worker, as Chrome does after 30 s idle, and waits until the extension's old
 * worker is gone (an event may start a fresh one at once: that is a wake too).
 */
async function stopWorker(cdp: CDPSession): Promise<void> {
  await inWorker(cdp, 'Runtime.evaluate', { expression: 'globalThis.__benchOldWorker = true' });
  await cdp.send('ServiceWorker.enable');
  for (let i = 0; i < 200; i++) {
    if (i % 20 === 0) await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 50));
    if (!(await oldWorkerRuns(cdp))) return;
  }
  throw new Error('the service worker did not stop');
}

/**
 * The demo article's first pass right after a worker wake, `WAKES` times: the pass's own measure
 * (reading, the wake, loading facts, matching, painting), and the woken worker's JS heap after a
 * garbage collection, medians of both.
 */
async function passesAfterWake(browser: ChromiumExtension, cdp: CDPSession, url: string): Promise<{ ms: number; heap: number; figures: number; worker: Record<string, number> }> {
  const times: number[] = [];
  const heaps: number[] = [];
  const inside: Record<string, number[]> = {};
  let figures = 0;
  for (let i = 0; i < WAKES; i++) {
    await stopWorker(cdp);
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitForAnnotation(page);
    const pass = await page.evaluate(() => {
      const entry = performance.getEntriesByName('factmark:annotate')[0] as PerformanceMeasure;
      return { ms: entry.duration, figures: (entry.detail as { figures: number }).figures };
    });
    times.push(pass.ms);
    figures = pass.figures;
    // The woken worker's own measures of this pass (names table, facts read, matching), when it records them.
    const measures = (await inWorker(cdp, 'Runtime.evaluate', {
      // Also how many lookups the pass made, how many built an index (the others reused the last), the keys and deals they asked the store for, the deal rows they read and their ms building.
      expression: `(() => { const facts = performance.getEntriesByName('factmark:facts'); const sum = (f) => facts.reduce((t, e) => t + (f(e.detail) || 0), 0); return JSON.stringify([...['factmark:names', 'factmark:facts', 'factmark:match'].map((n) => [n, performance.getEntriesByName(n).reduce((t, e) => t + e.duration, 0)]), ['lookups', facts.length], ['built', sum((d) => !d.reused)], ['keysRead', sum((d) => d.keysRead)], ['rowsRead', sum((d) => d.rowsRead)], ['readMs', sum((d) => d.readMs)], ['buildMs', sum((d) => d.buildMs)], ...['readMs', 'buildMs'].map((k) => ['names' + k[0].toUpperCase() + k.slice(1), performance.getEntriesByName('factmark:names').reduce((t, e) => t + ((e.detail || {})[k] || 0), 0)])]); })()`,
      returnByValue: true,
    })) as { result: { value: string } } | undefined;
    for (const [name, ms] of JSON.parse(measures?.result.value ?? '[]') as [string, number][]) (inside[name] ??= []).push(ms);
    await inWorker(cdp, 'HeapProfiler.collectGarbage');
    const usage = (await inWorker(cdp, 'Runtime.getHeapUsage')) as { usedSize: number } | undefined;
    if (usage) heaps.push(usage.usedSize);
    await page.close();
  }
  const worker = Object.fromEntries(Object.entries(inside).map(([name, list]) => [name, Number(median(list).toFixed(1))]));
  return { ms: median(times), heap: heaps.length ? median(heaps) : Number.NaN, figures, worker };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export default async function run(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) execSync('npx wxt build', { cwd: resolve(import.meta.dirname, '../..'), stdio: 'inherit' });
  console.log(`## Fact store: a pack of ${FACTS.toLocaleString('en-US')} facts in Chromium's IndexedDB`);

  const pack = syntheticPack(FACTS);
  // A second big pack, installed after the first is removed: the same but for its last twentieth of deals, which are about the bundled pack's companies (its own ids, the same names).
  const knownPack = { ...syntheticPack(FACTS, 7, bundledPack.entities), id: 'bench-pack-known', title: 'Synthetic benchmark pack about known companies' };
  const aboutKnown = knownPack.facts.filter((f) => f.subject.startsWith('known-')).length;
  const keys = await publisher();
  const { bytes, sig } = await keys.publish(pack);
  const host = await packHost(bytes, sig);
  const knownSigned = await keys.publish(knownPack);
  const knownHost = await packHost(knownSigned.bytes, knownSigned.sig);
  const batch = pageBatch(pack, 200);
  // A page about the bundled pack's own deals: both stores weigh every figure, the big one against many more facts.
  const known = knownBatch(bundledPack, 200);
  const demo = await serveHtml({ '/demo': readFileSync(resolve(import.meta.dirname, '../../demo/article.html'), 'utf8') });
  const browser = await launchWithExtension();
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('table.packs');
    const cdp = await browser.context.newCDPSession(options);

    const bundledOnly = await lookups(options, cdp, batch);
    const knownBundledOnly = await lookups(options, cdp, known);
    // Discarded first: the first wakes of a new browser are slower (its caches of the extension's code are cold).
    await passesAfterWake(browser, cdp, demo.url('/demo'));
    const wakeBundled = await passesAfterWake(browser, cdp, demo.url('/demo'));

    const baseline = await options.evaluate(async (url) => {
      const start = performance.now();
      const doc = JSON.parse(await (await fetch(url, { cache: 'no-store' })).text());
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('bench-baseline', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('packs', { keyPath: 'id' });
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('packs', 'readwrite');
        tx.objectStore('packs').put(doc);
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
      return performance.now() - start;
    }, host.url);

    const subscribe = async (url: string) => {
      const subscribed = await options.evaluate(async (url) => {
        const start = performance.now();
        const answer = await chrome.runtime.sendMessage({ type: 'packs:subscribe', url, timeoutMs: 60_000 });
        return { ms: performance.now() - start, ok: answer.ok, error: answer.error };
      }, url);
      if (!subscribed.ok) throw new Error(`subscribe failed: ${subscribed.error}`);
      return subscribed;
    };
    const remove = async (id: string) => {
      const removed = await options.evaluate(async (id) => chrome.runtime.sendMessage({ type: 'packs:remove', id }), id);
      if (!removed.ok) throw new Error(`remove failed: ${removed.error}`);
    };
    const subscribed = await subscribe(host.url);

    const loaded = await lookups(options, cdp, batch);
    await stopWorker(cdp);
    const afterWake = await lookup(options, batch);
    const wakeLoaded = await passesAfterWake(browser, cdp, demo.url('/demo'));

    // What a rebuild cannot avoid: reading the same pack document back from IndexedDB.
    const rawRead = await options.evaluate(async (id) => {
      const start = performance.now();
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('bench-baseline', 1);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const doc = await new Promise<unknown>((ok, fail) => {
        const req = db.transaction('packs').objectStore('packs').get(id);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      db.close();
      if (!doc) throw new Error('the baseline pack is missing');
      return performance.now() - start;
    }, pack.id);

    // The second big pack in its place: a page about the bundled pack's companies, and the demo article (about them too) after a wake.
    await remove(pack.id);
    await subscribe(knownHost.url);
    const knownLoaded = await lookups(options, cdp, known);
    const wakeKnown = await passesAfterWake(browser, cdp, demo.url('/demo'));
    await remove(knownPack.id);

    // The bundled-only lookups again, with the big packs removed: the first ones ran in a browser just started, these in one as warm as the big packs'.
    const bundledAgain = await lookups(options, cdp, batch);
    const knownBundledAgain = await lookups(options, cdp, known);

    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    const rows: [string, number, number, string][] = [
      [`import ${mb} MB, ${FACTS / 1000}k facts (subscribe: fetch, verify, zod, diff, one Dexie transaction)`, subscribed.ms, baseline, 'fetch + JSON.parse + raw IndexedDB put'],
      ['first 200-figure lookup after import (facts read from IndexedDB)', loaded.first, rawRead, 'raw IndexedDB read of the same pack document'],
      ['first 200-figure lookup after a worker wake', afterWake.ms, rawRead, 'raw IndexedDB read of the same pack document'],
      [`first pass on the demo article after a worker wake (${wakeLoaded.figures} figures), median of ${WAKES}, ${FACTS / 1000}k facts installed`, wakeLoaded.ms, wakeBundled.ms, 'same, bundled pack only'],
      [`200-figure lookup, median of ${RUNS}, with ${FACTS / 1000}k facts loaded`, loaded.median, bundledOnly.median, 'same batch, bundled pack only'],
      [`200-figure lookup about the bundled pack's companies, median of ${RUNS}, with the second ${FACTS / 1000}k pack (${aboutKnown.toLocaleString('en-US')} facts about them) loaded`, knownLoaded.median, knownBundledOnly.median, 'same batch, bundled pack only'],
      [`first pass on the demo article after a worker wake, median of ${WAKES}, the second ${FACTS / 1000}k pack installed (facts about the article's companies)`, wakeKnown.ms, wakeBundled.ms, 'same, bundled pack only'],
    ];
    console.log(`| measurement | Factmark | baseline | ratio | baseline is |`);
    console.log(`| --- | ---: | ---: | ---: | --- |`);
    for (const [what, ours, base, baseWhat] of rows) console.log(`| ${what} | ${ms(ours)} | ${ms(base)} | ${(ours / base).toFixed(1)}x | ${baseWhat} |`);
    console.log(`first lookup with the bundled pack only (cold): ${ms(bundledOnly.first).trim()}`);
    const again = (big: number, base: number) => `${ms(base).trim()} (${(big / base).toFixed(1)}x)`;
    console.log(`bundled pack only again, after removing the big pack (medians of ${RUNS}): ${again(loaded.median, bundledAgain.median)}, about the bundled pack's companies ${again(knownLoaded.median, knownBundledAgain.median)}; in the worker ${JSON.stringify(bundledAgain.worker)}, ${JSON.stringify(knownBundledAgain.worker)}`);
    console.log(`verdicts with the big pack: ${JSON.stringify(loaded.verdicts)}; bundled only: ${JSON.stringify(bundledOnly.verdicts)}`);
    console.log(`verdicts about the bundled pack's companies with the big pack: ${JSON.stringify(knownLoaded.verdicts)}; bundled only: ${JSON.stringify(knownBundledOnly.verdicts)}`);
    console.log(`in the worker per lookup (ms, medians of ${RUNS}): ${JSON.stringify(loaded.worker)} with ${FACTS / 1000}k facts, ${JSON.stringify(bundledOnly.worker)} bundled only; about the bundled pack's companies: ${JSON.stringify(knownLoaded.worker)} with ${FACTS / 1000}k facts, ${JSON.stringify(knownBundledOnly.worker)} bundled only`);
    console.log(`in the woken worker (ms, medians): ${JSON.stringify(wakeLoaded.worker)} with ${FACTS / 1000}k facts, ${JSON.stringify(wakeKnown.worker)} with the second ${FACTS / 1000}k pack, ${JSON.stringify(wakeBundled.worker)} bundled only`);
    console.log(`woken worker's JS heap after the demo article's first pass (after GC, median of ${WAKES}): ${mib(wakeLoaded.heap)} with ${FACTS / 1000}k facts installed, ${mib(wakeKnown.heap)} with the second ${FACTS / 1000}k pack, ${mib(wakeBundled.heap)} with the bundled pack only (${(wakeLoaded.heap / wakeBundled.heap).toFixed(2)}x, ${(wakeKnown.heap / wakeBundled.heap).toFixed(2)}x)`);
  } finally {
    await browser.close();
    await host.close();
    await knownHost.close();
    await demo.close();
  }
}
