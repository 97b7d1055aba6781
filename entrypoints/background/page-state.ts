import type { HighlightStyleRequest, PageStateReport } from '../../data/schema/page-state-messages';
import { PAGE_STATE_RATE, TabRateLimiter, type SenderInfo } from '../../data/schema/message-policy';
import type { Result } from '../../data/schema/result';
import { Badge } from './badge';
import { styleHighlights } from './highlight-styles';

/**
 * What content scripts say about their page rather than its figures: style my highlight names,
 * and what the badge shows. Each needs the sender's own tab and frame (the styles go to that frame
 * only, the report counts for it only), and each tab is rate-limited apart from its lookups.
 */
export class PageStateService {
  private readonly badge = new Badge();
  private readonly limiter = new TabRateLimiter(PAGE_STATE_RATE.perSecond, PAGE_STATE_RATE.burst);

  start(): void {
    this.badge.start();
  }

  /** Handles a validated message from a content script (the caller checked the sender's kind). */
  async handle(message: HighlightStyleRequest | PageStateReport, sender: SenderInfo): Promise<Result<null>> {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    if (tabId === undefined || frameId === undefined) return { ok: false, error: 'Factmark takes this only from a page in a tab.' };
    if (!this.limiter.take(tabId)) return { ok: false, error: 'This page reported too often; Factmark will listen again shortly.' };
    if (message.type === 'highlights:style') return styleHighlights(message, tabId, frameId);
    await this.badge.report(message, tabId, frameId);
    return { ok: true, value: null };
  }
}
