/**
 * Whether a focus change follows the reader's own keyboard navigation (issue 11, "Only the reader
 * acts"). A page script's `element.focus()` fires a *trusted* focusin, so `isTrusted` alone cannot
 * tell it from the reader's Tab: the content script notes each trusted navigation key and opens a
 * card on focus only shortly after one.
 */

/** How long after a navigation key a focus change still counts as its result (a page's roving focus may answer a key a little later). */
export const NAVIGATION_WINDOW_MS = 1000;

/** The parts of a `KeyboardEvent` that tell a navigation key. */
export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** Tab / Shift+Tab, the arrow keys (a widget's roving focus), and Factmark's own Alt+Shift+N/P. */
export function isNavigationKey(key: KeyLike): boolean {
  if (key.ctrlKey || key.metaKey) return false;
  if (key.key === 'Tab') return !key.altKey;
  if (ARROWS.has(key.key)) return !key.altKey;
  return key.altKey && key.shiftKey && (key.code === 'KeyN' || key.code === 'KeyP');
}

/** The time of the reader's last navigation key, and whether a focus change now still follows it. */
export class ReaderNavigation {
  private last = -Infinity;

  /** Notes a trusted key (the caller checks `isTrusted`); other keys leave the last one as it was. */
  noteKey(key: KeyLike, now: number): void {
    if (isNavigationKey(key)) this.last = now;
  }

  /** True when a navigation key came at most NAVIGATION_WINDOW_MS before `now`. */
  follows(now: number): boolean {
    return now >= this.last && now - this.last <= NAVIGATION_WINDOW_MS;
  }
}
