/**
 * The page a browser test drives, in either browser. It is the part of Playwright's `Page` the
 * tests use, so in Chromium it is Playwright's own page, and in Firefox `firefox-page.ts` answers
 * the same calls over WebDriver BiDi (puppeteer-core).
 *
 * Selectors are CSS, with two of Playwright's additions that both browsers honour:
 * - `text=Some words` matches the element whose text is those words;
 * - a descendant combinator after a custom element (`factmark-card button.suggest`) reaches into
 *   its open shadow root, as Playwright's CSS does for every shadow root.
 */
export interface Page {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  close(): Promise<void>;
  /** Makes this tab the active one of its window (and its window the focused one). */
  bringToFront(): Promise<void>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, options?: { timeout?: number }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  viewportSize(): { width: number; height: number } | null;
  readonly mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void> };
  /** Keys by their `KeyboardEvent.code`-style names; chords as `Alt+Shift+KeyN`. */
  readonly keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  focus(selector: string): Promise<void>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  /** The first match now, or null (no waiting). */
  $(selector: string): Promise<unknown>;
  $$eval<R>(selector: string, fn: (elements: Element[]) => R): Promise<R>;
  textContent(selector: string): Promise<string | null>;
  click(selector: string): Promise<void>;
  /** Checks the checkbox the selector names, or the one inside (or labelled by) the element it names. */
  check(selector: string): Promise<void>;
  uncheck(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  selectOption(selector: string, value: string): Promise<unknown>;
  setInputFiles(selector: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void>;
  /** The next file the page downloads. */
  waitForEvent(event: 'download'): Promise<Download>;
  on(event: 'dialog', handler: (dialog: Dialog) => void): unknown;
  locator(selector: string): Locator;
}

/** Elements found again on every call, waiting for them as Playwright's locators do. */
export interface Locator {
  click(): Promise<void>;
  fill(value: string): Promise<void>;
  inputValue(): Promise<string>;
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
  isEnabled(): Promise<boolean>;
  /** How many match now (no waiting). */
  count(): Promise<number>;
  waitFor(options?: { timeout?: number }): Promise<void>;
  locator(selector: string): Locator;
}

/** A finished download. */
export interface Download {
  suggestedFilename(): string;
  path(): Promise<string>;
}

/** An alert, confirm or prompt the page opened. */
export interface Dialog {
  accept(): Promise<void>;
}
