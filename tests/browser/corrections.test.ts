import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../scripts/lib/harness-page';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { hoverFigure, openCard, shownFigures, waitForAnnotation } from '../../scripts/lib/page-probe';
import { CorrectionBundle } from '../../data/schema/correction';
import { CorrectionsEndpoint } from './corrections-endpoint';
import { demoArticle } from './pages';
import { giveBundledPackAnEndpoint } from './bundled-endpoint';

/** The extension API inside extension pages and the service worker. */
declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

let browser: ExtensionBrowser;
let server: StaticServer;
let endpoint: CorrectionsEndpoint;
let options: Page;

beforeAll(async () => {
  server = await serveHtml({ '/demo': demoArticle });
  endpoint = new CorrectionsEndpoint(await CorrectionsEndpoint.freePort()); // not started: "down"
  browser = await launchWithExtension();
  options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('/options.html'));
  await giveBundledPackAnEndpoint(options, endpoint.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await endpoint?.stop();
});

async function openDemo(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url('/demo'));
  await waitForAnnotation(page);
  return page;
}

/** The card's shadow root (open in tests, see CARD_OPEN_ROOT_KEY), pierced by the harness's CSS locators. */
const inCard = (page: Page, selector: string) => page.locator(`factmark-card ${selector}`);

/** Clicks "Suggest a correction" on the open card and answers the correction window it opens. */
async function suggest(page: Page): Promise<Page> {
  const opened = browser.waitForWindow('/correct.html');
  await inCard(page, 'button.suggest').click();
  const win = await opened;
  await win.waitForSelector('.correction-form');
  return win;
}

/** Once the window saved a correction, the card of `text` (hovered again: the page was read again) shows it. */
async function cardShows(page: Page, text: string, line: string | RegExp) {
  const shown = expect.poll(async () => (await hoverFigure(page, (await shownFigures(page)).find((f) => f.text === text)!)).text, { timeout: 15_000 });
  await (typeof line === 'string' ? shown.toContain(line) : shown.toMatch(line));
}

/** The row of one correction in "My corrections", once it shows `status`. */
async function row(id: string, status: string) {
  const li = options.locator(`li[data-correction-id="${id}"][data-status="${status}"]`);
  await li.waitFor({ timeout: 15_000 });
  return li;
}

let disputeId = '';

