import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../scripts/lib/harness-page';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { hoverFigure, shownFigures, waitForAnnotation, waitForVerdict } from '../../scripts/lib/page-probe';
import { keyFingerprint } from '../../data/sync/signature';
import { openPackOptions } from './options-page';
import { demoArticle } from './pages';
import { publisher as packPublisher } from '../unit/pack-sync-fixtures';
import { newsroomPack, startPackHost } from './pack-host';

/** The extension API in extension pages (code passed to `page.evaluate` on the options page runs there). */
declare const chrome: {
  alarms: { get(name: string): Promise<{ periodInMinutes?: number; scheduledTime: number } | undefined> };
  runtime: { sendMessage(message: object): Promise<{ ok: boolean; error?: string }> };
};

const PACK_PATH = '/newsroom/pack.json';
const ROW = 'tr[data-pack-id="newsroom-facts"]';
const NOTES = 'tr[data-notes-for="newsroom-facts"]';

let browser: ExtensionBrowser;
let pages: StaticServer;
let host: Awaited<ReturnType<typeof startPackHost>>;
let publisher: Awaited<ReturnType<typeof packPublisher>>;
let article: Page;
let options: Page;

/** Publishes a signed version of the newsroom pack. */
async function publish(version: number, microsoftBillions?: number): Promise<{ bytes: Uint8Array; sig: string }> {
  const signed = await publisher.publish(newsroomPack(version, microsoftBillions));
  host.publishBytes(PACK_PATH, signed.bytes, signed.sig);
  return signed;
}

/** Reloads the article and checks the facts of version 2 still annotate it. */
async function expectOldFactsStillShown(): Promise<void> {
  await article.reload();
  await waitForAnnotation(article);
  const figures = await shownFigures(article);
  expect(figures.find((f) => f.text === '$13 billion')?.verdict).toBe('mismatch');
  const card = await hoverFigure(article, figures.find((f) => f.text === '$13 billion')!);
  expect(card.verifiedValue).toBe('$20 billion');
}

/** Clicks an action of the newsroom pack's row and waits for the action to finish. */
async function clickAction(action: string): Promise<string> {
  await options.click(`${ROW} button.${action}`);
  // The section clears its notice when an action starts and shows a new one when it ends.
  await options.waitForSelector('.notice');
  await options.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  return (await options.textContent('.notice'))!;
}

beforeAll(async () => {
  [pages, host, publisher] = await Promise.all([serveHtml({ '/demo': demoArticle }), startPackHost(), packPublisher()]);
  browser = await launchWithExtension();
  article = await browser.context.newPage();
  await article.goto(pages.url('/demo'));
  await waitForAnnotation(article);
  options = await openPackOptions(browser);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([pages?.close(), host?.close()]);
});

