import { browser } from 'wxt/browser';
import type { VerdictKind } from '../../data/schema/verdict';
import { randomHighlightNames } from './tamper-guard';

/** The names drawn at document_start and the background's answer to styling them. */
export interface EarlyStyles {
  names: Record<VerdictKind, string>;
  /** True once the background inserted the sheet for these names in this frame. */
  styled: Promise<boolean>;
}

/**
 * Where the document_start script leaves its names for the annotator, which runs later in the same
 * isolated world (content scripts of one extension share its globals; the page's script never sees them).
 */
const KEY = '__factmarkEarlyStyles';
type Holder = { [KEY]?: EarlyStyles };

/**
 * At document_start, in the top frame: draws this document's highlight names and asks the
 * background to insert their user-origin sheet now. Inserting a user sheet restyles the whole
 * document (67-165 ms on a 1.3 MB page when it came with the first figures); now the document is
 * still nearly empty, so the restyle costs nothing. The names stay unknown to the page, so the
 * sheet matches nothing it can name: a page without figures sees no trace. Skipped where the
 * reader switched the site off (then the annotator styles its names if the site is switched on).
 */
export function styleEarly(
  win: Pick<Window, 'top' | 'location'>,
  ask: (names: Record<VerdictKind, string>) => Promise<boolean> = requestStyles,
  storage: { get(key: string): Promise<Record<string, unknown>> } = browser.storage.local,
): void {
  if (win !== win.top) return; // frames are styled when they first have a figure, as before
  const names = randomHighlightNames();
  const styled = storage
    .get('disabledSites')
    .then(({ disabledSites }) => (Array.isArray(disabledSites) && disabledSites.includes(win.location.hostname) ? false : ask(names)))
    .catch(() => false);
  (globalThis as Holder)[KEY] = { names, styled };
}

/** The names drawn at document_start in this frame, once (the first annotator takes them), if any. */
export function takeEarlyStyles(): EarlyStyles | undefined {
  const holder = globalThis as Holder;
  const early = holder[KEY];
  delete holder[KEY];
  return early;
}

/** Asks the background to style these names in this frame; true when it did. */
export async function requestStyles(names: Record<VerdictKind, string>): Promise<boolean> {
  try {
    const answer = (await browser.runtime.sendMessage({ type: 'highlights:style', names })) as { ok?: boolean } | undefined;
    return answer?.ok === true;
  } catch {
    return false; // the extension was reloaded or is waking: the guard asks again when it registers
  }
}
