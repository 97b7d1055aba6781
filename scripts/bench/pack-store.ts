/**
 * Fact store at scale in real Chromium: subscribing to a signed pack of 100,000 facts through the
 * extension's own path (fetch from a loopback host, signature check over 50 MB, JSON + zod, diff,
 * one Dexie transaction), beside a baseline in the same run and origin (fetch + JSON.parse + one raw
 * IndexedDB put of the same document); then one page's batch of 200 figures answered by the
 * background with that store loaded, beside the same batch with only the bundled pack.
 * Needs a built extension: `npm run bench` builds first; run alone, it builds when .output is missing.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchChromium as launchWithExtension } from '../lib/chromium-browser';
import { publisher } from '../../tests/unit/pack-sync-fixtures';
import type { AnnotateRequest } from '../../data/schema/messages';
import { pageBatch, syntheticPack } from './_synthetic-pack';

/** The extension API on the options page (code passed to `page.evaluate` runs there). */
declare const chrome: { runtime: { sendMessage(message: object): Promise<{ ok: boolean; error?: string; value?: unknown }> } };

const FACTS = 100_000;
const RUNS = 20;
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

async function lookups(page: Page, batch: AnnotateRequest): Promise<{ first: number; median: number; verdicts: Record<string, number> }> {
  const first = await lookup(page, batch);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await lookup(page, batch)).ms);
  return { first: first.ms, median: median(times), verdicts: first.verdicts };
}

export default async function run(): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) execSync('npx wxt build', { cwd: resolve(import.meta.dirname, '../..'), stdio: 'inherit' });
  console.log(`## Fact store: a pack of ${FACTS.toLocaleString('en-US')} facts in Chromium's IndexedDB`);

  const pack = syntheticPack(FACTS);
  const { bytes, sig } = await (await publisher()).publish(pack);
  const host = await packHost(bytes, sig);
  const batch = pageBatch(pack, 200);
  const browser = await launchWithExtension();
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('table.packs');

    const bundledOnly = await lookups(options, batch);

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

    const subscribed = await options.evaluate(async (url) => {
      const start = performance.now();
      const answer = await chrome.runtime.sendMessage({ type: 'packs:subscribe', url, timeoutMs: 60_000 });
      return { ms: performance.now() - start, ok: answer.ok, error: answer.error };
    }, host.url);
    if (!subscribed.ok) throw new Error(`subscribe failed: ${subscribed.error}`);

    const loaded = await lookups(options, batch);

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

    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    const rows: [string, number, number, string][] = [
      [`import ${mb} MB, ${FACTS / 1000}k facts (subscribe: fetch, verify, zod, diff, one Dexie transaction)`, subscribed.ms, baseline, 'fetch + JSON.parse + raw IndexedDB put'],
      ['first 200-figure lookup after import (index rebuilt from IndexedDB, as after the worker wakes)', loaded.first, rawRead, 'raw IndexedDB read of the same pack document'],
      [`200-figure lookup, median of ${RUNS}, with ${FACTS / 1000}k facts loaded`, loaded.median, bundledOnly.median, 'same batch, bundled pack only'],
    ];
    console.log(`| measurement | Factmark | baseline | ratio | baseline is |`);
    console.log(`| --- | ---: | ---: | ---: | --- |`);
    for (const [what, ours, base, baseWhat] of rows) console.log(`| ${what} | ${ms(ours)} | ${ms(base)} | ${(ours / base).toFixed(1)}x | ${baseWhat} |`);
    console.log(`first lookup with the bundled pack only (cold): ${ms(bundledOnly.first).trim()}`);
    console.log(`verdicts with the big pack: ${JSON.stringify(loaded.verdicts)}; bundled only: ${JSON.stringify(bundledOnly.verdicts)}`);
  } finally {
    await browser.close();
    await host.close();
  }
}