describe('fact pack subscriptions', () => {
  it('previews a pack by URL (title, publisher, key fingerprint, facts), subscribes, and annotates open pages at once', async () => {
    await publish(1);
    expect((await shownFigures(article)).find((f) => f.text === '$13 billion')?.verdict).toBe('unverified');

    await options.fill('input[name=url]', host.url(PACK_PATH));
    await options.click('button.preview');
    await options.waitForSelector('.pack-preview');
    expect(await options.textContent('.pack-preview .title')).toBe('Newsroom deal facts');
    expect(await options.textContent('.pack-preview .publisher')).toBe('Example Newsroom');
    expect(await options.textContent('.pack-preview .fact-count')).toBe('2');
    const fingerprint = await keyFingerprint(publisher.publicKey);
    expect(await options.textContent('.pack-preview .fingerprint')).toBe(fingerprint);

    await options.click('.pack-preview button.confirm');
    await options.waitForSelector(ROW);
    expect(await options.textContent('.notice')).toContain('Installed.');
    expect(await options.textContent(`${ROW} .signature`)).toBe(`signed by the pinned key${fingerprint}`);
    expect(await options.textContent(`${ROW} .version`)).toBe('1');
    expect(await options.textContent(`${ROW} .next-check`)).not.toBe('never');

    // The open article rescans by itself: Microsoft's figure is now verified by the new pack.
    await waitForVerdict(article, '$13 billion', 'verified');
    const alarm = await options.evaluate(() => chrome.alarms.get('pack-sync:newsroom-facts'));
    expect(alarm?.periodInMinutes).toBe(1440);
    expect(alarm!.scheduledTime).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });

  it('shows both publishers on a card when two packs disagree', async () => {
    const card = await hoverFigure(article, (await shownFigures(article)).find((f) => f.text === '$15 billion')!);
    expect(card.verifiedValue).toBe('$15 billion');
    expect(card.text).toContain('bundled with Factmark');
    expect(card.text).toMatch(/Example Newsroom \(signed by key [0-9a-f ]+\) records \$16 billion for this\./);
  });

  it('updates on "Check now", summarises what changed, and open cards show the new value without a reload', async () => {
    await publish(2, 20);
    const notice = await clickAction('check');
    expect(notice).toContain('Updated.');
    expect(notice).toContain('Updated from version 1 to version 2: 0 added, 1 changed, 0 removed.');
    expect(notice).toContain("Changed: Microsoft's total investment in OpenAI since 2019: $13 billion → $20 billion");
    expect(await options.textContent(`${ROW} .version`)).toBe('2');

    await waitForVerdict(article, '$13 billion', 'mismatch');
    const card = await hoverFigure(article, (await shownFigures(article)).find((f) => f.text === '$13 billion')!);
    expect(card).toMatchObject({ verdict: 'mismatch', verifiedValue: '$20 billion' });
  });

  it('sends a conditional request and accepts 304 Not Modified as up to date', async () => {
    const before = host.requests.length;
    expect(await clickAction('check')).toContain('Not modified since the last check');
    const gets = host.requests.slice(before).filter((r) => r.path === PACK_PATH && r.method === 'GET');
    expect(gets).toEqual([expect.objectContaining({ ifNoneMatch: expect.stringMatching(/^"r\d+"$/), status: 304 })]);
    expect(host.requests.slice(before).some((r) => r.path.endsWith('.sig'))).toBe(false); // one small response
  });

  const other = packPublisher();
  it.each([
    ['tampered bytes', async () => {
      const { bytes, sig } = await publisher.publish(newsroomPack(3, 25));
      host.publishBytes(PACK_PATH, new TextDecoder().decode(bytes).replace('25000000000', '26000000000'), sig);
    }, "The signature does not match the pack's bytes"],
    ['a different key', async () => {
      const signed = await (await other).publish(newsroomPack(3, 25));
      host.publishBytes(PACK_PATH, signed.bytes, signed.sig);
    }, "The publisher's key changed"],
    ['a rollback to an older version', async () => void (await publish(1)), 'older than the installed version 2 (a rollback)'],
    ['malformed JSON', async () => host.publishBytes(PACK_PATH, '{"formatVersion": 1, "id": "newsroom-facts",', (await publisher.publish(newsroomPack(3))).sig), 'The pack is not valid JSON'],
    ['a server error', async () => host.setMode('error-503'), 'The pack host answered HTTP 503'],
    ['a server that is down', async () => host.setMode('down'), 'Could not reach the pack host'],
    ['an oversized pack', async () => host.setMode('oversized'), 'The pack is too large (over the 64 MB limit)'],
  ])('refuses %s with a plain reason and keeps the installed version', async (_name, arrange, reason) => {
    await arrange();
    const notice = await clickAction('check');
    expect(notice).toContain(reason);
    expect(await options.textContent(`${NOTES} .last-error`)).toContain(`${reason}`);
    expect(await options.textContent(`${NOTES} .last-error`)).toContain('Version 2 stays installed.');
    expect(await options.textContent(`${ROW} .version`)).toBe('2');
    if (/signature|key/.test(reason)) expect(await options.textContent(`${ROW} .signature`)).toContain('invalid: last download refused');
    await expectOldFactsStillShown();
    host.setMode('normal');
    await publish(2, 20);
  });

  it('gives up on a slow host after the timeout and keeps the installed version', async () => {
    host.setMode('slow', 2_500);
    const started = Date.now();
    const answer = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'packs:check', id: 'newsroom-facts', timeoutMs: 1_000 }));
    expect(Date.now() - started).toBeLessThan(2_400);
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('did not answer within 1 seconds') });
    await options.reload();
    expect(await options.textContent(`${NOTES} .last-error`)).toContain('did not answer within 1 seconds');
    await expectOldFactsStillShown();
    host.setMode('normal');
    // Back to normal: the next check clears the error.
    expect(await clickAction('check')).toContain('already up to date');
    expect(await options.$(`${NOTES} .last-error`)).toBeNull();
  });

  it('pauses and resumes automatic checks, and sets how often they run', async () => {
    expect(await clickAction('pause')).toContain('Paused.');
    expect(await options.textContent(`${ROW} .next-check`)).toBe('paused');
    expect(await options.evaluate(() => chrome.alarms.get('pack-sync:newsroom-facts'))).toBeUndefined();
    expect(await clickAction('pause')).toContain('Resumed.');
    expect(await options.evaluate(() => chrome.alarms.get('pack-sync:newsroom-facts'))).toBeDefined();
    await options.selectOption(`${ROW} select`, '60');
    await options.waitForFunction(() => document.querySelector('.notice')?.textContent === 'Saved.');
    expect((await options.evaluate(() => chrome.alarms.get('pack-sync:newsroom-facts')))?.periodInMinutes).toBe(60);
  });

  it('exports the installed pack as a file', async () => {
    const download = options.waitForEvent('download');
    await options.click(`${ROW} button.export`);
    const file = await download;
    expect(file.suggestedFilename()).toBe('newsroom-facts.json');
    const exported = JSON.parse(await readFile((await file.path())!, 'utf8'));
    expect(exported).toMatchObject({ id: 'newsroom-facts', version: 2, publicKey: publisher.publicKey });
  });

  it('removes a pack (never the bundled one) and imports one from a file', async () => {
    expect(await options.$('tr[data-pack-id="factmark-default"] button.remove')).toBeNull();
    expect(await clickAction('remove')).toContain('Removed.');
    expect(await options.$(ROW)).toBeNull();
    expect(await options.evaluate(() => chrome.alarms.get('pack-sync:newsroom-facts'))).toBeUndefined();
    await waitForVerdict(article, '$13 billion', 'unverified');

    await options.setInputFiles('input.import', { name: 'newsroom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newsroomPack(1))) });
    await options.waitForSelector(ROW);
    expect(await options.textContent(`${ROW} .signature`)).toBe('unsigned');
    expect(await options.textContent(`${ROW} .source`)).toBe('Imported from a file');
    expect(await options.$(`${ROW} button.check`)).toBeNull();
    await waitForVerdict(article, '$13 billion', 'verified');

    await options.setInputFiles('input.import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion": 1}') });
    await options.waitForSelector('.notice.error');
    expect(await options.textContent('.notice.error')).toContain('Invalid fact pack');
  });
});
