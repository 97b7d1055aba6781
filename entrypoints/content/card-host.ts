/**
 * The card's host element on the page, and how to tell whether the page hid or covered it. The
 * page owns the document, so it can style, hide, move or cover the host (the card's own markup is
 * out of its reach in a closed shadow root); these checks ask the browser what the reader sees.
 */

/** Tag of the element that hosts the card's shadow root. */
export const CARD_HOST_TAG = 'factmark-card';

/**
 * Declarations that make the host a box of no size at the viewport's corner that shows whatever
 * the card inside paints. All `!important`: on the host's style attribute they beat any page rule
 * but the shadow root's own `:host` rules (CARD_HOST_CSS), which beat even a page's `!important`.
 */
const HOST_DECLARATIONS =
  'all: initial !important; display: block !important; position: fixed !important; inset: 0 auto auto 0 !important; ' +
  'width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; ' +
  'overflow: visible !important; visibility: visible !important; opacity: 1 !important; z-index: 2147483647 !important; ' +
  'pointer-events: auto !important; background: transparent !important;';

/** The host's style attribute, written by Factmark only. */
export const HOST_STYLE = HOST_DECLARATIONS;

/**
 * Rules for the host from inside its shadow root. For `!important` declarations the shadow tree's
 * context wins over the page's (CSS Scoping), so `factmark-card { display: none !important }` in
 * the page's stylesheet, or on the host's style attribute, loses to these.
 */
export const CARD_HOST_CSS = `:host, :host(:popover-open), :host([hidden]) { ${HOST_DECLARATIONS} }\n:host::backdrop { display: none !important; }\n`;

/** What the page did to the card, as the reader is told: `hidden` (not rendered) or `covered` (something sits over it). */
export type CardInterference = 'hidden' | 'covered';

/**
 * Whether the reader can see `card` (an element inside `host`'s shadow root): the host is still in
 * the document, in the top layer, rendered (checkVisibility, computed display, visibility and
 * opacity), and hit-testing the card's centre finds the host itself (not a page element over it).
 * Answers what is wrong, or null when the card shows.
 */
export function cardInterference(doc: Document, host: HTMLElement, card: HTMLElement | null): CardInterference | null {
  if (!host.isConnected || !card) return 'hidden';
  if (supportsPopover(host) && !host.matches(':popover-open')) return 'hidden';
  const style = doc.defaultView!.getComputedStyle(host);
  if (style.display === 'none' || style.visibility !== 'visible' || Number(style.opacity) < 1) return 'hidden';
  if (!host.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return 'hidden';
  const box = card.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return 'hidden';
  const view = doc.defaultView!;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), view.innerWidth - 1);
  const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 40), 0), view.innerHeight - 1);
  // Hit-testing inside a shadow root answers its host: anything else at that point is over the card.
  return doc.elementFromPoint(x, y) === host ? null : 'covered';
}

/** True where the Popover API exists (Chrome 114+, Firefox 125+). */
export function supportsPopover(el: HTMLElement): boolean {
  return typeof el.showPopover === 'function';
}
