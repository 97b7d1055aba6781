import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_NAME } from '../../data/schema/page-state-messages';
import { styleEarly, takeEarlyStyles } from '../../entrypoints/content/early-styles';

/** A top frame at `host`, as styleEarly sees it. */
const topFrame = (host: string) => {
  const win = { location: { hostname: host } } as unknown as Window & { top: Window };
  win.top = win;
  return win;
};
const storage = (disabledSites: unknown) => ({ get: async () => ({ disabledSites }) });

afterEach(() => void takeEarlyStyles());

describe('the highlight sheet asked for at document_start', () => {
  it('draws the names, asks for them at once, and hands them to the annotator once', async () => {
    const ask = vi.fn(async () => true);
    styleEarly(topFrame('news.example'), ask, storage(['elsewhere.example']));
    const early = takeEarlyStyles()!;
    expect(Object.values(early.names).every((n) => HIGHLIGHT_NAME.test(n))).toBe(true);
    expect(await early.styled).toBe(true);
    expect(ask).toHaveBeenCalledWith(early.names);
    expect(takeEarlyStyles()).toBeUndefined();
  });

  it('asks nothing where the reader switched the site off, nor in a frame', async () => {
    const ask = vi.fn(async () => true);
    styleEarly(topFrame('news.example'), ask, storage(['news.example']));
    expect(await takeEarlyStyles()!.styled).toBe(false);
    const frame = { top: topFrame('news.example'), location: { hostname: 'news.example' } } as unknown as Window;
    styleEarly(frame, ask, storage([]));
    expect(takeEarlyStyles()).toBeUndefined();
    expect(ask).not.toHaveBeenCalled();
  });

  it('says not styled when storage or the background fails, so the guard asks again', async () => {
    styleEarly(topFrame('news.example'), async () => true, { get: () => Promise.reject(new Error('gone')) });
    expect(await takeEarlyStyles()!.styled).toBe(false);
    styleEarly(topFrame('news.example'), async () => false, storage(undefined));
    expect(await takeEarlyStyles()!.styled).toBe(false);
  });
});
