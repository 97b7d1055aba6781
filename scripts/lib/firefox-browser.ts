import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { GECKO_ID } from './gecko-id';
import { MEASURES_KEY } from '../../data/schema/measures';
import type { ExtensionBrowser } from './extension-browser';
import { DownloadFolder, FirefoxPage, VIEWPORT } from './firefox-page';
import type { Page } from './harness-page';

/** Where the built Firefox extension is (`npm run build:firefox`). */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output', process.env.FACTMARK_FIREFOX_BUILD ?? 'firefox-mv3');

/** Debian's Firefox ESR unless FIREFOX_PATH says otherwise; nothing downloads a browser. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * The extension's moz-extension: host. Firefox picks a random one per profile unless a pref names
 * it, and the tests open extension pages by address, so it is fixed here.
 */
export const FIREFOX_EXTENSION_UUID = '6f2c8e57-1c3b-4b52-9a43-5d6f0c2d9a10';

/**
 * Launches Firefox (WebDriver BiDi, through puppeteer-core) with a fresh profile and installs the
 * built extension as a temporary add-on. `--remote-allow-system-access` lets the driver reach
 * extension pages. Firefox has no toolbar popup to drive, so `openPopup` loads popup.html in a
 * window of its own, opened while the article's window has focus (what the popup asks about).
 * The build tested is `.output/firefox-mv3` (what `npm run zip` packages), or FACTMARK_FIREFOX_BUILD.
 */
export async function launchFirefox(): Promise<ExtensionBrowser> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension in ${FIREFOX_EXTENSION_DIR}: run "npm run build:firefox" first.`);
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}: install Debian's "firefox-esr" package.`);
  const downloads = await DownloadFolder.create();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: VIEWPORT,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'browser.download.folderList': 2,
      'browser.download.dir': downloads.dir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (id !== GECKO_ID) throw new Error(`Firefox installed the add-on as ${id}, not ${GECKO_ID}.`);
  const extensionUrl = (path: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}${path}`;

  const open = async (options?: Parameters<typeof browser.newPage>[0]) => {
    const raw = await browser.newPage(options);
    await raw.setViewport(VIEWPORT);
    return new FirefoxPage(raw, downloads);
  };
  let extensionPage: Promise<FirefoxPage> | undefined;
  const inExtension = () =>
    (extensionPage ??= open({ background: true }).then(async (page) => (await page.goto(extensionUrl('/options.html')), page)));

  // Factmark records its performance measures only when asked (the tests and benchmarks read them).
  await (await inExtension()).evaluate((key) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ [key]: true }), MEASURES_KEY);

  /** Extension windows already handed to a test (each is waited for once). */
  const windowsSeen = new WeakSet<object>();
  return {
    name: 'firefox',
    extensionId: FIREFOX_EXTENSION_UUID,
    extensionUrl,
    // Each page in a window of its own: a background tab is hidden, and Factmark waits until a
    // hidden tab is shown (headless Chromium, by contrast, shows every tab).
    context: { newPage: () => open({ type: 'window' }) },
    worker: {
      evaluate: async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => (await inExtension()).evaluate(fn, arg as A),
    },
    async waitForWindow(path: string) {
      const prefix = extensionUrl(path);
      for (let i = 0; i < 300; i++) {
        for (const raw of await browser.pages()) {
          if (windowsSeen.has(raw)) continue;
          // The driver never sees an extension page's load, so its address is asked, not remembered.
          const href = await raw.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
          if (href.startsWith(prefix)) {
            windowsSeen.add(raw);
            return new FirefoxPage(raw, downloads);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`The extension opened no ${path} within 15 s.`);
    },
    async openPopup(article: Page) {
      const popup = await open({ type: 'window', background: true });
      await article.bringToFront();
      await popup.goto(extensionUrl('/popup.html'));
      await popup.waitForSelector('button.figure, .empty, .status');
      return popup;
    },
    async close() {
      await browser.close();
      await rm(downloads.dir, { recursive: true, force: true });
    },
  };
}
