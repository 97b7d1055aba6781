import { CHROMIUM_PATH, EXTENSION_DIR, launchChromium } from './chromium-browser';
import { launchFirefox } from './firefox-browser';
import type { Page } from './harness-page';

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
  close(): Promise<void>;
}

/** Launches the browser `FACTMARK_BROWSER` names with a fresh profile and the built extension. */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
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
    close: () => chromium.close(),
  };
}
