// @chromium-only: the loop runs once per database already; in Firefox the extension's side of it
// (suggesting, delivery, status polling, pack updates) is covered by corrections.test.ts and packs.test.ts.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { hoverFigure, shownFigures, waitForAnnotation } from '../../scripts/lib/page-probe';
import { keygen, sign } from '../../scripts/pack-cli/core';
import { publishedPackFile } from '../../server/published-pack';
import { startInbox, type RunningInbox } from '../../server/start';
import { InboxStore } from '../../server/store';
import { DATABASES, testDatabase, type TestDatabase } from '../server/databases';
import { publishedPack } from '../server/fixtures';
import { startPackHost } from './pack-host';
import { openPackOptions } from './options-page';

/** A tab of the harness's browser. */
type Page = Awaited<ReturnType<ExtensionBrowser['context']['newPage']>>;

const TOKEN = 'loop-maintainer-token';
const PACK_PATH = '/newsroom/pack.json';
const ROW = 'tr[data-pack-id="newsroom-facts"]';
const EVIDENCE = 'https://source.example/microsoft-openai-13bn';

/** A news article whose Microsoft figure the published pack (at $20 billion) gets wrong. */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Who pays for OpenAI</title></head>
<body><article><h1>Who pays for OpenAI</h1>
<p>Microsoft has invested $13 billion in OpenAI since 2019, the companies said.</p>
<p>The startup's other backers include several sovereign funds.</p>
</article></body></html>`;

/** Waits until the article shows `text` with `verdict`, without reloading it. */
async function waitForVerdict(page: Page, text: string, verdict: string): Promise<void> {
  await page.waitForFunction(
    ([t, v]) => {
      // Factmark's highlight names are drawn per page: a verdict is known by its underline colour.
      const colour = { verified: 'rgb(26, 127, 55)', mismatch: 'rgb(207, 34, 46)', unverified: 'rgb(110, 119, 129)' }[v];
      const highlight = [...CSS.highlights].find(([name]) => getComputedStyle(document.body, `::highlight(${name})`).textDecorationColor === colour)?.[1];
      return [...(highlight ?? [])].some((r) => (r as Range).toString() === t);
    },
    [text, verdict] as const,
    { timeout: 15_000 },
  );
}

describe.each(DATABASES)('contributor → maintainer → new pack version → subscriber, inbox on %s', (kind) => {
  let database: TestDatabase;
  let dir: string;
  let packFile: string;
  let store: InboxStore;
  let inbox: RunningInbox;
  let host: Awaited<ReturnType<typeof startPackHost>>;
  let pages: StaticServer;
  let browser: ExtensionBrowser;
  let options: Page;
  let article: Page;
  let correctionId = '';

  beforeAll(async () => {
    database = await testDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'factmark-loop-'));
    packFile = join(dir, 'pack.json');
    const keyFile = join(dir, 'newsroom.key.json');
    await writeFile(keyFile, (await keygen()).privateKeyText);
    store = await InboxStore.open(database.open());
    inbox = await startInbox({ store, token: TOKEN, published: publishedPackFile(packFile), release: { packFile, keyFile } });

    // Version 1, as a maintainer publishes it: the inbox as its endpoint, signed (sign adds the key).
    const signed = await sign(new TextEncoder().encode(JSON.stringify(publishedPack(1, { correctionsEndpoint: inbox.endpoint }), null, 2)), await readFile(keyFile, 'utf8'));
    if (!signed.ok) throw new Error(signed.lines.join('\n'));
    await writeFile(packFile, signed.bytes);
    await writeFile(`${packFile}.sig`, signed.signature + '\n');
    [host, pages] = await Promise.all([startPackHost(), serveHtml({ '/article': ARTICLE })]);
    host.publishBytes(PACK_PATH, signed.bytes, signed.signature);

    browser = await launchWithExtension();
    options = await openPackOptions(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([host?.close(), pages?.close(), inbox?.close()]);
    await store?.close();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a reader subscribes to the pack and suggests a correction from the card of a figure it gets wrong', async () => {
    await options.fill('input[name=url]', host.url(PACK_PATH));
    await options.click('button.preview');
    await options.waitForSelector('.pack-preview');
    await options.click('.pack-preview button.confirm');
    await options.waitForSelector(ROW);

    article = await browser.context.newPage();
    await article.goto(pages.url('/article'));
    await waitForAnnotation(article);
    await waitForVerdict(article, '$13 billion', 'mismatch');
    const card = await hoverFigure(article, (await shownFigures(article)).find((f) => f.text === '$13 billion')!);
    expect(card.verifiedValue).toBe('$20 billion');

    // The form opens in the extension's correction window, out of the page's reach.
    const opened = browser.waitForWindow('/correct.html');
    await article.locator('factmark-card button.suggest').click();
    const win = await opened;
    await win.locator('input[name=value]').fill('$13 billion');
    await win.locator('input[name=evidenceUrl]').fill(EVIDENCE);
    await win.locator('textarea[name=quote]').fill('Microsoft has invested $13 billion in OpenAI');
    await win.locator('button[type=submit]').click();
    expect(await win.locator('.saved').textContent()).toBe('Saved: your correction, pending: $13 billion (USD)');
    correctionId = (await win.locator('.saved').getAttribute('data-correction-id'))!;
    await win.close();
  });

  it('the inbox receives it exactly once', async () => {
    await options.locator(`li[data-correction-id="${correctionId}"][data-status="sent"]`).waitFor({ timeout: 15_000 });
    expect(await store.counts()).toEqual({ corrections: 1, submissions: 1 });
    const [received] = await store.queue();
    expect(received).toMatchObject({
      id: correctionId,
      readers: 1,
      status: 'pending',
      submission: { kind: 'dispute', packId: 'newsroom-facts', packVersion: 1, factId: 'microsoft-openai.total-investment', proposed: { value: 13e9, unit: 'USD' }, evidence: { url: EVIDENCE }, page: { url: pages.url('/article'), title: 'Who pays for OpenAI' } },
    });
  });

  it('the maintainer accepts it on the review page and releases version 2', async () => {
    const review = await browser.context.newPage();
    await review.goto(`${inbox.review}#token=${TOKEN}`);
    const item = review.locator(`li.correction[data-correction-id="${correctionId}"]`);
    await item.waitFor();
    expect(await item.locator('.current').textContent()).toBe('$20 billion');
    expect(await item.locator('.proposed').textContent()).toBe('$13 billion (USD)');
    expect(await item.locator('.readers').textContent()).toBe('1');
    await item.locator('button.accept').click();
    await review.locator(`li.correction[data-correction-id="${correctionId}"][data-status="accepted"]`).waitFor();
    await review.click('#release');
    await expect.poll(() => review.textContent('#notice')).toBe('Released version 2.');
    const diff = (await review.textContent('#release-output'))!;
    console.log(`release diff (inbox on ${kind}):\n${diff}`);
    expect(diff.split('\n').slice(0, 2)).toEqual([
      'version 1 -> 2: 0 added, 1 changed, 0 removed',
      "~ microsoft-openai.total-investment: $20 billion -> $13 billion (Microsoft's total investment in OpenAI since 2019)",
    ]);
    await review.close();
  });

  it("the reader's extension syncs version 2: the card shows the new value and the correction shows accepted", async () => {
    host.publishBytes(PACK_PATH, await readFile(packFile), (await readFile(`${packFile}.sig`, 'utf8')).trim());
    await options.click(`${ROW} button.check`);
    await options.waitForFunction(() => document.querySelector('.notice')?.textContent?.includes('Updated from version 1 to version 2'), null, { timeout: 15_000 });
    expect(await options.textContent('.notice')).toContain("Changed: Microsoft's total investment in OpenAI since 2019: $20 billion → $13 billion");

    await waitForVerdict(article, '$13 billion', 'verified');
    const card = await hoverFigure(article, (await shownFigures(article)).find((f) => f.text === '$13 billion')!);
    expect(card.verifiedValue).toBe('$13 billion');
    expect(card.sources.map((s) => s.href)).toContain(EVIDENCE);

    const row = options.locator(`li[data-correction-id="${correctionId}"]`);
    await row.locator('button.check').click();
    await options.locator(`li[data-correction-id="${correctionId}"][data-status="accepted"]`).waitFor({ timeout: 15_000 });
    expect(await store.counts()).toEqual({ corrections: 1, submissions: 1 });
  });
});
