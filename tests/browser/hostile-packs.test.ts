import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../scripts/lib/harness-page';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { hoverFigure, shownFigures, waitForAnnotation, waitForVerdict } from '../../scripts/lib/page-probe';
import { keyFingerprint } from '../../data/sync/signature';
import type { Pack } from '../../data/schema/pack';
import { openPackOptions } from './options-page';
import { demoArticle } from './pages';
import { publisher as packPublisher } from '../unit/pack-sync-fixtures';
import { newsroomPack, startPackHost } from './pack-host';

/**
 * Packs that pose as someone else (issue 11, "Pass a pack off as the bundled one"): a reader imports
 * or subscribes through the options page, then reads the card and the popup. The newsroom pack's
 * Microsoft fact is what verifies the demo's "$13 billion", which the bundled pack leaves unverified.
 */

const FIGURE = '$13 billion';
const PACK_PATH = '/signed/pack.json';

let browser: ExtensionBrowser;
let pages: StaticServer;
let host: Awaited<ReturnType<typeof startPackHost>>;
let article: Page;
let options: Page;

/** The newsroom pack under another name. */
function renamed(id: string, title: string, publisher: string): Pack {
  return { ...newsroomPack(1), id, title, publisher };
}

/** Imports a pack file through the options page's file input, as a reader would; answers the notice. */
async function importFile(pack: Pack): Promise<string> {
  await options.setInputFiles('input.import', { name: `${pack.id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await options.waitForSelector('.notice');
  await options.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !(document.querySelector('input.import') as HTMLInputElement).disabled);
  return (await options.textContent('.notice'))!;
}

/** The card's line naming the fact's pack, for the figure. */
async function packLineOf(text: string): Promise<string> {
  const card = await hoverFigure(article, (await shownFigures(article)).find((f) => f.text === text)!);
  return card.text.split('\n').find((line) => line.startsWith('From “')) ?? `(no pack line in: ${card.text})`;
}

beforeAll(async () => {
  [pages, host] = await Promise.all([serveHtml({ '/demo': demoArticle }), startPackHost()]);
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

describe('who published this', () => {
  it('the bundled pack is named as bundled on the card and in the list', async () => {
    expect(await packLineOf('$15 billion')).toBe('From “Factmark default facts”, bundled with Factmark');
    expect(await options.textContent('tr[data-pack-id="factmark-default"] .trust')).toBe('bundled with Factmark');
  });

  it('refuses an unsigned file titled "Factmark default facts" by "Factmark", says why, and changes nothing', async () => {
    const before = await options.textContent('table.packs');
    const notice = await importFile(renamed('default-facts-2', 'Factmark Default Facts', ' Factmark'));
    expect(notice).toContain('This pack calls itself "Factmark Default Facts" by  Factmark, the name of the pack that ships with Factmark. It is not that pack, so nothing was installed.');
    expect(await options.$('.notice.error')).not.toBeNull();
    expect(await options.textContent('table.packs')).toBe(before);
    await article.reload();
    await waitForAnnotation(article);
    expect((await shownFigures(article)).find((f) => f.text === FIGURE)?.verdict).toBe('unverified');
  });

  it('refuses a file that takes the bundled pack\'s id under any spelling', async () => {
    expect(await importFile(renamed('factmark-default', 'Other facts', 'Other'))).toContain('A pack with the id "factmark-default" is already installed (it ships with Factmark)');
    expect(await importFile(renamed('factmark_default', 'Other facts', 'Other'))).toContain('uses the id "factmark_default", which belongs to the pack that ships with Factmark');
    expect(await options.$('tr[data-pack-id="factmark_default"]')).toBeNull();
    expect(await options.textContent('tr[data-pack-id="factmark-default"] .title')).toBe('Factmark default facts');
  });

  it('an imported unsigned pack verifies a figure, and its card and the popup say "imported, unsigned"', async () => {
    expect(await importFile(renamed('imported-facts', 'Imported deal facts', 'Example Newsroom'))).toContain('Installed.');
    expect(await options.textContent('tr[data-pack-id="imported-facts"] .trust')).toBe('imported, unsigned');
    await waitForVerdict(article, FIGURE, 'verified');
    expect(await packLineOf(FIGURE)).toBe('From “Imported deal facts” by Example Newsroom, imported, unsigned');

    const popup = await browser.openPopup(article);
    await popup.waitForSelector('button.figure.verified .pack');
    const lines = await popup.$$eval('button.figure', (buttons) => buttons.map((b) => [b.querySelector('.text')?.textContent, b.querySelector('.pack')?.textContent]));
    expect(lines).toContainEqual([FIGURE, 'From “Imported deal facts” by Example Newsroom, imported, unsigned']);
    expect(lines).toContainEqual(['$15 billion', 'From “Factmark default facts”, bundled with Factmark']);
    await popup.close();

    await options.click('tr[data-pack-id="imported-facts"] button.remove');
    await options.waitForFunction(() => !document.querySelector('tr[data-pack-id="imported-facts"]'));
    await waitForVerdict(article, FIGURE, 'unverified');
  });

  it('a signed pack from a pack host shows its key\'s fingerprint; packs with the same title are told apart by their keys', async () => {
    const pub = await packPublisher();
    const signed = await pub.publish(newsroomPack(1));
    host.publishBytes(PACK_PATH, signed.bytes, signed.sig);
    const fingerprint = await keyFingerprint(pub.publicKey);

    await options.fill('input[name=url]', host.url(PACK_PATH));
    await options.click('button.preview');
    await options.waitForSelector('.pack-preview');
    await options.click('.pack-preview button.confirm');
    await options.waitForSelector('tr[data-pack-id="newsroom-facts"]');
    expect(await options.textContent('tr[data-pack-id="newsroom-facts"] .trust')).toBe(`signed by key ${fingerprint}`);
    await waitForVerdict(article, FIGURE, 'verified');
    expect(await packLineOf(FIGURE)).toBe(`From “Newsroom deal facts” by Example Newsroom, signed by key ${fingerprint}`);

    // A copy under the same title and publisher, unsigned: both rows say a title is shared, and how each is vouched for.
    expect(await importFile(renamed('newsroom-copy', 'Newsroom Deal Facts', 'Example Newsroom'))).toContain('Installed.');
    expect(await options.textContent('tr[data-pack-id="newsroom-facts"] .same-title')).toContain('Another installed pack has this title');
    expect(await options.textContent('tr[data-pack-id="newsroom-copy"] .same-title')).toContain('Another installed pack has this title');
    expect(await options.textContent('tr[data-pack-id="newsroom-copy"] .trust')).toBe('imported, unsigned');
    expect(await options.$('tr[data-pack-id="factmark-default"] .same-title')).toBeNull();
  });
});
