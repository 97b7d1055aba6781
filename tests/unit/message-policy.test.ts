import { describe, expect, it } from 'vitest';
import { refusal, senderKind, TabRateLimiter } from '../../data/schema/message-policy';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('who may send the background what', () => {
  it('tells the extension\'s pages, its content script and strangers apart', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}options.html` }, ID, ORIGIN)).toBe('extension-page');
    expect(senderKind({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 3 } }, ID, ORIGIN)).toBe('extension-page');
    expect(senderKind({ id: ID, url: 'https://news.example/a', tab: { id: 3 } }, ID, ORIGIN)).toBe('content-script');
    expect(senderKind({ id: 'other-extension', url: `${ORIGIN}options.html` }, ID, ORIGIN)).toBe('foreign');
    expect(senderKind({ id: ID, url: 'https://news.example/a' }, ID, ORIGIN)).toBe('foreign');
  });

  it('a web page may only ask for verdicts and hand over a correction', () => {
    for (const type of ['annotate', 'corrections:draft']) expect(refusal(type, 'content-script')).toBeUndefined();
    // Saving a correction and reading the installed packs' deals belong to the correction window (an extension page).
    for (const type of ['corrections:submit', 'corrections:deals', 'corrections:draft-get', 'packs:subscribe', 'packs:import', 'packs:remove', 'packs:export', 'corrections:export', 'corrections:list', 'corrections:withdraw']) {
      expect(refusal(type, 'content-script')).toBe(`Factmark does not accept "${type}" from a web page.`);
    }
    expect(refusal('packs:subscribe', 'extension-page')).toBeUndefined();
    expect(refusal('annotate', 'foreign')).toBe('Factmark does not accept "annotate" from this sender.');
  });
});

describe('TabRateLimiter', () => {
  it('lets a burst through, then a bounded number per second, per tab', () => {
    let now = 0;
    const limiter = new TabRateLimiter(10, 60, () => now);
    const taken = (tab: number, n: number) => Array.from({ length: n }, () => limiter.take(tab)).filter(Boolean).length;
    expect(taken(1, 100)).toBe(60);
    expect(taken(2, 5)).toBe(5); // another tab has its own bucket
    now += 1000;
    expect(taken(1, 100)).toBe(10);
    now += 60_000;
    expect(taken(1, 100)).toBe(60); // refills up to the burst, no further
  });
});
