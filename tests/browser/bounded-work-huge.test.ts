// @chromium-only: in Firefox the 50 MB paragraph still holds the page for about a second (our own longest slice ~560 ms there, not yet found), so only Chromium holds the line for now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import { recordedPasses } from '../../scripts/lib/page-probe';
import { serveHtml, type StaticServer } from '../../scripts/lib/static-server';
import { expectBoundedTasks, hugeNodePage, passesDone, passRuns } from './bounded-work-pages';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveHtml({ '/huge': hugeNodePage });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('bounded work on one huge paragraph', () => {
  it('reads a 50 MB text node in slices, without freezing the page, and finds its figures', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/huge'));
    await passesDone(page);
    const [pass] = await recordedPasses(page);
    expect(pass).toMatchObject({ full: true });
    expect(pass!.figures).toBeGreaterThan(1_000);
    await page.waitForTimeout(300); // the last answers' frames
    await expectBoundedTasks(page);
    // The one text node was read in many runs of work, not in one.
    const [{ runs }] = await passRuns(page);
    expect(runs.read!.count).toBeGreaterThan(50);
    await page.close();
  }, 180_000);
});
