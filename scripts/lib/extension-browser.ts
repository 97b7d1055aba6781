import { CHROMIUM_PATH, EXTENSION_DIR, launchChromium } from './chromium-browser';
import { launchFirefox } from './firefox-browser';
import type { Page } from './harness-page';
import { CARD_OPEN_ROOT_KEY } from '../../data/schema/test-hooks';

export { CHROMIUM_PATH, EXTENSION_DIR };
export type { Page } from './harness-page';

/** A browser the harness drives. */
export type BrowserName = 'chromium' | 'firefox';
/** Which browser the tests drive: `FACTMARK_BROWSER` (the vitest project sets it), Chromium by default. */
export const BROWSER: BrowserName = process.env.FACTMARK_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/**
 * A browser with the built extension installed, the same for Chromium and Firefox, so one test
 * body runs in both.
 */
export interface ExtensionBrowser {
  name: BrowserName;
  /** The host of the extension's pages (the Chrome extension id, or Firefox's moz-extension uuid). */
  extensionId: string;
  /** The address of an extension page, e.g. `extensionUrl('/options.html')`. */
  extensionUrl(path: string): string;
  context: { newPage(): Promise<Page> };
  /**
   * Runs code with the extension's APIs (`chrome.*`): in Chromium's service worker, in Firefox in
   * an extension page kept in a background tab (a driver cannot reach Firefox's event page).
   */
  worker: { evaluate<R>(fn: () => R | Promise<R>): Promise<R>; evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> };
  /** Opens the toolbar popup about `article`'s tab and waits until it shows something. */
  openPopup(article: Page): Promise<Page>;
  /**
   * Starts waiting for an extension page at `path` (e.g. '/correct.html') that the extension opens
   * itself after this call (a window of its own); resolves once it has loaded. Call it before
   * the click that opens the window.
   */
  waitForWindow(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches the browser `FACTMARK_BROWSER` names with a fresh profile and the built extension. The
 * card's shadow root is open there, so probes can read it (CARD_OPEN_ROOT_KEY), unless
 * `closedCard`: the reader's closed root, which tests of what a page can reach use.
 */
export async function launchWithExtension(options: { closedCard?: boolean } = {}): Promise<ExtensionBrowser> {
  const launched = await launchBrowser();
  if (!options.closedCard) {
    await launched.worker.evaluate((key) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ [key]: true }), CARD_OPEN_ROOT_KEY);
  }
  return launched;
}

async function launchBrowser(): Promise<ExtensionBrowser> {
  if (BROWSER === 'firefox') return launchFirefox();
  const chromium = await launchChromium();
  const extensionUrl = (path: string) => `chrome-extension://${chromium.extensionId}${path}`;
  return {
    name: 'chromium',
    extensionId: chromium.extensionId,
    extensionUrl,
    context: chromium.context as unknown as ExtensionBrowser['context'],
    worker: chromium.worker as unknown as ExtensionBrowser['worker'],
    async openPopup(article) {
      // Chrome opens the popup as a window of its own about the active tab; a popup window does the same.
      await article.bringToFront();
      const opened = chromium.context.waitForEvent('page');
      await chromium.worker.evaluate((url) => (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({ url, type: 'popup', focused: true }), extensionUrl('/popup.html'));
      const popup = (await opened) as unknown as Page;
      await popup.waitForSelector('button.figure, .empty, .status');
      return popup;
    },
    async waitForWindow(path) {
      const before = new Set(chromium.context.pages());
      const prefix = extensionUrl(path);
      for (let i = 0; i < 300; i++) {
        // A page opened by the extension may still be about:blank when Playwright first reports it.
        const page = chromium.context.pages().find((p) => !before.has(p) && p.url().startsWith(prefix));
        if (page) {
          await page.waitForLoadState('load');
          return page as unknown as Page;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`The extension opened no ${path} within 15 s.`);
    },
    close: () => chromium.close(),
  };
}
