/**
 * Who may send the background what. The content script runs inside every web page, so whatever it
 * sends is treated as coming from the page: it may only ask for verdicts and hand over a drafted
 * correction (the card hands over the figure; the form, its deal list and the sending are the
 * correction window's, an extension page). Pack management, exports and
 * settings come only from the extension's own pages. Pure: the background passes what the
 * browser says about the sender.
 */

/** Message types a content script may send. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<string> = new Set(['annotate', 'corrections:draft', ...['highlights:style', 'page:state']]);

/**
 * What a frame says about the page itself (its highlight names to style, the badge's state): not
 * lookups, so limited apart from them. A frame sends one when its state changes, at most four a
 * second (`tamper-report.ts`); 20 at once lets a tab's frames all report after a load.
 */
export const PAGE_STATE_TYPES: ReadonlySet<string> = new Set(['highlights:style', 'page:state']);
export const PAGE_STATE_RATE = { perSecond: 5, burst: 20 } as const;

/** What the browser reports about a message's sender (`runtime.MessageSender`). */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** The tab the sender runs in; its `url` only when the browser lets the extension see it. */
  tab?: { id?: number; url?: string };
  /** The frame in the tab (0: the top one). */
  frameId?: number;
}

/** Addresses a web page can have: a tab showing one is the page's, not the reader's. */
const WEB_URL = /^(https?:|file:|ftp:|data:|blob:|about:blank|about:srcdoc)/i;

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/**
 * Where a message came from: one of the extension's own pages (its origin, whether in a tab or
 * not), the extension's content script in a tab, or anything else (refused).
 */
export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  if (sender.url?.startsWith(extensionOrigin)) {
    // One of our pages framed inside a web page's tab is not the reader's own page (none can be
    // framed today, with no web_accessible_resources; this keeps it so if that changes). The
    // browser's own pages (chrome://extensions, about:addons) embed the options page: allowed.
    if (sender.tab?.url !== undefined && WEB_URL.test(sender.tab.url)) return 'foreign';
    return 'extension-page';
  }
  if (sender.tab?.id !== undefined) return 'content-script';
  return 'foreign';
}

/** Whether a sender of this kind may send this message type; answers the refusal in words when not. */
export function refusal(type: string, kind: SenderKind): string | undefined {
  if (kind === 'extension-page') return undefined;
  if (kind === 'content-script' && CONTENT_SCRIPT_MESSAGES.has(type)) return undefined;
  return `Factmark does not accept "${type}" from ${kind === 'content-script' ? 'a web page' : 'this sender'}.`;
}

/**
 * A token bucket per tab: `burst` messages at once, refilled at `perSecond`. A page that mutates
 * all the time costs a bounded number of lookups per second; an ordinary article never meets it.
 */
export class TabRateLimiter {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes one token for `tab`; false when the tab has none left. */
  take(tab: number): boolean {
    const t = this.now();
    const bucket = this.buckets.get(tab) ?? { tokens: this.burst, at: t };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((t - bucket.at) / 1000) * this.perSecond);
    bucket.at = t;
    const ok = bucket.tokens >= 1;
    if (ok) bucket.tokens -= 1;
    this.buckets.set(tab, bucket);
    // Closed tabs leave their buckets behind: keep the map bounded.
    if (this.buckets.size > 1000) this.buckets.delete(this.buckets.keys().next().value!);
    return ok;
  }
}
