import { describe, expect, it } from 'vitest';
import { isNavigationKey, NAVIGATION_WINDOW_MS, ReaderNavigation, type KeyLike } from '../../data/input/reader-navigation';

const key = (k: string, code = k, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, code, altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('isNavigationKey', () => {
  it('takes Tab, Shift+Tab, the arrows and Alt+Shift+N/P', () => {
    expect(isNavigationKey(key('Tab'))).toBe(true);
    expect(isNavigationKey(key('Tab', 'Tab', { shiftKey: true }))).toBe(true);
    for (const arrow of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']) expect(isNavigationKey(key(arrow))).toBe(true);
    expect(isNavigationKey(key('N', 'KeyN', { altKey: true, shiftKey: true }))).toBe(true);
    expect(isNavigationKey(key('P', 'KeyP', { altKey: true, shiftKey: true }))).toBe(true);
  });

  it('refuses typing, Enter, and chords the browser keeps (Ctrl+Tab, Alt+Tab)', () => {
    for (const k of [key('a', 'KeyA'), key('Enter'), key('N', 'KeyN', { altKey: true }), key('Tab', 'Tab', { ctrlKey: true }), key('Tab', 'Tab', { altKey: true }), key('ArrowLeft', 'ArrowLeft', { metaKey: true })]) {
      expect(isNavigationKey(k)).toBe(false);
    }
  });
});

describe('ReaderNavigation', () => {
  it('says a focus follows the reader only within the window after a navigation key', () => {
    const nav = new ReaderNavigation();
    expect(nav.follows(0)).toBe(false); // no key yet: a page's focus() on load
    nav.noteKey(key('Tab'), 100);
    expect(nav.follows(100)).toBe(true);
    expect(nav.follows(100 + NAVIGATION_WINDOW_MS)).toBe(true);
    expect(nav.follows(101 + NAVIGATION_WINDOW_MS)).toBe(false);
    nav.noteKey(key('a', 'KeyA'), 2000); // typing is no navigation
    expect(nav.follows(2000)).toBe(false);
  });
});
