import { browser } from 'wxt/browser';
import type { HighlightStyleRequest } from '../../data/schema/page-state-messages';
import type { Result } from '../../data/schema/result';
import template from '../content/highlights.css?raw';

/** The highlight sheet with the content script's names in place of `factmark-<verdict>`. */
export function highlightSheet(names: HighlightStyleRequest['names']): string {
  return template.replace(/factmark-(verified|mismatch|unverified)/g, (_, kind: keyof typeof names) => names[kind]);
}

/**
 * Styles a frame's highlight names with a user-origin sheet: its `!important` declarations beat
 * every author rule, so the page can neither cancel nor fake them, and the page cannot read it
 * (it is in no `document.styleSheets`). Only the frame that asked is styled, and only names of
 * the shape the schema allows reach the CSS.
 */
export async function styleHighlights(message: HighlightStyleRequest, tabId: number, frameId: number): Promise<Result<null>> {
  try {
    await browser.scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, css: highlightSheet(message.names), origin: 'USER' });
    return { ok: true, value: null };
  } catch (error) {
    return { ok: false, error: `Factmark could not style its underlines here: ${(error as Error).message}` };
  }
}
