import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_NAME, HighlightStyleRequest, INTERFERENCE_KINDS, PageStateReport } from '../../data/schema/page-state-messages';
import { CONTENT_SCRIPT_MESSAGES, PAGE_STATE_TYPES } from '../../data/schema/message-policy';
import { BackgroundMessage } from '../../data/schema/messages';
import { badgeFor, type FrameState } from '../../data/text/badge-text';
import { randomHighlightNames } from '../../entrypoints/content/tamper-guard';
import { PageStateReporter } from '../../entrypoints/content/tamper-report';

const frame = (state: Partial<FrameState> = {}): FrameState => ({ enabled: true, mismatches: 0, interference: [], ...state });

describe('highlight names', () => {
  it('are three different names of the one shape the background styles', () => {
    const names = randomHighlightNames();
    expect(Object.values(names).every((n) => HIGHLIGHT_NAME.test(n))).toBe(true);
    expect(new Set(Object.values(names)).size).toBe(3);
    expect(randomHighlightNames().verified).not.toBe(names.verified);
  });

  it('are refused by the background when they could carry CSS or repeat', () => {
    const names = randomHighlightNames();
    expect(HighlightStyleRequest.safeParse({ type: 'highlights:style', names }).success).toBe(true);
    expect(BackgroundMessage.safeParse({ type: 'highlights:style', names }).success).toBe(true);
    for (const bad of ['factmark-mismatch', 'h0){} body{display:none} ::highlight(h0', `${names.verified}0`, names.verified.toUpperCase()]) {
      expect(HighlightStyleRequest.safeParse({ type: 'highlights:style', names: { ...names, mismatch: bad } }).success).toBe(false);
    }
    expect(HighlightStyleRequest.safeParse({ type: 'highlights:style', names: { ...names, mismatch: names.verified } }).success).toBe(false);
  });
});

describe('page:state', () => {
  it('is bounded in size and kinds', () => {
    expect(PageStateReport.safeParse({ type: 'page:state', enabled: true, mismatches: 3, interference: ['foreign-ranges'] }).success).toBe(true);
    expect(PageStateReport.safeParse({ type: 'page:state', enabled: true, mismatches: -1, interference: [] }).success).toBe(false);
    expect(PageStateReport.safeParse({ type: 'page:state', enabled: true, mismatches: 1.5, interference: [] }).success).toBe(false);
    expect(PageStateReport.safeParse({ type: 'page:state', enabled: true, mismatches: 0, interference: ['<b>hi</b>'] }).success).toBe(false);
    expect(PageStateReport.safeParse({ type: 'page:state', enabled: true, mismatches: 0, interference: Array(INTERFERENCE_KINDS.length + 1).fill('restyled') }).success).toBe(false);
  });

  it('may come from a content script, limited apart from lookups', () => {
    for (const type of PAGE_STATE_TYPES) expect(CONTENT_SCRIPT_MESSAGES.has(type)).toBe(true);
  });
});

describe('the badge', () => {
  it('is empty for a page with nothing to say', () => {
    expect(badgeFor(new Map())).toMatchObject({ text: '', title: 'Factmark' });
    expect(badgeFor(new Map([[0, frame()]]))).toMatchObject({ text: '' });
  });

  it("counts the figures that differ across the tab's frames", () => {
    const badge = badgeFor(new Map([[0, frame({ mismatches: 2 })], [7, frame({ mismatches: 1 })]]));
    expect(badge).toMatchObject({ text: '3', title: 'Factmark\n3 figures differ from the record' });
    expect(badgeFor(new Map([[0, frame({ mismatches: 1 })]])).title).toBe('Factmark\n1 figure differs from the record');
    expect(badgeFor(new Map([[0, frame({ mismatches: 12_345 })]])).text).toBe('999+');
  });

  it('marks interference, even with no figure that differs', () => {
    expect(badgeFor(new Map([[0, frame({ mismatches: 1, interference: ['unregistered'] })]]))).toMatchObject({
      text: '1!',
      title: "Factmark\n1 figure differs from the record\nThis page is interfering with Factmark's underlines",
    });
    expect(badgeFor(new Map([[0, frame()], [3, frame({ interference: ['foreign-ranges'] })]])).text).toBe('!');
  });

  it('says off when the top frame is switched off', () => {
    expect(badgeFor(new Map([[0, frame({ enabled: false })], [2, frame({ mismatches: 4 })]]))).toMatchObject({ text: 'off', title: 'Factmark is off for this site' });
  });
});

describe('PageStateReporter', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  /** A window with the timers and events the reporter uses. */
  const fakeWindow = () => ({ setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number, addEventListener: () => undefined }) as unknown as Window;

  it('sends nothing while there is nothing to say, then only the latest state, throttled', async () => {
    const sent: PageStateReport[] = [];
    const reporter = new PageStateReporter(fakeWindow(), async (r) => (sent.push(r), true));
    reporter.update({ enabled: true, mismatches: 0 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([]);
    reporter.update({ mismatches: 1 });
    await vi.advanceTimersByTimeAsync(0);
    for (let n = 2; n <= 50; n++) reporter.update({ mismatches: n });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.map((r) => r.mismatches)).toEqual([1, 50]);
    reporter.update({ mismatches: 50 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.length).toBe(2);
  });

  it('tries again when the background refused', async () => {
    const sent: PageStateReport[] = [];
    let accept = false;
    const reporter = new PageStateReporter(fakeWindow(), async (r) => (sent.push(r), accept));
    reporter.update({ interference: ['unregistered'] });
    await vi.advanceTimersByTimeAsync(10);
    expect(sent.length).toBe(1);
    accept = true;
    await vi.advanceTimersByTimeAsync(1500);
    expect(sent.length).toBe(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.length).toBe(2);
  });
});