describe('suggesting a correction', () => {
  it('checks the form next to each field, saves with the endpoint down, and shows it pending after a reload', async () => {
    const page = await openDemo();
    const figure = (await shownFigures(page)).find((f) => f.text === '$15 billion')!;
    await hoverFigure(page, figure);
    const win = await suggest(page);
    // The form is in the extension's window, prefilled with the figure and its fact; none of it is in the page.
    await expect.poll(() => win.locator('#fix-measures').inputValue()).toMatch(/initial/i);
    expect(await win.textContent('.figure')).toBe('$15 billion');
    expect(await win.textContent('.fact-value')).toBe('$15 billion');
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('What it measures'))).toBe(false);

    await win.locator('button[type=submit]').click();
    expect(await win.locator('.field-value .field-error').textContent()).toContain('Write the value you propose');
    expect(await win.locator('.field-evidenceUrl .field-error').textContent()).toBe('Evidence is required: the address of a source that states this value.');
    await win.locator('input[name=value]').fill('2 GW');
    await win.locator('input[name=evidenceUrl]').fill('ftp://example.com/x');
    await win.locator('button[type=submit]').click();
    expect(await win.locator('.field-value .field-error').textContent()).toBe('The fact is measured in USD, but "2 GW" is in GW.');
    expect(await win.locator('.field-evidenceUrl .field-error').textContent()).toBe('The evidence address must start with http:// or https://.');
    await win.locator('input[name=value]').fill('$16.5bn');
    expect(await win.locator('.field-value .resolved').textContent()).toBe('= $16.5 billion (USD)');
    await win.locator('input[name=evidenceUrl]').fill('https://example.com/amazon-openai-tranche');
    await win.locator('textarea[name=quote]').fill('an initial $16.5 billion');
    await win.locator('button[type=submit]').click();
    expect(await win.locator('.saved').textContent()).toBe('Saved: your correction, pending: $16.5 billion (USD)');
    disputeId = (await win.locator('.saved').getAttribute('data-correction-id'))!;
    await win.close();
    // The background read the page again: its card says so at once.
    await cardShows(page, '$15 billion', 'Your correction, pending: $16.5 billion (USD)');

    // The endpoint is down: the correction waits in the outbox with a clear message.
    const li = await row(disputeId, 'queued');
    await expect.poll(() => li.locator('.last-error').textContent()).toContain('offline, or the server is down');

    await page.reload();
    await waitForAnnotation(page);
    const card = await hoverFigure(page, (await shownFigures(page)).find((f) => f.text === '$15 billion')!);
    expect(card.text).toContain('Your correction, pending: $16.5 billion (USD)');
    expect(card).toMatchObject({ verdict: 'verified', verifiedValue: '$15 billion' });
    await page.close();
  });

  it('is delivered exactly once when the endpoint comes up, then accepted after review', async () => {
    // The failed post left the outbox alarm set for the backed-off retry (it survives the worker sleeping).
    const alarm = await browser.worker.evaluate(() => chrome.alarms.get('corrections:outbox'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());
    await endpoint.start();
    await (await row(disputeId, 'queued')).locator('button.retry').click();
    await row(disputeId, 'sent');
    expect(endpoint.byKey.get(disputeId)).toMatchObject({ posts: 1, submission: { kind: 'dispute', factId: 'amazon-openai-2026.investment-initial', proposed: { value: 16.5e9 } } });

    const check = (await row(disputeId, 'sent')).locator('button.check');
    await check.click(); // still pending
    // Decide only after that check was answered and the page is done with it, or it could read the decision.
    await expect.poll(() => endpoint.byKey.get(disputeId)!.reviewReads).toBeGreaterThanOrEqual(1);
    await expect.poll(() => check.isEnabled()).toBe(true);
    await row(disputeId, 'sent');
    endpoint.decide(disputeId, { status: 'accepted' });
    await (await row(disputeId, 'sent')).locator('button.check').click();
    await row(disputeId, 'accepted');
    expect(endpoint.byKey.size).toBe(1);
    expect(endpoint.posts).toBe(1);
  });

  it('proposes an unverified figure as a new fact with the keyboard only; a rejection shows its reason', async () => {
    const page = await openDemo();
    await page.keyboard.press('Alt+Shift+KeyP'); // the last figure, "27%"
    await page.keyboard.press('Alt+Shift+KeyP'); // "$13 billion"
    expect((await openCard(page))!.figureText).toBe('$13 billion');
    const focusedClass = () => page.evaluate(() => document.querySelector('factmark-card')!.shadowRoot!.activeElement?.className ?? '');
    for (let i = 0; i < 10 && (await focusedClass()) !== 'suggest'; i++) await page.keyboard.press('Tab');
    const opened = browser.waitForWindow('/correct.html');
    await page.keyboard.press('Enter');
    const win = await opened;
    // The window opens with the figure as the proposed value and the keyboard in it.
    const focusedField = () => win.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
    await expect.poll(focusedField).toBe('value');
    expect(await win.locator('input[name=value]').inputValue()).toBe('$13 billion');
    await expect.poll(() => win.locator('select[name=deal] option').count()).toBeGreaterThan(0);
    await win.keyboard.press('Tab'); // what it measures
    await win.keyboard.type("OpenAI's planned 2026 spending on AWS");
    await win.keyboard.press('Tab'); // the deal (first one kept)
    await win.keyboard.press('Tab'); // evidence
    await win.keyboard.type('https://example.com/openai-13bn');
    await win.keyboard.press('Enter');
    expect(await win.locator('.saved').textContent()).toBe('Saved: your correction, pending: $13 billion (USD)');
    const id = (await win.locator('.saved').getAttribute('data-correction-id'))!;
    await win.close();
    // The endpoint is up, so the correction may already be sent by the time the card is read again.
    await cardShows(page, '$13 billion', /Your correction, (pending|sent, awaiting review): \$13 billion \(USD\)/);

    await expect.poll(() => endpoint.byKey.get(id)?.posts).toBe(1); // the endpoint is up: sent at once
    expect(endpoint.byKey.get(id)!.submission).toMatchObject({ kind: 'new-fact', dealId: expect.any(String), measures: "OpenAI's planned 2026 spending on AWS" });
    endpoint.decide(id, { status: 'rejected', reason: 'No source confirms a $13 billion figure.' });
    await (await row(id, 'sent')).locator('button.check').click();
    const li = await row(id, 'rejected');
    expect(await li.locator('.reason').textContent()).toBe('Reason: No source confirms a $13 billion figure.');

    await page.reload();
    await waitForAnnotation(page);
    const card = await hoverFigure(page, (await shownFigures(page)).find((f) => f.text === '$13 billion')!);
    expect(card.text).toContain('Your correction, rejected: $13 billion (USD) (No source confirms a $13 billion figure.)');
    await page.close();
  });

  it('withdraws a queued correction, and exports a bundle the schema accepts', async () => {
    await endpoint.stop();
    const page = await openDemo();
    await hoverFigure(page, (await shownFigures(page)).find((f) => f.text === '$760 billion')!);
    const win = await suggest(page);
    await win.locator('input[name=value]').fill('$730bn');
    await win.locator('input[name=evidenceUrl]').fill('https://example.com/valuation');
    await win.locator('button[type=submit]').click();
    expect(await win.locator('.saved').textContent()).toContain('pending');
    const id = (await win.locator('.saved').getAttribute('data-correction-id'))!;
    await win.close();
    await (await row(id, 'queued')).locator('button.withdraw').click();
    await row(id, 'withdrawn');
    await page.close();

    const download = options.waitForEvent('download');
    await options.locator('section[aria-labelledby="corrections-heading"] button.export').click();
    const file = await (await download).path();
    const bundle = CorrectionBundle.parse(JSON.parse(await readFile(file, 'utf8'))); // throws unless the file is a valid bundle
    expect(bundle.corrections.map((c) => [c.kind, c.status])).toEqual([
      ['dispute', 'accepted'],
      ['new-fact', 'rejected'],
    ]);
    expect(endpoint.posts).toBe(2);
  });
});
