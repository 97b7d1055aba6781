import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keygen } from '../../scripts/pack-cli/core';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium-browser';
import { publishedPackFile } from '../../server/published-pack';
import { startInbox, type RunningInbox } from '../../server/start';
import { InboxStore } from '../../server/store';
import { DATABASES, testDatabase, type TestDatabase } from './databases';
import { dispute, newFact, post, publishedPack } from './fixtures';

const TOKEN = 'review-page-token';

/** Contributor strings that would run script or add markup if the page ever read them as HTML. */
const HOSTILE = {
  measures: '<img src=x onerror="window.__pwned=1">total investment',
  note: '<script>window.__pwned=2</script>see the filing',
  quote: '"><svg onload="window.__pwned=3">$13 billion',
  title: '<b>Bold</b> & <i>news</i>',
};

describe.each(DATABASES)('the review page on %s, in Chromium', (kind) => {
  let database: TestDatabase;
  let dir: string;
  let store: InboxStore;
  let inbox: RunningInbox;
  let browser: Browser;
  let page: Page;
  const hostile = dispute({
    measures: HOSTILE.measures,
    note: HOSTILE.note,
    evidence: { url: 'https://source.example/microsoft-13bn', quote: HOSTILE.quote },
    page: { url: 'javascript:window.__pwned=4', title: HOSTILE.title },
  });
  const idea = newFact();
  const card = (id: string) => page.locator(`li.correction[data-correction-id="${id}"]`);

  beforeAll(async () => {
    database = await testDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'factmark-review-'));
    await writeFile(join(dir, 'pack.json'), JSON.stringify(publishedPack(1), null, 2));
    await writeFile(join(dir, 'k.key.json'), (await keygen()).privateKeyText);
    store = await InboxStore.open(database.open());
    const packFile = join(dir, 'pack.json');
    inbox = await startInbox({ store, token: TOKEN, published: publishedPackFile(packFile), release: { packFile, keyFile: join(dir, 'k.key.json') } });
    for (const c of [hostile, idea, dispute({ proposed: hostile.proposed })]) expect((await post(inbox.endpoint, c)).status).toBe(202);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await inbox?.close();
    await store?.close();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows nothing of the queue without the token, and refuses a wrong one', async () => {
    const asked: string[] = [];
    page.on('response', (r) => asked.push(`${r.status()} ${new URL(r.url()).pathname}`));
    await page.goto(inbox.review);
    await page.locator('#login').waitFor();
    expect(await page.locator('#review').isVisible()).toBe(false);
    expect(await page.locator('li.correction').count()).toBe(0);
    expect(await page.content()).not.toContain('Microsoft');
    await page.goto(`${inbox.review}#token=not-the-token`);
    await expect.poll(() => page.textContent('#notice')).toBe('Wrong or missing token.');
    expect(await page.locator('li.correction').count()).toBe(0);
    expect(asked).toContain('401 /review/api/queue');
    expect(page.url()).toBe(inbox.review); // the token left the address bar
  });

  it('lists each correction with the fact, its current value, the proposal, evidence, page and readers, all as text', async () => {
    await page.fill('#login input[name=token]', TOKEN);
    await page.click('#login button[type=submit]');
    await card(hostile.id).waitFor();
    const item = card(hostile.id);
    expect(await item.locator('h2').textContent()).toBe("Microsoft's total investment in OpenAI since 2019");
    expect(await item.locator('.current').textContent()).toBe('$20 billion');
    expect(await item.locator('.proposed').textContent()).toBe('$13 billion (USD)');
    expect(await item.locator('.readers').textContent()).toBe('2');
    expect(await item.locator('.measures').textContent()).toBe(HOSTILE.measures);
    expect(await item.locator('.note').textContent()).toBe(HOSTILE.note);
    expect(await item.locator('.quote').textContent()).toBe(HOSTILE.quote);
    expect(await item.locator('a[href="https://source.example/microsoft-13bn"]').textContent()).toBe('https://source.example/microsoft-13bn');
    // The page address is not http(s): shown as text, never a link.
    expect(await item.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await item.getByText('javascript:window.__pwned=4').count()).toBe(1);
    expect(await page.locator('#queue img, #queue script, #queue svg, #queue b, #queue i').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await card(idea.id).locator('h2').textContent()).toBe('New fact in Amazon–OpenAI strategic partnership (February 2026)');
    expect(await page.textContent('#pack')).toBe('Published pack: Newsroom deal facts (newsroom-facts), version 1');
  });

  it('rejects only with a reason, which the contributor then sees; accepts; releases the next version', async () => {
    await card(idea.id).locator('button.reject').click();
    await expect.poll(() => page.textContent('#notice')).toBe('Invalid decision: reason: a rejection needs a reason, which the contributor sees');
    expect((await store.status(idea.id))?.status).toBe('pending');
    await card(idea.id).locator('input[name=reason]').fill('No filing states a $35 billion remainder.');
    await card(idea.id).locator('button.reject').click();
    await page.locator(`li.correction[data-correction-id="${idea.id}"][data-status="rejected"]`).waitFor();
    const polled = await (await fetch(`${inbox.endpoint}/${idea.id}`)).json();
    expect(polled).toEqual({ status: 'rejected', reason: 'No filing states a $35 billion remainder.' });

    await card(hostile.id).locator('button.accept').click();
    await page.locator(`li.correction[data-correction-id="${hostile.id}"][data-status="accepted"]`).waitFor();
    expect(await (await fetch(`${inbox.endpoint}/${hostile.id}`)).json()).toEqual({ status: 'accepted' });

    await page.click('#release');
    await expect.poll(() => page.textContent('#notice')).toBe('Released version 2.');
    const output = (await page.textContent('#release-output'))!.split('\n');
    expect(output.slice(0, 2)).toEqual([
      'version 1 -> 2: 0 added, 1 changed, 0 removed',
      "~ microsoft-openai.total-investment: $20 billion -> $13 billion (Microsoft's total investment in OpenAI since 2019)",
    ]);
    // The notice comes first; the page then reloads the queue, which shows the new version and the cards (one synchronous step).
    await expect.poll(() => page.textContent('#pack')).toBe('Published pack: Newsroom deal facts (newsroom-facts), version 2');
    expect(await card(hostile.id).locator('.status').textContent()).toBe('accepted (in version 2)');
    expect(await card(hostile.id).locator('.current').textContent()).toBe('$13 billion');
    expect(await card(hostile.id).locator('button.accept').count()).toBe(0);
  });
});
