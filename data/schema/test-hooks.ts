/**
 * `browser.storage.local` key that gives the card an open shadow root, so the browser tests'
 * probes (scripts/lib/page-probe.ts) can read what it shows. Only the test harness sets it, through
 * an extension page; a web page cannot write the extension's storage, and readers never have it.
 * The hostile-card tests launch without it and check the closed root the reader gets.
 */
export const CARD_OPEN_ROOT_KEY = 'factmarkTestOpenCardRoot';
