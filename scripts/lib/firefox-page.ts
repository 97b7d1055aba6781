import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';
import type { Dialog, Download, Locator, Page } from './harness-page';

/** The viewport every test page gets, in both browsers. */
export const VIEWPORT = { width: 1100, height: 800 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Playwright's selector additions (see harness-page.ts) in puppeteer's spelling. */
export function toPuppeteerSelector(selector: string): string {
  if (selector.startsWith('text=')) return `::-p-text(${JSON.stringify(selector.slice(5))})`;
  // A custom element followed by a descendant: reach into its shadow root.
  return selector.replace(/^([a-z][a-z0-9]*-[a-z0-9-]*)\s+(?=[^\s>+~])/, '$1 >>> ');
}

/** Polls `probe` until it returns a value other than undefined, or throws after `timeout` ms. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error; // the document is being replaced: ask again
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}${last ? ` (${String(last)})` : ''}`);
    await sleep(50);
  }
}

/** Where Firefox saves downloads: one folder per browser, watched for new files. */
export class DownloadFolder {
  private constructor(readonly dir: string) {}

  static async create(): Promise<DownloadFolder> {
    return new DownloadFolder(await mkdtemp(join(tmpdir(), 'factmark-downloads-')));
  }

  /** The next file that appears in the folder, once Firefox has finished writing it. */
  async next(): Promise<Download> {
    const before = new Set(await readdir(this.dir));
    const name = await until('a download', async () => {
      const names = await readdir(this.dir);
      if (names.some((n) => n.endsWith('.part'))) return undefined;
      const added = names.find((n) => !before.has(n));
      return added && (await stat(join(this.dir, added))).size > 0 ? added : undefined;
    });
    const path = join(this.dir, name);
    return { suggestedFilename: () => name, path: async () => path };
  }
}

/** A locator as a chain of selectors, each looked up inside the previous match. */
class FirefoxLocator implements Locator {
  constructor(
    private readonly page: PuppeteerPage,
    private readonly chain: string[],
  ) {}

  private async resolve(timeout = 15_000): Promise<ElementHandle<Element>> {
    let scope: PuppeteerPage | ElementHandle<Element> = this.page;
    for (const selector of this.chain) {
      const found: ElementHandle<Element> | null = await scope.waitForSelector(toPuppeteerSelector(selector), { timeout });
      if (!found) throw new Error(`No element for ${this.chain.join(' → ')}`);
      scope = found;
    }
    return scope as ElementHandle<Element>;
  }

  async click() {
    await (await this.resolve()).click();
  }
  async fill(value: string) {
    await fillElement(await this.resolve(), value);
  }
  async inputValue() {
    return (await this.resolve()).evaluate((el) => (el as HTMLInputElement).value);
  }
  async textContent() {
    return (await this.resolve()).evaluate((el) => el.textContent);
  }
  async getAttribute(name: string) {
    return (await this.resolve()).evaluate((el, n) => el.getAttribute(n), name);
  }
  async isEnabled() {
    return (await this.resolve()).evaluate((el) => !(el as HTMLButtonElement).disabled);
  }
  async count() {
    let scopes: (PuppeteerPage | ElementHandle<Element>)[] = [this.page];
    for (const selector of this.chain) {
      const next: ElementHandle<Element>[] = [];
      for (const scope of scopes) next.push(...(await scope.$$(toPuppeteerSelector(selector))));
      scopes = next;
    }
    return scopes.length;
  }
  async waitFor(options: { timeout?: number } = {}) {
    await this.resolve(options.timeout);
  }
  locator(selector: string): Locator {
    return new FirefoxLocator(this.page, [...this.chain, selector]);
  }
}

/** Replaces an input's value the way typing would, firing `input` (as Playwright's fill does). */
async function fillElement(element: ElementHandle<Element>, value: string): Promise<void> {
  await element.evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.focus();
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/**
 * A Firefox tab behind the harness's `Page`. Extension pages (moz-extension:) are loaded without
 * waiting on puppeteer's navigation events, which never arrive for them (puppeteer issue 14314):
 * the page is polled until the new document has loaded.
 */
export class FirefoxPage implements Page {
  constructor(
    readonly raw: PuppeteerPage,
    private readonly downloads: DownloadFolder,
  ) {}

  readonly mouse = {
    move: (x: number, y: number, options?: { steps?: number }) => this.raw.mouse.move(x, y, options),
  };

  readonly keyboard = {
    press: async (chord: string) => {
      const keys = chord.split('+') as Parameters<PuppeteerPage['keyboard']['press']>[0][];
      const key = keys.pop()!;
      for (const modifier of keys) await this.raw.keyboard.down(modifier);
      await this.raw.keyboard.press(key);
      for (const modifier of keys.reverse()) await this.raw.keyboard.up(modifier);
    },
    type: (text: string) => this.raw.keyboard.type(text),
  };

  async goto(url: string) {
    if (!url.startsWith('moz-extension:')) return this.raw.goto(url);
    void this.raw.goto(url, { timeout: 20_000 }).catch(() => undefined);
    return until(`${url} to load`, async () =>
      (await this.raw.evaluate(() => (document.readyState === 'complete' ? location.href : ''))) === url ? true : undefined,
    );
  }

  async reload() {
    const href = await this.raw.evaluate(() => location.href);
    if (!href.startsWith('moz-extension:')) return this.raw.reload();
    await this.raw.evaluate(() => {
      (window as unknown as { __harnessOld: boolean }).__harnessOld = true;
      setTimeout(() => location.reload());
    });
    return until('the page to reload', async () =>
      (await this.raw.evaluate(() => !(window as unknown as { __harnessOld?: boolean }).__harnessOld && document.readyState === 'complete')) || undefined,
    );
  }

  close() {
    return this.raw.close();
  }
  bringToFront() {
    return this.raw.bringToFront();
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }
  async waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, options: { timeout?: number } = {}) {
    // Interval polling: a background tab gets no animation frames.
    return this.raw.waitForFunction(fn as (arg: unknown) => unknown, { timeout: options.timeout ?? 30_000, polling: 50 }, arg);
  }
  async waitForTimeout(ms: number) {
    await sleep(ms);
  }
  viewportSize() {
    return this.raw.viewport() ?? VIEWPORT;
  }
  async focus(selector: string) {
    await (await this.element(selector)).focus();
  }
  waitForSelector(selector: string, options: { timeout?: number } = {}) {
    return this.raw.waitForSelector(toPuppeteerSelector(selector), { timeout: options.timeout ?? 30_000 });
  }
  $(selector: string) {
    return this.raw.$(toPuppeteerSelector(selector));
  }
  $$eval<R>(selector: string, fn: (elements: Element[]) => R): Promise<R> {
    return this.raw.$$eval(toPuppeteerSelector(selector), fn as (elements: Element[]) => Awaited<R>) as Promise<R>;
  }
  async textContent(selector: string) {
    return (await this.element(selector)).evaluate((el) => el.textContent);
  }
  async click(selector: string) {
    await (await this.element(selector)).click();
  }
  check(selector: string) {
    return this.setChecked(selector, true);
  }
  uncheck(selector: string) {
    return this.setChecked(selector, false);
  }
  async fill(selector: string, value: string) {
    await fillElement(await this.element(selector), value);
  }
  async selectOption(selector: string, value: string) {
    await this.element(selector);
    return this.raw.select(toPuppeteerSelector(selector), value);
  }
  async setInputFiles(selector: string, file: { name: string; mimeType: string; buffer: Buffer }) {
    const path = join(await mkdtemp(join(tmpdir(), 'factmark-upload-')), file.name);
    await writeFile(path, file.buffer);
    await ((await this.element(selector)) as ElementHandle<HTMLInputElement>).uploadFile(path);
  }
  waitForEvent(_event: 'download') {
    return this.downloads.next();
  }
  on(_event: 'dialog', handler: (dialog: Dialog) => void) {
    this.raw.on('dialog', (dialog) => handler({ accept: () => dialog.accept() }));
    return this;
  }
  locator(selector: string): Locator {
    return new FirefoxLocator(this.raw, [selector]);
  }

  private async element(selector: string): Promise<ElementHandle<Element>> {
    const found = await this.raw.waitForSelector(toPuppeteerSelector(selector), { timeout: 30_000 });
    if (!found) throw new Error(`No element for ${selector}`);
    return found;
  }

  private async setChecked(selector: string, checked: boolean) {
    const box = (await (await this.element(selector)).evaluateHandle((el) =>
      el instanceof HTMLInputElement ? el : (el.closest('label')?.querySelector('input') ?? el.querySelector('input') ?? el),
    )) as ElementHandle<HTMLInputElement>;
    if ((await box.evaluate((el) => el.checked)) !== checked) await box.click();
    if ((await box.evaluate((el) => el.checked)) !== checked) throw new Error(`${selector} did not become ${checked ? 'checked' : 'unchecked'}`);
  }
}
