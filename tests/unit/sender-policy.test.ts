import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_MESSAGES, refusal, senderKind, TabRateLimiter } from '../../data/schema/message-policy';
import { PACK_MESSAGES } from '../../data/schema/pack-messages';
import { BackgroundMessage, LIMITS, parseMessage } from '../../data/schema/messages';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

/** Every message type the background accepts that manages packs. */
const PACK_TYPES = PACK_MESSAGES.map((schema) => schema.shape.type.value);

describe('the background trusts no sender by default', () => {
  it('an extension page framed inside a web page is not the reader\'s page; the browser\'s own pages may embed options', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 3, url: 'https://evil.example/' } }, ID, ORIGIN)).toBe('foreign');
    expect(senderKind({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 3, url: 'about:blank' } }, ID, ORIGIN)).toBe('foreign');
    expect(senderKind({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 3, url: `${ORIGIN}options.html` } }, ID, ORIGIN)).toBe('extension-page');
    expect(senderKind({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 3, url: 'chrome://extensions/?options=x' } }, ID, ORIGIN)).toBe('extension-page');
    expect(senderKind({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 3 } }, ID, ORIGIN)).toBe('extension-page'); // url hidden without the tabs permission
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('extension-page');
  });

  it('an address that only starts like the origin, another extension, or no sender at all is foreign', () => {
    expect(senderKind({ id: ID, url: `chrome-extension://${ID}x/options.html` }, ID, ORIGIN)).toBe('foreign');
    expect(senderKind({ id: 'other', url: 'https://news.example/', tab: { id: 1 } }, ID, ORIGIN)).toBe('foreign');
    expect(senderKind({}, ID, ORIGIN)).toBe('foreign');
    expect(senderKind({ id: ID }, ID, ORIGIN)).toBe('foreign');
  });

  it('a content script may never manage packs, export, or read the corrections; every one of those is refused in words', () => {
    for (const type of PACK_TYPES) expect(refusal(type, 'content-script'), type).toBe(`Factmark does not accept "${type}" from a web page.`);
    for (const type of ['corrections:list', 'corrections:export', 'corrections:withdraw', 'corrections:retry']) expect(refusal(type, 'content-script'), type).toBeDefined();
    // What it may send: verdicts, and handing over a drafted correction.
    expect(CONTENT_SCRIPT_MESSAGES.has('annotate')).toBe(true);
    // Whatever else pages may report (tampering, a hidden card), never management, exports or settings.
    for (const type of CONTENT_SCRIPT_MESSAGES) expect(type, type).not.toMatch(/^(packs|settings):|:(export|list|withdraw|retry|deals)$/);
    for (const type of [...PACK_TYPES, 'annotate']) expect(refusal(type, 'foreign'), type).toBeDefined();
    for (const type of PACK_TYPES) expect(refusal(type, 'extension-page'), type).toBeUndefined();
  });

  it('a lookup is size-limited before anyone reads it', () => {
    const annotate = { type: 'annotate', url: 'https://news.example/', title: 't', blocks: [], strings: [], figures: [] };
    expect(parseMessage(BackgroundMessage, annotate).ok).toBe(true);
    expect(parseMessage(BackgroundMessage, { ...annotate, blocks: ['x'.repeat(LIMITS.blockChars + 1)] }).ok).toBe(false);
    expect(parseMessage(BackgroundMessage, { ...annotate, title: 'x'.repeat(LIMITS.titleChars + 1) }).ok).toBe(false);
    expect(parseMessage(BackgroundMessage, { ...annotate, figures: new Array(LIMITS.figuresPerBatch * 100).fill(0) }).ok).toBe(false);
    expect(parseMessage(BackgroundMessage, { type: 'packs:remove', id: 'x'.repeat(129) }).ok).toBe(false);
  });

  it('tabs are rate-limited one by one, so one noisy page never starves another', () => {
    let now = 0;
    const limiter = new TabRateLimiter(30, 200, () => now);
    let granted = 0;
    for (let i = 0; i < 1_000; i++) if (limiter.take(7)) granted++;
    expect(granted).toBe(200);
    expect(limiter.take(8)).toBe(true);
    now += 100;
    expect([limiter.take(7), limiter.take(7), limiter.take(7), limiter.take(7)]).toEqual([true, true, true, false]);
  });
});
